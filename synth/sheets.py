"""Where each part of a plan sits in its workbook: sheet names, Excel rows, section headings.

Both outputs use these layouts, so a row of the database build names the very cell the
workbook writes (``source_sheet``/``source_row``/``source_col``), and a workbook loaded by
the real reader gives the rows the direct build wrote.
"""
from __future__ import annotations

from etl.catalog import Catalog

from .plans import PLAN_YEAR, BudgetPlan, CommunePlan, IndicatorPlan

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
QROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
TARGET_SHEET = "Chỉ tiêu 2026-2030"
RESULT_SHEET = "Kết quả thực hiện"
BUDGET_SHEET = f"Kinh phí {PLAN_YEAR}"
FIRST_BODY_ROW = 9  # title (4) + blank + two header rows + column numbers
TARGET_LETTERS = "DEFGH"  # one column per target year, 2026 … 2030
FUNDING_LETTERS = "FGH"  # one column per funding source


def quarter_sheet(year: int, q: int) -> str:
    """The sheet a quarterly report's rows cite (``Quý III/2026``)."""
    return f"Quý {QROMAN[q]}/{year}"


def pillar_heading(catalog: Catalog, pillar: str) -> str:
    """The section row for a DTI group, upper case as offices type it; the first wording
    the loader maps back to the group (it does not map every wording: see the report)."""
    return _headings(catalog).get(pillar, catalog.pillars[pillar].name_vi.upper())


_HEADINGS: dict[int, dict[str, str]] = {}


def _headings(catalog: Catalog) -> dict[str, str]:
    key = id(catalog)
    if key not in _HEADINGS:
        out = {}
        for code, p in catalog.pillars.items():
            for cand in (p.name_vi, *p.aliases):
                if catalog.pillar_for_heading(cand.upper()) == code:
                    out[code] = cand.upper()
                    break
        _HEADINGS[key] = out
    return _HEADINGS[key]


def indicator_layout(catalog: Catalog, plan: CommunePlan
                     ) -> list[tuple[int, str, str, str | IndicatorPlan]]:
    """Excel rows of the targets and results sheets: (row, "section", roman number, heading)
    for each DTI group, then (row, "data", line number, indicator) for its indicators."""
    return _layout(catalog, plan.indicators)


def budget_layout(catalog: Catalog, plan: CommunePlan
                  ) -> list[tuple[int, str, str, str | BudgetPlan]]:
    """Excel rows of the budget sheet, the same way (the 'Tổng cộng' row follows the last)."""
    return _layout(catalog, plan.budget)


def _layout(catalog: Catalog, items: list) -> list[tuple]:
    rows = []
    r = FIRST_BODY_ROW
    current = None
    sec = n = 0
    for item in items:
        if item.pillar != current:
            current = item.pillar
            rows.append((r, "section", ROMAN[sec], pillar_heading(catalog, item.pillar)))
            sec += 1
            r += 1
        n += 1
        rows.append((r, "data", str(n), item))
        r += 1
    return rows
