"""parse -> map -> validate: from detected tables to contract rows and problems. Pure.

:func:`understand` is what both the CLI and the upload page call to show an analyst what a
workbook means before anything is saved.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import problems as P
from .catalog import Catalog, Match, local_code
from .context import detect_context, title_years
from .detect import Column, Table, TableRow, find_tables
from .normalize import alias_key, clean, fold
from .read import EXCEL_ERRORS, WorkbookData
from .records import ActualRecord, BudgetRecord, Context, Provenance, TargetRecord
from .values import Parsed, parse_amount, parse_value

STATUS_WORDS = ("đề xuất", "đã phê duyệt", "đang thực hiện", "hoàn thành", "chuyển tiếp",
                "mới", "đã bố trí", "chưa bố trí")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


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

    @property
    def ok(self) -> bool:
        return not P.has_errors(self.problems)

    def counts(self) -> dict[str, int]:
        return {"targets": len(self.targets), "actuals": len(self.actuals),
                "budget_lines": len(self.budget)}


def understand(wb: WorkbookData, catalog: Catalog, *, commune: str | None = None,
               province: str | None = None, year: int | None = None,
               synthetic: bool = False) -> Understanding:
    tables: list[Table] = []
    for sheet in wb.sheets:
        tables.extend(find_tables(sheet))
    titles = [line for t in tables for line in t.title_lines]
    ctx, problems = detect_context(wb, titles, commune=commune, province=province, year=year,
                                   synthetic=synthetic, tables=tables)
    u = Understanding(file_name=wb.file_name, sha256=wb.sha256, context=ctx, tables=tables,
                      problems=problems)
    if not tables:
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
        if not t.kinds:  # a reference list, not data (e.g. a template's 'Danh mục')
            continue
        if t.column("label") is None:
            u.problems.append(P.make("table.no_label_column", file=wb.file_name, sheet=t.sheet,
                                     row=t.header_first))
            continue
        _table_records(u, t, catalog, year)
    _validate(u, catalog)
    return u


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
    for col in t.columns:
        if col.role in ("target", "actual") and col.year is None:
            if table_year is None:
                u.problems.append(P.make("context.no_year", file=f, sheet=t.sheet,
                                         row=t.header_first, col=col.index + 1,
                                         column=col.header))
            col.year = table_year
    kinds = t.kinds
    if not any(r.kind == "data" for r in t.rows):
        u.problems.append(P.make("table.empty", file=f, sheet=t.sheet, row=t.header_first,
                                 kind=", ".join(kinds)))
    section, section_no = "", ""
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
            continue
        if row.kind != "data":
            continue
        row.section, row.section_number = section, section_no
        if not _row_is_sound(u, t, row):
            continue
        if "budget" in kinds:
            _budget_rows(u, t, row, catalog, table_year)
            continue
        _indicator_rows(u, t, row, catalog)


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
    label = clean(row.cells.get("label"))
    if not label and row.values:
        col, raw, _ = row.values[0]
        u.problems.append(P.make("row.value_without_label", file=u.file_name, sheet=t.sheet,
                                 row=row.excel_row, col=col.index + 1, value=clean(raw)))
        ok = False
    return ok and bool(label)


def _pillar(catalog: Catalog, code: str | None, row: TableRow) -> str | None:
    if code and code in catalog.indicators:
        return catalog.indicators[code].pillar
    for heading in (clean(row.cells.get("group")), row.section):
        if heading:
            p = catalog.pillar_for_heading(heading)
            if p:
                return p
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
    pillar = _pillar(catalog, m.code, row)
    common = dict(section=row.section, stt=clean(row.cells.get("stt")),
                  note=clean(row.cells.get("note")), source_ref=clean(row.cells.get("source_ref")),
                  indicator_code=code, pillar=pillar, match_method=m.method,
                  match_confidence=m.confidence, suggested_code=m.suggestion)
    assessment_raw = next((raw for col, raw, _ in row.values if col.role == "assessment"), None)
    has_target = has_actual = False
    for col, raw, pct in row.values:
        if col.role not in ("target", "actual") or col.year is None:
            continue
        parsed = parse_value(raw, unit_hint=unit_hint, percent_format=pct)
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
                flags=list(parsed.flags), **common))
        else:
            has_actual = True
            u.actuals.append(_actual(ctx, label, col.year, parsed, clean(assessment_raw), prov,
                                     common, period=col.period))
    if not has_actual and clean(assessment_raw) and "actuals" in t.kinds:
        # Only an assessment ("Đạt") was reported: that is the result.
        col = next(c for c, _, _ in row.values if c.role == "assessment")
        year = col.year or next((c.year for c in t.columns if c.role == "actual" and c.year),
                                None) or _table_year(t, ctx, None)
        if year:
            parsed = parse_value(assessment_raw)
            u.actuals.append(_actual(ctx, label, year, parsed, clean(assessment_raw),
                                     Provenance(f, t.sheet, row.excel_row, col.letter), common))
            has_actual = True
    if not has_target and not has_actual:
        value_col = next((c for c in t.columns if c.role in ("target", "actual")), None)
        u.problems.append(P.make("row.no_value", file=f, sheet=t.sheet, row=row.excel_row,
                                 col=(value_col.index + 1) if value_col else None,
                                 column=value_col.header if value_col else "?"))


def _actual(ctx: Context, label: str, year: int, parsed: Parsed, assessment: str,
            prov: Provenance, common: dict, period: str | None = None) -> ActualRecord:
    return ActualRecord(
        commune=ctx.commune, province=ctx.province, label=label, period=period or str(year),
        period_year=year, value_text=parsed.text, kind=parsed.kind, op=parsed.op,
        value=parsed.value, value_low=parsed.low, value_high=parsed.high, unit=parsed.unit,
        assessment=assessment, prov=prov, numerator=parsed.numerator,
        denominator=parsed.denominator, stated_percent=parsed.stated_percent,
        flags=list(parsed.flags), **common)


def _value_problems(u: Understanding, t: Table, row: TableRow, col: Column, p: Parsed) -> None:
    where = dict(file=u.file_name, sheet=t.sheet, row=row.excel_row, col=col.index + 1)
    if "fraction_mismatch" in p.flags:
        u.problems.append(P.make("value.fraction_mismatch", **where,
                                 fraction=f"{p.numerator:g}/{p.denominator:g}",
                                 computed=f"{p.low:.2f}", stated=f"{p.stated_percent:g}"))
    if "percent_over_100" in p.flags:
        u.problems.append(P.make("value.percent_over_100", **where, value=f"{p.value:g}"))
    if "ambiguous_number" in p.flags:
        u.problems.append(P.make("value.amount_ambiguous", **where, text=p.text,
                                 a=f"{p.value:g}", b=f"{p.value * 1000:g}", chosen=f"{p.value:g}"))
    if p.kind == "text":
        u.problems.append(P.make("value.qualitative", **where, text=_short(p.text, 50)))


def _budget_rows(u: Understanding, t: Table, row: TableRow, catalog: Catalog,
                 year: int | None) -> None:
    ctx, f = u.context, u.file_name
    task = clean(row.cells.get("label"))
    note = clean(row.cells.get("note"))
    status = clean(row.cells.get("status"))
    if not status and fold(note) in {fold(s) for s in STATUS_WORDS}:
        status = note
    funding_col = clean(row.cells.get("funding"))
    pillar = _pillar(catalog, None, row)
    if pillar is None:
        m = catalog.match(task)
        if m.code:
            pillar = catalog.indicators[m.code].pillar
    amounts = [(c, raw) for c, raw, _ in row.values if c.role == "amount"]
    if not amounts:
        u.problems.append(P.make("budget.no_amount", file=f, sheet=t.sheet, row=row.excel_row))
        amounts = [(next(c for c in t.columns if c.role == "amount"), None)]
    for col, raw in amounts:
        value, text = parse_amount(raw)
        if raw is not None and clean(raw) and value is None:
            u.problems.append(P.make("value.amount_unparsed", file=f, sheet=t.sheet,
                                     row=row.excel_row, col=col.index + 1, text=clean(raw)))
            continue
        if value is not None:
            value = round(value * col.scale, 6)
        u.budget.append(BudgetRecord(
            commune=ctx.commune, province=ctx.province, plan_year=year or 0,
            line_no=clean(row.cells.get("stt")), task=task,
            objective=clean(row.cells.get("objective")),
            expected_result=clean(row.cells.get("expected")),
            lead_unit=clean(row.cells.get("lead_unit")), amount_million_vnd=value,
            amount_text=text, funding_source=col.funding_source or funding_col or "",
            status=status, note=note, prov=Provenance(f, t.sheet, row.excel_row, col.letter),
            pillar=pillar))


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
