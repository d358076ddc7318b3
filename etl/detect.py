"""Extract, part two: find tables in a sheet by their header words, not by fixed positions.

Office workbooks differ: title rows above the table, merged multi-row headers ("Mục tiêu" over
"Năm 2026" / "Đến năm 2030"; "Dự toán kinh phí (triệu đồng)" over one column per funding
source), a column-number row "(1) (2) (3)", section rows, numbering that restarts in each
section, "Tổng cộng" rows, notes and the signature block under the table. This module turns a
sheet's cells into :class:`Table` objects with typed columns and classified rows. Pure: it
works on the cell grid that :mod:`etl.read` returns.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .xlsx_cells import get_column_letter

from .normalize import clean, fold
from .read import SheetData
from .values import parse_amount, parse_value

HEADER_SCAN_ROWS = 60
VALUE_ROLES = ("target", "actual", "amount", "total", "assessment")
# Roles an analyst can give a column on the review page (and `--role` on the CLI).
ROLES = ("label", "target", "actual", "assessment", "max_points", "unit", "lead_unit",
         "partner_unit",
         "amount", "total", "funding", "stt", "code", "group", "note", "explanation", "extra",
         "objective", "expected", "status", "source_ref", "legal_basis", "tasks", "ignored")
# What each role means, for the review page and messages.
ROLE_NAMES = {
    "label": "tên chỉ tiêu/nhiệm vụ", "target": "mục tiêu", "actual": "kết quả",
    "assessment": "đánh giá", "unit": "đơn vị tính", "lead_unit": "đơn vị chủ trì",
    "partner_unit": "đơn vị phối hợp", "amount": "kinh phí (theo nguồn)",
    "total": "tổng kinh phí của dòng", "funding": "nguồn kinh phí (chữ)", "stt": "số thứ tự",
    "code": "mã chỉ tiêu", "group": "nhóm DTI", "note": "ghi chú", "explanation": "giải thích",
    "extra": "thông tin thêm", "objective": "mục tiêu nhiệm vụ", "expected": "kết quả dự kiến",
    "status": "trạng thái", "source_ref": "nguồn (mục văn bản)", "legal_basis": "căn cứ",
    "tasks": "nhiệm vụ thực hiện", "max_points": "điểm tối đa (thang điểm, không nạp)",
    "ignored": "bỏ qua"}
# A child header with one of these roles says more than its parent: "Đơn vị tính" under
# "Chỉ tiêu giao năm 2025" is the unit, not a second target.
SPECIFIC_ROLES = {"unit", "lead_unit", "partner_unit", "note", "stt", "code", "source_ref",
                  "status", "legal_basis", "tasks", "expected", "explanation", "objective",
                  "group", "max_points"}
_YEAR_ONLY = re.compile(r"(?:nam|den nam|giai doan|den|ky|quy [ivx1-4]+(?: nam)?|q[1-4])?\s*"
                        r"(?:20\d\d)(?:\s+20\d\d)?|(?:quy|q)\s*[ivx1-4]+")
_HEADER_UNITS = (("tỷ đồng", "tỷ đồng"), ("ty dong", "tỷ đồng"), ("triệu đồng", "triệu đồng"),
                 ("trieu dong", "triệu đồng"), ("tr.đ", "triệu đồng"), ("trđ", "triệu đồng"),
                 ("nghìn đồng", "nghìn đồng"), ("đồng", "đồng"), ("%", "%"))
ROMAN = re.compile(r"^(?=[IVXLC]+$)M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
FOOTER_STARTS = ("noi nhan", "tm uy ban", "tm ubnd", "kt chu tich", "t m uy ban",
                 "nguoi lap bieu", "nguoi lap", "thu truong don vi", "xac nhan cua")
TOTAL_STARTS = ("tong cong", "tong so", "tong kinh phi", "cong")
NOTE_STARTS = ("ghi chu", "luu y", "chu thich", "*")


@dataclass
class Column:
    index: int  # 0-based
    header: str  # the header text as written (parent + child for grouped headers)
    role: str
    year: int | None = None
    period: str | None = None  # results by quarter: "2025-Q1"
    funding_source: str | None = None
    scale: float = 1.0  # amounts: factor to million VND
    unit: str | None = None  # a unit given only in the header: "Kết quả năm 2025 (%)"
    confidence: float = 0.9
    reason: str = ""  # why this role, in words an analyst can check
    doubt: str = ""  # set when two roles are close: the review must ask
    chosen: bool = False  # the analyst chose this role (review page, CLI, remembered)

    @property
    def letter(self) -> str:
        return get_column_letter(self.index + 1)


@dataclass
class TableRow:
    excel_row: int
    kind: str  # data | section | total | note
    cells: dict[str, Any]  # role-keyed single cells (label, stt, unit, ...)
    values: list[tuple[Column, Any, bool]]  # (column, raw value, percent formatted)
    section: str = ""
    section_number: str = ""
    formulas: dict[str, str] = field(default_factory=dict)  # column letter -> formula


@dataclass
class Table:
    sheet: str
    header_first: int  # Excel rows
    header_last: int
    columns: list[Column]
    rows: list[TableRow] = field(default_factory=list)
    title_lines: list[str] = field(default_factory=list)
    layout_key: str = ""  # the folded header texts: a layout the analyst's choices attach to
    body_rows: list[int] = field(default_factory=list)  # 0-based sheet rows read as the body
    pillar: str | None = None  # DTI group named by a subtitle or the sheet (set by the pipeline)

    @property
    def kinds(self) -> list[str]:
        roles = {c.role for c in self.columns}
        out = []
        if "amount" in roles or "total" in roles:
            out.append("budget")
        if "target" in roles:
            out.append("targets")
        if "actual" in roles or ("assessment" in roles and "amount" not in roles):
            out.append("actuals")
        return out

    def column(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)

    def describe(self) -> str:
        parts = []
        for c in self.columns:
            extra = f" {c.year}" if c.year else ""
            if c.funding_source:
                extra += f" [{c.funding_source}]"
            parts.append(f"{c.letter}='{c.header}'→{c.role}{extra}")
        return "; ".join(parts)


def header_role(text: str, *, in_budget: bool = False) -> tuple[str | None, int | None]:
    """Classify one header text; returns (role, year). Cached: detect asks it of every
    cell of every candidate header row, and the same headers recur in every workbook."""
    return _header_role(text, in_budget)


@lru_cache(maxsize=100_000, typed=True)
def _header_role(text: str, in_budget: bool) -> tuple[str | None, int | None]:
    h = fold(text)
    if not h:
        return None, None
    years = YEAR.findall(text)
    year = int(years[-1]) if years else None
    if h in ("tt", "stt", "so tt", "so thu tu", "thu tu") or h.startswith("stt "):
        return "stt", None
    if h.startswith("ghi chu"):
        return "note", None
    if h.startswith(("ma chi tieu", "ma chi so", "ma chuan")):
        return "code", None
    if h.startswith(("nguon von", "nguon kinh phi")) and not _MONEY_UNIT.search(h):
        return "funding", None  # "Nguồn kinh phí": which source, as text ("Xã hội hóa")
    if ("du toan" in h or "kinh phi" in h or "trieu dong" in h or "ty dong" in h) \
            and "nguon muc" not in h:
        return "amount", year
    if h.startswith("nguon") and ("muc" in h or "van ban" in h or "trich" in h):
        return "source_ref", None
    if h.startswith(("nguon von", "nguon kinh phi")):
        return "funding", None
    if h in ("dvt", "don vi tinh", "don vi") or h.startswith("don vi tinh"):
        return "unit", None
    if "chu tri" in h or h.startswith("don vi thuc hien") or h.startswith("don vi phu trach"):
        return "lead_unit", None
    if "phoi hop" in h:
        return "partner_unit", None
    if h.startswith("can cu"):
        return "legal_basis", None
    if h.startswith(("giai thich", "dien giai", "mo ta", "cach tinh", "phuong phap tinh",
                     "cach xac dinh", "phuong phap xac dinh", "giai trinh", "tai lieu kiem chung")):
        return "explanation", None
    if h.startswith(("diem tu cham", "diem so tu cham", "tu cham diem", "diem tu danh gia")):
        return "actual", year  # a DTI self-assessment: the commune's score, in points
    if h.startswith(("diem toi da", "thang diem", "diem chuan")):
        return "max_points", None  # the scale's ceiling, not a target
    if h.startswith(("nhiem vu thuc hien", "giai phap")):
        return "tasks", None
    if h.startswith("danh gia") or h.startswith("muc do dat"):
        return "assessment", year
    if h.startswith(("trang thai", "tinh trang")):
        return "status", None
    if h.startswith("du kien ket qua"):
        return "expected", None
    if h.startswith(("ket qua", "thuc hien", "uoc thuc hien", "uoc dat", "so lieu thuc hien")):
        return "actual", year
    if h.startswith("ke hoach") or h.startswith("chi tieu ke hoach"):
        return "target", year
    if h.startswith("muc tieu"):
        if year or not in_budget:
            return "target", year
        return "objective", None
    if h.startswith("chi tieu"):
        if year:
            return "target", year
        return "label", None
    if _YEAR_HEADER.fullmatch(h):
        return "target", year
    if h.startswith(("chi so", "noi dung", "ten chi tieu", "ten nhiem vu", "nhiem vu du an",
                     "ten du an", "nhiem vu", "danh muc", "hang muc")):
        return "label", None
    if h.startswith(("nhom", "tru cot", "linh vuc")):
        return "group", None
    if h.startswith("co du lieu"):  # "Cờ dữ liệu": flags an analyst sets (inferred, ...)
        return "flags", None
    return None, year


_MONEY_UNIT = re.compile(r"\b(trieu dong|ty dong|nghin dong|trd)\b")
_YEAR_HEADER = re.compile(r"(?:nam|den nam|giai doan|den)\s+20\d\d(?: 20\d\d)?|20\d\d")
_STT_NUMBER = re.compile(r"\d+(\.\d+)*\.?")
_TOTAL_HEADERS = ("tong so", "tong cong", "cong", "tong", "tong kinh phi", "tong du toan",
                  "tong muc dau tu")


def header_unit(text: str) -> str | None:
    """A unit given in the header's brackets: '(%)', '(triệu đồng)', '(đồng)', '(tỷ đồng)'."""
    for inner in re.findall(r"\(([^()]*)\)", text):
        t = clean(inner).lower().strip(" .:")
        for word, unit in _HEADER_UNITS:
            if t == word or t.startswith(word + " ") or t.endswith(" " + word) or \
                    (word == "%" and t.startswith("%")):
                return unit
    return None


def resolve_header(parts: list[str], *, in_budget: bool = False
                   ) -> tuple[str | None, int | None, str, float]:
    """The role of a column whose header is ``parts`` (top to bottom): the most specific
    header wins. Returns (role, year, reason, confidence)."""
    if len(parts) == 1:
        role, year = header_role(parts[0], in_budget=in_budget)
        return role, year, f"tiêu đề '{parts[0]}'", 0.9
    child = parts[-1]
    crole, cyear = header_role(child, in_budget=in_budget)
    prole, pyear, parent = None, None, ""
    for anc in reversed(parts[:-1]):  # the nearest ancestor that says something
        prole, pyear = header_role(anc, in_budget=in_budget)
        if prole:
            parent = anc
            break
    if pyear is None:
        pyear = next((y for y in (_year_in(a) for a in reversed(parts[:-1])) if y), None)
    year = cyear or pyear
    fc = fold(child)
    if prole == "amount":
        if fc in _TOTAL_HEADERS:
            return "total", None, (f"'{child}' dưới tiêu đề kinh phí '{parent}': tổng của dòng, "
                                   "không phải một nguồn"), 0.9
        if crole in (None, "funding", "label", "amount", "extra", "group"):
            return "amount", year, f"nguồn '{child}' dưới tiêu đề kinh phí '{parent}'", 0.9
    if crole in SPECIFIC_ROLES:
        why = f"tiêu đề con '{child}'" + (f" (cụ thể hơn '{parent}')" if parent else "")
        return crole, cyear, why, 0.9
    if prole in ("target", "actual", "assessment") and (
            crole is None or crole == "label" or _YEAR_ONLY.fullmatch(fc)):
        return prole, year, f"'{child}' dưới tiêu đề '{parent}'", 0.85
    if crole:
        return crole, year, f"tiêu đề con '{child}'", 0.85
    if prole:
        return prole, year, f"tiêu đề '{parent}'", 0.8
    role, y = header_role(" / ".join(parts), in_budget=in_budget)
    return role, y or year, f"tiêu đề '{' / '.join(parts)}'", 0.7


def _year_in(text: str) -> int | None:
    ys = YEAR.findall(text)
    return int(ys[-1]) if ys else None


def _filled_grid(sheet: SheetData, upto: int) -> dict[tuple[int, int], Any]:
    """Top-left values of merged ranges copied into every cell of the range (0-based)."""
    grid: dict[tuple[int, int], Any] = {}
    for (r1, c1, r2, c2) in sheet.merged:
        if r1 - 1 >= upto:
            continue
        v = sheet.value(r1 - 1, c1 - 1)
        for r in range(r1 - 1, min(r2, upto)):
            for c in range(c1 - 1, c2):
                grid[(r, c)] = v
    return grid


def _merged_span(sheet: SheetData, r: int, c: int) -> tuple[int, int, int, int] | None:
    for rng in sheet.merged:
        r1, c1, r2, c2 = rng
        if r1 - 1 <= r <= r2 - 1 and c1 - 1 <= c <= c2 - 1:
            return rng
    return None


def _cell(sheet: SheetData, grid: dict, r: int, c: int) -> Any:
    v = grid.get((r, c))
    return v if v is not None else sheet.value(r, c)


def _could_be_header(row: list[Any]) -> bool:
    """Cheap test inside a table: a row that starts with a number (its STT) is data."""
    first = next((v for v in row if v is not None and clean(v)), None)
    if isinstance(first, (int, float)) and not isinstance(first, bool):
        return False
    return not (isinstance(first, str) and _STT_NUMBER.fullmatch(first.strip()))


def _is_header_row(sheet: SheetData, grid: dict, r: int) -> bool:
    width = max((len(x) for x in sheet.rows[r:r + 2]), default=0)
    roles = set()
    texts = [clean(_cell(sheet, grid, r, c)) for c in range(width)]
    if sum(1 for t in texts if t) < 2:
        return False
    if any(len(t) > 120 for t in texts):
        return False
    # A grouped header ("STT | Chỉ số | TỰ ĐÁNH GIÁ" over "Điểm tự chấm"): its children say
    # what it holds. A title merged across the sheet is not a group.
    own = {header_role(t)[0] for t in texts if t}
    if own & {"stt", "label"} and len(set(t for t in texts if t)) >= 3 and \
            any(span[0] - 1 == r and span[3] > span[1] for span in sheet.merged) and \
            r + 1 < len(sheet.rows):
        texts += [clean(_cell(sheet, grid, r + 1, c)) for c in range(width)]
    in_budget = any(header_role(t)[0] == "amount" for t in texts)
    years = set()
    for t in texts:
        role, year = header_role(t, in_budget=in_budget)
        if role:
            roles.add(role)
        if role == "target":
            years.add(year)
    if "label" not in roles and None in years and len(years) > 1:
        roles.add("label")  # "Mục tiêu" beside "Mục tiêu … đến năm 2025": the goal's name
    has_value = bool(roles & {"target", "actual", "amount", "assessment", "lead_unit", "unit"})
    return "label" in roles and has_value or ("label" in roles and len(roles) >= 3)


ColumnRoles = dict  # layout_key -> {column letter: (role, year or None)}


def find_tables(sheet: SheetData, column_roles: ColumnRoles | None = None) -> list[Table]:
    """Every table in the sheet, in order. ``column_roles`` are an analyst's choices, by
    layout: they win over what the header and the cells say."""
    nrows = len(sheet.rows)
    grid = _filled_grid(sheet, nrows)
    tables: list[Table] = []
    r = 0
    current: Table | None = None
    title_lines: list[str] = []
    while r < nrows:
        if (current is None or _could_be_header(sheet.rows[r])) and _is_header_row(sheet, grid, r):
            table, r = _read_header(sheet, grid, r)
            table.title_lines = title_lines
            title_lines = []
            tables.append(table)
            current = table
            continue
        if current is None:
            line = " ".join(clean(v) for v in sheet.rows[r] if clean(v))
            if line:
                title_lines.append(line)
            r += 1
            continue
        row = _classify_row(sheet, current, r)
        if row is None:  # footer: the table is over
            current = None
        elif row.kind != "blank":
            current.rows.append(row)
            current.body_rows.append(r)
        r += 1
    for table in tables:
        changed = _refine_by_content(sheet, table)
        changed = _apply_choices(table, (column_roles or {}).get(table.layout_key)) or changed
        _doubt_twins(table)
        if changed:  # re-read the body with the new roles
            rows = (_classify_row(sheet, table, i) for i in table.body_rows)
            table.rows = [row for row in rows if row is not None and row.kind != "blank"]
    return tables


def _apply_choices(table: Table, choices: dict | None) -> bool:
    if not choices:
        return False
    changed = False
    for col in table.columns:
        choice = choices.get(col.letter)
        if not choice:
            continue
        role, year = choice[0], (choice[1] if len(choice) > 1 else None)
        if role not in ROLES:
            continue
        parts = col.header.split(" / ")
        old = (col.role, col.year)
        col.role, col.year = role, (int(year) if year else None)
        _finish_column(col, parts)
        if year and role in ("target", "actual", "assessment"):
            col.year = int(year)
            if role == "actual":
                q = quarter(col.header)
                col.period = f"{col.year}-Q{q}" if q else None
        col.reason, col.confidence, col.doubt, col.chosen = (
            "chuyên viên đã chọn cho mẫu bảng này", 1.0, "", True)
        changed = changed or old != (col.role, col.year)
    return changed


def _doubt_twins(table: Table) -> None:
    """Two value columns that mean the same (role, year, period): one of them is misread."""
    seen: dict[tuple, Column] = {}
    for col in table.columns:
        if col.role not in ("target", "actual") or col.year is None:
            continue
        key = (col.role, col.year, col.period)
        first = seen.setdefault(key, col)
        if first is not col and not col.doubt and not col.chosen:
            col.confidence = min(col.confidence, 0.5)
            col.doubt = (f"cột {first.letter} '{first.header}' cũng là "
                         f"{ROLE_NAMES[col.role]} "
                         f"{col.period or col.year}")


def _cells(sheet: SheetData, table: Table, col: Column) -> list[Any]:
    """The column's non-empty cells in the body's data rows."""
    out = []
    for row in table.rows:
        if row.kind != "data":
            continue
        v = sheet.value(row.excel_row - 1, col.index)
        if clean(v):
            out.append(v)
    return out


def _is_amount(v: Any) -> bool:
    return parse_amount(v)[0] is not None


def _is_value(v: Any) -> bool:
    return parse_value(v).kind in ("percent", "number", "rank", "done", "status")


_DATE = re.compile(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}|\d{1,2}/20\d\d")


def _is_measure(v: Any) -> bool:
    """A number or percentage that reads like a figure (not a year, not a date)."""
    if isinstance(v, bool):
        return False
    if isinstance(v, (int, float)):
        return not 1900 <= v <= 2100
    t = clean(v)
    if not t or _DATE.search(t) or len(t) > 20:
        return False
    p = parse_value(t)
    return p.kind == "percent" or (p.kind == "number" and p.value is not None and
                                   not 1900 <= p.value <= 2100)


def _is_sentence(v: Any) -> bool:
    return isinstance(v, str) and len(clean(v)) > 50 and parse_value(v).kind == "text"


def _example(values: list[Any], test) -> str:
    return next((clean(v)[:40] for v in values if test(v)), "")


def _refine_by_content(sheet: SheetData, table: Table) -> bool:
    """Check each column's role against what its cells hold; change it or raise a doubt."""
    changed = False
    has_value_col = any(c.role in ("target", "actual", "amount", "total", "assessment")
                        for c in table.columns)
    for col in table.columns:
        if col.role not in ("amount", "funding", "target", "actual", "extra", "unit", "ignored"):
            continue
        values = _cells(sheet, table, col)
        n = len(values)
        if not n:
            continue
        h = fold(col.header)
        if col.role == "amount":
            bad = [v for v in values if not _is_amount(v)]
            if len(bad) * 2 > n and "nguon" in h:
                col.role, col.confidence = "funding", 0.8
                col.reason += (f"; các ô là chữ (vd. '{_example(bad, bool)}'): nguồn kinh phí, "
                               "không phải số tiền")
                col.funding_source = None
                changed = True
            elif len(bad) * 2 > n:
                col.confidence = 0.4
                col.doubt = (f"{len(bad)}/{n} ô không phải số tiền (vd. "
                             f"'{_example(bad, bool)}')")
            elif not bad:
                col.confidence = max(col.confidence, 0.95)
        elif col.role == "funding":
            nums = [v for v in values if _is_amount(v)]
            if len(nums) * 2 > n:
                col.role, col.confidence = "amount", 0.7
                col.reason += f"; {len(nums)}/{n} ô là số tiền: kinh phí theo nguồn"
                _finish_column(col, col.header.split(" / "))
                col.funding_source = col.funding_source or clean(col.header.split(" / ")[-1])
                changed = True
        elif col.role in ("target", "actual"):
            long = [v for v in values if _is_sentence(v)]
            if len(long) * 2 > n:
                col.confidence = 0.4
                col.doubt = (f"{len(long)}/{n} ô là câu dài, không phải giá trị (vd. "
                             f"'{_example(long, bool)}')")
            elif sum(map(_is_value, values)) * 2 > n:
                col.confidence = max(col.confidence, 0.95)
        elif col.role == "extra" and \
                h.startswith(("chi tieu", "muc tieu", "so lieu", "gia tri")) and \
                sum(map(_is_value, values)) * 2 > n:
            vals = [v for v in values if _is_value(v)]
            col.role, col.confidence = "target", 0.8
            col.reason += (f"; {len(vals)}/{n} ô là giá trị (vd. '{_example(vals, bool)}'): "
                           "đây là mục tiêu")
            if has_value_col:
                col.confidence = 0.5
                col.doubt = "bảng đã có cột giá trị khác"
            _finish_column(col, col.header.split(" / "))
            has_value_col = changed = True
        elif col.role in ("extra", "ignored") and not any(
                c.role in ("amount", "total") for c in table.columns):
            # (a budget table's 'Số lượng' / 'Đơn giá' are quantities, not indicator figures)
            measures = [v for v in values if _is_measure(v)]
            if len(measures) * 2 > n:
                col.confidence = 0.4
                col.doubt = (f"{len(measures)}/{n} ô là số đo (vd. "
                             f"'{_example(measures, bool)}') mà cột không được nạp: chọn vai trò "
                             "nếu đây là mục tiêu hay kết quả")
        elif col.role == "unit":
            nums = [v for v in values if isinstance(v, (int, float)) or
                    (isinstance(v, str) and re.search(r"\d", v) and _is_value(v))]
            if len(nums) * 2 > n:
                col.confidence = 0.4
                col.doubt = f"{len(nums)}/{n} ô là số, không phải đơn vị tính"
    return changed


def _read_header(sheet: SheetData, grid: dict, r: int) -> tuple[Table, int]:
    """Read the header starting at 0-based row r; return the table and the first body row."""
    width = max(len(x) for x in sheet.rows[r:r + 4])
    last = r
    # A grouped header continues on the next row when a header cell spans several columns
    # horizontally (its children are below) or spans rows vertically; children may have
    # children of their own ("Chỉ tiêu giao năm 2025" / "Cấp xã" / "Đơn vị tính").
    rr = r
    while rr <= last and rr <= r + 3:
        for c in range(width):
            span = _merged_span(sheet, rr, c)
            if not span or span[0] - 1 != rr:
                continue
            r1, c1, r2, c2 = span
            if r2 - 1 > last and r2 - 1 <= r + 3:
                last = r2 - 1
            if c2 > c1 and r2 - 1 == rr and rr + 1 < len(sheet.rows) and rr + 1 <= r + 3:
                if any(clean(sheet.value(rr + 1, cc)) for cc in range(c1 - 1, c2)):
                    last = max(last, rr + 1)
        rr += 1
    texts_parent = [clean(_cell(sheet, grid, r, c)) for c in range(width)]
    in_budget = any(header_role(t)[0] == "amount" for t in texts_parent)
    columns: list[Column] = []
    for c in range(width):
        parts: list[str] = []
        for rr in range(r, last + 1):
            t = clean(_cell(sheet, grid, rr, c))
            if t and t not in parts:
                parts.append(t)
        if not parts:
            continue
        header = " / ".join(parts)
        role, year, reason, confidence = resolve_header(parts, in_budget=in_budget)
        col = Column(index=c, header=header, role=role or "ignored", year=year, reason=reason,
                     confidence=confidence if role else 0.5, unit=header_unit(header))
        if role is None:
            col.reason = f"tiêu đề '{header}' không thuộc vai trò nào đã biết"
        if col.unit is None and col.role == "actual" and re.search(r"\bdiem\b", fold(header)):
            col.unit = "điểm"  # "Điểm tự chấm": a score in points
        _finish_column(col, parts)
        columns.append(col)
    _sources_beside_total(columns)
    # "Mục tiêu" with no year beside "Mục tiêu cơ bản đến năm 2025": the goals' names.
    if not any(c.role == "label" for c in columns):
        dated = [c for c in columns if c.role == "target" and c.year]
        plain = next((c for c in columns if c.role == "target" and not c.year and
                      " / " not in c.header), None)
        if dated and plain is not None:
            plain.role, plain.confidence = "label", 0.75
            plain.reason = (f"'{plain.header}' không ghi năm, bên cạnh cột mục tiêu có năm "
                            f"'{dated[0].header}': đây là tên mục tiêu")
    # Only the first label column is the label; later ones are extra text.
    seen_label = False
    for col in columns:
        if col.role == "label":
            if seen_label:
                col.role = "extra"
                col.reason += "; đã có cột tên chỉ tiêu ở trước: thông tin thêm"
            seen_label = True
    body = last + 1
    # A column-number row "(1) (2) (3)" or "1 2 3 4" right under the header.
    if body < len(sheet.rows):
        vals = [clean(v) for v in sheet.rows[body] if clean(v)]
        if len(vals) >= 3 and all(re.fullmatch(r"\(?[0-9]{1,2}\)?|\(?[A-Za-z]\)?", v)
                                  for v in vals):
            body += 1
    key = "|".join(f"{col.letter}={fold(col.header)}" for col in columns)
    table = Table(sheet=sheet.name, header_first=r + 1, header_last=last + 1, columns=columns,
                  layout_key=hashlib.sha1(key.encode()).hexdigest()[:16])
    return table, body


_BREAKDOWN = ("trong do", "chia ra", "bao gom", "chi tiet theo nguon", "phan theo nguon",
              "co cau nguon von")


def _sources_beside_total(columns: list[Column]) -> None:
    """'Tổng kinh phí (triệu đồng)' then 'Trong đó' over 'Ngân sách tỉnh' · 'Xã hội hóa': the
    first is the line total, the others are the funding sources; a bare 'Tổng số' column in a
    budget table is the total too."""
    money = [c for c in columns if c.role == "amount"]
    totals = [c for c in money if fold(c.header.split(" / ")[0]).startswith("tong")]
    breakdown = [c for c in columns if c.role == "ignored" and " / " in c.header and
                 fold(c.header.split(" / ")[0]).startswith(_BREAKDOWN)]
    if breakdown and (totals or money):
        total = (totals or money)[0]
        for c in breakdown:
            c.role, c.confidence = "amount", 0.8
            c.reason = (f"nguồn '{c.header.split(' / ')[-1]}' dưới '{c.header.split(' / ')[0]}'"
                        f", bên cạnh cột tổng '{total.header}'")
            _finish_column(c, c.header.split(" / "))
            c.scale = total.scale if c.scale == 1.0 else c.scale
        total.role, total.confidence = "total", 0.8
        total.reason = f"tiêu đề '{total.header}', các nguồn ở cột bên cạnh: tổng của dòng"
        _finish_column(total, total.header.split(" / "))
    elif money:
        for c in columns:
            if c.role == "ignored" and fold(c.header) in _TOTAL_HEADERS:
                c.role, c.confidence = "total", 0.7
                c.reason = f"'{c.header}' trong bảng kinh phí: tổng của dòng"
                c.scale = money[0].scale


def _finish_column(col: Column, parts: list[str]) -> None:
    """Funding source and scale of an amount, year of a target, period of a result."""
    col.funding_source, col.scale, col.period = None, 1.0, None
    if col.role in ("amount", "total"):
        col.funding_source, col.scale = _funding_and_scale(parts)
        if col.role == "total":
            col.funding_source = None
        col.year = None
    if col.role == "target" and col.year is None:
        col.year = _year_from_children(parts)
    if col.role == "actual":
        q = quarter(col.header)
        if q and col.year:
            col.period = f"{col.year}-Q{q}"


_QUARTER = re.compile(r"(?:\bquý|\bquy|\bq)\s*\.?\s*(IV|I{1,3}|[1-4])(?![\w])", re.I)


# A result "for the first N months" is the quarter it ends: "9 tháng năm 2026", "ước thực hiện
# 6 tháng đầu năm" -> Q3, Q2 (never the whole year: the year is not over). "12 tháng" is the year.
_MONTHS = re.compile(r"(?<!\d)(3|6|9)\s*thang\b")


def quarter(header: str) -> int | None:
    """'Quý I/2025', 'Kết quả quý 3 năm 2025', 'Q4/2025', '9 tháng năm 2026' -> 1, 3, 4, 3."""
    m = _QUARTER.search(header)
    if not m:
        months = _MONTHS.search(fold(header))
        return int(months.group(1)) // 3 if months else None
    q = m.group(1).upper()
    return {"I": 1, "II": 2, "III": 3, "IV": 4}.get(q) or int(q)


def _year_from_children(parts: list[str]) -> int | None:
    for p in reversed(parts):
        ys = YEAR.findall(p)
        if ys:
            return int(ys[-1])
    return None


def _funding_and_scale(parts: list[str]) -> tuple[str | None, float]:
    joined = " ".join(parts)
    f = fold(joined)
    scale = 1.0
    if "ty dong" in f:
        scale = 1000.0
    elif "nghin dong" in f:
        scale = 0.001
    elif "trieu" not in f and re.search(r"\(\s*dong\s*\)|\bdong\b", f):
        scale = 1e-6
    source = None
    if len(parts) > 1 and not re.fullmatch(r"\(?\s*(triệu|tỷ|nghìn)?\s*đồng\s*\)?", parts[-1],
                                           flags=re.I):
        source = clean(parts[-1])  # a sub-column under "Dự toán kinh phí": the source
    else:
        m = re.search(r"(Nguồn.*)$", parts[0], flags=re.I)
        if m:
            source = clean(m.group(1))
    return source, scale


def _classify_row(sheet: SheetData, table: Table, r: int) -> TableRow | None:
    raw = sheet.rows[r] if r < len(sheet.rows) else []
    texts = [clean(v) for v in raw]
    if not any(texts):
        return TableRow(excel_row=r + 1, kind="blank", cells={}, values=[])
    first_text = next((t for t in texts if t), "")
    if fold(first_text).startswith(FOOTER_STARTS):
        return None
    cells: dict[str, Any] = {}
    values: list[tuple[Column, Any, bool]] = []
    formulas: dict[str, str] = {}
    width = len(raw)
    no_value = sheet.formulas_without_value
    for col in table.columns:
        v = raw[col.index] if col.index < width else None
        f = no_value.get((r, col.index)) if no_value else None
        if f:
            formulas[col.letter] = f
        if col.role in VALUE_ROLES:
            if (col.index < width and texts[col.index]) or f:  # texts: the cells cleaned
                values.append((col, v, (r, col.index) in sheet.percent_cells))
        elif col.role not in ("ignored",):
            if col.role in cells:
                continue
            if isinstance(v, str):
                v = v.strip()
            cells[col.role] = v
    label = clean(cells.get("label"))
    stt = clean(cells.get("stt"))
    row = TableRow(excel_row=r + 1, kind="data", cells=cells, values=values, formulas=formulas)
    fl, fs = fold(label), fold(stt)
    if fl.startswith(TOTAL_STARTS) and (not stt or fs.startswith(TOTAL_STARTS)) or \
            fs.startswith(("tong cong", "tong so")):
        row.kind = "total"
        return row
    if not values and not stt and fl.startswith(NOTE_STARTS):
        row.kind = "note"
        return row
    if fs in ("vi du", "vd", "mau"):  # a template's example row
        row.kind = "example"
        return row
    if not values and label and _looks_like_section(sheet, table, r, stt, label):
        row.kind = "section"
        return row
    if not values and not label and stt and not any(clean(cells.get(k)) for k in cells
                                                    if k not in ("stt",)):
        row.kind = "blank"
    return row


def _looks_like_section(sheet: SheetData, table: Table, r: int, stt: str, label: str) -> bool:
    if ROMAN.match(stt.rstrip(".")) or re.fullmatch(r"[A-Za-z][.)]?", stt):
        return True
    label_col = table.column("label")
    if label_col is not None:
        span = _merged_span(sheet, r, label_col.index)
        if span and span[3] > span[1]:
            return True
    letters = [ch for ch in label if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


def sheet_title_text(sheet: SheetData, upto: int = 12) -> list[str]:
    """Non-empty lines of the first rows: titles, for commune/province/year detection."""
    out = []
    for row in sheet.rows[:upto]:
        line = " ".join(clean(v) for v in row if clean(v))
        if line:
            out.append(line)
    return out
