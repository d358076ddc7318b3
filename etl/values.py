"""Parse targets and results as Vietnamese offices write them, keeping the raw text.

A value becomes (op, low, high, unit) plus a ``kind``:

=========  ============================================  ==============================
kind       examples                                      op
=========  ============================================  ==============================
percent    100%, ≥ 80%, Trên 90%, 50-80%, 99,82%, -5%     =, >=, >, <=, <, between
number     6.876, 1.000, 1- 2 người, 25                  =, >=, >, <=, <, between
rank       Thứ 20-30, Top 10, Xếp thứ 62/84 (lower is     between, <=
           better)
change     Giảm 5%, giảm ít nhất 5%, Tăng 10%            =, >=, >, <=, <
done       Hoàn thành / Chưa thực hiện                   done, not_done
status     Đạt / Không đạt (an assessment)               achieved, not_achieved
date       30/6/2026, Trước 30/6/2026, Quý 3/2026,       =, <, <=, >, >=, between
           Hoàn thành trước 30/6/2026, a date cell
text       anything else: Có ứng dụng AI…, abc 5 xyz,    None
           +cmd|' /C calc'!A0, @SUM(1+1)
=========  ============================================  ==============================

Percentages are stored 0-100. Numbers follow Vietnamese conventions: ``.`` groups thousands
(``1.000`` is one thousand), ``,`` is the decimal mark (``99,82``); ``1,000`` is read as
1 and flagged ``ambiguous_number`` (it may be an English-style thousand).

**change** is a signed change of the indicator, not a level: ``Giảm 5%`` is low = high =
-5 (op ``=``), ``giảm ít nhất 5%`` is "change <= -5" (op ``<=``, high = -5), ``Tăng ít nhất
10%`` is "change >= 10". The progress view does not compare a change with a level (it is
``not_comparable``), so a decrease target is never read as "= 5 %".

**date** keeps the date in ``low``/``high`` as the number ``YYYYMMDD`` (20260630.0 for
30/6/2026; ``Parsed.date_low``/``date_high`` give :class:`datetime.date`); a period is a
range: ``Quý 3/2026`` is between 20260701 and 20260930, ``Tháng 6/2026`` the month.
``Trước`` X is ``<`` the first day of X, ``Chậm nhất``/``Đến`` X is ``<=`` its last day.
``Parsed.value`` is None for a date (a date is not a quantity). ``unit`` is None.

The grammar is a small tokenizer plus two tables instead of "the first number in the
text": a value is ``[prefix phrases] core [unit] [qualifier]`` where

* every prefix word must be a phrase of :data:`PHRASES` (comparators, fillers such as
  ``Đạt``/``Phấn đấu``, change words, deadline words, rank words) or a symbol ``≥ ≤ > <``;
* the core is one of :data:`CORE_FORMS` (date, rank, fraction, range, a signed number),
  anchored where the prefix ends;
* after the core: a unit word or ``%``, then nothing, or a qualifier that starts with a
  blank or ``( , ; . :`` and does not start with a digit.

Anything else is ``text``: nothing is guessed out of a sentence or a formula.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .normalize import clean, fold

NUM = r"\d+(?:[.,]\d+)*"
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$")
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+$")

UNIT_WORDS = {
    "%": "%", "người": "người", "hồ sơ": "hồ sơ", "dịch vụ": "dịch vụ", "tổ": "tổ",
    "lớp": "lớp", "buổi": "buổi", "thôn": "thôn", "xóm": "xóm", "cuộc": "cuộc",
    "triệu đồng": "triệu đồng", "tỷ đồng": "tỷ đồng", "đồng": "đồng", "hộ": "hộ",
    "doanh nghiệp": "doanh nghiệp", "bảng": "bảng", "điểm": "điểm", "lượt": "lượt",
    # broadband speeds (keys are lower case: matched on the lower-cased text)
    "mb/s": "Mb/s", "mbps": "Mb/s", "mbit/s": "Mb/s", "gb/s": "Gb/s", "gbps": "Gb/s",
}

# Prefix phrases, matched on folded words (no diacritics, lower case), longest first.
#   ("cmp", op)   a comparator;        ("fill",)  a word that does not change the value;
#   ("chg", sign) a change (giảm/tăng); ("date", op) a deadline word (only before a date);
#   ("rank",)     the value is a rank (lower is better).
PHRASES: dict[str, tuple] = {
    **{w: ("cmp", ">=") for w in ("tu", "toi thieu", "it nhat", "khong duoi",
                                  "khong thap hon", "tren hoac bang")},
    **{w: ("cmp", ">") for w in ("tren", "hon", "vuot", "cao hon")},
    **{w: ("cmp", "<=") for w in ("toi da", "khong qua", "khong vuot qua", "khong cao hon",
                                  "giam con", "giam xuong con", "con duoi hoac bang")},
    **{w: ("cmp", "<") for w in ("duoi", "thap hon")},
    **{w: ("fill",) for w in ("phan dau", "dat ty le", "dat ti le", "ty le", "ti le", "dat",
                              "co", "dam bao", "bao dam", "khoang", "vuot chi tieu",
                              "hoan thanh", "da hoan thanh", "da thanh lap", "ngay", "muc")},
    "giam": ("chg", -1), "tang": ("chg", 1),
    **{w: ("date", "<") for w in ("truoc", "som hon")},
    **{w: ("date", "<=") for w in ("cham nhat", "muon nhat", "den", "den het", "han",
                                   "han chot", "khong muon hon", "khong cham hon")},
    "trong": ("date", "="), "hoan thanh trong": ("date", "="),
    "sau": ("date", ">"),
    **{w: ("rank",) for w in ("thu", "hang", "top", "xep thu", "xep hang", "dung thu")},
}
_MAX_PHRASE_WORDS = max(len(p.split()) for p in PHRASES)
_SYMBOLS = (("≥", ">="), (">=", ">="), ("=>", ">="), ("≤", "<="), ("<=", "<="), ("=<", "<="),
            (">", ">"), ("<", "<"))
_UNITS_LONGEST = sorted((w for w in UNIT_WORDS if w != "%"), key=len, reverse=True)
_WORD = re.compile(r"[^\W\d_]+")
_QUALIFIER_START = re.compile(r"[\s(,;.:]")
_DASH = r"(?:-|–|—|đến|tới)"
# Text a spreadsheet would run: =…, +…/-…/@… not followed by a number, DDE "cmd|'…'!A0".
_FORMULA_LIKE = re.compile(r"^\s*(?:=|[+\-@](?!\s*\d)|.*\|.*!)")
_SIGN = r"[-+−]"

DONE = {"hoan thanh", "da hoan thanh", "hoan thanh 100%", "xong", "da thuc hien", "co"}
NOT_DONE = {"chua thuc hien", "chua hoan thanh", "khong thuc hien", "chua trien khai", "chua co",
            "khong"}
ACHIEVED = {"dat", "da dat", "dat chi tieu", "dat ke hoach", "vuot", "vuot chi tieu",
            "hoan thanh chi tieu", "dat va vuot"}
NOT_ACHIEVED = {"khong dat", "chua dat", "khong dat chi tieu", "chua dat chi tieu"}

_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# The core forms, tried in this order where the prefix ends. (name, pattern); the name
# selects the builder in :func:`_build`. Dates come first: 30/6/2026 is not a fraction.
CORE_FORMS: list[tuple[str, re.Pattern]] = [(name, re.compile(rx, re.I)) for name, rx in (
    ("day", r"(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/.,])"),
    ("quarter", r"quý\s*(iv|i{1,3}|[1-4])\s*(?:/|-|năm)\s*(\d{4})(?!\d)"),
    ("month", r"tháng\s*(\d{1,2})\s*(?:/|-|năm)\s*(\d{4})(?!\d)"),
    ("month_bare", r"(\d{1,2})\s*/\s*(\d{4})(?![\d/.,])"),  # only after a deadline word
    ("year", r"năm\s*(\d{4})(?!\d)"),  # only after a deadline word
    ("rank", rf"({NUM})\s*(?:{_DASH}\s*({NUM})|/\s*({NUM}))?"),  # only after a rank word
    ("fraction", rf"({NUM})\s*/\s*({NUM})"),
    ("range", rf"({NUM})\s*(%?)\s*{_DASH}\s*({NUM})"),
    ("number", rf"({_SIGN})?\s*({NUM})"),
)]


@dataclass(frozen=True)
class Parsed:
    text: str
    kind: str  # percent | number | rank | change | done | status | date | text | empty
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
        """One representative number: the bound that decides achievement (None for a date)."""
        if self.kind == "date":
            return None
        return self.low if self.low is not None else self.high

    @property
    def is_numeric(self) -> bool:
        return self.kind in ("percent", "number", "rank")

    @property
    def date_low(self) -> _dt.date | None:
        return _from_ymd(self.low) if self.kind == "date" else None

    @property
    def date_high(self) -> _dt.date | None:
        return _from_ymd(self.high) if self.kind == "date" else None


def _ymd(d: _dt.date) -> float:
    return float(d.year * 10000 + d.month * 100 + d.day)


def _from_ymd(v: float | None) -> _dt.date | None:
    if v is None:
        return None
    n = int(v)
    return _dt.date(n // 10000, n // 100 % 100, n % 100)


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


@dataclass
class _Prefix:
    end: int = 0
    op: str | None = None  # from comparators
    change: int = 0  # -1 decrease, +1 increase
    date_op: str | None = None
    rank: bool = False
    words: int = 0


def _scan_prefix(text: str) -> _Prefix:
    """Consume the declared prefix phrases and symbols from the start; ``end`` is where the
    first word that is not one of them (or the first non-word) begins. A core form must
    match exactly there, so "abc 5" is text: "abc" is no phrase and no core starts with it."""
    pre = _Prefix()
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i].isspace():
            i += 1
        sym = next(((s, op) for s, op in _SYMBOLS if text.startswith(s, i)), None)
        if sym:
            pre.op, i = sym[1], i + len(sym[0])
            continue
        if text.startswith(":", i) and pre.words:
            i += 1
            continue
        words = []
        j = i
        for _ in range(_MAX_PHRASE_WORDS):
            m = _WORD.match(text, j)
            if not m:
                break
            words.append((fold(m.group(0)), m.end()))
            j = m.end()
            while j < n and text[j] == " ":
                j += 1
        hit = None
        for k in range(len(words), 0, -1):
            phrase = " ".join(w for w, _ in words[:k])
            if phrase in PHRASES:
                hit = (PHRASES[phrase], words[k - 1][1])
                break
        if hit is None:
            break
        role, i = hit
        pre.words += 1
        if role[0] == "cmp":
            pre.op = role[1]
        elif role[0] == "chg":
            pre.change = role[1]
        elif role[0] == "date":
            pre.date_op = role[1]
        elif role[0] == "rank":
            pre.rank = True
    pre.end = i
    return pre


def _rest_ok(rest: str) -> bool:
    """What may follow a value: nothing, or a qualifier after a blank or ( , ; . : that does
    not start with another bare number ("1 000" is not one thousand, nor 1)."""
    if not rest:
        return True
    return bool(_QUALIFIER_START.match(rest)) and not re.match(r"[\s.,:;]*\d", rest)


def _tail(rest: str) -> tuple[str | None, str] | None:
    """(unit, qualifier) after a number, or None when what follows is not a qualifier."""
    s = rest.lstrip()
    unit, after = None, rest
    if s.startswith("%"):
        unit, after = "%", s[1:]
    else:
        low = s.lower()
        for word in _UNITS_LONGEST:
            if low.startswith(word) and (len(low) == len(word) or low[len(word)] in " ,);.:"):
                unit, after = UNIT_WORDS[word], s[len(word):]
                break
    if not _rest_ok(after):
        return None
    return unit, after.strip()


def parse_value(raw: object, *, unit_hint: str | None = None,
                percent_format: bool = False) -> Parsed:
    """Parse one cell. ``unit_hint`` is the ĐVT column; ``percent_format`` means the cell is
    a number formatted as a percentage in Excel (0.8 shown as 80%).

    Cached (a Parsed is immutable; ``typed``: True, 1 and 1.0 are different cells): the same
    values ("100%", "Đạt", "≥ 80%") recur in every workbook."""
    try:
        return _parse_value(raw, unit_hint, percent_format)
    except TypeError:  # an unhashable cell value: parse it uncached
        return _parse_value.__wrapped__(raw, unit_hint, percent_format)


@lru_cache(maxsize=100_000, typed=True)
def _parse_value(raw: object, unit_hint: str | None, percent_format: bool) -> Parsed:
    unit_hint = clean(unit_hint) or None
    if raw is None or (isinstance(raw, str) and not clean(raw)):
        return Parsed(text="", kind="empty")
    if isinstance(raw, bool):
        return Parsed(text=str(raw), kind="done", op="done" if raw else "not_done")
    if isinstance(raw, (_dt.datetime, _dt.date)):
        d = raw.date() if isinstance(raw, _dt.datetime) else raw
        return Parsed(text=f"{d.day}/{d.month}/{d.year}", kind="date", op="=", low=_ymd(d),
                      high=_ymd(d))
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
    if not isinstance(raw, str):  # a time of day, an unknown object: shown, never computed
        return Parsed(text=clean(raw), kind="text")

    text = clean(raw)
    folded = fold(text)
    status = _status(folded)
    if status in ("done", "not_done"):
        return Parsed(text=text, kind="done", op=status)
    if status in ("achieved", "not_achieved"):
        return Parsed(text=text, kind="status", op=status)
    pre = _scan_prefix(text)
    for name, rx in CORE_FORMS:
        m = rx.match(text, pre.end)
        if not m:
            continue
        p = _build(name, m, text, pre, unit_hint)
        if p is not None:
            return p
    flags = ("formula_like",) if _FORMULA_LIKE.match(text) else ()
    return Parsed(text=text, kind="text", flags=flags)


def _build(name: str, m: re.Match, text: str, pre: _Prefix, unit_hint: str | None
           ) -> Parsed | None:
    """The Parsed value of one core form, or None when the form does not apply here."""
    rest = text[m.end():]
    if name in ("day", "quarter", "month", "month_bare", "year"):
        if pre.change or pre.rank or (name in ("month_bare", "year") and not pre.date_op):
            return None
        span = _date_span(name, m)
        if span is None or not _rest_ok(rest):
            return None
        first, last = span
        op = pre.date_op or pre.op or ("=" if first == last else "between")
        if op == "=" and first != last:
            op = "between"
        if op == "between":
            low, high = first, last
        elif op in ("<",):
            low, high = None, first
        elif op == "<=":
            low, high = None, last
        elif op == ">":
            low, high = last, None
        else:  # >=, =
            low, high = first, (first if op == "=" else None)
        return Parsed(text=text, kind="date", op=op, low=_ymd(low) if low else None,
                      high=_ymd(high) if high else None, qualifier=rest.strip())
    if pre.date_op:
        return None  # "Trước 5%": a deadline word before a quantity is not a value we know
    if name == "rank":
        if not pre.rank or pre.change:
            return None
        a = parse_number(m.group(1))
        b = parse_number(m.group(2)) if m.group(2) else None
        if a is None or (m.group(2) and b is None) or not _rest_ok(rest):
            return None
        qual = (f"/{m.group(3)} " if m.group(3) else "") + rest.strip()
        if b is not None:
            return Parsed(text=text, kind="rank", op="between", low=min(a, b), high=max(a, b),
                          unit="hạng", qualifier=qual.strip())
        return Parsed(text=text, kind="rank", op="<=", low=None, high=a, unit="hạng",
                      qualifier=qual.strip())
    if pre.rank:
        return None
    if name == "fraction":
        if pre.change:
            return None
        num, den = parse_number(m.group(1)), parse_number(m.group(2))
        if num is None or not den or not _rest_ok(rest):
            return None
        computed = round(num / den * 100, 2)
        stated = None
        mp = re.search(rf"({NUM})\s*%", rest)
        if mp:
            stated = parse_number(mp.group(1))
        flags = ()
        if stated is not None and abs(stated - computed) > 0.05:
            flags = ("fraction_mismatch",)
        return Parsed(text=text, kind="percent", op="=", low=computed, high=computed,
                      unit="%", numerator=num, denominator=den, stated_percent=stated,
                      flags=flags)
    if name == "range":
        a, b = parse_number(m.group(1)), parse_number(m.group(3))
        if a is None or b is None or pre.change:
            return None
        tail = _tail(rest)
        if tail is None:
            return None
        unit, qual = tail
        if m.group(2) == "%":
            unit = "%"
        unit = unit or unit_hint
        kind = "percent" if unit == "%" else "number"
        return _checked(Parsed(text=text, kind=kind, op="between", low=min(a, b),
                               high=max(a, b), unit=unit, qualifier=qual))
    # a single number, optionally signed
    v = parse_number(m.group(2))
    if v is None:
        return None
    if m.group(1):
        if pre.change:
            return None  # "giảm -5%": say it in words or with a sign, not both
        v = -v if m.group(1) in "-−" else v
    tail = _tail(rest)
    if tail is None:
        return None
    unit, qual = tail
    unit = unit or unit_hint
    op = pre.op or "="
    fq = fold(qual)
    if op == "=" and fq.startswith("tro len"):
        op = ">="
    if op == "=" and fq.startswith("tro xuong"):
        op = "<="
    flags = ("ambiguous_number",) if is_ambiguous_number(m.group(2)) else ()
    if pre.change:
        v = v * pre.change
        # "giảm ít nhất 5%": the change is at most -5; "tăng ít nhất 10%": at least +10.
        if pre.change < 0:
            op = {">=": "<=", ">": "<", "<=": ">=", "<": ">"}.get(op, op)
        low = v if op in ("=", ">=", ">") else None
        high = v if op in ("=", "<=", "<") else None
        return Parsed(text=text, kind="change", op=op, low=low, high=high, unit=unit,
                      qualifier=qual, flags=flags)
    kind = "percent" if unit == "%" else "number"
    low = v if op in ("=", ">=", ">") else None
    high = v if op in ("=", "<=", "<") else None
    return _checked(Parsed(text=text, kind=kind, op=op, low=low, high=high, unit=unit,
                           qualifier=qual, flags=flags))


def _date_span(name: str, m: re.Match) -> tuple[_dt.date, _dt.date] | None:
    """First and last day of the date or period a core form names; None if no such date."""
    try:
        if name == "day":
            d = _dt.date(int(m.group(4)), int(m.group(3)), int(m.group(1)))
            return (d, d) if 2000 <= d.year <= 2100 else None
        if name == "year":
            y = int(m.group(1))
            return (_dt.date(y, 1, 1), _dt.date(y, 12, 31)) if 2000 <= y <= 2100 else None
        if name == "quarter":
            q = m.group(1).lower()
            q = _ROMAN_Q.get(q) or int(q)
            y = int(m.group(2))
            first = _dt.date(y, 3 * q - 2, 1)
        else:
            y, mo = int(m.group(2)), int(m.group(1))
            first = _dt.date(y, mo, 1)
            q = None
        if not 2000 <= y <= 2100:
            return None
        months = 3 if name == "quarter" else 1
        nxt_m = first.month + months
        nxt = _dt.date(first.year + (nxt_m - 1) // 12, (nxt_m - 1) % 12 + 1, 1)
        return first, nxt - _dt.timedelta(days=1)
    except ValueError:
        return None


def _checked(p: Parsed) -> Parsed:
    if p.kind == "percent" and ((p.low or 0) > 100 or (p.high or 0) > 100):
        return Parsed(**{**p.__dict__, "flags": p.flags + ("percent_over_100",)})
    return p


def _format_raw_number(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(v)


_AMOUNT = re.compile(rf"({NUM})\s*(triệu đồng|triệu|trđ|tr|tỷ đồng|tỷ)?\.?", re.I)


def parse_amount(raw: object) -> tuple[float | None, str]:
    """Money in million VND: '1.000' -> 1000.0; '1,5 tỷ' -> 1500.0. Returns (value, raw).

    The whole cell must be an amount (a number and an optional unit); anything else (a
    sentence, a formula, a date) is (None, text) and the caller reports it."""
    if raw is None:
        return None, ""
    if isinstance(raw, bool):
        return None, str(raw)
    if isinstance(raw, (int, float)):
        return float(raw), _format_raw_number(float(raw))
    text = clean(raw)
    if not text:
        return None, ""
    m = _AMOUNT.fullmatch(text)
    if not m:
        return None, text
    v = parse_number(m.group(1))
    if v is None:
        return None, text
    if m.group(2) and m.group(2).lower().startswith("tỷ"):
        v *= 1000
    return v, text
