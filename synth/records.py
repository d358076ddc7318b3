"""A commune's plan as the loader receives it: one :class:`etl.pipeline.Understanding` per
file, holding the records the pipeline produces (:mod:`etl.records`).

The files are the plan (targets of every year and the budget, ``ke_hoach_cds_….xlsx``) and
one report per quarter reported (``bao_cao_cds_…_2026_q3.xlsx``). Values go through the
ETL's own parser (:func:`etl.values.parse_value`, :func:`etl.values.parse_amount`) and labels
through the catalogue matcher, so kinds, ops, units, codes and scopes are the loader's; every
row cites the cell of the workbook :mod:`synth.workbook` writes for the same plan.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

from etl.catalog import Catalog, local_code
from etl.pipeline import Understanding
from etl.records import ActualRecord, BudgetRecord, Context, Provenance, TargetRecord
from etl.values import parse_amount, parse_value

from .names import synthetic_code
from .plans import BUDGET_STATUS, PLAN_YEAR, CommunePlan, IndicatorPlan
from .sheets import (BUDGET_SHEET, FUNDING_LETTERS, TARGET_LETTERS, TARGET_SHEET,
                     budget_layout, indicator_layout, quarter_sheet)


@lru_cache(maxsize=8192)
def _parse(raw, pf: bool, unit_hint: str):
    return parse_value(raw, unit_hint=unit_hint or None, percent_format=pf)


@lru_cache(maxsize=2048)
def _amount(raw):
    return parse_amount(raw)


_MATCH_CACHE: dict[tuple[int, str], object] = {}


def _match(catalog: Catalog, label: str):
    key = (id(catalog), label)
    m = _MATCH_CACHE.get(key)
    if m is None:
        m = _MATCH_CACHE[key] = catalog.match(label)
    return m


def _unit_flag(catalog: Catalog, code: str | None, parsed) -> list[str]:
    flags = list(parsed.flags)
    ind = catalog.indicators.get(code or "")
    if ind and ind.unit and parsed.unit and parsed.unit != ind.unit and \
            parsed.kind in ("percent", "number"):
        flags.append("unit_mismatch")
    return flags


def file_sha256(seed: int, file_name: str) -> str:
    """A generated file's stand-in checksum: stable for (seed, file), so building the same
    plan again finds it loaded."""
    return hashlib.sha256(f"synthetic|{seed}|{file_name}".encode()).hexdigest()


def understandings(plan: CommunePlan, catalog: Catalog, seed: int) -> list[Understanding]:
    """The plan file first (when it has rows), then the quarterly reports in order. No
    problems: the generator writes only what the reader reads cleanly (the workbook test
    checks it)."""
    c, prov = plan.commune, plan.province

    def context(years: list[int]) -> Context:
        return Context(commune=c, province=prov, years=years, commune_type=plan.kind,
                       commune_code=synthetic_code(plan.index), synthetic=True)

    targets: list[TargetRecord] = []
    actuals: dict[tuple[int, int], list[ActualRecord]] = {}
    section = ""
    for r, kind, no, item in indicator_layout(catalog, plan):
        if kind == "section":
            section = item
            continue
        ip: IndicatorPlan = item
        m = _match(catalog, ip.label)
        code = m.code or local_code(c, ip.label)
        pillar = catalog.indicators[m.code].pillar if m.code else \
            catalog.pillar_for_heading(section)
        common = dict(indicator_code=code, pillar=pillar, label=ip.label, section=section,
                      stt=no, match_method=m.method, match_confidence=m.confidence,
                      suggested_code=m.suggestion, note=ip.note, scope=m.scope)
        for y, (raw, pf) in ip.targets.items():
            p = _parse(raw, pf, ip.unit_hint)
            targets.append(TargetRecord(
                commune=c, province=prov, target_year=y, target_text=p.text, kind=p.kind,
                op=p.op, value_low=p.low, value_high=p.high, unit=p.unit,
                lead_unit=ip.lead_unit, partner_unit="",
                prov=Provenance(plan.plan_file, TARGET_SHEET, r, TARGET_LETTERS[y - 2026]),
                flags=_unit_flag(catalog, m.code, p), **common))
        for (y, q), (raw, pf) in ip.quarterly.items():
            p = _parse(raw, pf, ip.unit_hint)
            actuals.setdefault((y, q), []).append(ActualRecord(
                commune=c, province=prov, period=f"{y}-Q{q}", period_year=y,
                value_text=p.text, kind=p.kind, op=p.op, value=p.value, value_low=p.low,
                value_high=p.high, unit=p.unit, assessment=ip.assessment,
                numerator=p.numerator, denominator=p.denominator,
                stated_percent=p.stated_percent,
                prov=Provenance(plan.report_file(y, q), quarter_sheet(y, q), r, "D"),
                flags=_unit_flag(catalog, m.code, p), **common))
    budget: list[BudgetRecord] = []
    section = ""
    for r, kind, no, item in budget_layout(catalog, plan):
        if kind == "section":
            section = item
            continue
        status = item.note if item.note in BUDGET_STATUS else ""
        filled = [(i, cell) for i, cell in enumerate(item.amounts) if cell[0] is not None]
        for i, (raw, _) in filled or [(0, (None, False))]:
            value, text = _amount(raw)
            budget.append(BudgetRecord(
                commune=c, province=prov, plan_year=PLAN_YEAR, line_no=no, task=item.task,
                objective=item.objective, expected_result=item.expected,
                lead_unit=item.lead_unit, amount_million_vnd=value, amount_text=text,
                funding_source=plan.funding[i], status=status, note=item.note,
                prov=Provenance(plan.plan_file, BUDGET_SHEET, r, FUNDING_LETTERS[i]),
                pillar=catalog.pillar_for_heading(section)))
    out = []
    if targets or budget:
        out.append(Understanding(file_name=plan.plan_file, sha256=file_sha256(seed, plan.plan_file),
                                 context=context(sorted({t.target_year for t in targets})),
                                 targets=targets, budget=budget))
    for (y, q), rows in sorted(actuals.items()):
        f = plan.report_file(y, q)
        out.append(Understanding(file_name=f, sha256=file_sha256(seed, f), context=context([y]),
                                 actuals=rows))
    return out
