"""Vietnamese (default) and English number, money and date formatting with babel."""
from __future__ import annotations

import math
import re
from datetime import date, datetime

from babel.dates import format_date
from babel.numbers import format_decimal

from .i18n import t

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
        return f"{num(million_vnd / 1000, 2, lang)} {t('money_unit_billion', lang)}"
    return f"{num(million_vnd, 0 if float(million_vnd).is_integer() else 1, lang)} " \
           f"{t('money_unit', lang)}"


def money_billion(million_vnd, lang: str = "vi") -> str:
    """Million VND shown in billions: 3150 -> '3,15 tỷ đồng'."""
    if _missing(million_vnd):
        return "–"
    return f"{num(million_vnd / 1000, 2, lang)} {t('money_unit_billion', lang)}"


def billions(million_vnd, lang: str = "vi") -> str:
    """Million VND as a bare number of billions: 3150 -> '3,15' (the unit goes in the label)."""
    if _missing(million_vnd):
        return "–"
    return num(million_vnd / 1000, 2, lang)


def _unit_words() -> dict[str, str]:
    """Unit words vi -> en (data/catalog/unit_words.csv), keyed by the lower-case word."""
    global _UNITS
    if _UNITS is None:
        import csv
        from pathlib import Path
        path = Path(__file__).resolve().parents[1] / "data" / "catalog" / "unit_words.csv"
        with open(path, encoding="utf-8", newline="") as fh:
            _UNITS = {r["vi"].strip().lower(): r["en"].strip() for r in csv.DictReader(fh)
                      if r.get("vi") and r.get("en")}
    return _UNITS


_UNITS: dict[str, str] | None = None


def unit_name(unit, lang: str = "vi") -> str:
    """A unit (đơn vị tính) in the UI language: the one path every unit shown goes through.
    Vietnamese: as written. English: from data/catalog/unit_words.csv ("người" -> "people",
    "hồ sơ" -> "dossiers", "triệu đồng" -> "million VND"); a word the table does not have
    stays as written."""
    if not isinstance(unit, str) or not unit.strip():
        return ""
    u = unit.strip()
    if lang == "vi":
        return u
    return _unit_words().get(u.lower(), u)


def value(x, unit: str | None, lang: str = "vi") -> str:
    """A measured value in its unit: (85, '%') -> '85%'; (20, 'hạng') -> 'thứ 20'."""
    if _missing(x):
        return "–"
    if unit == "%":
        return pct(x, 2, lang)
    if unit in ("hạng", "rank"):
        return t("fmt_rank", lang, n=num(x, 0, lang))
    return f"{num(x, 2, lang)}{' ' + unit_name(unit, lang) if unit else ''}"


def gap(x, unit: str | None, lang: str = "vi") -> str:
    """A gap in the indicator's unit: percentage points for %, ranks for a rank."""
    if _missing(x):
        return "–"
    if unit == "%":
        return f"{num(x, 1, lang)} {t('pp', lang)}"
    if unit in ("hạng", "rank"):
        return f"{num(x, 0, lang)} {t('fmt_places', lang)}"
    return f"{num(x, 2, lang)}{' ' + unit_name(unit, lang) if unit else ''}"


def gap_bound(x, kind: str | None, unit: str | None, lang: str = "vi") -> str:
    """A gap as the contract states it (``gap_kind``): exact, or a bound when the result is
    itself a bound ("Trên 60%" against "Trên 80%": at most 20 points)."""
    if _missing(x) or kind in (None, "none"):
        return "–"
    g = gap(x, unit, lang)
    if kind == "at_most":
        return t("fmt_at_most", lang, g=g)
    if kind == "at_least":
        return t("fmt_at_least", lang, g=g)
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


# what a parsed target or result says, in English (the Vietnamese UI shows the text as typed)
_OP_EN = {">=": "at least", ">": "above", "<=": "at most", "<": "below"}
_DONE_EN = {"done": "done", "not_done": "not done", "in_progress": "in progress",
            "achieved": "achieved", "not_achieved": "not achieved"}


def _spec_num(x, unit, lang: str) -> str:
    if unit in ("hạng", "rank"):
        return num(x, 0, lang)
    return value(x, unit, lang)


_BARE_NUMBER = re.compile(r"^\s*\d[\d.,]*\s*%?\s*$")


def spec_text(raw, kind, op, low, high=None, unit=None, lang: str = "vi") -> str:
    """A target or result in the UI language, from its parsed columns (``*_kind``, ``*_op``,
    ``*_low``/``actual_value``, ``*_high``, unit). Vietnamese, free text and anything the
    parse did not decide: the text as typed. English: 'Trên 80%' -> 'above 80%',
    'Tối thiểu 50%' -> 'at least 50%', 'Hoàn thành' -> 'done', 'Thứ 1-3' -> 'rank 1–3'."""
    raw_s = raw if isinstance(raw, str) else ("" if _missing(raw) else str(raw))
    if (lang == "vi" and kind in ("percent", "number") and op == "=" and not _missing(low)
            and _BARE_NUMBER.match(raw_s)):
        # a bare figure ("19.5%" from a number cell) in the language's one number format,
        # so it never sits beside "10,8%"; anything with words stays as typed
        return value(low, "%" if kind == "percent" else None, lang) + (
            "" if kind == "percent" or not unit or unit == "%" else f" {unit_name(unit, lang)}")
    if lang == "vi" or not isinstance(kind, str) or not isinstance(op, str):
        return raw_s
    if kind in ("done", "status"):
        return _DONE_EN.get(op, raw_s)
    if kind not in ("percent", "number", "rank") or _missing(low):
        return raw_s
    rank = kind == "rank" or unit in ("hạng", "rank")
    if kind == "number" and raw_s:  # the unit as written ("6 lượt người", not "6 lượt")
        tail = re.split(r"\d", raw_s)[-1].strip(" .,-–")
        if tail and tail != "%" and not re.search(r"\d", tail):
            unit = tail
    if op == "between" and not _missing(high):
        lo_s = num(low, 0 if rank else 2, lang)
        txt = f"{lo_s}–{_spec_num(high, unit, lang)}"
        return f"rank {txt}" if rank else txt
    v = _spec_num(low, unit, lang)
    if rank:
        if op in ("<=", "<"):
            return f"top {v}" if op == "<=" else f"better than rank {v}"
        return f"rank {v}" if op == "=" else raw_s
    if op in _OP_EN:
        return f"{_OP_EN[op]} {v}"
    return v


def _get(r, k):
    v = r.get(k) if isinstance(r, dict) else getattr(r, k, None)
    return None if v is None or (not isinstance(v, str) and _missing(v)) else v


def target_text(r, lang: str = "vi") -> str:
    """A progress row's target in the UI language (:func:`spec_text`)."""
    return spec_text(_get(r, "target_text"), _get(r, "target_kind"), _get(r, "target_op"),
                     _get(r, "target_low"), _get(r, "target_high"), _get(r, "unit"), lang)


def result_text(r, lang: str = "vi") -> str:
    """A progress row's result in the UI language (:func:`spec_text`; a bare value)."""
    return spec_text(_get(r, "actual_text"), _get(r, "actual_kind"), _get(r, "actual_op"),
                     _get(r, "actual_value"), None,
                     _get(r, "actual_unit") or _get(r, "unit"), lang)


# The funding sources' normalised names (data/catalog/funding_sources.csv) in the UI language;
# a name not listed there stays as written.
_FUNDING_KEYS = {"Ngân sách trung ương": "fund_central", "Ngân sách tỉnh": "fund_province",
                 "Ngân sách xã": "fund_commune", "Xã hội hóa": "fund_private",
                 "Nguồn hợp pháp của đơn vị": "fund_own"}


def funding_name(name, lang: str = "vi"):
    """'Ngân sách tỉnh' -> 'Provincial budget' in English; anything else unchanged."""
    key = _FUNDING_KEYS.get(name) if isinstance(name, str) else None
    return t(key, lang) if key and lang != "vi" else name


# A budget line's status as the plans write it, in the UI language; another stays as written.
_BUDGET_STATUS_KEYS = {"đề xuất": "bstatus_proposed", "đã phê duyệt": "bstatus_approved",
                       "mới": "bstatus_new", "đang thực hiện": "bstatus_under_way",
                       "chuyển tiếp": "bstatus_carried_over"}


def budget_status_name(name, lang: str = "vi"):
    """'Đề xuất' -> 'Proposed' in English; anything else unchanged."""
    key = _BUDGET_STATUS_KEYS.get(name.strip().lower()) if isinstance(name, str) else None
    return t(key, lang) if key and lang != "vi" else name
