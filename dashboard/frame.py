"""The page frame: what this script run shows, built once by the entry script for the page.

streamlit_app.py draws the sidebar (language, briefing, filters), then builds one
:class:`Frame` and opens it around ``page.run()``; the page's first line,
``frame = start_page("page_…")``, gets it (with the title, the database check and the slot
of the simulated-data banner). Helpers called by the page read the same object through
:func:`current`. Pages stay files in pages/ (their names are the addresses), and a file page
of st.navigation takes no arguments, so the frame travels in one session key for the
duration of the run — opened before ``page.run()``, removed after it whatever happens.

A page run on its own (an AppTest of that page, or Streamlit's legacy pages/ mode: see
:mod:`dashboard.st_workaround`) builds its own frame from the URL and the session.

Session-state keys — the whole protocol between the entry script, the pages and the widgets:

===================== ========================================= ==============================
key                   written by                                what
===================== ========================================= ==============================
``dashboard.frame``   :func:`opened` (entry) / :func:`for_page`  this run's :class:`Frame`
``_init``             :func:`dashboard.url_state.init`           the URL was read (once a session)
``p_<name>``          url_state.init (URL), url_state.persist    a setting's value (URL: url_state.URL)
``d_<name>``          url_state.persist                         its default (not put in the URL)
``w_<name>``          the setting's widget (``key=``)           widget state
``w_page_<key>``      :func:`dashboard.paging.pager`             page number of a long list
``lang``              sidebar.controls, url_state.init          UI language (read by i18n.t)
``dashboard.rerouted`` :mod:`dashboard.st_workaround`           legacy-mode rerun asked for
===================== ========================================= ==============================

Widget keys of single widgets (``pack_pptx``, ``cat_search``, …) and dashboard/auth.py's
sign-in keys belong to their modules.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

import pandas as pd
import streamlit as st

from . import db, url_state
from .i18n import t
from .queries import Filters

KEY = "dashboard.frame"


@dataclass(eq=False)
class Frame:
    filters: Filters      # the sidebar filters (province, communes, DTI group, target year)
    lang: str             # "vi" | "en"
    briefing: bool        # briefing mode: no sidebar, one chart for a 16:9 screen
    data: db.DbState      # the database this run reads: its path and data version
    alone: bool = False   # the page runs without the entry script (AppTest of one page)
    synthetic: bool = False   # a query of this page returned simulated rows (banner)
    page_params: set[str] = field(default_factory=set)  # page settings to keep in the URL
    banner: Any = None    # the slot the simulated-data banner fills at the end

    def query(self, fn: Callable[..., pd.DataFrame], f: Filters | None, **kw) -> pd.DataFrame:
        """A cached query (:func:`dashboard.db.run`); notes when its rows are simulated."""
        df = db.run(fn, f, **kw)
        if has_synthetic(df):
            self.synthetic = True
        return df

    def use_param(self, name: str) -> None:
        """This page shows setting ``name`` (``?chi_tieu=``, …): keep it in the URL."""
        self.page_params.add(name)


def has_synthetic(df: pd.DataFrame) -> bool:
    """Whether any row of a query's result is simulated (its ``synthetic`` column)."""
    return "synthetic" in df.columns and len(df) > 0 and bool(df["synthetic"].fillna(False).any())


def build(filters: Filters | None = None, alone: bool = False) -> Frame:
    return Frame(filters=filters if filters is not None else url_state.filters(),
                 lang=url_state.lang(), briefing=url_state.briefing(), data=db.state(),
                 alone=alone)


@contextmanager
def opened(frame: Frame) -> Iterator[Frame]:
    """The entry script: ``with opened(build(f)) as frame: page.run() …``."""
    st.session_state[KEY] = frame
    try:
        yield frame
    finally:
        st.session_state.pop(KEY, None)


def for_page() -> Frame:
    """The entry script's frame of this run, else (a page run on its own) a new one."""
    frame = st.session_state.get(KEY)
    if frame is not None and not frame.alone:
        return frame
    from . import st_workaround
    st_workaround.reroute_legacy_run()  # reruns through streamlit_app.py when it must
    url_state.init()
    frame = st.session_state[KEY] = build(alone=True)
    return frame


def current() -> Frame:
    """The frame of the running page (for helpers the page calls)."""
    frame = st.session_state.get(KEY)
    return frame if frame is not None else for_page()


def leave_briefing_button(faint: bool = True) -> None:
    """The way out of briefing mode: faint on a slide (until pointed at), plain elsewhere."""
    st.button(t("briefing_exit"), on_click=url_state.leave_briefing,
              type="tertiary" if faint else "secondary",
              key="leave_briefing" if faint else "leave_briefing_plain")


def start_page(title_key: str) -> Frame:
    """A page's first line: its title, the database check, a slot for the simulated-data
    banner; returns the frame."""
    frame = for_page()
    if frame.briefing:
        c1, c2 = st.columns([5, 1], vertical_alignment="center")
        c1.markdown(f"#### {t(title_key)}")
        with c2:
            leave_briefing_button()
    else:
        st.title(t(title_key))
    if frame.data.missing:
        st.error(f"**{t('db_missing_title')}**\n\n" + t("db_missing", path=frame.data.path))
        st.stop()
    frame.banner = st.empty()
    return frame


def end_page(frame: Frame) -> None:
    """The entry script, after the page: the banner when simulated rows were shown."""
    if frame.banner is not None and frame.synthetic:
        frame.banner.warning(t("synthetic_banner"), icon="⚠️")
