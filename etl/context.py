"""Which commune, province and years a workbook is about, resolved against the register.

Sources, strongest first: values given by the user (CLI flags or the upload form), the
key-value sheet 'Thông tin chung', then the title block above each table, read the way
offices write it:

* the agency block, read cell by cell ("ỦY BAN NHÂN DÂN" / "XÃ HỢP MINH" in two rows of one
  column, or in one cell); the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập
  - Tự do - Hạnh phúc"), often in the same rows in other columns, is never part of a name;
  phường and đặc khu are commune-level units like xã;
* the report/plan year from the title ("… KẾT QUẢ … NĂM 2025") or a 'Kỳ báo cáo' field,
  never from the signing date line ("Nghệ An, ngày … tháng 01 năm 2026"), which may give
  the province;
* a commune whose name is also a province's ("xã Khánh Hòa", Lào Cai) is not put in that
  province.

The commune is then resolved against the official register (:mod:`etl.admin_units`):
its code, type and province. Synthetic workbooks (``etl synth``) name fictional communes:
they are not looked up, and the problem list says so. Pure.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from . import problems as P
from .normalize import clean, commune_name, fold, strip_diacritics
from .read import WorkbookData
from .records import Context

META_SHEETS = ("thong tin chung", "thong tin", "metadata", "huong dan")
META_KEYS = {
    "commune": ("xa", "ten xa", "xa phuong", "don vi", "xa phuong dac khu", "commune",
                "phuong", "dac khu", "ten don vi"),
    "province": ("tinh", "tinh thanh pho", "tinh tp", "province", "thanh pho"),
    "year": ("nam", "nam ke hoach", "ky ke hoach", "giai doan", "ky bao cao", "year",
             "nam bao cao"),
}
TITLE_ROWS = 20  # rows scanned above the first table header of a sheet
NO_TABLE_TITLE_ROWS = 8  # rows taken as the title block of a sheet without a known header
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_KIND_WORDS = (("dac khu", "đặc khu"), ("phuong", "phường"), ("xa", "xã"),
               ("thi tran", "thị trấn"))
# Folded patterns (see _plain): the motto, and dates that are not the report's year.
_MOTTO = re.compile(r"cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam"
                    r"|doc\s+lap\s*[-–—]?\s*tu\s+do\s*[-–—]?\s*hanh\s+phuc"
                    r"|dang\s+cong\s+san\s+viet\s+nam")
_DATE = re.compile(r"ngay[\W_]{0,16}?\d{0,2}[\W_]{0,16}?thang[\W_]{0,16}?\d{0,2}[\W_]{0,16}?"
                   r"nam\s*20\d\d"
                   r"|\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*20\d\d\b")
# 'ỦY BAN NHÂN DÂN', 'UBND', 'ĐẢNG ỦY' (a party committee's report), also after a field
# label ('Tên đơn vị báo cáo: UBND xã Triệu Thành').
_AGENCY = re.compile(r"^\s*(?:[^:]{0,40}:\s*)?(?:uy\s+ban\s+nhan\s+dan|ubnd|dang\s+uy)\b\s*")
_HIGHER = re.compile(r"^(?:tinh|huyen|quan|thi\s+xa|thanh\s+pho|tp)\b")
_KIND = re.compile(r"^(dac\s+khu|phuong|xa|thi\s+tran)\s+(?=\S)")
# Where a unit's name ends (on the NFC text, diacritics matter: 'tỉnh' is not 'Tịnh').
_NAME_END = re.compile(r"\s*(?:[,;:(\[]|\s[-–—]\s|\b(?:năm\s+\d|giai đoạn|tỉnh\b|huyện\b|"
                       r"thành phố\b|số\s*[:\d]|ngày\b|kế hoạch|báo cáo|trên địa bàn))", re.I)
_TITLE_COMMUNE = re.compile(r"\b(xã|phường|đặc khu|thị trấn)\s+(?=\w)")


@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """folded name or alias -> canonical province name (the 34 units since 1 July 2025)."""
    path = Path(__file__).resolve().parents[1] / "data" / "catalog" / "provinces.csv"
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[fold(row["name"])] = row["name"]
            for a in (row.get("aliases") or "").split("|"):
                if a.strip():
                    out[fold(a)] = row["name"]
    return out


def canonical_province(text: str) -> str | None:
    f = fold(text)
    f = re.sub(r"^(tinh|thanh pho|tp)\s+", "", f)
    return provinces().get(f)


class _PlainMap(dict):
    """code point -> its plain character, filled on first use (a str.translate table)."""

    def __missing__(self, cp: int) -> str:
        out = self[cp] = (strip_diacritics(chr(cp)).lower() or " ")[:1]
        return out


_PLAIN = _PlainMap()


def _plain(text: str) -> str:
    """Lower-case without diacritics, one character per character of ``text`` (so spans found
    in it cut the original)."""
    return text.translate(_PLAIN)


@lru_cache(maxsize=50_000)
def _cut(text: str, rx: re.Pattern) -> str:
    """``text`` without the spans ``rx`` finds in its plain form."""
    plain = _plain(text)
    spans = [m.span() for m in rx.finditer(plain)]
    for a, b in reversed(spans):
        text = text[:a] + " " + text[b:]
    return clean(text)


@lru_cache(maxsize=50_000)
def without_motto(text: str) -> str:
    return _cut(clean(text), _MOTTO)


def title_years(lines: list[str]) -> list[int]:
    """Years a title block gives for the report or plan: a 'Kỳ báo cáo' field wins; dates
    ("ngày … tháng … năm 2026", "05/01/2026") are never the report's year."""
    period = [ln for ln in lines if "ky bao cao" in fold(ln)]
    years: list[int] = []
    for line in period or lines:
        years += [int(y) for y in _YEAR.findall(_cut(clean(line), _DATE))]
    return years


def _meta_rows(wb: WorkbookData) -> list[tuple[str, _Cell]]:
    out = []
    for sheet in wb.sheets:
        if fold(sheet.name) not in META_SHEETS:
            continue
        for r, row in enumerate(sheet.rows[:30], start=1):
            cells = [clean(v) for v in row]
            if len(cells) >= 2 and cells[0] and cells[1]:
                out.append((fold(cells[0]).rstrip(":"), _at(cells[1], (sheet.name, r, 2))))
    return out


def _metadata(wb: WorkbookData) -> dict[str, _Cell]:
    out: dict[str, _Cell] = {}
    for key, value in _meta_rows(wb):
        for name, keys in META_KEYS.items():
            if key in keys and name not in out:
                out[name] = value
    return out


def is_synthetic(wb: WorkbookData) -> bool:
    """A workbook written by ``etl synth`` says so in its 'Thông tin chung' sheet."""
    for key, value in _meta_rows(wb):
        v = fold(value)
        if key == "ma sinh" and v.startswith("etl synth") or "du lieu mo phong" in v:
            return True
    return False


class _Cell(str):
    """A title cell's text that remembers where it is (sheet, Excel row, column number)."""
    where: tuple[str, int, int] | None = None


def _at(text: str, where: tuple[str, int, int] | None) -> _Cell:
    cell = _Cell(text)
    cell.where = where
    return cell


def _title_cells(wb: WorkbookData, header_rows: dict[str, int] | None = None
                 ) -> list[list[str]]:
    """Per sheet and column, the non-empty cells of the title block (the rows above the
    sheet's first table header), top to bottom, the motto removed. ``header_rows``: sheet ->
    0-based row of its first table header (found by :func:`etl.detect.find_tables`)."""
    blocks: list[list[str]] = []
    for sheet in wb.sheets:
        if fold(sheet.name) in META_SHEETS:
            continue
        if fold(sheet.name).startswith(("danh muc", "danh sach")):
            continue  # a reference list (a template's drop-down values), not a title block
        if header_rows is not None:
            top = header_rows.get(sheet.name)
        else:
            from .detect import _filled_grid, _is_header_row
            grid = _filled_grid(sheet, TITLE_ROWS + 2)
            top = next((r for r in range(min(TITLE_ROWS, len(sheet.rows)))
                        if _is_header_row(sheet, grid, r)), None)
        if top is None:  # no table recognised: the first rows are the title block
            top = NO_TABLE_TITLE_ROWS
        top = min(top, TITLE_ROWS, len(sheet.rows))
        columns: dict[int, list[str]] = {}
        _row_no = 1
        for row in sheet.rows[:top]:
            texts = [clean(v) for v in row]
            for c, t in enumerate(texts):
                t = without_motto(t) if t else ""
                if t:
                    columns.setdefault(c, []).append(_at(t, (sheet.name, _row_no, c + 1)))
            _row_no += 1
        blocks += [columns[c] for c in sorted(columns)]
    return blocks


def _kind_and_name(rest: str) -> tuple[str, str] | None:
    """'XÃ HỢP MINH …' -> ('xã', 'Hợp Minh')."""
    plain = _plain(rest)
    m = _KIND.match(plain)
    if not m:
        return None
    kind = next(k for f, k in _KIND_WORDS if re.sub(r"\s+", " ", m.group(1)) == f)
    name = rest[m.end():]
    end = next((e for e in _NAME_END.finditer(name) if e.start() > 0), None)
    if end:
        name = name[:end.start()]
    name = clean(name).strip(" .-–—")
    if not re.search(r"[^\W\d_]", name) or len(name.split()) > 5:
        return None
    # 'ĐƯNG K’NỚ' -> 'Đưng K’Nớ': the syllable after an apostrophe keeps its capital.
    return kind, re.sub(r"(['’])(\w)", lambda m: m.group(1) + m.group(2).upper(),
                        commune_name(name))


def agency_commune(blocks: list[list[str]]) -> tuple[str, str, str] | None:
    """(kind, name, where) from an agency block: 'ỦY BAN NHÂN DÂN XÃ …' in one cell, or
    'ỦY BAN NHÂN DÂN' with 'XÃ …' (or 'UBND HUYỆN …' then 'UBND XÃ …') in the cells below."""
    for lines in blocks:
        for i, line in enumerate(lines):
            m = _AGENCY.match(_plain(line))
            if not m:
                continue
            rest = line[m.end():]
            if rest.strip():
                got = _kind_and_name(rest)
                if got:
                    return (*got, line)
                if not _HIGHER.match(_plain(rest).strip()):
                    continue
            for nxt in lines[i + 1:i + 3]:  # the unit on the next line(s) of the block
                n = _AGENCY.match(_plain(nxt))
                got = _kind_and_name(nxt[n.end():] if n else nxt)
                if got:
                    return (*got, _at(f"{line} / {nxt}", getattr(nxt, "where", None)))
    return None


def _title_commune(lines: list[str]) -> tuple[str, str, str] | None:
    """'… trên địa bàn xã Phú Trung', 'Chuyển đổi số xã Nam Đàn năm 2026'."""
    for line in lines:
        text = without_motto(line)
        for m in _TITLE_COMMUNE.finditer(text):
            words = []
            for w in text[m.end():].split()[:4]:
                if not w[:1].isupper() or fold(w) in ("nam", "giai", "tinh", "huyen"):
                    break
                words.append(w)
            got = _kind_and_name(f"{m.group(1)} {' '.join(words)}") if words else None
            if got:
                return (*got, line)
    return None


def _find_province(line: str, commune: str = "") -> str | None:
    """A province named in a title line; the commune's own name does not count unless it is
    written as a province ('tỉnh Khánh Hòa')."""
    f = " " + fold(line) + " "
    if commune:
        c = fold(commune)
        f = re.sub(rf"(?<!tinh)(?<!thanh pho)(?<!tp) {re.escape(c)} ", " # ", f)
    for key, name in _provinces_longest_first():
        if f" {key} " in f:
            return name
    return None


@lru_cache(maxsize=1)
def _provinces_longest_first() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(provinces().items(), key=lambda kv: -len(kv[0])))


def detect_context(wb: WorkbookData, title_lines: list[str], *, commune: str | None = None,
                   province: str | None = None, year: int | None = None,
                   synthetic: bool = False, tables: list | None = None
                   ) -> tuple[Context, list[P.Problem]]:
    """``tables``: the workbook's tables (etl.detect), to know where each title block ends."""
    problems: list[P.Problem] = []
    ctx = Context()
    meta = _metadata(wb)
    header_rows = None
    if tables is not None:
        header_rows = {}
        for t in tables:
            header_rows.setdefault(t.sheet, t.header_first - 1)
    blocks = _title_cells(wb, header_rows)
    # The joined lines of detect.find_tables as a last block: files typed as text runs.
    blocks.append([without_motto(ln) for ln in title_lines if without_motto(ln)])
    found_commune, src_c, found_kind, at = "", "", "", None
    if meta.get("commune") and re.search(r"[^\W\d_]", meta["commune"]):
        found_commune, src_c = commune_name(meta["commune"]), "Thông tin chung"
        got = _kind_and_name(meta["commune"])
        found_kind, at = (got[0] if got else ""), meta["commune"].where
    else:
        got = agency_commune(blocks) or _title_commune([ln for b in blocks for ln in b])
        if got:
            found_kind, found_commune, where = got
            src_c, at = f"tiêu đề: {where[:60]}", getattr(where, "where", None)
    name_for_province = commune_name(commune) if commune else found_commune
    found_province, src_p = "", ""
    if meta.get("province"):
        found_province = canonical_province(meta["province"]) or clean(meta["province"])
        src_p = "Thông tin chung"
    else:
        for line in [ln for b in blocks for ln in b]:
            p = _find_province(line, name_for_province)
            if p:
                found_province, src_p = p, f"tiêu đề: {line[:60]}"
                break
    if name_for_province and canonical_province(name_for_province):
        problems.append(P.make("context.commune_is_province", file=wb.file_name,
                               name=name_for_province,
                               province_name=canonical_province(name_for_province)))
    years: list[int] = []
    if meta.get("year"):
        years = [int(y) for y in _YEAR.findall(meta["year"])]
    if not years:
        years = title_years(title_lines or [ln for b in blocks for ln in b])
    ctx.years = sorted(set(years))

    if commune:
        if found_commune and fold(found_commune) != fold(commune_name(commune)):
            problems.append(P.make("context.override", file=wb.file_name, field="Xã",
                                   found=found_commune, given=commune))
        ctx.commune, ctx.commune_source, at = commune_name(commune), "người dùng", None
        got = _kind_and_name(commune)
        ctx.commune_type = got[0] if got else found_kind
    else:
        ctx.commune, ctx.commune_source, ctx.commune_type = found_commune, src_c, found_kind
    if province:
        canon = canonical_province(province) or clean(province)
        if found_province and fold(found_province) != fold(canon):
            problems.append(P.make("context.override", file=wb.file_name, field="Tỉnh",
                                   found=found_province, given=canon))
        ctx.province, ctx.province_source = canon, "người dùng"
    else:
        ctx.province, ctx.province_source = found_province, src_p
    if year:
        ctx.years = [year]
    ctx.synthetic = synthetic or is_synthetic(wb)
    if not ctx.commune:
        problems.append(P.make("context.no_commune", file=wb.file_name))
    else:
        mentions = " ".join(fold(ln) for b in blocks for ln in b)
        problems += _resolve(ctx, wb.file_name, at, mentions)
    if not ctx.province:
        problems.append(P.make("context.no_province", file=wb.file_name))
    elif canonical_province(ctx.province) is None and not P.has_errors(problems):
        problems.append(P.make("context.unknown_province", file=wb.file_name,
                               province=ctx.province))
    return ctx, problems


def _resolve(ctx: Context, file: str, at: tuple[str, int, int] | None,
             mentions: str = "") -> list[P.Problem]:
    """Attach the official unit (code, type, province) to the context; problems point at the
    cell the commune was read from."""
    where = dict(file=file)
    if at:
        where.update(sheet=at[0], row=at[1], col=at[2])
    if ctx.synthetic:
        return [P.make("context.synthetic_commune", **where, name=ctx.commune)]
    from .admin_units import load_register
    reg = load_register()
    res = reg.resolve(ctx.commune, ctx.province or None, ctx.commune_type or None, where=where,
                      province_source=ctx.province_source,
                      before_reform=bool(ctx.years) and max(ctx.years) < 2025,
                      after_reform=bool(ctx.years) and min(ctx.years) >= 2026,
                      mentions=mentions)
    if res.unit is None:
        return res.problems
    ctx.commune_code = res.unit.code
    if res.old is not None:  # a pre-2025 unit keeps its own name and type
        ctx.legacy_code = res.old.old_code
        ctx.commune_type = res.old.type
    else:
        ctx.commune, ctx.commune_type = res.unit.name, res.unit.type
    if not ctx.province:
        ctx.province, ctx.province_source = res.unit.province, "danh mục ĐVHC (tên duy nhất)"
    elif canonical_province(ctx.province) is None:  # a pre-2025 province: the one it is now
        res.problems.append(P.make("context.old_province", **where, old=ctx.province,
                                   new=res.unit.province))
        ctx.province = res.unit.province
    return res.problems
