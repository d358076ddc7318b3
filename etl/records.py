"""The rows the ETL produces, one dataclass per contract table."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Provenance:
    source_file: str
    source_sheet: str
    source_row: int
    source_col: str = ""


@dataclass(kw_only=True)
class MappedRow:
    """What the map step adds to a parsed indicator row (target or result)."""
    indicator_code: str | None = None
    pillar: str | None = None
    match_method: str = ""
    match_confidence: float | None = None
    suggested_code: str | None = None
    note: str = ""
    source_ref: str = ""
    scope: str = ""  # scope qualifier of the matched wording (catalogue alias), shown by the value
    flags: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class TargetRecord(MappedRow):
    commune: str
    province: str
    label: str
    target_year: int
    target_text: str
    kind: str
    op: str | None
    value_low: float | None
    value_high: float | None
    unit: str | None
    lead_unit: str
    partner_unit: str
    section: str
    stt: str
    prov: Provenance


@dataclass(kw_only=True)
class ActualRecord(MappedRow):
    commune: str
    province: str
    label: str
    period: str
    period_year: int
    value_text: str
    kind: str
    op: str | None
    value: float | None
    value_low: float | None
    value_high: float | None
    unit: str | None
    assessment: str
    section: str
    stt: str
    prov: Provenance
    numerator: float | None = None
    denominator: float | None = None
    stated_percent: float | None = None


@dataclass
class BudgetRecord:
    commune: str
    province: str
    plan_year: int
    line_no: str
    task: str
    objective: str
    expected_result: str
    lead_unit: str
    amount_million_vnd: float | None
    amount_text: str
    funding_source: str
    status: str
    note: str
    prov: Provenance
    pillar: str | None = None
    indicator_code: str | None = None
    flags: list[str] = field(default_factory=list)


@dataclass
class Context:
    commune: str = ""
    province: str = ""
    years: list[int] = field(default_factory=list)  # every year named in titles/metadata
    commune_source: str = ""
    province_source: str = ""
    commune_type: str = ""  # xã | phường | đặc khu (thị trấn for a pre-2025 unit)
    commune_code: str = ""  # official unit code (admin_units); for a pre-2025 unit, its successor
    legacy_code: str = ""  # the pre-2025 unit's own code when the commune no longer exists
    synthetic: bool = False  # a generated workbook: fictional commune, not in the register
