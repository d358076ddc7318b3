"""Long lists a page at a time: LIMIT/OFFSET in SQL (:func:`paged`) and the pager under the
table (:func:`pager`); the page number is the ``w_page_<key>`` widget."""
from __future__ import annotations

from typing import Callable

import pandas as pd
import streamlit as st

from . import fmt
from . import frame as page_frame
from .i18n import t
from .queries import Filters


def paged(fn: Callable[..., pd.DataFrame], f: Filters, key: str, size: int = 50, **kw
          ) -> tuple[pd.DataFrame, int]:
    """One page of a long list; the pager is drawn by :func:`pager`."""
    q = page_frame.current().query
    page = int(st.session_state.get(f"w_page_{key}", 1) or 1)
    df = q(fn, f, limit=size, offset=(page - 1) * size, **kw)
    if df.empty and page > 1:
        st.session_state.pop(f"w_page_{key}", None)
        df = q(fn, f, limit=size, offset=0, **kw)
    total = int(df["n_total"].iat[0]) if len(df) and "n_total" in df else len(df)
    return df, total


def pager(total: int, key: str, size: int = 50) -> None:
    if total <= size:
        return
    L = page_frame.current().lang
    pages = (total + size - 1) // size
    c1, c2 = st.columns([1, 4])
    page = c1.number_input(t("page_n"), min_value=1, max_value=pages, step=1,
                           key=f"w_page_{key}")
    a = (page - 1) * size + 1
    b = min(total, page * size)
    c2.caption(t("rows_of", a=fmt.num(a, 0, L), b=fmt.num(b, 0, L), n=fmt.num(total, 0, L)))
