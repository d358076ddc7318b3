"""``etl synth --out``: one workbook per commune, as a commune office lays it out.

Four sheets: the targets 2026–2030 (one column per year), the results (the annual view the
reader files under ``2025`` and ``2026-Q3``: ``Năm 2025`` and ``9 tháng năm 2026``), the budget (one column per
funding source under a merged ``Dự toán kinh phí (triệu đồng)``) and ``Thông tin chung``,
which says the file is synthetic (the loader refuses it as real data: problem
``file.synthetic``). ``python -m etl load --synthetic`` reads every one with zero errors.
"""
from __future__ import annotations

import os
from pathlib import Path

from etl.catalog import Catalog, load_catalog
from etl.values import parse_amount

from .names import CITIES, communes
from .plans import DEFAULT_COMMUNES, PLAN_YEAR, SYNTH_VERSION, TARGET_YEARS, CommunePlan, \
    IndicatorPlan, plan_commune
from .sheets import (BUDGET_SHEET, FIRST_BODY_ROW, RESULT_SHEET, TARGET_SHEET, budget_layout,
                     indicator_layout)


def write_workbook(plan: CommunePlan, path: Path, catalog: Catalog | None = None) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    catalog = catalog or load_catalog()
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    bold = Font(name="Times New Roman", bold=True, size=12)
    normal = Font(name="Times New Roman", size=12)
    italic = Font(name="Times New Roman", italic=True, size=12)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wrap = Alignment(vertical="center", wrap_text=True)

    kind_upper = plan.kind.upper()
    ubnd = f"ỦY BAN NHÂN DÂN {kind_upper} {plan.commune.upper()}"
    prov_word = "THÀNH PHỐ" if plan.province in CITIES else "TỈNH"
    place = f"{prov_word} {plan.province.upper()}"
    wb = Workbook()
    wb.remove(wb.active)

    def titles(ws, lines, width):
        for i, line in enumerate(lines, start=1):
            ws.cell(row=i, column=1, value=line)
            ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)
            ws.cell(row=i, column=1).font = italic if line.startswith("(") else bold
            ws.cell(row=i, column=1).alignment = center

    def head(ws, row, col, text, rowspan=1, colspan=1):
        ws.cell(row=row, column=col, value=text)
        if rowspan > 1 or colspan > 1:
            ws.merge_cells(start_row=row, start_column=col, end_row=row + rowspan - 1,
                           end_column=col + colspan - 1)
        for rr in range(row, row + rowspan):
            for cc in range(col, col + colspan):
                cell = ws.cell(row=rr, column=cc)
                cell.border, cell.font, cell.alignment = border, bold, center

    def body(ws, row, values, *, is_bold=False, formats=None):
        for i, v in enumerate(values, start=1):
            cell = ws.cell(row=row, column=i, value=v)
            cell.border = border
            cell.font = bold if is_bold else normal
            cell.alignment = center if i in (1, 3) else wrap
            if formats and i in formats:
                cell.number_format = formats[i]

    def numbers_row(ws, row, width):
        for i in range(1, width + 1):
            c = ws.cell(row=row, column=i, value=f"({i})")
            c.border, c.font, c.alignment = border, italic, center

    def signature(ws, row, width):
        ws.cell(row=row, column=1, value="Nơi nhận:").font = Font(name="Times New Roman",
                                                                  bold=True, italic=True)
        ws.cell(row=row, column=max(4, width - 3), value="TM. ỦY BAN NHÂN DÂN").font = bold
        ws.cell(row=row + 1, column=1, value="- Như trên;")
        ws.cell(row=row + 1, column=max(4, width - 3), value="CHỦ TỊCH").font = bold
        ws.cell(row=row + 2, column=1, value="- Lưu: VT.")

    def widths(ws, ws_widths):
        from openpyxl.utils import get_column_letter
        for i, w in enumerate(ws_widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w

    def put(ws, row, col, cell_value):
        raw, pf = cell_value
        c = ws.cell(row=row, column=col, value=raw)
        if pf:
            c.number_format = "0%" if abs(raw * 100 - round(raw * 100)) < 1e-9 else "0.0%"
        elif isinstance(raw, (int, float)):
            c.number_format = "#,##0"
            c.alignment = Alignment(horizontal="right", vertical="center")

    # Sheet 1: targets 2026-2030 ----------------------------------------------------------
    ws = wb.create_sheet(TARGET_SHEET)
    width = 10
    titles(ws, [ubnd, "PHỤ LỤC I",
                f"CHỈ TIÊU CHUYỂN ĐỔI SỐ {kind_upper} {plan.commune.upper()}, {place} "
                f"GIAI ĐOẠN 2026 - 2030",
                f"(Kèm theo Kế hoạch số {plan.plan_no}/KH-UBND ngày 15 tháng 12 năm 2025 của "
                f"Ủy ban nhân dân {plan.kind})"], width)
    h = 6
    head(ws, h, 1, "STT", rowspan=2)
    head(ws, h, 2, "Chỉ tiêu", rowspan=2)
    head(ws, h, 3, "ĐVT", rowspan=2)
    head(ws, h, 4, "Mục tiêu", colspan=5)
    for i, y in enumerate(TARGET_YEARS):
        head(ws, h + 1, 4 + i, f"Năm {y}")
    head(ws, h, 9, "Đơn vị chủ trì", rowspan=2)
    head(ws, h, 10, "Ghi chú", rowspan=2)
    numbers_row(ws, h + 2, width)
    layout = indicator_layout(catalog, plan)
    for r, kind, no, item in layout:
        if kind == "section":
            body(ws, r, [no, item] + [None] * (width - 2), is_bold=True)
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=width)
            continue
        ip: IndicatorPlan = item
        body(ws, r, [no, ip.label, ip.unit_hint or None] + [None] * 5 +
             [ip.lead_unit, ip.note or None])
        for i, y in enumerate(TARGET_YEARS):
            if y in ip.targets:
                put(ws, r, 4 + i, ip.targets[y])
    last = layout[-1][0] if layout else FIRST_BODY_ROW
    signature(ws, last + 2, width)
    widths(ws, [6, 60, 8, 12, 12, 12, 12, 12, 22, 18])
    ws.freeze_panes = f"C{FIRST_BODY_ROW}"

    # Sheet 2: results (annual view) --------------------------------------------------------
    ws = wb.create_sheet(RESULT_SHEET)
    width = 7
    titles(ws, [ubnd, "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ",
                f"{kind_upper} {plan.commune.upper()}, {place}",
                "(Số liệu năm 2025 và ước thực hiện 9 tháng năm 2026)"], width)
    head(ws, h, 1, "STT", rowspan=2)
    head(ws, h, 2, "Chỉ tiêu", rowspan=2)
    head(ws, h, 3, "ĐVT", rowspan=2)
    head(ws, h, 4, "Kết quả thực hiện", colspan=2)
    head(ws, h + 1, 4, "Năm 2025")
    head(ws, h + 1, 5, "9 tháng năm 2026")
    head(ws, h, 6, "Đánh giá", rowspan=2)
    head(ws, h, 7, "Ghi chú", rowspan=2)
    numbers_row(ws, h + 2, width)
    for r, kind, no, item in layout:
        if kind == "section":
            body(ws, r, [no, item] + [None] * (width - 2), is_bold=True)
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=width)
            continue
        ip = item
        note = ip.note or (None if ip.annual else "Chưa báo cáo")
        body(ws, r, [no, ip.label, ip.unit_hint or None, None, None,
                     ip.assessment if ip.annual else None, note])
        for col, key in ((4, "2025"), (5, "2026")):
            if key in ip.annual:
                put(ws, r, col, ip.annual[key])
    signature(ws, last + 2, width)
    widths(ws, [6, 60, 8, 14, 14, 12, 18])

    # Sheet 3: budget ---------------------------------------------------------------------
    ws = wb.create_sheet(BUDGET_SHEET)
    nf = len(plan.funding)
    width = 6 + nf
    titles(ws, [ubnd, f"DANH MỤC NHIỆM VỤ, DỰ ÁN CHUYỂN ĐỔI SỐ NĂM {PLAN_YEAR}",
                f"(Kèm theo Kế hoạch số {plan.plan_no}/KH-UBND của Ủy ban nhân dân "
                f"{plan.kind})", ""], width)
    head(ws, h, 1, "STT", rowspan=2)
    head(ws, h, 2, "Tên nhiệm vụ/Dự án", rowspan=2)
    head(ws, h, 3, "Mục tiêu", rowspan=2)
    head(ws, h, 4, "Dự kiến kết quả đạt được", rowspan=2)
    head(ws, h, 5, "Cơ quan chủ trì", rowspan=2)
    head(ws, h, 6, "Dự toán kinh phí (triệu đồng)", colspan=nf)
    for i, src in enumerate(plan.funding):
        head(ws, h + 1, 6 + i, src)
    head(ws, h, 6 + nf, "Ghi chú", rowspan=2)
    numbers_row(ws, h + 2, width)
    totals = [0.0] * nf
    r = FIRST_BODY_ROW - 1  # (no line at all: the total on the first body row)
    for r, kind, no, bp in budget_layout(catalog, plan):
        if kind == "section":  # bp is the DTI group's heading
            body(ws, r, [no, bp] + [None] * (width - 2), is_bold=True)
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=width)
            continue
        body(ws, r, [int(no), bp.task, bp.objective, bp.expected or None, bp.lead_unit] +
             [None] * nf + [bp.note or None])
        for i, cell in enumerate(bp.amounts):
            if cell[0] is not None:
                put(ws, r, 6 + i, cell)
                totals[i] += parse_amount(cell[0])[0] or 0
    r += 1  # the row after the last line
    body(ws, r, [None, "Tổng cộng", None, None, None] +
         [t if t else None for t in totals] + [None], is_bold=True,
         formats={6 + i: "#,##0" for i in range(nf)})
    signature(ws, r + 2, width)
    widths(ws, [6, 44, 36, 30, 18] + [14] * nf + [16])

    # Sheet 4: Thông tin chung --------------------------------------------------------------
    ws = wb.create_sheet("Thông tin chung")
    info = []
    if plan.meta_sheet:
        info += [("Xã", f"{plan.kind.capitalize()} {plan.commune}"), ("Tỉnh", plan.province),
                 ("Năm", "2026-2030")]
    info += [("Loại văn bản", "Kế hoạch chuyển đổi số giai đoạn 2026-2030 và báo cáo kết quả"),
             ("Ghi chú", "DỮ LIỆU MÔ PHỎNG (synthetic): tên xã và mọi số liệu là giả định, "
                         "sinh bởi python -m etl synth; không phải số liệu thật."),
             ("Mã sinh", f"etl synth v{SYNTH_VERSION}, commune #{plan.index + 1}")]
    for i, (k, v) in enumerate(info, start=1):
        ws.cell(row=i, column=1, value=k).font = bold
        ws.cell(row=i, column=2, value=v).font = normal
    widths(ws, [18, 90])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _write_chunk(args) -> list[str]:
    items, seed, out, catalog_dir = args
    catalog = load_catalog(catalog_dir) if catalog_dir else load_catalog()
    written = []
    for i, c, p in items:
        plan = plan_commune(i, c, p, seed, catalog_dir)
        path = Path(out) / f"{plan.slug}.xlsx"
        write_workbook(plan, path, catalog)
        written.append(str(path))
    return written


def write_workbooks(out: str | Path, n: int = DEFAULT_COMMUNES, seed: int = 42, *,
                    jobs: int | None = None, catalog_dir: str | None = None,
                    limit: int | None = None) -> list[Path]:
    """One workbook per commune in ``out``; ``limit`` writes only the first ``limit``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    units = communes(n, seed)[:limit] if limit else communes(n, seed)
    items = [(i, c, p) for i, (c, p) in enumerate(units)]
    jobs = max(1, jobs or os.cpu_count() or 1)
    if jobs == 1 or len(items) < 20:
        return [Path(p) for p in _write_chunk((items, seed, str(out), catalog_dir))]
    from concurrent.futures import ProcessPoolExecutor
    size = max(1, min(64, len(items) // (jobs * 4)))
    chunks = [(items[k:k + size], seed, str(out), catalog_dir)
              for k in range(0, len(items), size)]
    paths: list[Path] = []
    with ProcessPoolExecutor(max_workers=jobs) as ex:
        for written in ex.map(_write_chunk, chunks):
            paths.extend(Path(p) for p in written)
    return paths

