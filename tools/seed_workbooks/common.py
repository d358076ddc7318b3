"""Shared helpers for writing the seed workbooks the way a commune office lays them out.

The seed workbooks in ``data/seed/`` are transcriptions of the source documents in
``../shared/seeds/``. Each ``build_*.py`` script here writes one workbook; the scripts are
kept so that a transcription can be reviewed and corrected as code, then re-run:

    python -m tools.seed_workbooks.build_all
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

SEED_DIR = Path(__file__).resolve().parents[2] / "data" / "seed"

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = "Times New Roman"


def new_workbook() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    return wb


def title_rows(ws: Worksheet, lines: Sequence[str], width: int, *, start_row: int = 1,
               bold: bool = True) -> int:
    """Write centred title lines merged across ``width`` columns; return the next free row."""
    row = start_row
    for line in lines:
        if line:
            ws.cell(row=row, column=1, value=line)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            c = ws.cell(row=row, column=1)
            c.font = Font(name=FONT, bold=bold, size=13)
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        row += 1
    return row


def header_cell(ws: Worksheet, row: int, col: int, text: str, *, rowspan: int = 1,
                colspan: int = 1) -> None:
    """A bordered, bold, wrapped header cell, merged over rowspan x colspan."""
    ws.cell(row=row, column=col, value=text)
    if rowspan > 1 or colspan > 1:
        ws.merge_cells(start_row=row, start_column=col, end_row=row + rowspan - 1,
                       end_column=col + colspan - 1)
    for r in range(row, row + rowspan):
        for c in range(col, col + colspan):
            cell = ws.cell(row=r, column=c)
            cell.border = BORDER
            cell.font = Font(name=FONT, bold=True, size=12)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def data_row(ws: Worksheet, row: int, values: Sequence[object], *, bold: bool = False,
             number_formats: dict[int, str] | None = None) -> None:
    """Write one bordered, wrapped body row (values[0] goes to column A)."""
    for i, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=i, value=value)
        cell.border = BORDER
        cell.font = Font(name=FONT, bold=bold, size=12)
        cell.alignment = Alignment(vertical="center", wrap_text=True,
                                   horizontal="center" if i == 1 else "left")
        if number_formats and i in number_formats:
            cell.number_format = number_formats[i]


def section_row(ws: Worksheet, row: int, number: str, text: str, width: int,
                *, merge_text: bool = True) -> None:
    """A section row: its number in column A, bold text merged over the other columns."""
    data_row(ws, row, [number, text] + [None] * (width - 2), bold=True)
    if merge_text and width > 2:
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=width)


def set_widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


@dataclass
class SourceNote:
    """One line of the provenance sheet: which rows came from which part of which document."""
    sheet: str
    rows: str
    document: str
    section: str
    note: str = ""


@dataclass
class Provenance:
    commune: str
    province: str
    period: str
    document: str
    kind: str
    notes: list[SourceNote] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)


def provenance_sheet(wb: Workbook, p: Provenance) -> None:
    """The 'Thông tin chung' sheet: key-value facts about the workbook, then row provenance.

    The ETL reads the key-value block (Xã / Tỉnh / Năm) as one of its sources for commune,
    province and year; the rest is for people.
    """
    ws = wb.create_sheet("Thông tin chung")
    rows = [
        ("Xã", p.commune),
        ("Tỉnh", p.province),
        ("Năm", p.period),
        ("Loại văn bản", p.kind),
        ("Văn bản nguồn", p.document),
    ]
    for r, (k, v) in enumerate(rows, start=1):
        ws.cell(row=r, column=1, value=k).font = Font(name=FONT, bold=True)
        ws.cell(row=r, column=2, value=v).font = Font(name=FONT)
    r = len(rows) + 2
    ws.cell(row=r, column=1, value="Nguồn từng phần").font = Font(name=FONT, bold=True)
    r += 1
    for col, h in enumerate(["Sheet", "Dòng", "Văn bản", "Mục trong văn bản", "Ghi chú"], 1):
        header_cell(ws, r, col, h)
    for n in p.notes:
        r += 1
        data_row(ws, r, [n.sheet, n.rows, n.document, n.section, n.note])
    if p.caveats:
        r += 2
        ws.cell(row=r, column=1, value="Điểm chưa rõ / mâu thuẫn trong văn bản nguồn").font = \
            Font(name=FONT, bold=True)
        for c in p.caveats:
            r += 1
            ws.cell(row=r, column=1, value="-")
            ws.cell(row=r, column=2, value=c).alignment = Alignment(wrap_text=True)
    set_widths(ws, [22, 60, 28, 40, 50])


def save(wb: Workbook, name: str) -> Path:
    SEED_DIR.mkdir(parents=True, exist_ok=True)
    path = SEED_DIR / name
    wb.save(path)
    return path
