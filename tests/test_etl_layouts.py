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
        ["UBND XÃ AN BÌNH - TỈNH ĐỒNG THÁP - NĂM 2026"],
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


def test_section_headings_give_the_pillar_of_commune_specific_rows(workbook):
    path = workbook({"PL": [
        ["UBND XÃ AN BÌNH - TỈNH ĐỒNG THÁP - NĂM 2026"],
        ["TT", "Chỉ tiêu", "Mục tiêu 2026"],
        ["V", "CHÍNH QUYỀN SỐ"],
        [1, "Sửa chữa phòng một cửa của xã", "Hoàn thành"],
    ]})
    t = understood(path).targets[0]
    assert t.indicator_code.startswith("LOCAL.") and t.pillar == "CQ"
