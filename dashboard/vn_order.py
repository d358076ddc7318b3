"""Vietnamese alphabetical order, from ICU (DuckDB's bundled ``icu`` extension).

Code-point order puts "Huế" before "Hà Nội" (``u`` < ``à``) and every Đ- name after Z. The
Vietnamese alphabet is a ă â b c d đ e ê … with tones as a second-level difference, which
ICU's ``vi`` collation implements; DuckDB ships ICU in its Python wheel, so this works offline
and needs no hand-made table.

* In SQL: ``ORDER BY province COLLATE vi, commune COLLATE vi`` (:func:`sql`).
* On a frame: :func:`sort_frame` sorts text columns the Vietnamese way and the others as
  pandas does (numbers, dates, booleans), with the same ``by``/``ascending`` arguments.
* A list: :func:`sorted_vi`.

Equal names under the collation (none among real units) keep a code-point tie-break, so the
order is always total and the same on every run.
"""
from __future__ import annotations

import threading
from typing import Iterable, Sequence

import duckdb
import pandas as pd

COLLATION = "vi"
_lock = threading.Lock()
_con: duckdb.DuckDBPyConnection | None = None


def sql(expr: str) -> str:
    """``expr COLLATE vi`` for an ORDER BY (``expr`` is fixed SQL text, never user input)."""
    return f"{expr} COLLATE {COLLATION}"


def _cursor() -> duckdb.DuckDBPyConnection:
    global _con
    with _lock:
        if _con is None:
            _con = duckdb.connect()
        return _con.cursor()


def ranks(values: Iterable) -> dict[str, int]:
    """Each distinct text value -> its position in Vietnamese order (0-based)."""
    uniq = sorted({str(v) for v in values if isinstance(v, str)})
    if not uniq:
        return {}
    cur = _cursor()
    try:
        rows = cur.execute(f"SELECT v FROM unnest(?) t(v) ORDER BY {sql('v')}, v",
                           [uniq]).fetchall()
    finally:
        cur.close()
    return {v: i for i, (v,) in enumerate(rows)}


def sorted_vi(values: Iterable[str], reverse: bool = False) -> list[str]:
    vals = list(values)
    r = ranks(vals)
    return sorted(vals, key=lambda v: r.get(v, len(r)), reverse=reverse)


def key(series: pd.Series) -> pd.Series:
    """A ``sort_values(key=...)`` key: text -> its Vietnamese rank; other dtypes unchanged."""
    if not (series.dtype == object or pd.api.types.is_string_dtype(series)):
        return series
    uniq = pd.unique(series.dropna())
    if not all(isinstance(v, str) for v in uniq):
        return series  # mixed objects: leave pandas' order
    return series.map(ranks(uniq)).astype("Float64")


def sort_frame(df: pd.DataFrame, by: str | Sequence[str],
               ascending: bool | Sequence[bool] = True) -> pd.DataFrame:
    """``df`` sorted by ``by``, text columns in Vietnamese order, missing values last."""
    by = [by] if isinstance(by, str) else list(by)
    return df.sort_values(by, ascending=ascending, key=key, kind="stable",
                          na_position="last")
