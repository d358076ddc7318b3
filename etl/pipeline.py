"""parse -> map -> validate: from detected tables to contract rows and problems. Pure.

:func:`understand` is what both the CLI and the upload page call to show an analyst what a
workbook means before anything is saved.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import problems as P
from .catalog import Catalog, Match, local_code
from .context import detect_context
from .context import title_years as _context_title_years
from .detect import ROLE_NAMES, Column, Table, TableRow, find_tables
from .normalize import alias_key, clean, fold, strip_diacritics
from .read import EXCEL_ERRORS, WorkbookData, covering_merge
from .records import ActualRecord, BudgetRecord, Context, Provenance, TargetRecord
from .values import Parsed, is_ambiguous_number, parse_amount, parse_value

STATUS_WORDS = ("đề xuất", "đã phê duyệt", "đang thực hiện", "hoàn thành", "chuyển tiếp",
                "mới", "đã bố trí", "chưa bố trí")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
PLAUSIBLE_YEARS = range(2000, 2051)  # a plan or report year outside this is a typo (2099)
# "Đồng Nai, ngày … tháng 01 năm 2026" and "(Kèm theo Kế hoạch số … ngày …)" date the
# document, they do not say which year its figures are for.
_DATE_LINE = re.compile(r"\bngay\b.*\bthang\b|\bkem theo\b|\bngay\s+\d|,\s*thang\s+\d+\s+nam\b")
_DECLARED_COUNT = re.compile(r"\(\s*(\d{1,3})\s*(?:chi tieu|chi so|tieu chi|nhiem vu|du an|"
                             r"noi dung|muc tieu)\s*\)")


@dataclass
class Understanding:
    file_name: str
    sha256: str
    context: Context
    tables: list[Table] = field(default_factory=list)
    targets: list[TargetRecord] = field(default_factory=list)
    actuals: list[ActualRecord] = field(default_factory=list)
    budget: list[BudgetRecord] = field(default_factory=list)
    problems: list[P.Problem] = field(default_factory=list)
    confirmed: bool = False  # the analyst confirmed the points that needed it

    @property
    def needs_confirmation(self) -> bool:
        return not self.confirmed and any(p.severity == "confirm" for p in self.problems)

    @property
    def ok(self) -> bool:
        return not P.has_errors(self.problems) and not self.needs_confirmation

    def counts(self) -> dict[str, int]:
        return {"targets": len(self.targets), "actuals": len(self.actuals),
                "budget_lines": len(self.budget)}


def understand(wb: WorkbookData, catalog: Catalog, *, commune: str | None = None,
               province: str | None = None, year: int | None = None,
               synthetic: bool = False, column_roles: dict | None = None,
               confirm: bool = False) -> Understanding:
    """``column_roles``: the analyst's column choices by table layout (see
    :func:`etl.detect.find_tables`); ``confirm``: the analyst confirmed what needs it."""
    tables: list[Table] = []
    for sheet in wb.sheets:
        tables.extend(find_tables(sheet, column_roles))
    titles = [line for t in tables for line in t.title_lines]
    ctx, problems = detect_context(wb, titles, commune=commune, province=province, year=year,
                                   synthetic=synthetic, tables=tables)
    u = Understanding(file_name=wb.file_name, sha256=wb.sha256, context=ctx, tables=tables,
                      problems=problems, confirmed=confirm)
    if not tables:
        merged = next(((sh.name, ref) for sh in wb.sheets if (ref := covering_merge(sh))), None)
        if merged:  # one merged range over the table: Excel kept only its top-left cell
            u.problems.append(P.make("file.merged_sheet", file=wb.file_name, sheet=merged[0],
                                     ref=merged[1]))
        else:
            u.problems.append(P.make("file.no_table", file=wb.file_name))
        return u
    for t in tables:
        u.problems.append(P.make("table.header_found", file=wb.file_name, sheet=t.sheet,
                                 row=t.header_first, kind=", ".join(t.kinds) or "?",
                                 header_rows=f"{t.header_first}-{t.header_last}",
                                 mapping=t.describe()))
        for c in t.columns:
            if c.role == "ignored":
                u.problems.append(P.make("table.ignored_column", file=wb.file_name,
                                         sheet=t.sheet, row=t.header_first, col=c.index + 1,
                                         header=c.header))
            if c.doubt and not c.chosen and (t.kinds or c.role == "ignored"):
                u.problems.append(P.make(
                    "column.role_doubt", file=wb.file_name, sheet=t.sheet, row=t.header_last,
                    col=c.index + 1, header=c.header, role=ROLE_NAMES.get(c.role, c.role),
                    year=f" {c.period or c.year}" if c.year else "", reason=c.reason,
                    doubt=c.doubt, letter=c.letter))
        if not t.kinds:  # a reference list, not data (e.g. a template's 'Danh mục')
            continue
        if t.column("label") is None:
            u.problems.append(P.make("table.no_label_column", file=wb.file_name, sheet=t.sheet,
                                     row=t.header_first))
            continue
        _table_records(u, t, catalog, year)
    _validate(u, catalog)
    if not (u.targets or u.actuals or u.budget) and not P.has_errors(u.problems):
        if any(t.kinds for t in tables):
            u.problems.append(P.make("file.no_rows", file=wb.file_name))
        else:  # only reference lists (a framework's 'Điểm tối đa', a 'Danh mục')
            u.problems.append(P.make("file.no_table", file=wb.file_name))
    return u


def title_years(lines: list[str], *, ranges: bool = False) -> list[int]:
    """Years the title lines name, leaving out the signing date and "kèm theo … ngày" lines
    (a 'Kỳ báo cáo' field wins, as in :func:`etl.context.title_years`); with ``ranges``,
    "2026 – 2030" names every year in between."""
    kept = [ln for ln in lines if not _DATE_LINE.search(strip_diacritics(clean(ln)).lower())]
    out = _context_title_years(kept)
    if ranges:
        for line in kept:
            for a, b in re.findall(r"(20\d\d)\s*(?:-|–|—|đến)\s*(20\d\d)", line):
                if 0 < int(b) - int(a) <= 10:
                    out += list(range(int(a), int(b) + 1))
    return out


def _table_year(t: Table, ctx: Context, override: int | None) -> int | None:
    if override:
        return override
    years = title_years(t.title_lines)  # never the signing date's year
    years = years or [int(y) for y in _YEAR.findall(t.sheet)]
    if years:
        return max(years)
    return max(ctx.years) if ctx.years else None


def _table_records(u: Understanding, t: Table, catalog: Catalog, year_override: int | None):
    ctx, f = u.context, u.file_name
    table_year = _table_year(t, ctx, year_override)
    _check_title_year(u, t, year_override)
    t.pillar = _table_pillar(catalog, t)
    for col in t.columns:
        if col.role in ("target", "actual") and col.year is None:
            if table_year is None:
                u.problems.append(P.make("context.no_year", file=f, sheet=t.sheet,
                                         row=t.header_first, col=col.index + 1,
                                         column=col.header))
            col.year = table_year
        if col.role in ("target", "actual") and col.year and col.year not in PLAUSIBLE_YEARS:
            u.problems.append(P.make("context.year_implausible", file=f, sheet=t.sheet,
                                     row=t.header_first, col=col.index + 1, year=col.year,
                                     where=f"cột '{col.header}'", first=PLAUSIBLE_YEARS[0],
                                     last=PLAUSIBLE_YEARS[-1]))
    kinds = t.kinds
    if "budget" in kinds and table_year and table_year not in PLAUSIBLE_YEARS:
        u.problems.append(P.make("context.year_implausible", file=f, sheet=t.sheet,
                                 row=t.header_first, year=table_year,
                                 where="năm kế hoạch của bảng kinh phí",
                                 first=PLAUSIBLE_YEARS[0], last=PLAUSIBLE_YEARS[-1]))
    if not any(r.kind == "data" for r in t.rows):
        u.problems.append(P.make("table.empty", file=f, sheet=t.sheet, row=t.header_first,
                                 kind=", ".join(kinds)))
    section, section_no = "", ""
    sums = _Sums()
    first_target = len(u.targets)
    for row in t.rows:  # "1 | Nhận thức số | 100 (điểm tối đa)": a DTI group row, no value
        if row.kind == "data" and not any(clean(raw) for _, raw, _ in row.values) and \
                catalog.pillar_for_heading(clean(row.cells.get("label"))):
            row.kind = "section"
    _check_section_counts(u, t)
    for row in t.rows:
        if row.kind == "section":
            section, section_no = clean(row.cells.get("label")), clean(row.cells.get("stt"))
            continue
        if row.kind == "example":
            u.problems.append(P.make("row.example_skipped", file=f, sheet=t.sheet,
                                     row=row.excel_row))
            continue
        if row.kind == "total":
            u.problems.append(P.make("row.total_skipped", file=f, sheet=t.sheet,
                                     row=row.excel_row, label=clean(row.cells.get("label")) or
                                     clean(row.cells.get("stt"))))
            if "budget" in kinds:
                _check_total_row(u, t, row, sums)
            continue
        if row.kind != "data":
            continue
        row.section, row.section_number = section, section_no
        if not _row_is_sound(u, t, row):
            continue
        if "budget" in kinds:
            sums.add(_budget_rows(u, t, row, catalog, table_year))
            continue
        _indicator_rows(u, t, row, catalog)
    for row in sums.pending:
        _check_total_row(u, t, row, sums, final=True)
    _check_duplicates(u, t, u.targets[first_target:])


def _row_is_sound(u: Understanding, t: Table, row: TableRow) -> bool:
    ok = True
    for letter, formula in row.formulas.items():
        u.problems.append(P.make("row.formula_no_value", file=u.file_name, sheet=t.sheet,
                                 row=row.excel_row, col=letter, formula=formula))
        ok = False
    for col, raw, _ in row.values:
        if isinstance(raw, str) and raw.strip() in EXCEL_ERRORS:
            u.problems.append(P.make("row.excel_error", file=u.file_name, sheet=t.sheet,
                                     row=row.excel_row, col=col.index + 1, value=raw.strip()))
            ok = False
    for flag in _row_flags(row):
        if flag not in ROW_FLAGS:
            u.problems.append(P.make("row.unknown_flag", file=u.file_name, sheet=t.sheet,
                                     row=row.excel_row, col=t.column("flags").index + 1,
                                     flag=flag, known=", ".join(ROW_FLAGS)))
    label = clean(row.cells.get("label"))
    if not label and row.values:
        col, raw, _ = row.values[0]
        u.problems.append(P.make("row.value_without_label", file=u.file_name, sheet=t.sheet,
                                 row=row.excel_row, col=col.index + 1, value=clean(raw)))
        ok = False
    return ok and bool(label)


def _pillar(catalog: Catalog, code: str | None, row: TableRow,
            table: Table | None = None) -> str | None:
    if code and code in catalog.indicators:
        return catalog.indicators[code].pillar
    for heading in (clean(row.cells.get("group")), row.section):
        if heading:
            p = catalog.pillar_for_heading(heading)
            if p:
                return p
    return getattr(table, "pillar", None)


def _table_pillar(catalog: Catalog, t: Table) -> str | None:
    """The DTI group a whole table is about, named only by a subtitle above it (the nearest
    first) or by its sheet ('Nhân lực số')."""
    for heading in [*reversed(t.title_lines[-3:]), t.sheet]:
        p = catalog.pillar_for_heading(heading)
        if p:
            return p
    # "KẾ HOẠCH PHÁT TRIỂN HẠ TẦNG SỐ XÃ … GIAI ĐOẠN 2023-2025": a title naming one group.
    for line in reversed(t.title_lines[-3:]):
        padded = f" {fold(line)} "
        keys = getattr(catalog, "_pillar_keys", {})
        named = {code for key, code in keys.items() if f" {key} " in padded}
        if len(named) == 1:
            return named.pop()
    return None


def _map(u: Understanding, t: Table, row: TableRow, catalog: Catalog, label: str):
    explicit = clean(row.cells.get("code")).upper()
    if explicit and explicit in catalog.indicators:  # a template's "Mã chỉ tiêu" column
        return Match(explicit, 1.0, "code"), explicit
    if explicit:
        u.problems.append(P.make("map.unknown_code", file=u.file_name, sheet=t.sheet,
                                 row=row.excel_row, col=t.column("code").index + 1,
                                 code=explicit))
    m = catalog.match(label)
    code = m.code
    if m.method == "fuzzy":
        ind = catalog.indicators[m.code]
        u.problems.append(P.make("map.fuzzy", file=u.file_name, sheet=t.sheet, row=row.excel_row,
                                 label=_short(label), code=m.code, name=ind.name_vi,
                                 score=f"{m.confidence:.2f}"))
    elif m.method == "low_confidence":
        ind = catalog.indicators[m.suggestion]
        # With a "Mã chỉ tiêu" column, an empty code already says "commune-specific".
        severity = "info" if t.column("code") is not None else None
        u.problems.append(P.make("map.low_confidence", file=u.file_name, sheet=t.sheet,
                                 row=row.excel_row, col=t.column("label").index + 1,
                                 severity=severity, label=_short(label), code=m.suggestion,
                                 name=ind.name_vi, score=f"{m.confidence:.2f}"))
    elif m.method == "local":
        u.problems.append(P.make("map.local", file=u.file_name, sheet=t.sheet,
                                 row=row.excel_row, label=_short(label)))
    if code is None:
        code = local_code(u.context.commune, label)
    return m, code


def _short(s: str, n: int = 70) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _indicator_rows(u: Understanding, t: Table, row: TableRow, catalog: Catalog) -> None:
    ctx, f = u.context, u.file_name
    label = clean(row.cells.get("label"))
    unit_hint = clean(row.cells.get("unit")) or None
    m, code = _map(u, t, row, catalog, label)
    pillar = _pillar(catalog, m.code, row, t)
    common = dict(section=row.section, stt=clean(row.cells.get("stt")),
                  note=clean(row.cells.get("note")), source_ref=clean(row.cells.get("source_ref")),
                  indicator_code=code, pillar=pillar, match_method=m.method,
                  match_confidence=m.confidence, suggested_code=m.suggestion, scope=m.scope)
    row_flags = _row_flags(row)
    assessment_raw = next((raw for col, raw, _ in row.values if col.role == "assessment"), None)
    has_target = has_actual = False
    for col, raw, pct in row.values:
        if col.role not in ("target", "actual") or col.year is None:
            continue
        parsed = parse_value(raw, unit_hint=unit_hint or col.unit, percent_format=pct)
        if parsed.kind == "empty":
            continue
        prov = Provenance(f, t.sheet, row.excel_row, col.letter)
        _value_problems(u, t, row, col, parsed)
        if col.role == "target":
            has_target = True
            u.targets.append(TargetRecord(
                commune=ctx.commune, province=ctx.province, label=label, target_year=col.year,
                target_text=parsed.text, kind=parsed.kind, op=parsed.op, value_low=parsed.low,
                value_high=parsed.high, unit=parsed.unit,
                lead_unit=clean(row.cells.get("lead_unit")),
                partner_unit=clean(row.cells.get("partner_unit")), prov=prov,
                flags=[*parsed.flags, *row_flags], **common))
        else:
            has_actual = True
            u.actuals.append(_actual(ctx, label, col.year, parsed, clean(assessment_raw), prov,
                                     common, period=col.period, extra_flags=row_flags))
    if not has_actual and clean(assessment_raw) and "actuals" in t.kinds:
        # Only an assessment ("Đạt") was reported: that is the result.
        col = next(c for c, _, _ in row.values if c.role == "assessment")
        year = col.year or next((c.year for c in t.columns if c.role == "actual" and c.year),
                                None) or _table_year(t, ctx, None)
        if year:
            parsed = parse_value(assessment_raw)
            u.actuals.append(_actual(ctx, label, year, parsed, clean(assessment_raw),
                                     Provenance(f, t.sheet, row.excel_row, col.letter), common,
                                     extra_flags=row_flags))
            has_actual = True
    if not has_target and not has_actual:
        value_col = next((c for c in t.columns if c.role in ("target", "actual")), None)
        u.problems.append(P.make("row.no_value", file=f, sheet=t.sheet, row=row.excel_row,
                                 col=(value_col.index + 1) if value_col else None,
                                 column=value_col.header if value_col else "?"))


# Flags an analyst may set in a "Cờ dữ liệu" column (README, data contract: flags).
ROW_FLAGS = {
    "inferred": "the value is inferred by the analyst, not stated by the document",
    "funding_source_unclear": "the document does not show which funding column the amount is in",
}


def _row_flags(row: TableRow) -> list[str]:
    """Flags an analyst typed in a "Cờ dữ liệu" column ("inferred", "funding_source_unclear")."""
    text = clean(row.cells.get("flags"))
    return [w for w in _FLAG_SPLIT.split(text.lower()) if w] if text else []


_FLAG_SPLIT = re.compile(r"[\s,;]+")


def _actual(ctx: Context, label: str, year: int, parsed: Parsed, assessment: str,
            prov: Provenance, common: dict, period: str | None = None,
            extra_flags: list[str] = ()) -> ActualRecord:
    return ActualRecord(
        commune=ctx.commune, province=ctx.province, label=label, period=period or str(year),
        period_year=year, value_text=parsed.text, kind=parsed.kind, op=parsed.op,
        value=parsed.value, value_low=parsed.low, value_high=parsed.high, unit=parsed.unit,
        assessment=assessment, prov=prov, numerator=parsed.numerator,
        denominator=parsed.denominator, stated_percent=parsed.stated_percent,
        flags=[*parsed.flags, *extra_flags], **common)


def _value_problems(u: Understanding, t: Table, row: TableRow, col: Column, p: Parsed) -> None:
    where = dict(file=u.file_name, sheet=t.sheet, row=row.excel_row, col=col.index + 1)
    if "fraction_mismatch" in p.flags:
        u.problems.append(P.make("value.fraction_mismatch", **where,
                                 fraction=f"{p.numerator:g}/{p.denominator:g}",
                                 computed=f"{p.low:.2f}", stated=f"{p.stated_percent:g}"))
    if "percent_over_100" in p.flags:
        u.problems.append(P.make("value.percent_over_100", **where, value=f"{p.value:g}"))
    if "ambiguous_number" in p.flags:
        u.problems.append(P.make("value.number_ambiguous", **where, text=p.text,
                                 a=f"{p.value:g}", b=f"{p.value * 1000:g}", chosen=f"{p.value:g}",
                                 b_vn=f"{p.value * 1000:,.0f}".replace(",", ".")))
    if "formula_like" in p.flags:
        u.problems.append(P.make("value.formula_like", **where, text=_short(p.text, 50)))
    elif p.kind == "text":
        u.problems.append(P.make("value.qualitative", **where, text=_short(p.text, 50)))


def _amount(u: Understanding, t: Table, row: TableRow, col: Column, raw) -> float | None:
    """One money cell in million VND; an unreadable one is an error (None)."""
    value, text = parse_amount(raw)
    if raw is not None and clean(raw) and value is None:
        u.problems.append(P.make("value.amount_unparsed", file=u.file_name, sheet=t.sheet,
                                 row=row.excel_row, col=col.index + 1, text=clean(raw)))
        return None
    if value is not None and is_ambiguous_number(text.split(" ")[0]):
        u.problems.append(P.make("value.amount_ambiguous", file=u.file_name, sheet=t.sheet,
                                 row=row.excel_row, col=col.index + 1, text=text,
                                 a=f"{value:g}", b=f"{value * 1000:g}", chosen=f"{value:g}"))
    return None if value is None else round(value * col.scale, 6)


def _money(v: float) -> str:
    return f"{v:,.6f}".rstrip("0").rstrip(".").replace(",", "_").replace(".", ",") \
        .replace("_", ".")


def _same_money(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.01, 1e-9 * abs(b))


def _budget_rows(u: Understanding, t: Table, row: TableRow, catalog: Catalog,
                 year: int | None) -> dict[str, float]:
    """One line per funding source of the row; a 'Tổng số' column is the line's total: it is
    checked against the sources, and loaded alone only when no source is filled in.
    Returns the row's money per column letter (the total computed when not written)."""
    ctx, f = u.context, u.file_name
    task = clean(row.cells.get("label"))
    note = clean(row.cells.get("note"))
    status = clean(row.cells.get("status"))
    if not status and fold(note) in {fold(s) for s in STATUS_WORDS}:
        status = note
    funding_col = clean(row.cells.get("funding"))
    pillar = _pillar(catalog, None, row, t)
    if pillar is None:
        m = catalog.match(task)
        if m.code:
            pillar = catalog.indicators[m.code].pillar
    money: dict[str, float] = {}
    sources = [(c, raw) for c, raw, _ in row.values if c.role == "amount"]
    total_cell = next(((c, raw) for c, raw, _ in row.values if c.role == "total"), None)
    lines: list[tuple[Column, object, float | None]] = []
    for col, raw in sources:
        value = _amount(u, t, row, col, raw)
        if value is None:
            continue
        money[col.letter] = value
        lines.append((col, raw, value))
    total_col = next((c for c in t.columns if c.role == "total"), None)
    if total_cell is not None:
        col, raw = total_cell
        stated = _amount(u, t, row, col, raw)
        if stated is not None:
            money[col.letter] = stated
            if lines:
                computed = round(sum(v for _, _, v in lines), 6)
                if not _same_money(stated, computed):
                    u.problems.append(P.make(
                        "budget.line_total_mismatch", file=f, sheet=t.sheet, row=row.excel_row,
                        col=col.index + 1, header=col.header, stated=_money(stated),
                        computed=_money(computed), sources=" + ".join(
                            f"{c.letter} {_money(v)}" for c, _, v in lines)))
            else:
                lines.append((col, raw, stated))  # only the total is given: one line
    elif total_col is not None and lines:
        money[total_col.letter] = round(sum(v for _, _, v in lines), 6)
    if not lines and not any(c.role in ("amount", "total") and clean(raw)
                             for c, raw, _ in row.values):
        u.problems.append(P.make("budget.no_amount", file=f, sheet=t.sheet, row=row.excel_row))
        first = next(c for c in t.columns if c.role in ("amount", "total"))
        lines = [(first, None, None)]
    for col, raw, value in lines:
        text = parse_amount(raw)[1]
        source = "" if col.role == "total" else (col.funding_source or "")
        u.budget.append(BudgetRecord(
            commune=ctx.commune, province=ctx.province, plan_year=year or 0,
            line_no=clean(row.cells.get("stt")), task=task,
            objective=clean(row.cells.get("objective")),
            expected_result=clean(row.cells.get("expected")),
            lead_unit=clean(row.cells.get("lead_unit")), amount_million_vnd=value,
            amount_text=text, funding_source=source or funding_col or "",
            status=status, note=note, prov=Provenance(f, t.sheet, row.excel_row, col.letter),
            pillar=pillar, flags=_row_flags(row)))
    return money


class _Sums:
    """Running sums of a budget table's money columns, for its 'Tổng cộng' rows."""

    def __init__(self):
        self.all: dict[str, float] = {}
        self.since: dict[str, float] = {}
        self.rows = 0
        self.lines = 0
        self.pending: list[TableRow] = []  # a "TỔNG CỘNG" row above the lines it sums

    def add(self, money: dict[str, float]) -> None:
        self.rows += 1
        self.lines += 1
        for k, v in money.items():
            self.all[k] = self.all.get(k, 0.0) + v
            self.since[k] = self.since.get(k, 0.0) + v


def _check_total_row(u: Understanding, t: Table, row: TableRow, sums: _Sums,
                     final: bool = False) -> None:
    """A 'Tổng cộng' row must equal the sum of the lines above it (a sub-total: those since
    the previous total row); one written above every line sums the whole table."""
    if not sums.lines and not final:
        sums.pending.append(row)
        return
    label = clean(row.cells.get("label")) or clean(row.cells.get("stt"))
    for col, raw, _ in row.values:
        if col.role not in ("amount", "total"):
            continue
        value, _text = parse_amount(raw)
        if value is None:
            continue
        stated = round(value * col.scale, 6)
        since, whole = sums.since.get(col.letter, 0.0), sums.all.get(col.letter, 0.0)
        where = dict(file=u.file_name, sheet=t.sheet, row=row.excel_row, col=col.index + 1,
                     label=label, header=col.header, stated=_money(stated))
        if final:
            since = whole
        if _same_money(stated, since) or _same_money(stated, whole):
            u.problems.append(P.make("row.total_checked", **where))
        else:
            u.problems.append(P.make("row.total_mismatch", **where, computed=_money(since),
                                     n=sums.lines if final else sums.rows))
    sums.since = {}
    sums.rows = 0


def _section_level(stt: str) -> int:
    """I / A / unnumbered -> 1, '1' -> 2, '1.1' -> 3."""
    s = stt.strip().rstrip(".")
    return 2 + s.count(".") if re.fullmatch(r"\d+(\.\d+)*", s) else 1


def _check_section_counts(u: Understanding, t: Table) -> None:
    """'Hạ tầng số (05 chỉ tiêu)': the heading's count must be the rows read under it."""
    rows = t.rows
    for i, row in enumerate(rows):
        if row.kind != "section":
            continue
        label = clean(row.cells.get("label"))
        m = _DECLARED_COUNT.search(strip_diacritics(label).lower())
        if not m:
            continue
        level = _section_level(clean(row.cells.get("stt")))
        found, first, last = 0, None, None
        for r in rows[i + 1:]:
            if r.kind == "section" and _section_level(clean(r.cells.get("stt"))) <= level:
                break
            if r.kind == "total":
                break
            if r.kind == "data" and clean(r.cells.get("label")):
                found += 1
                first = first or r.excel_row
                last = r.excel_row
        declared = int(m.group(1))
        if found != declared:
            label_col = t.column("label")
            u.problems.append(P.make(
                "section.count_mismatch", file=u.file_name, sheet=t.sheet, row=row.excel_row,
                col=(label_col.index + 1) if label_col else None, section=_short(label, 60),
                declared=declared, found=found,
                rows=f"{first}–{last}" if first else "không có"))


def _check_title_year(u: Understanding, t: Table, override: int | None) -> None:
    """A title that names a year none of the columns are for: one of them is misread."""
    if override:
        return
    years = set(title_years(t.title_lines, ranges=True))
    cols = [c for c in t.columns if c.role in ("target", "actual") and c.year and not c.chosen]
    if not years or not cols or {c.year for c in cols} & years:
        return
    for c in cols:
        u.problems.append(P.make(
            "table.title_year_mismatch", file=u.file_name, sheet=t.sheet, row=t.header_first,
            col=c.index + 1, header=c.header, column_year=c.year,
            title_years=", ".join(map(str, sorted(years)))))


def _check_duplicates(u: Understanding, t: Table, targets: list[TargetRecord]) -> None:
    """The same indicator twice in one table with different values."""
    seen: dict[tuple, TargetRecord] = {}
    for tr in targets:
        key = (alias_key(tr.label), tr.target_year, tr.prov.source_col)
        first = seen.setdefault(key, tr)
        if first is tr or (first.op, first.value_low, first.value_high, first.target_text) == \
                (tr.op, tr.value_low, tr.value_high, tr.target_text):
            continue
        u.problems.append(P.make(
            "table.duplicate_indicator", file=u.file_name, sheet=t.sheet,
            row=tr.prov.source_row, col=tr.prov.source_col, label=_short(tr.label, 60),
            first=first.target_text, first_row=first.prov.source_row, second=tr.target_text,
            second_row=tr.prov.source_row))


def _validate(u: Understanding, catalog: Catalog) -> None:
    """Cross-row checks: two values for one indicator and period; unit mismatches."""
    seen: dict[tuple, ActualRecord] = {}
    for a in u.actuals:
        key = (a.indicator_code or alias_key(a.label), a.period)
        first = seen.get(key)
        if first is None:
            seen[key] = a
            continue
        if (first.value, first.op, first.value_text) == (a.value, a.op, a.value_text) or \
                (first.value is not None and first.value == a.value and first.unit == a.unit):
            continue
        where = dict(file=u.file_name, sheet=a.prov.source_sheet, row=a.prov.source_row,
                     col=a.prov.source_col, first=first.value_text,
                     first_row=first.prov.source_row, second=a.value_text,
                     second_row=a.prov.source_row)
        if (first.kind, first.unit) != (a.kind, a.unit):
            # "6.876 hồ sơ" and "100%": two measures of one indicator, not a contradiction.
            u.problems.append(P.make("value.two_measures", **where))
            continue
        for rec in (first, a):
            if "conflict" not in rec.flags:
                rec.flags.append("conflict")
        u.problems.append(P.make("value.conflict", **where))
    tseen: dict[tuple, TargetRecord] = {}
    for tr in u.targets:
        key = (tr.indicator_code, tr.target_year, tr.prov.source_sheet)
        first = tseen.get(key)
        if first is None:
            tseen[key] = tr
        elif (first.op, first.value_low, first.value_high, first.target_text) != \
                (tr.op, tr.value_low, tr.value_high, tr.target_text) and \
                tr.indicator_code and not tr.indicator_code.startswith("LOCAL"):
            u.problems.append(P.make("value.conflict", file=u.file_name,
                                     sheet=tr.prov.source_sheet, row=tr.prov.source_row,
                                     col=tr.prov.source_col, first=first.target_text,
                                     first_row=first.prov.source_row, second=tr.target_text,
                                     second_row=tr.prov.source_row, severity="info"))
    for rec in [*u.targets, *u.actuals]:
        if not rec.indicator_code or rec.indicator_code not in catalog.indicators:
            continue
        ind = catalog.indicators[rec.indicator_code]
        if ind.unit and rec.unit and rec.unit != ind.unit and rec.kind in ("percent", "number"):
            u.problems.append(P.make("map.unit_mismatch", file=u.file_name,
                                     sheet=rec.prov.source_sheet, row=rec.prov.source_row,
                                     col=rec.prov.source_col, unit=rec.unit, code=ind.code,
                                     catalog_unit=ind.unit))
            if "unit_mismatch" not in rec.flags:
                rec.flags.append("unit_mismatch")
