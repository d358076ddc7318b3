"""What a chart (and a briefing slide) says about itself beyond its title: the period
("kế hoạch năm 2026 · kết quả đến quý III/2026"), the scope ("toàn quốc, 3.321 xã",
"Nghệ An, 130 xã"), how many rows of how many are shown, and the synthetic-data mark.

Pure functions of the :func:`dashboard.queries.data_period` row and the filters, shared by
the dashboard's figures (so the camera PNG keeps them) and by :mod:`dashboard.pack`.
"""
from __future__ import annotations

import re

import pandas as pd

from . import fmt
from .i18n import t

N_PROVINCES_VN = 34  # provinces and centrally-run cities since the 2025 merger

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def tx(key: str, lang: str, **kw) -> str:
    """The framing strings live in dashboard/i18n.py under ``frame.``."""
    return t(f"frame.{key}", lang, **kw)


def _int(v) -> int | None:
    return None if v is None or pd.isna(v) else int(v)


def period_label(period: str | None, lang: str = "vi") -> str:
    """'2026-Q3' -> 'quý III/2026' (Q3 2026); '2025' -> 'năm 2025'."""
    if not period:
        return ""
    m = re.fullmatch(r"(\d{4})-Q([1-4])", str(period))
    if m:
        y, q = m.group(1), int(m.group(2))
        return tx("quarter", lang, q=ROMAN[q], n=q, y=y)
    m = re.fullmatch(r"\d{4}", str(period))
    return tx("year", lang, y=period) if m else str(period)


def period_text(info: dict, lang: str = "vi", *, budget: bool = False) -> str:
    """'kế hoạch năm 2026 · kết quả đến quý III/2026' (or the budget years)."""
    if budget:
        a, b = _int(info.get("budget_year_min")), _int(info.get("budget_year_max"))
        if a is None:
            return ""
        return tx("budget_year", lang, y=a) if a == b else tx("budget_years", lang, a=a, b=b)
    a, b = _int(info.get("plan_year_min")), _int(info.get("plan_year_max"))
    if a is None:
        return ""
    plan = tx("plan_year", lang, y=a) if a == b else tx("plan_years", lang, a=a, b=b)
    res = info.get("result_period")
    res = tx("result_to", lang, p=period_label(res, lang)) if res else tx("no_result", lang)
    return f"{plan} · {res}"


def scope_text(info: dict, lang: str = "vi", *, provinces=(), communes=(),
               pillar_names=()) -> str:
    """'toàn quốc, 3.321 xã' · 'Nghệ An, 130 xã' · 'Nam Đàn (Nghệ An)' · '5 xã, 4 tỉnh đã nạp'."""
    n = fmt.num(_int(info.get("n_communes")) or 0, 0, lang)
    if communes:
        scope = (", ".join(communes) if len(communes) <= 3
                 else tx("n_communes", lang, n=fmt.num(len(communes), 0, lang)))
    elif provinces:
        names = ", ".join(provinces) if len(provinces) <= 3 else \
            tx("n_provinces", lang, n=fmt.num(len(provinces), 0, lang))
        scope = tx("in_provinces", lang, names=names, n=n)
    elif (_int(info.get("n_provinces_all")) or 0) >= N_PROVINCES_VN:
        scope = tx("national", lang, n=fmt.num(_int(info.get("n_communes_all")) or 0, 0, lang))
    else:
        scope = tx("all_loaded", lang, n=fmt.num(_int(info.get("n_communes_all")) or 0, 0, lang),
                   p=fmt.num(_int(info.get("n_provinces_all")) or 0, 0, lang))
    if pillar_names:
        scope += " · " + tx("groups", lang, names=", ".join(pillar_names))
    return scope


def shown_text(k: int, n: int | None, lang: str = "vi") -> str:
    """'Hiển thị 6 / 38 dòng' when a chart shows fewer rows than there are, else ''."""
    if n is None or k >= n:
        return ""
    return tx("shown", lang, k=fmt.num(k, 0, lang), n=fmt.num(n, 0, lang))


def coverage_text(info: dict, lang: str = "vi") -> str:
    t_, r = _int(info.get("n_targets")) or 0, _int(info.get("n_with_result")) or 0
    return tx("coverage", lang, r=fmt.num(r, 0, lang), t=fmt.num(t_, 0, lang)) if t_ else ""


def synthetic_mark(lang: str = "vi") -> str:
    return tx("synthetic", lang)
