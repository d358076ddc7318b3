"""Workbooks in layouts the seeds do not use: the table is found by its header words."""
from __future__ import annotations

from etl.catalog import load_catalog
from etl.pipeline import understand
from etl.read import read_workbook


def understood(path, **kw):
    wb, problems = read_workbook(path)
    assert wb is not None, problems
    return understand(wb, load_catalog(), **kw)


def codes(u, severity=None):
    return [p.code for p in u.problems if severity is None or p.severity == severity]


def test_results_side_by_side_with_unit_column_and_restarting_numbers(workbook):
    path = workbook({"BC": [
        ["ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN"],
        ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025 - TỈNH THANH HÓA"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Đánh giá"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["I", "Chính quyền số"],
        [1, "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", 80, "75,5", "Không đạt"],
        [2, "Tỷ lệ thanh toán trực tuyến", "%", 90, 92, "Đạt"],
        ["II", "Xã hội số"],
        [1, "Tỷ lệ người dân có tài khoản định danh điện tử", "%", "100", "", "Đạt"],
        ["Tổng cộng", None, None, None, None],
        ["Ghi chú: số liệu đến 30/11/2025"],
        [],
        ["Nơi nhận:", None, None, None, "TM. ỦY BAN NHÂN DÂN"],
    ]})
    u = understood(path)
    assert (u.context.commune, u.context.province) == ("Đông Sơn", "Thanh Hóa")
    assert u.ok, [str(p) for p in u.problems if p.severity == "error"]
    assert [(a.label[:20], a.period, a.value, a.unit) for a in u.actuals][:2] == [
        ("Tỷ lệ hồ sơ trực tuy", "2025", 75.5, "%"), ("Tỷ lệ thanh toán trự", "2025", 92.0, "%")]
    # The third row reports only an assessment: that is its result.
    assert u.actuals[2].kind == "status" and u.actuals[2].op == "achieved"
    assert [(t.target_year, t.value_low, t.unit) for t in u.targets] == [
        (2025, 80, "%"), (2025, 90, "%"), (2025, 100, "%")]
    assert [a.section for a in u.actuals] == ["Chính quyền số", "Chính quyền số", "Xã hội số"]
    assert "row.total_skipped" in codes(u)


def test_years_as_subcolumns_under_merged_target_header(workbook):
    path = workbook({"Sheet1": [
        ["UBND XÃ TÂN HÒA", None, None, None, None],
        ["Tỉnh: Tây Ninh"],
        [],
        ["TT", "Nội dung chỉ tiêu", "Đơn vị tính", "Mục tiêu", None, "Đơn vị chủ trì"],
        [None, None, None, "2026", "2030", None],
        ["1", "Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang", "%", "85", "Trên 95",
         "Phòng VHXH"],
    ]}, merges={"Sheet1": ["D4:E4", "A4:A5", "B4:B5", "C4:C5", "F4:F5"]})
    u = understood(path)
    assert u.ok
    assert [(t.target_year, t.op, t.value_low, t.unit, t.lead_unit) for t in u.targets] == [
        (2026, "=", 85, "%", "Phòng VHXH"), (2030, ">", 95, "%", "Phòng VHXH")]


def test_budget_split_by_source_with_total_row(workbook):
    path = workbook({"Kinh phí": [
        ["ỦY BAN NHÂN DÂN XÃ AN BÌNH"],
        ["DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026 - TỈNH ĐỒNG THÁP"],
        ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Dự toán kinh phí (triệu đồng)", None,
         "Trạng thái"],
        [None, None, None, "Ngân sách xã", "Nguồn xã hội hóa", None],
        [1, "Mua sắm máy tính", "Văn phòng", "1.200", "300", "Đã phê duyệt"],
        [2, "Tập huấn kỹ năng số", "Phòng VHXH", "50,5", None, "Đề xuất"],
        [None, "Tổng cộng", None, "1.250,5", "300"],
    ]}, merges={"Kinh phí": ["D3:E3", "A3:A4", "B3:B4", "C3:C4", "F3:F4"]})
    u = understood(path)
    assert u.ok, [str(p) for p in u.problems]
    got = [(b.task, b.amount_million_vnd, b.funding_source, b.status) for b in u.budget]
    assert got == [("Mua sắm máy tính", 1200, "Ngân sách xã", "Đã phê duyệt"),
                   ("Mua sắm máy tính", 300, "Nguồn xã hội hóa", "Đã phê duyệt"),
                   ("Tập huấn kỹ năng số", 50.5, "Ngân sách xã", "Đề xuất")]
    assert "row.total_skipped" in codes(u)


def test_amounts_in_ty_dong_are_converted(workbook):
    path = workbook({"KP": [
        ["UBND PHƯỜNG AN BÌNH - TỈNH ĐỒNG THÁP - NĂM 2026"],
        ["STT", "Tên nhiệm vụ", "Kinh phí (tỷ đồng)"],
        [1, "Camera an ninh", "1,5"],
    ]})
    assert [b.amount_million_vnd for b in understood(path).budget] == [1500]


def test_commune_and_year_from_cli_when_the_file_does_not_say(workbook):
    path = workbook({"S": [["TT", "Chỉ tiêu", "Mục tiêu"], [1, "Tỷ lệ A", "100%"]]})
    u = understood(path)
    assert {"context.no_commune", "context.no_province", "context.no_year"} <= set(
        codes(u, "error"))
    u = understood(path, commune="Xã Hòa Bình", province="Vĩnh Long", year=2026)
    assert u.ok
    assert (u.targets[0].commune, u.targets[0].province, u.targets[0].target_year) == (
        "Hòa Bình", "Vĩnh Long", 2026)


def test_value_without_label_is_an_error_with_coordinates(workbook):
    path = workbook({"PL": [
        ["UBND XÃ NAM ĐÀN - TỈNH NGHỆ AN"],
        ["TT", "Chỉ tiêu", "Mục tiêu 2026"],
        [1, "Tỷ lệ A", "100%"],
        [2, None, "80%"],
    ]}, name="hong.xlsx")
    u = understood(path)
    err = [p for p in u.problems if p.severity == "error"]
    assert len(err) == 1
    assert (err[0].code, err[0].file, err[0].sheet, err[0].row, err[0].column) == (
        "row.value_without_label", "hong.xlsx", "PL", 4, "C")
    assert "hong.xlsx, sheet 'PL', dòng 4, cột C" in str(err[0])


def test_percent_formatted_numbers(workbook, tmp_path):
    path = workbook({"PL": [
        ["UBND XÃ NAM ĐÀN - TỈNH NGHỆ AN"],
        ["TT", "Chỉ tiêu", "Mục tiêu 2026"],
        [1, "Tỷ lệ A", 0.8],
    ]})
    import openpyxl
    wb = openpyxl.load_workbook(path)
    wb["PL"]["C3"].number_format = "0%"
    wb.save(path)
    t = understood(path).targets[0]
    assert (t.value_low, t.unit, t.target_text) == (80, "%", "80%")


def test_no_table_is_an_error(workbook):
    path = workbook({"S": [["Biên bản họp"], ["Nội dung cuộc họp ..."]]})
    assert "file.no_table" in codes(understood(path), "error")


def test_quarterly_result_columns_are_separate_periods(workbook):
    path = workbook({"BC": [
        ["UBND PHƯỜNG AN BÌNH - TỈNH ĐỒNG THÁP"],
        ["STT", "Chỉ tiêu", "ĐVT", "Kết quả thực hiện", None, None],
        [None, None, None, "Quý I/2026", "Quý II/2026", "Q3/2026"],
        [1, "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "40", "45,5", "52"],
    ]}, merges={"BC": ["D2:F2", "A2:A3", "B2:B3", "C2:C3"]})
    u = understood(path)
    assert u.ok
    assert [(a.period, a.period_year, a.value) for a in u.actuals] == [
        ("2026-Q1", 2026, 40), ("2026-Q2", 2026, 45.5), ("2026-Q3", 2026, 52)]
    assert "value.conflict" not in codes(u)


def test_a_result_for_the_first_nine_months_is_the_third_quarter_not_the_year(workbook):
    """"9 tháng năm 2026" is the result to the end of September: read as the whole year 2026,
    the year would count as over and every target still open would be judged as missed."""
    path = workbook({"BC": [
        ["UBND PHƯỜNG AN BÌNH - TỈNH ĐỒNG THÁP"],
        ["STT", "Chỉ tiêu", "ĐVT", "Kết quả thực hiện", None, None],
        [None, None, None, "Năm 2025", "6 tháng đầu năm 2026", "9 tháng năm 2026"],
        [1, "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "38", "45,5", "52"],
    ]}, merges={"BC": ["D2:F2", "A2:A3", "B2:B3", "C2:C3"]})
    u = understood(path)
    assert u.ok
    assert [(a.period, a.period_year, a.value) for a in u.actuals] == [
        ("2025", 2025, 38), ("2026-Q2", 2026, 45.5), ("2026-Q3", 2026, 52)]


def test_section_headings_give_the_pillar_of_commune_specific_rows(workbook):
    path = workbook({"PL": [
        ["UBND PHƯỜNG AN BÌNH - TỈNH ĐỒNG THÁP - NĂM 2026"],
        ["TT", "Chỉ tiêu", "Mục tiêu 2026"],
        ["V", "CHÍNH QUYỀN SỐ"],
        [1, "Sửa chữa phòng một cửa của xã", "Hoàn thành"],
    ]})
    t = understood(path).targets[0]
    assert t.indicator_code.startswith("LOCAL.") and t.pillar == "CQ"


# --- column roles from header and content, self-checks (issue 8) -----------------------------

def problems(u, code):
    return [(p.severity, p.sheet, p.row, p.column, p.params) for p in u.problems
            if p.code == code]


def budget_with_line_totals(workbook, *, line2_total="1.200", grand="3.150"):
    return workbook({"Phụ lục": [
        ["ỦY BAN NHÂN DÂN XÃ CAN LỘC"],
        ["DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026 - TỈNH HÀ TĨNH"],
        ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Dự toán kinh phí (triệu đồng)", None, None,
         "Ghi chú"],
        [None, None, None, "Tổng số", "Ngân sách tỉnh", "Nguồn hợp pháp của đơn vị", None],
        [1, "Nâng cấp mạng LAN", "Văn phòng", 600, 600, None, "Đề xuất"],
        [2, "Camera an ninh", "Công an xã", line2_total, "1.000", 200, None],
        [3, "Phần mềm một cửa", "Văn phòng", "1.000", None, "1.000", None],
        [4, "Tập huấn kỹ năng số", "Phòng VHXH", 350, 350, None, None],
        [None, "Tổng cộng", None, grand, "1.950", "1.200", None],
    ]}, merges={"Phụ lục": ["D3:F3", "A3:A4", "B3:B4", "C3:C4", "G3:G4"]}, name="kp.xlsx")


def test_tong_so_under_a_money_header_is_the_line_total_not_a_source(workbook):
    u = understood(budget_with_line_totals(workbook))
    assert u.ok, [str(p) for p in u.problems if p.severity != "info"]
    roles = {c.letter: c.role for c in u.tables[0].columns}
    assert (roles["D"], roles["E"], roles["F"]) == ("total", "amount", "amount")
    assert "tổng của dòng" in u.tables[0].columns[3].reason
    got = [(b.line_no, b.amount_million_vnd, b.funding_source, b.prov.source_col)
           for b in u.budget]
    assert got == [("1", 600, "Ngân sách tỉnh", "E"),
                   ("2", 1000, "Ngân sách tỉnh", "E"), ("2", 200, "Nguồn hợp pháp của đơn vị", "F"),
                   ("3", 1000, "Nguồn hợp pháp của đơn vị", "F"),
                   ("4", 350, "Ngân sách tỉnh", "E")]
    assert sum(b.amount_million_vnd for b in u.budget) == 3150  # not 6.300
    # The 'Tổng cộng' row is compared, column by column, with the lines above it.
    checked = problems(u, "row.total_checked")
    assert [(c[2], c[3], c[4]["stated"]) for c in checked] == [
        (9, "D", "3.150"), (9, "E", "1.950"), (9, "F", "1.200")]


def test_line_total_that_is_not_the_sum_of_its_sources_blocks_the_file(workbook):
    u = understood(budget_with_line_totals(workbook, line2_total="1.300"))
    assert not u.ok
    got = problems(u, "budget.line_total_mismatch")
    assert [(g[0], g[1], g[2], g[3], g[4]["stated"], g[4]["computed"]) for g in got] == [
        ("error", "Phụ lục", 6, "D", "1.300", "1.200")]
    assert "E 1.000 + F 200" in str(next(p for p in u.problems
                                         if p.code == "budget.line_total_mismatch"))
    # ... and the grand total no longer adds up in the total column either.
    mism = problems(u, "row.total_mismatch")
    assert [(m[2], m[3], m[4]["stated"], m[4]["computed"]) for m in mism] == [
        (9, "D", "3.150", "3.250")]


def test_total_row_that_disagrees_with_its_lines_blocks_the_file(workbook):
    u = understood(budget_with_line_totals(workbook, grand="3.500"))
    assert not u.ok
    err = [p for p in u.problems if p.severity == "error"]
    assert [(p.code, p.file, p.sheet, p.row, p.column, p.params["stated"], p.params["computed"])
            for p in err] == [("row.total_mismatch", "kp.xlsx", "Phụ lục", 9, "D", "3.500",
                               "3.150")]


def test_three_row_header_unit_under_target_is_the_unit(workbook):
    path = workbook({"PL": [
        ["ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN - TỈNH THANH HÓA"],
        ["CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2025"],
        ["STT", "Tên chỉ tiêu", "Chỉ tiêu giao năm 2025", None],
        [None, None, "Cấp xã", None],
        [None, None, "Đơn vị tính", "Chỉ tiêu"],
        [1, "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", 80],
        [2, "Số lớp tập huấn kỹ năng số cho người dân", "lớp", 12],
        [3, "Tỷ lệ hộ gia đình có cáp quang", "%", "Trên 90"],
    ]}, merges={"PL": ["C3:D3", "C4:D4", "A3:A5", "B3:B5"]})
    u = understood(path)
    assert u.ok, [str(p) for p in u.problems if p.severity != "info"]
    t = u.tables[0]
    assert (t.header_first, t.header_last) == (3, 5)
    cols = {c.letter: (c.role, c.year) for c in t.columns}
    assert cols["C"] == ("unit", None) and cols["D"] == ("target", 2025)
    assert "Đơn vị tính" in t.columns[2].reason
    assert [(x.target_year, x.op, x.value_low, x.unit) for x in u.targets] == [
        (2025, "=", 80, "%"), (2025, "=", 12, "lớp"), (2025, ">", 90, "%")]  # 3, not 6


def test_funding_source_column_with_text_is_not_money(workbook):
    path = workbook({"KP": [
        ["UBND PHƯỜNG AN BÌNH - TỈNH ĐỒNG THÁP"],
        ["KẾ HOẠCH KINH PHÍ CHUYỂN ĐỔI SỐ NĂM 2026"],
        ["STT", "Tên nhiệm vụ", "Kinh phí (triệu đồng)", "Nguồn kinh phí", "Đơn vị chủ trì"],
        [1, "Wifi công cộng tại nhà văn hóa", 120, "Xã hội hóa", "Văn phòng"],
        [2, "Mua sắm máy tính một cửa", "85,5", "Ngân sách xã", "Văn phòng"],
    ]})
    u = understood(path)
    assert u.ok, [str(p) for p in u.problems if p.severity != "info"]
    assert [c.role for c in u.tables[0].columns] == ["stt", "label", "amount", "funding",
                                                     "lead_unit"]
    assert [(b.task[:10], b.amount_million_vnd, b.funding_source) for b in u.budget] == [
        ("Wifi công ", 120, "Xã hội hóa"), ("Mua sắm má", 85.5, "Ngân sách xã")]


def test_nguon_von_header_over_amounts_is_money_by_source(workbook):
    path = workbook({"KP": [
        ["UBND PHƯỜNG AN BÌNH - TỈNH ĐỒNG THÁP - NĂM 2026"],
        ["STT", "Tên nhiệm vụ", "Nguồn vốn (triệu đồng)", None],
        [None, None, "Ngân sách xã", "Xã hội hóa"],
        [1, "Wifi công cộng", None, 120],
        [2, "Máy tính", 80, None],
    ]}, merges={"KP": ["C2:D2", "A2:A3", "B2:B3"]})
    u = understood(path)
    assert u.ok, [str(p) for p in u.problems if p.severity != "info"]
    assert [(b.amount_million_vnd, b.funding_source) for b in u.budget] == [
        (120, "Xã hội hóa"), (80, "Ngân sách xã")]


def test_explanation_and_specific_target_column(workbook):
    path = workbook({"Chỉ tiêu": [
        ["ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH - TỈNH THANH HÓA"],
        ["BỘ CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2025"],
        ["STT", "Tên chỉ tiêu", "Giải thích chỉ tiêu", "Đơn vị tính", "Chỉ tiêu cụ thể"],
        [1, "Tỷ lệ hồ sơ trực tuyến toàn trình",
         "Số hồ sơ nộp trực tuyến toàn trình trên tổng số hồ sơ của các thủ tục đủ điều kiện",
         "%", "≥ 80%"],
        [2, "Số buổi phát thanh về chuyển đổi số",
         "Tổng số buổi phát thanh trên hệ thống truyền thanh cơ sở trong năm", "buổi", 24],
    ]})
    u = understood(path)
    assert u.ok, [str(p) for p in u.problems if p.severity != "info"]
    cols = {c.letter: c for c in u.tables[0].columns}
    assert (cols["B"].role, cols["C"].role, cols["D"].role, cols["E"].role) == (
        "label", "explanation", "unit", "target")
    assert "2/2 ô là giá trị" in cols["E"].reason
    assert [(t.label[:12], t.target_year, t.op, t.value_low, t.unit) for t in u.targets] == [
        ("Tỷ lệ hồ sơ ", 2025, ">=", 80, "%"), ("Số buổi phát", 2025, "=", 24, "buổi")]


def test_unit_given_only_in_the_header(workbook):
    path = workbook({"BC": [
        ["UBND PHƯỜNG AN BÌNH - TỈNH ĐỒNG THÁP"],
        ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025"],
        ["STT", "Chỉ tiêu", "Kết quả năm 2025 (%)"],
        [1, "Tỷ lệ hồ sơ trực tuyến toàn trình", 75.5],
        [2, "Tỷ lệ người dân có tài khoản định danh điện tử", "92"],
    ]})
    u = understood(path)
    assert u.tables[0].columns[2].unit == "%"
    assert [(a.period, a.value, a.unit, a.kind) for a in u.actuals] == [
        ("2025", 75.5, "%", "percent"), ("2025", 92, "%", "percent")]
    path = workbook({"KP": [
        ["UBND PHƯỜNG AN BÌNH - TỈNH ĐỒNG THÁP - NĂM 2026"],
        ["STT", "Tên nhiệm vụ", "Kinh phí (đồng)"],
        [1, "Camera an ninh", "150.000.000"],
    ]})
    assert [b.amount_million_vnd for b in understood(path).budget] == [150]


def test_dti_group_named_by_the_sheet_or_a_subtitle(workbook):
    path = workbook({"Nhân lực số": [
        ["UBND PHƯỜNG AN BÌNH - TỈNH ĐỒNG THÁP - NĂM 2026"],
        ["TT", "Chỉ tiêu", "Mục tiêu 2026"],
        [1, "Số cán bộ được cử đi học thạc sĩ công nghệ", "2 người"],
    ], "Bảng 2": [
        ["UBND PHƯỜNG AN BÌNH - TỈNH ĐỒNG THÁP - NĂM 2026"],
        ["II. Chính quyền số"],
        ["TT", "Chỉ tiêu", "Mục tiêu 2026"],
        [1, "Sửa chữa phòng tiếp công dân", "Hoàn thành"],
    ]})
    u = understood(path)
    assert [(t.prov.source_sheet, t.indicator_code[:6], t.pillar) for t in u.targets] == [
        ("Nhân lực số", "LOCAL.", "NL"), ("Bảng 2", "LOCAL.", "CQ")]


def test_year_from_the_title_not_the_signing_date(workbook):
    path = workbook({"BC": [
        ["ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN", None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        [None, None, "Thanh Hóa, ngày 10 tháng 01 năm 2026"],
        ["BÁO CÁO KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2025"],
        ["STT", "Chỉ tiêu", "ĐVT", "Kết quả"],
        [1, "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", 75],
    ]})
    u = understood(path, province="Thanh Hóa")
    assert [(a.period, a.value) for a in u.actuals] == [("2025", 75)]


def test_section_count_that_disagrees_needs_confirmation(workbook):
    path = workbook({"PL": [
        ["UBND PHƯỜNG AN BÌNH - TỈNH ĐỒNG THÁP - NĂM 2026"],
        ["TT", "Chỉ tiêu", "Mục tiêu 2026"],
        ["I", "Hạ tầng số (03 chỉ tiêu)"],
        [1, "Tỷ lệ hộ gia đình có cáp quang", "95%"],
        [2, "Tỷ lệ thôn có sóng 4G", "100%"],
        ["II", "Chính quyền số (01 chỉ tiêu)"],
        [1, "Tỷ lệ hồ sơ trực tuyến toàn trình", "80%"],
    ]}, name="dem.xlsx")
    u = understood(path)
    got = problems(u, "section.count_mismatch")
    assert [(g[0], g[1], g[2], g[3], g[4]["declared"], g[4]["found"], g[4]["rows"])
            for g in got] == [("confirm", "PL", 3, "B", 3, 2, "4–5")]
    assert not u.ok and u.needs_confirmation and len(u.targets) == 3
    assert understood(path, confirm=True).ok


def test_title_year_that_no_column_has_needs_confirmation(workbook):
    path = workbook({"PL": [
        ["UBND PHƯỜNG AN BÌNH - TỈNH ĐỒNG THÁP"],
        ["CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2025"],
        ["TT", "Chỉ tiêu", "Mục tiêu 2026"],
        [1, "Tỷ lệ hồ sơ trực tuyến toàn trình", "80%"],
    ]})
    u = understood(path)
    assert [(g[0], g[2], g[3], g[4]["title_years"], g[4]["column_year"])
            for g in problems(u, "table.title_year_mismatch")] == [("confirm", 3, "C", "2025",
                                                                    2026)]
    assert not u.ok
    # The analyst says which year the column is: re-read with it, nothing left to confirm.
    key = u.tables[0].layout_key
    u2 = understood(path, column_roles={key: {"C": ("target", 2025)}})
    assert u2.ok and [t.target_year for t in u2.targets] == [2025]


def test_same_indicator_twice_in_one_table_with_different_values(workbook):
    path = workbook({"PL": [
        ["UBND PHƯỜNG AN BÌNH - TỈNH ĐỒNG THÁP - NĂM 2026"],
        ["TT", "Chỉ tiêu", "Mục tiêu 2026"],
        [1, "Tỷ lệ hộ gia đình có cáp quang", "95%"],
        [2, "Tỷ lệ thôn có sóng 4G", "100%"],
        [3, "Tỷ lệ hộ gia đình có cáp quang", "90%"],
    ]})
    u = understood(path)
    assert [(g[0], g[2], g[3], g[4]["first"], g[4]["first_row"], g[4]["second"])
            for g in problems(u, "table.duplicate_indicator")] == [
        ("warning", 5, "C", "95%", 3, "90%")]


def test_target_column_of_sentences_is_asked_and_the_analyst_corrects_it(workbook):
    path = workbook({"PL": [
        ["UBND PHƯỜNG AN BÌNH - TỈNH ĐỒNG THÁP - NĂM 2026"],
        ["TT", "Chỉ tiêu", "Mục tiêu 2026", "Kế hoạch 2026"],
        [1, "Tỷ lệ hồ sơ trực tuyến toàn trình",
         "Nâng cao chất lượng giải quyết thủ tục hành chính trên môi trường điện tử", "80%"],
        [2, "Tỷ lệ thôn có sóng 4G",
         "Phủ sóng di động đến tất cả các thôn, bản vùng sâu vùng xa của xã", "100%"],
    ]})
    u = understood(path)
    doubts = [p for p in u.problems if p.code == "column.role_doubt"]
    assert [(p.severity, p.row, p.column) for p in doubts] == [("confirm", 2, "C"),
                                                               ("confirm", 2, "D")]
    assert "2/2 ô là câu dài" in doubts[0].message and "cũng là mục tiêu 2026" in doubts[1].message
    assert not u.ok
    key = u.tables[0].layout_key
    u2 = understood(path, column_roles={key: {"C": ("extra", None)}})
    assert u2.ok, [str(p) for p in u2.problems if p.severity != "info"]
    col = u2.tables[0].columns[2]
    assert (col.role, col.chosen, col.confidence) == ("extra", True, 1.0)
    assert [(t.target_text, t.prov.source_col) for t in u2.targets] == [("80%", "D"),
                                                                         ("100%", "D")]


def test_money_column_of_text_is_refused_with_the_reason(workbook):
    path = workbook({"KP": [
        ["UBND PHƯỜNG AN BÌNH - TỈNH ĐỒNG THÁP - NĂM 2026"],
        ["STT", "Tên nhiệm vụ", "Kinh phí thực hiện"],
        [1, "Wifi công cộng", "Lồng ghép chương trình nông thôn mới"],
        [2, "Máy tính", "Theo dự toán được duyệt"],
    ]})
    u = understood(path)
    assert not u.ok
    assert {"column.role_doubt", "value.amount_unparsed"} <= set(codes(u))
    assert u.tables[0].columns[2].confidence < 0.5


def test_layout_key_is_the_same_for_the_same_header_in_another_file(workbook):
    a = understood(budget_with_line_totals(workbook))
    b = understood(budget_with_line_totals(workbook, grand="3.500"))
    assert a.tables[0].layout_key == b.tables[0].layout_key
    other = understood(workbook({"S": [["UBND XÃ A - TỈNH ĐỒNG THÁP"],
                                       ["TT", "Chỉ tiêu", "Mục tiêu 2026"], [1, "X", "1"]]}))
    assert other.tables[0].layout_key != a.tables[0].layout_key


def test_cli_role_and_confirm_flags_and_remembered_roles(workbook, tmp_path, capsys):
    import duckdb
    from etl.cli import main
    rows = [["ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH"], ["Tỉnh Đồng Tháp"],
            ["TT", "Chỉ tiêu", "Mục tiêu 2026", "Kế hoạch 2026"],
            [1, "Tỷ lệ hồ sơ trực tuyến toàn trình",
             "Nâng cao chất lượng giải quyết thủ tục hành chính trên môi trường điện tử", "80%"],
            [2, "Tỷ lệ thôn có sóng 4G",
             "Phủ sóng di động đến tất cả các thôn, bản vùng sâu vùng xa của xã", "100%"]]
    first = workbook({"PL": rows}, name="a.xlsx")
    db = tmp_path / "cli.duckdb"
    assert main(["load", str(first), "--db", str(db)]) == 1  # asked, so refused
    out = capsys.readouterr().out
    assert "column.role_doubt" in out and "--role C=" in out and "TỪ CHỐI" in out
    # validate -v shows each column's role, confidence and reason.
    assert main(["validate", "-v", str(first), "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "C 'Mục tiêu 2026' → mục tiêu 2026 (tin cậy 0.40): tiêu đề 'Mục tiêu 2026'" in out
    assert "cần xác nhận: 2" in out
    assert main(["load", str(first), "--db", str(db), "--role", "PL!C=extra"]) == 0
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT target_text, source_col FROM targets ORDER BY source_row"
                       ).fetchall() == [("80%", "D"), ("100%", "D")]
    assert con.execute("SELECT column_letter, role, year FROM user_column_roles").fetchall() == [
        ("C", "extra", None)]
    con.close()
    # The next file in the same layout is read with the remembered role, without --role.
    rows[0] = ["ỦY BAN NHÂN DÂN XÃ TÂN HÒA"]
    second = workbook({"PL": rows}, name="b.xlsx")
    assert main(["validate", str(second), "--db", str(db)]) == 0
    assert main(["load", str(second), "--db", str(db)]) == 0
    # A malformed --role is refused with the list of roles.
    assert main(["validate", str(second), "--role", "C=money"]) == 2
    assert "total" in capsys.readouterr().err
    # --confirm: the analyst checked the count and loads.
    count = workbook({"PL": [["ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH"], ["Tỉnh Đồng Tháp"],
                             ["TT", "Chỉ tiêu", "Mục tiêu 2026"], ["I", "Hạ tầng số (02 chỉ tiêu)"],
                             [1, "Tỷ lệ hộ gia đình có cáp quang", "95%"]]}, name="c.xlsx")
    assert main(["validate", str(count), "--db", str(db)]) == 1
    assert main(["validate", str(count), "--db", str(db), "--confirm"]) == 0


def test_dti_self_assessment_form_score_in_points_max_points_not_loaded(workbook):
    path = workbook({"Phụ lục": [
        ["ỦY BAN NHÂN DÂN XÃ KIÊN THỌ", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["Tỉnh Thanh Hóa"],
        ["BÁO CÁO KẾT QUẢ TỰ ĐÁNH GIÁ BỘ CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP XÃ NĂM 2022"],
        ["STT", "Chỉ số/Chỉ số thành phần", "QUY CHUẨN ĐÁNH GIÁ", None, "TỰ ĐÁNH GIÁ", None],
        [None, None, "Điểm tối đa", "Cách xác định và tính điểm", "Điểm tự chấm",
         "Giải trình kết quả"],
        ["a", "b", "c", "d", "e", "f"],
        ["1.1", "Người đứng đầu xã là Trưởng ban Ban Chỉ đạo chuyển đổi số", 20,
         "- Trưởng ban là Chủ tịch: điểm tối đa", 20, "Quyết định số 12"],
        ["1.2", "Ban Chỉ đạo họp định kỳ hằng quý", 20, "- 4 lần/năm: 20 điểm", "15", "-"],
    ]}, merges={"Phụ lục": ["C4:D4", "E4:F4", "A4:A5", "B4:B5"]})
    u = understood(path)
    assert u.ok, [str(p) for p in u.problems if p.severity != "info"]
    assert [(c.letter, c.role) for c in u.tables[0].columns] == [
        ("A", "stt"), ("B", "label"), ("C", "max_points"), ("D", "explanation"),
        ("E", "actual"), ("F", "explanation")]
    assert [(a.prov.source_row, a.period, a.value, a.unit) for a in u.actuals] == [
        (7, "2022", 20, "điểm"), (8, "2022", 15, "điểm")]  # the letter row is not data
    assert not u.targets  # 'Điểm tối đa' is the scale, not a target


def test_goal_column_without_year_beside_dated_targets_is_the_label(workbook):
    path = workbook({"KH": [
        ["ỦY BAN NHÂN DÂN XÃ TỊNH TRÀ"], ["Tỉnh Quảng Ngãi"],
        ["TT", "Mục tiêu", "Mục tiêu cơ bản đến năm 2025"],
        ["a", "Về chuyển đổi số trong hoạt động của các cơ quan Nhà nước", None],
        [1, "Thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình",
         "100%"],
    ]})
    u = understood(path)
    assert u.ok, [str(p) for p in u.problems if p.severity != "info"]
    assert u.tables[0].columns[1].role == "label"
    assert [(t.target_year, t.value_low, t.section[:6]) for t in u.targets] == [
        (2025, 100, "Về chu")]


def test_tables_without_any_value_are_refused(workbook):
    path = workbook({"S": [["ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN"], ["Tỉnh Thanh Hóa"],
                           ["TT", "Chỉ tiêu", "Mục tiêu 2026"], [1, "Tỷ lệ A", None]]})
    assert "file.no_rows" in codes(understood(path), "error")


def test_total_column_then_trong_do_over_the_sources(workbook):
    path = workbook({"KP": [
        ["ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH"], ["Tỉnh Đồng Tháp"],
        ["DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026"],
        ["STT", "Tên nhiệm vụ", "Tổng kinh phí (triệu đồng)", "Trong đó", None],
        [None, None, None, "Ngân sách tỉnh", "Ngân sách xã"],
        [1, "Wifi công cộng", 150, 100, 50],
        [2, "Máy tính một cửa", 80, None, 80],
        [None, "Tổng cộng", 230, 100, 130],
    ]}, merges={"KP": ["D4:E4", "A4:A5", "B4:B5", "C4:C5"]})
    u = understood(path)
    assert u.ok, [str(p) for p in u.problems if p.severity != "info"]
    assert [c.role for c in u.tables[0].columns] == ["stt", "label", "total", "amount", "amount"]
    assert [(b.task[:4], b.amount_million_vnd, b.funding_source) for b in u.budget] == [
        ("Wifi", 100, "Ngân sách tỉnh"), ("Wifi", 50, "Ngân sách xã"),
        ("Máy ", 80, "Ngân sách xã")]
    assert len(problems(u, "row.total_checked")) == 3


def test_dti_group_from_a_title_naming_one_group_and_from_group_rows(workbook):
    path = workbook({"Chỉ tiêu": [
        ["ỦY BAN NHÂN DÂN XÃ XUÂN TRÚC"], ["Tỉnh Hưng Yên"],
        ["KẾ HOẠCH PHÁT TRIỂN HẠ TẦNG SỐ XÃ XUÂN TRÚC GIAI ĐOẠN 2023-2025"],
        ["STT", "Chỉ tiêu", "Mục tiêu 2025"],
        ["1", "Mạng viễn thông băng rộng di động", None],
        ["-", "Tỷ lệ dùng chung vị trí BTS", "25%"],
    ], "Tự chấm": [
        ["ỦY BAN NHÂN DÂN XÃ XUÂN TRÚC"], ["Tỉnh Hưng Yên"],
        ["BÁO CÁO TỰ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2025"],
        ["STT", "Chỉ số", "Điểm tối đa", "Điểm tự chấm"],
        [1, "Nhận thức số", 100, None],
        ["1.1", "Ban Chỉ đạo của xã họp định kỳ hằng quý", 20, 15],
    ]})
    u = understood(path)
    assert u.ok, [str(p) for p in u.problems if p.severity != "info"]
    assert [(t.label[:16], t.pillar) for t in u.targets] == [("Tỷ lệ dùng chung", "HT")]
    assert [(a.label[:12], a.section, a.pillar, a.value, a.unit) for a in u.actuals] == [
        ("Ban Chỉ đạo ", "Nhận thức số", "NT", 15, "điểm")]
    # The group row of the form is a heading; the plan's sub-heading without a value is said.
    assert [(p[1], p[2]) for p in problems(u, "row.no_value")] == [("Chỉ tiêu", 5)]


def test_a_year_is_remembered_only_for_a_header_that_names_one(workbook, tmp_path):
    import duckdb
    from etl.cli import main
    rows = [["ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH"], ["Tỉnh Đồng Tháp"],
            ["TT", "Chỉ tiêu", "Kết quả"], [1, "Tỷ lệ hồ sơ trực tuyến toàn trình", "75%"]]
    db = tmp_path / "y.duckdb"
    assert main(["load", str(workbook({"BC": rows}, name="a.xlsx")), "--db", str(db),
                 "--role", "C=actual:2024"]) == 0
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT period FROM actuals").fetchall() == [("2024",)]
    assert con.execute("SELECT role, year FROM user_column_roles").fetchall() == [
        ("actual", None)]
    con.close()
    # Next year's report in the same layout is not silently filed under 2024: it asks.
    rows[0] = ["ỦY BAN NHÂN DÂN XÃ TÂN HÒA"]
    assert main(["validate", str(workbook({"BC": rows}, name="b.xlsx")), "--db", str(db)]) == 1


def test_total_row_above_the_lines_sums_the_whole_table(workbook):
    def book(total):
        return workbook({"KP": [
            ["ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH"], ["Tỉnh Đồng Tháp"],
            ["DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026"],
            ["STT", "Tên nhiệm vụ", "Kinh phí (triệu đồng)"],
            [None, "TỔNG CỘNG", total],
            ["I", "HẠ TẦNG SỐ"],
            [1, "Wifi công cộng", 150],
            ["II", "CHÍNH QUYỀN SỐ"],
            [2, "Máy tính một cửa", "80,5"],
        ]})
    u = understood(book("230,5"))
    assert u.ok and [(p[2], p[3]) for p in problems(u, "row.total_checked")] == [(5, "C")]
    assert [(b.amount_million_vnd, b.pillar) for b in u.budget] == [(150, "HT"), (80.5, "CQ")]
    u = understood(book(250))
    assert [(p[0], p[2], p[4]["stated"], p[4]["computed"], p[4]["n"])
            for p in problems(u, "row.total_mismatch")] == [("error", 5, "250", "230,5", 2)]


def test_confirmed_doubtful_column_is_remembered_for_the_layout(workbook, tmp_path):
    import duckdb
    from etl.cli import main
    rows = [["ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH"], ["Tỉnh Đồng Tháp"],
            ["TT", "Nhiệm vụ", "Mục tiêu 2026"],
            [1, "Chuyển đổi số trong trường học",
             "Hoàn thành triển khai sổ điểm điện tử và học bạ số tại tất cả các trường trên địa bàn"],
            [2, "Chuyển đổi số y tế",
             "Hoàn thành cấp hồ sơ sức khỏe điện tử cho người dân trên địa bàn xã theo hướng dẫn"]]
    db = tmp_path / "c.duckdb"
    first = workbook({"PL": rows}, name="a.xlsx")
    assert main(["validate", str(first), "--db", str(db)]) == 1  # long sentences: asked
    assert main(["load", str(first), "--db", str(db), "--confirm"]) == 0
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT column_letter, role, year FROM user_column_roles").fetchall() == [
        ("C", "target", 2026)]
    assert con.execute("SELECT count(*), min(value_kind) FROM targets").fetchone() == (2, "text")
    con.close()
    rows[0] = ["ỦY BAN NHÂN DÂN XÃ TÂN HÒA"]
    assert main(["validate", str(workbook({"PL": rows}, name="b.xlsx")), "--db", str(db)]) == 0


def test_chi_tieu_column_of_values_beside_noi_dung_is_the_target(workbook):
    path = workbook({"BC": [
        ["ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH"], ["Tỉnh Đồng Tháp"],
        ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025"],
        ["STT", "Nội dung", "Chỉ tiêu", "Kết quả"],
        [1, "Tỷ lệ hồ sơ trực tuyến toàn trình", "80%", "82%"],
        [2, "Tỷ lệ thanh toán trực tuyến", "70%", "65%"],
    ]})
    u = understood(path)
    assert u.tables[0].columns[2].role == "target"
    # A second value column beside 'Kết quả' is asked about, not taken silently.
    assert [(p.severity, p.column) for p in u.problems if p.code == "column.role_doubt"] == [
        ("confirm", "C")]
    u = understood(path, confirm=True)
    assert u.ok
    assert [(t.target_year, t.target_text) for t in u.targets] == [(2025, "80%"), (2025, "70%")]
    assert [(a.period, a.value_text) for a in u.actuals] == [("2025", "82%"), ("2025", "65%")]


def test_an_ignored_column_of_figures_is_asked_about(workbook):
    path = workbook({"PL": [
        ["ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH"], ["Tỉnh Đồng Tháp"],
        ["TT", "Chỉ tiêu", "Mục tiêu 2026", "Thời hạn", "Con số năm trước"],
        [1, "Tỷ lệ hồ sơ trực tuyến toàn trình", "80%", "30/6/2026", "65%"],
        [2, "Tỷ lệ thanh toán trực tuyến", "70%", "Năm 2026", "52,5%"],
    ]})
    u = understood(path)
    doubts = [p for p in u.problems if p.code == "column.role_doubt"]
    assert [(p.severity, p.column) for p in doubts] == [("confirm", "E")]  # not the dates
    assert "2/2 ô là số đo" in doubts[0].message
    key = u.tables[0].layout_key
    assert understood(path, column_roles={key: {"E": ("ignored", None)}}).ok
