"""Parse targets and results as Vietnamese offices write them, keeping the raw text.

A value becomes (op, low, high, unit) plus a ``kind``:

=========  =====================================  ===============================
kind       examples                               op
=========  =====================================  ===============================
percent    100%, ≥ 80%, Trên 90%, 50-80%, 99,82%   =, >=, >, <=, <, between
number     6.876, 1.000, 1- 2 người, 25           =, >=, >, between
rank       Thứ 20-30 (lower is better)             between, <=
done       Hoàn thành / Chưa thực hiện             done, not_done
status     Đạt / Không đạt (an assessment)         achieved, not_achieved
text       Có ứng dụng AI phục vụ người dân        None
=========  =====================================  ===============================

Percentages are stored 0-100. Numbers follow Vietnamese conventions: ``.`` groups thousands
(``1.000`` is one thousand), ``,`` is the decimal mark (``99,82``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalize import clean, fold

NUM = r"\d[\d.,]*\d|\d"
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$")
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+$")

UNIT_WORDS = {
    "%": "%", "người": "người", "hồ sơ": "hồ sơ", "dịch vụ": "dịch vụ", "tổ": "tổ",
    "lớp": "lớp", "buổi": "buổi", "thôn": "thôn", "xóm": "xóm", "cuộc": "cuộc",
    "triệu đồng": "triệu đồng", "tỷ đồng": "tỷ đồng", "đồng": "đồng", "hộ": "hộ",
    "doanh nghiệp": "doanh nghiệp", "bảng": "bảng", "điểm": "điểm", "lượt": "lượt",
}

# Phrases are matched on folded text (no diacritics, lower case).
_GE = ("tu", "toi thieu", "it nhat", "khong duoi", "khong thap hon", ">=", "≥")
_GT = ("tren", "hon", "vuot", ">")
_LE = ("toi da", "khong qua", "khong vuot qua", "<=", "≤")
_LT = ("duoi", "<")
_FILLERS = ("phan dau", "dat ty le", "dat ti le", "dat", "co", "dam bao", "bao dam", "khoang")

DONE = {"hoan thanh", "da hoan thanh", "hoan thanh 100%", "xong", "da thuc hien", "co"}
NOT_DONE = {"chua thuc hien", "chua hoan thanh", "khong thuc hien", "chua trien khai", "chua co",
            "khong"}
ACHIEVED = {"dat", "da dat", "dat chi tieu", "dat ke hoach", "vuot", "vuot chi tieu",
            "hoan thanh chi tieu", "dat va vuot"}
NOT_ACHIEVED = {"khong dat", "chua dat", "khong dat chi tieu", "chua dat chi tieu"}


@dataclass(frozen=True)
class Parsed:
    text: str
    kind: str  # percent | number | rank | done | status | text | empty
    op: str | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    numerator: float | None = None
    denominator: float | None = None
    stated_percent: float | None = None
    qualifier: str = ""
    flags: tuple[str, ...] = field(default_factory=tuple)

    @property
    def value(self) -> float | None:
        """One representative number: the bound that decides achievement."""
        return self.low if self.low is not None else self.high

    @property
    def is_numeric(self) -> bool:
        return self.kind in ("percent", "number", "rank")


def parse_number(token: str) -> float | None:
    """'1.000' -> 1000, '99,82' -> 99.82, '1.000,5' -> 1000.5, '6129' -> 6129."""
    t = token.strip().replace(" ", "")
    if not t or not re.fullmatch(r"[\d.,]+", t) or not re.search(r"\d", t):
        return None
    if "." in t and "," in t:
        if t.rfind(",") > t.rfind("."):  # 1.000,5 (Vietnamese)
            t = t.replace(".", "").replace(",", ".")
        else:  # 1,000.5 (English)
            t = t.replace(",", "")
    elif "." in t:
        if _THOUSANDS_DOT.match(t):
            t = t.replace(".", "")
        elif t.count(".") > 1:
            return None
    elif "," in t:
        if t.count(",") > 1:
            if not _THOUSANDS_COMMA.match(t):
                return None
            t = t.replace(",", "")
        else:
            t = t.replace(",", ".")
    t = t.strip(".")
    try:
        return float(t)
    except ValueError:
        return None


def is_ambiguous_number(token: str) -> bool:
    """'1,000' reads 1 (Vietnamese decimal) or 1000 (English grouping): say so."""
    t = token.strip()
    return bool(re.fullmatch(r"\d{1,3},\d{3}", t))


def _unit_after(rest: str) -> tuple[str | None, str]:
    r = rest.strip()
    if r.startswith("%"):
        return "%", r[1:].strip()
    low = r.lower()
    for word in sorted(UNIT_WORDS, key=len, reverse=True):
        if word != "%" and (low == word or low.startswith(word + " ") or
                            low.startswith(word + ",") or low.startswith(word + ")")):
            return UNIT_WORDS[word], r[len(word):].strip()
    return None, r


def _comparator(prefix_raw: str, suffix_folded: str) -> str:
    raw = prefix_raw.strip()
    for sym, op in (("≥", ">="), (">=", ">="), ("≤", "<="), ("<=", "<="), (">", ">"),
                    ("<", "<")):
        if raw.endswith(sym):
            return op
    p = fold(raw)
    for fill in _FILLERS:  # "Đạt trên 1%": drop the filler, keep the comparator
        if p.startswith(fill + " "):
            p = p[len(fill) + 1:]
    # The longest phrase that ends the prefix wins: "không dưới" (>=) over "dưới" (<),
    # "không vượt quá" (<=) over "vượt" (>).
    hits = [(len(x), o) for o, words in ((">", _GT), (">=", _GE), ("<=", _LE), ("<", _LT))
            for x in words if p == x or p.endswith(" " + x)]
    op = max(hits)[1] if hits else "="
    if op == "=" and ("tro len" in suffix_folded or "tro len" in p):
        op = ">="
    if op == "=" and ("tro xuong" in suffix_folded):
        op = "<="
    return op


def _status(folded: str) -> str | None:
    f = folded.strip(" .;")
    if f in NOT_DONE:
        return "not_done"
    if f in NOT_ACHIEVED:
        return "not_achieved"
    if f in ACHIEVED:
        return "achieved"
    if f in DONE:
        return "done"
    return None


def parse_value(raw: object, *, unit_hint: str | None = None,
                percent_format: bool = False) -> Parsed:
    """Parse one cell. ``unit_hint`` is the ĐVT column; ``percent_format`` means the cell is
    a number formatted as a percentage in Excel (0.8 shown as 80%)."""
    unit_hint = clean(unit_hint) or None
    if raw is None or (isinstance(raw, str) and not clean(raw)):
        return Parsed(text="", kind="empty")
    if isinstance(raw, bool):
        return Parsed(text=str(raw), kind="done", op="done" if raw else "not_done")
    if isinstance(raw, (int, float)):
        v = float(raw)
        text = _format_raw_number(v)
        if percent_format:
            v = round(v * 100, 6)
            return Parsed(text=f"{_format_raw_number(v)}%", kind="percent", op="=", low=v,
                          high=v, unit="%")
        unit = unit_hint
        kind = "percent" if unit == "%" else "number"
        return Parsed(text=text, kind=kind, op="=", low=v, high=v, unit=unit)

    text = clean(raw)
    folded = fold(text)
    status = _status(folded)
    if status in ("done", "not_done"):
        return Parsed(text=text, kind="done", op=status)
    if status in ("achieved", "not_achieved"):
        return Parsed(text=text, kind="status", op=status)

    # Rank: "Thứ 20-30", "Top 10", "Hạng 5"
    m = re.match(rf"^(thứ|hạng|top|xếp thứ|xếp hạng)\s*({NUM})\s*(?:(?:-|–|—|đến|tới)\s*({NUM}))?",
                 text, flags=re.I)
    if m:
        a = parse_number(m.group(2))
        b = parse_number(m.group(3)) if m.group(3) else None
        if b is not None:
            return Parsed(text=text, kind="rank", op="between", low=min(a, b), high=max(a, b),
                          unit="hạng", qualifier=text[m.end():].strip())
        return Parsed(text=text, kind="rank", op="<=", low=None, high=a, unit="hạng",
                      qualifier=text[m.end():].strip())

    # Fraction: "6129/6190", "6.876/6.876", optionally with a stated percentage after it.
    m = re.search(rf"({NUM})\s*/\s*({NUM})", text)
    if m:
        num, den = parse_number(m.group(1)), parse_number(m.group(2))
        if num is not None and den:
            computed = round(num / den * 100, 2)
            stated = None
            rest = text[m.end():]
            mp = re.search(rf"({NUM})\s*%", rest)
            if mp:
                stated = parse_number(mp.group(1))
            flags = ()
            if stated is not None and abs(stated - computed) > 0.05:
                flags = ("fraction_mismatch",)
            return Parsed(text=text, kind="percent", op="=", low=computed, high=computed,
                          unit="%", numerator=num, denominator=den, stated_percent=stated,
                          flags=flags)

    # Range: "50-80%", "1- 2 người", "từ 50 đến 80%"
    m = re.search(rf"({NUM})\s*(%?)\s*(?:-|–|—|đến|tới)\s*({NUM})", text)
    if m:
        a, b = parse_number(m.group(1)), parse_number(m.group(3))
        if a is not None and b is not None:
            unit, rest = _unit_after(text[m.end():])
            if m.group(2) == "%":
                unit = "%"
            unit = unit or unit_hint
            kind = "percent" if unit == "%" else "number"
            return _checked(Parsed(text=text, kind=kind, op="between", low=min(a, b),
                                   high=max(a, b), unit=unit, qualifier=rest))

    # A single number with an optional comparator before it and a unit after it.
    m = re.search(rf"({NUM})", text)
    if m:
        v = parse_number(m.group(1))
        if v is not None:
            prefix = text[: m.start()]
            unit, rest = _unit_after(text[m.end():])
            unit = unit or unit_hint
            if len(fold(prefix).split()) <= 4:  # a label with a number inside is not a value
                op = _comparator(prefix, fold(rest))
                kind = "percent" if unit == "%" else "number"
                flags = ("ambiguous_number",) if is_ambiguous_number(m.group(1)) else ()
                low = v if op in ("=", ">=", ">") else None
                high = v if op in ("=", "<=", "<") else None
                return _checked(Parsed(text=text, kind=kind, op=op, low=low, high=high,
                                       unit=unit, qualifier=rest, flags=flags))

    return Parsed(text=text, kind="text")


def _checked(p: Parsed) -> Parsed:
    if p.kind == "percent" and ((p.low or 0) > 100 or (p.high or 0) > 100):
        return Parsed(**{**p.__dict__, "flags": p.flags + ("percent_over_100",)})
    return p


def _format_raw_number(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(v)


def parse_amount(raw: object) -> tuple[float | None, str]:
    """Money in million VND: '1.000' -> 1000.0; '1,5 tỷ' -> 1500.0. Returns (value, raw)."""
    if raw is None:
        return None, ""
    if isinstance(raw, bool):
        return None, str(raw)
    if isinstance(raw, (int, float)):
        return float(raw), _format_raw_number(float(raw))
    text = clean(raw)
    if not text:
        return None, ""
    m = re.fullmatch(rf"({NUM})\s*(triệu đồng|triệu|trđ|tr|tỷ đồng|tỷ)?\.?", text, flags=re.I)
    if not m:
        return None, text
    v = parse_number(m.group(1))
    if v is None:
        return None, text
    if m.group(2) and m.group(2).lower().startswith("tỷ"):
        v *= 1000
    return v, text
