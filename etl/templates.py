"""Blank templates analysts can fill in: targets, results, budget.

Each template has a 'Hướng dẫn' sheet (instructions in Vietnamese), a 'Thông tin chung' sheet
(commune, province with a drop-down, year), the data sheet with drop-downs for DTI group,
canonical indicator code and unit, two example rows marked 'Ví dụ' (the loader skips them),
and a 'Danh mục' reference sheet listing the catalogue. A filled template loads with zero
warnings. ``python -m etl template --out data/templates`` writes them.
"""
from __future__ import annotations

from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .catalog import Catalog
from .context import provinces

KINDS = ("targets", "results", "budget")
FILE_NAMES = {"targets": "mau_chi_tieu.xlsx", "results": "mau_ket_qua.xlsx",
              "budget": "mau_kinh_phi.xlsx"}
UNITS = ["%", "người", "hồ sơ", "dịch vụ", "hạng", "tổ", "lớp", "hệ thống", "điểm"]
STATUSES = ["Đề xuất", "Đã phê duyệt", "Đang thực hiện", "Hoàn thành", "Chuyển tiếp"]
DATA_ROWS = 300
THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
EXAMPLE_FONT = Font(italic=True, color="7F7F7F")


def _header(ws, row: int, headers: list[str]) -> None:
    for c, text in enumerate(headers, start=1):
        cell = ws.cell(row=row, column=c, value=text)
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _list_validation(ws, formula: str, col: int, first: int, last: int, prompt: str) -> None:
    dv = DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False)
    dv.promptTitle, dv.prompt = "Chọn trong danh sách", prompt
    dv.showInputMessage = True
    dv.errorStyle = "warning"
    dv.error = "Giá trị không có trong danh sách."
    ws.add_data_validation(dv)
    letter = get_column_letter(col)
    dv.add(f"{letter}{first}:{letter}{last}")


def _reference_sheet(wb: Workbook, catalog: Catalog) -> int:
    ws = wb.create_sheet("Danh mục")
    _header(ws, 1, ["Mã", "Nhóm DTI", "Tên chỉ tiêu chuẩn", "Đơn vị đo", "Hướng"])
    pillar_names = {p.code: p.name_vi for p in catalog.pillars.values()}
    inds = sorted(catalog.indicators.values(),
                  key=lambda i: (catalog.pillars[i.pillar].order, i.code))
    for r, ind in enumerate(inds, start=2):
        direction = {"higher": "càng cao càng tốt", "lower": "càng thấp càng tốt",
                     "done": "hoàn thành / chưa"}[ind.direction]
        for c, v in enumerate([ind.code, pillar_names[ind.pillar], ind.name_vi, ind.unit,
                               direction], start=1):
            ws.cell(row=r, column=c, value=v)
    for c, w in enumerate([26, 26, 80, 10, 20], start=1):
        ws.column_dimensions[get_column_letter(c)].width = w
    return len(inds) + 1


def _info_sheet(wb: Workbook, year: int) -> None:
    ws = wb.create_sheet("Thông tin chung", 0)
    rows = [("Xã", ""), ("Tỉnh", ""), ("Năm", str(year))]
    for r, (k, v) in enumerate(rows, start=1):
        ws.cell(row=r, column=1, value=k).font = Font(bold=True)
        cell = ws.cell(row=r, column=2, value=v)
        cell.border = BORDER
    ws.cell(row=1, column=3, value="← tên xã, không cần chữ 'xã' (vd. Nam Đàn)")
    ws.cell(row=2, column=3, value="← chọn tỉnh trong danh sách")
    ws.cell(row=3, column=3, value="← năm của kế hoạch / báo cáo")
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 30
    names = sorted(set(provinces().values()))
    ws2 = wb["Danh mục"]
    for r, name in enumerate(names, start=1):
        ws2.cell(row=r, column=8, value=name)
    ws2.cell(row=1, column=7, value="Tỉnh, thành phố")
    _list_validation(ws, f"'Danh mục'!$H$1:$H${len(names)}", 2, 2, 2, "34 tỉnh, thành phố")


def _guide_sheet(wb: Workbook, kind: str, year: int) -> None:
    ws = wb.create_sheet("Hướng dẫn", 0)
    what = {"targets": "chỉ tiêu, mục tiêu chuyển đổi số của xã",
            "results": "kết quả thực hiện các chỉ tiêu chuyển đổi số",
            "budget": "nhiệm vụ, dự án và dự toán kinh phí chuyển đổi số"}[kind]
    lines = [
        f"MẪU NHẬP {what.upper()}",
        "",
        "1. Sheet 'Thông tin chung': ghi tên xã, chọn tỉnh, ghi năm.",
        "2. Sheet dữ liệu: mỗi dòng một " + ("nhiệm vụ/dự án." if kind == "budget" else
                                            "chỉ tiêu."),
        "   - Cột 'Mã chỉ tiêu': chọn mã chuẩn trong danh sách (xem sheet 'Danh mục'); để trống "
        "nếu là chỉ tiêu riêng của xã." if kind != "budget" else
        "   - Cột 'Nhóm DTI': chọn một trong 8 nhóm chỉ số chuyển đổi số.",
        "   - Giá trị ghi như trong văn bản: 100%, ≥ 80%, Trên 90%, 50-80%, Hoàn thành, "
        "Thứ 20-30, 1.000 (một nghìn), 99,82 (số thập phân)." if kind != "budget" else
        "   - Số tiền tính bằng triệu đồng, ghi theo cách Việt Nam: 1.000 là một nghìn; "
        "1,5 là một phẩy năm.",
        f"   - Năm ở tiêu đề cột (vd. 'Mục tiêu {year}') có thể sửa thành năm khác.",
        "3. Hai dòng có STT 'Ví dụ' là dòng mẫu: hệ thống bỏ qua, có thể xóa.",
        "4. Không gộp ô trong phần dữ liệu; không đặt mật khẩu cho tệp.",
        "5. Tải tệp lên trang 'Tải dữ liệu lên' của bảng theo dõi: hệ thống hiển thị những gì "
        "đọc được trước khi lưu.",
    ]
    for r, text in enumerate(lines, start=1):
        cell = ws.cell(row=r, column=1, value=text)
        if r == 1:
            cell.font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 120


def _data_sheet(wb: Workbook, kind: str, catalog: Catalog, year: int, n_codes: int) -> None:
    title = {"targets": "Chỉ tiêu", "results": "Kết quả", "budget": "Kinh phí"}[kind]
    ws = wb.create_sheet(title, 1)
    heading = {"targets": f"DANH MỤC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM {year}",
               "results": f"KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM {year}",
               "budget": f"DANH MỤC NHIỆM VỤ, DỰ ÁN CHUYỂN ĐỔI SỐ NĂM {year}"}[kind]
    ws.cell(row=1, column=1, value=heading).font = Font(bold=True, size=13)
    pillar_names = [p.name_vi for p in sorted(catalog.pillars.values(), key=lambda p: p.order)]
    ex = [i for i in (catalog.indicators.get("CQ.DVC_TOAN_TRINH"),
                      catalog.indicators.get("XH.DINH_DANH_DIEN_TU")) if i] or \
        list(catalog.indicators.values())[:2]
    pn = {p.code: p.name_vi for p in catalog.pillars.values()}
    if kind == "targets":
        headers = ["STT", "Nhóm DTI", "Mã chỉ tiêu", "Chỉ tiêu", "ĐVT", f"Mục tiêu {year}",
                   f"Mục tiêu {year + 4}", "Đơn vị chủ trì", "Ghi chú"]
        examples = [["Ví dụ", pn[i.pillar], i.code, i.name_vi, i.unit, "≥ 80%", "100%",
                     "Trung tâm PVHCC", ""] for i in ex]
        widths = [8, 22, 24, 60, 8, 14, 14, 24, 24]
        code_col, unit_col, group_col = 3, 5, 2
    elif kind == "results":
        headers = ["STT", "Nhóm DTI", "Mã chỉ tiêu", "Chỉ tiêu", "ĐVT", f"Kế hoạch {year}",
                   f"Kết quả thực hiện {year}", "Đánh giá", "Ghi chú"]
        examples = [["Ví dụ", pn[i.pillar], i.code, i.name_vi, i.unit, "≥ 80%", "85,5%",
                     "Đạt", ""] for i in ex]
        widths = [8, 22, 24, 60, 8, 14, 16, 12, 24]
        code_col, unit_col, group_col = 3, 5, 2
    else:
        headers = ["STT", "Tên nhiệm vụ/Dự án", "Nhóm DTI", "Cơ quan chủ trì",
                   "Dự toán kinh phí (triệu đồng)", None, None, "Trạng thái", "Ghi chú"]
        examples = [["Ví dụ", "Số hóa hồ sơ, tài liệu hành chính", pn["CQ"], "UBND xã", "1.200",
                     "", "", "Đề xuất", ""],
                    ["Ví dụ", "Tập huấn kỹ năng số cho người dân", pn["NL"], "Phòng VHXH", "",
                     "50", "", "Đã phê duyệt", ""]]
        widths = [8, 50, 22, 22, 16, 16, 16, 16, 24]
        code_col, unit_col, group_col = None, None, 3
    hr = 3
    _header(ws, hr, [h or "" for h in headers])
    first = hr + 1
    if kind == "budget":
        _header(ws, hr + 1, [""] * 4 + ["Ngân sách tỉnh", "Ngân sách xã", "Nguồn hợp pháp khác",
                                         "", ""])
        for c in (1, 2, 3, 4, 8, 9):
            ws.merge_cells(start_row=hr, start_column=c, end_row=hr + 1, end_column=c)
        ws.merge_cells(start_row=hr, start_column=5, end_row=hr, end_column=7)
        first = hr + 2
    for r, values in enumerate(examples, start=first):
        for c, v in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=v)
            cell.font = EXAMPLE_FONT
    last = first + DATA_ROWS
    for r in range(first, last + 1):
        for c in range(1, len(headers) + 1):
            ws.cell(row=r, column=c).border = BORDER
            ws.cell(row=r, column=c).alignment = Alignment(wrap_text=True, vertical="top")
    _list_validation(ws, '"' + ",".join(pillar_names) + '"', group_col, first, last,
                     "8 nhóm chỉ số DTI")
    if code_col:
        _list_validation(ws, f"'Danh mục'!$A$2:$A${n_codes}", code_col, first, last,
                         "Mã chỉ tiêu chuẩn (sheet 'Danh mục'); để trống nếu là chỉ tiêu riêng")
    if unit_col:
        _list_validation(ws, '"' + ",".join(UNITS) + '"', unit_col, first, last, "Đơn vị tính")
    if kind == "budget":
        _list_validation(ws, '"' + ",".join(STATUSES) + '"', 8, first, last, "Trạng thái")
        for r in range(first, last + 1):
            for c in (5, 6, 7):
                ws.cell(row=r, column=c).number_format = "@"  # typed as Vietnamese text
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.freeze_panes = ws.cell(row=first, column=1)


def build_template(kind: str, catalog: Catalog, *, year: int = 2026) -> Workbook:
    if kind not in KINDS:
        raise ValueError(kind)
    wb = Workbook()
    wb.remove(wb.active)
    n_codes = _reference_sheet(wb, catalog)
    _info_sheet(wb, year)
    _data_sheet(wb, kind, catalog, year, n_codes)
    _guide_sheet(wb, kind, year)
    wb.active = 0
    return wb


def template_bytes(kind: str, catalog: Catalog, *, year: int = 2026) -> bytes:
    buf = BytesIO()
    build_template(kind, catalog, year=year).save(buf)
    return buf.getvalue()


def write_templates(out_dir: Path, catalog: Catalog, *, year: int = 2026) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind in KINDS:
        path = out_dir / FILE_NAMES[kind]
        build_template(kind, catalog, year=year).save(path)
        paths.append(path)
    return paths
