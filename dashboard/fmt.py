"""Vietnamese (default) and English number, money and date formatting with babel."""
from __future__ import annotations

import math
from datetime import date, datetime

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALES = {"vi": "vi_VN", "en": "en_US"}


def _loc(lang: str) -> str:
    return LOCALES.get(lang, "vi_VN")


def _missing(x) -> bool:
    if x is None:
        return True
    try:
        return bool(math.isnan(x))
    except TypeError:
        return False


def num(x, digits: int = 2, lang: str = "vi") -> str:
    """3150 -> '3.150'; 99.82 -> '99,82' (vi) / '3,150', '99.82' (en). Missing -> '–'."""
    if _missing(x):
        return "–"
    pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "")
    return format_decimal(x, format=pattern, locale=_loc(lang))


def pct(x, digits: int = 2, lang: str = "vi") -> str:
    """A value already in percent (99.82) -> '99,82%'."""
    if _missing(x):
        return "–"
    return f"{num(x, digits, lang)}%"


def share(part, whole, lang: str = "vi") -> str:
    """part/whole as a percentage with one decimal: (7, 12) -> '58,3%'."""
    if not whole:
        return "–"
    return pct(100.0 * part / whole, 1, lang)


def money(million_vnd, lang: str = "vi") -> str:
    """Million VND: 3150 -> '3.150 triệu đồng'; >= 10,000 million -> '12,5 tỷ đồng'."""
    if _missing(million_vnd):
        return "–"
    if abs(million_vnd) >= 10_000:
        return f"{num(million_vnd / 1000, 2, lang)} {'tỷ đồng' if lang == 'vi' else 'billion VND'}"
    return f"{num(million_vnd, 0 if float(million_vnd).is_integer() else 1, lang)} " \
           f"{'triệu đồng' if lang == 'vi' else 'million VND'}"


def money_billion(million_vnd, lang: str = "vi") -> str:
    """Million VND shown in billions: 3150 -> '3,15 tỷ đồng'."""
    if _missing(million_vnd):
        return "–"
    return f"{num(million_vnd / 1000, 2, lang)} {'tỷ đồng' if lang == 'vi' else 'billion VND'}"


def billions(million_vnd, lang: str = "vi") -> str:
    """Million VND as a bare number of billions: 3150 -> '3,15' (the unit goes in the label)."""
    if _missing(million_vnd):
        return "–"
    return num(million_vnd / 1000, 2, lang)


def value(x, unit: str | None, lang: str = "vi") -> str:
    """A measured value in its unit: (85, '%') -> '85%'; (20, 'hạng') -> 'thứ 20'."""
    if _missing(x):
        return "–"
    if unit == "%":
        return pct(x, 2, lang)
    if unit in ("hạng", "rank"):
        return (f"thứ {num(x, 0, lang)}" if lang == "vi" else f"rank {num(x, 0, lang)}")
    return f"{num(x, 2, lang)}{' ' + unit if unit else ''}"


def gap(x, unit: str | None, lang: str = "vi") -> str:
    """A gap in the indicator's unit: percentage points for %, ranks for a rank."""
    if _missing(x):
        return "–"
    if unit == "%":
        return f"{num(x, 1, lang)} {'điểm %' if lang == 'vi' else 'pp'}"
    if unit in ("hạng", "rank"):
        return f"{num(x, 0, lang)} {'bậc' if lang == 'vi' else 'places'}"
    return f"{num(x, 2, lang)}{' ' + unit if unit else ''}"


def gap_bound(x, kind: str | None, unit: str | None, lang: str = "vi") -> str:
    """A gap as the contract states it (``gap_kind``): exact, or a bound when the result is
    itself a bound ("Trên 60%" against "Trên 80%": at most 20 points)."""
    if _missing(x) or kind in (None, "none"):
        return "–"
    g = gap(x, unit, lang)
    if kind == "at_most":
        return f"{'tối đa' if lang == 'vi' else 'at most'} {g}"
    if kind == "at_least":
        return f"{'ít nhất' if lang == 'vi' else 'at least'} {g}"
    return g


def likelihood(p, lang: str = "vi") -> str:
    """A forecast's likelihood (0-1) as a whole percentage: 0.734 -> '73%'."""
    if _missing(p):
        return "–"
    return pct(100.0 * float(p), 0, lang)


def day(d, lang: str = "vi") -> str:
    """A date: 22/11/2025 (vi) / Nov 22, 2025 (en)."""
    if d is None or (not isinstance(d, (date, datetime)) and _missing(d)):
        return "–"
    if hasattr(d, "to_pydatetime"):
        d = d.to_pydatetime()
    if isinstance(d, datetime):
        d = d.date()
    return format_date(d, format="dd/MM/yyyy" if lang == "vi" else "medium", locale=_loc(lang))
