"""Every problem code of etl/problems.py is produced by a test, with its coordinates.

The codes no other test produced get one test each here, from inline rows; the last test
fails when a code is declared but no test file names it as an expectation."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from etl import problems as P
from etl.catalog import load_catalog
from etl.pipeline import understand
from etl.read import read_workbook, read_workbook_bytes

TESTS = Path(__file__).parent
RESULTS_HEAD = [["ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN"],
                ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025 - TỈNH THANH HÓA"], []]
PLAN_HEAD = [["ỦY BAN NHÂN DÂN XÃ NAM ĐÀN"],
             ["KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026 - TỈNH NGHỆ AN"], []]


def understood(path, **kw):
    wb, problems = read_workbook(path)
    assert wb is not None, problems
    return understand(wb, load_catalog(), **kw)


def found(u, code):
    """(severity, sheet, row, column) of every problem with ``code``."""
    return [(p.severity, p.sheet, p.row, p.column) for p in u.problems if p.code == code]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """A results report whose rows each raise one problem (Excel rows 5-12)."""
    from tests.conftest import make_workbook
    path = make_workbook(tmp_path_factory.mktemp("codes") / "bc.xlsx", {"BC": RESULTS_HEAD + [
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Đánh giá"],
        [1, "Tỷ lệ hồ sơ có kết quả số hóa của thôn", "%", 80, 75, "Không đạt"],       # 5
        [2, "Tỷ lệ người dân có tài khoản định danh điện tử mức hai", "%", 90, 92, "Đạt"],
        [3, "Số lượng camera an ninh lắp mới", "cái", 5, 3, "Không đạt"],              # 7
        [4, "Tỷ lệ thôn có wifi miễn phí", "%", 80, "Đang triển khai", ""],
        [5, "Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang", "%", 90, "#N/A", ""],
        [6, "Tỷ lệ người dân có Sổ sức khỏe điện tử", "%", 90, "6129/6190 (90%)", ""],  # 10
        [7, "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", 80, 95, "Đạt"],
        [8, "Tỷ lệ hồ sơ trực tuyến toàn trình", "hồ sơ", None, 6876, ""],             # 12
    ]})
    return understood(path)


def test_table_header_found(report):
    assert found(report, "table.header_found") == [("info", "BC", 4, "")]
    msg = next(p.message for p in report.problems if p.code == "table.header_found")
    assert "B='Chỉ tiêu'→label" in msg and "E='Thực hiện'" in msg


def test_map_fuzzy(report):
    assert found(report, "map.fuzzy") == [("info", "BC", 5, "")]
    u = report.actuals[0]
    assert (u.indicator_code, u.prov.source_row) == ("CQ.SO_HOA_HO_SO", 5)


def test_map_low_confidence(report):
    assert found(report, "map.low_confidence") == [("warning", "BC", 6, "B"),
                                                   ("warning", "BC", 8, "B")]
    p = next(p for p in report.problems if p.code == "map.low_confidence")
    assert "XH.DINH_DANH_DIEN_TU" in p.message and "0.86" in p.message
    # not accepted: the row stays commune-specific
    assert report.actuals[1].indicator_code.startswith("LOCAL.")


def test_map_local(report):
    assert found(report, "map.local") == [("info", "BC", 7, "")]


def test_value_qualitative(report):
    assert found(report, "value.qualitative") == [("info", "BC", 8, "E")]


def test_row_excel_error(report):
    assert found(report, "row.excel_error") == [("error", "BC", 9, "E")]
    assert not report.ok  # an error cell blocks the file


def test_value_fraction_mismatch(report):
    assert found(report, "value.fraction_mismatch") == [("warning", "BC", 10, "E")]
    p = next(p for p in report.problems if p.code == "value.fraction_mismatch")
    assert p.message == "Phân số 6129/6190 = 99.01% nhưng văn bản ghi 90%."


def test_value_two_measures(report):
    assert found(report, "value.two_measures") == [("info", "BC", 12, "E")]
    p = next(p for p in report.problems if p.code == "value.two_measures")
    assert "'95' (dòng 11) và '6876' (dòng 12)" in p.message


def test_map_unit_mismatch(report):
    assert found(report, "map.unit_mismatch") == [("warning", "BC", 12, "E")]
    p = next(p for p in report.problems if p.code == "map.unit_mismatch")
    assert p.message == ("Đơn vị 'hồ sơ' khác đơn vị của chỉ tiêu chuẩn CQ.HO_SO_TOAN_TRINH "
                         "('%').")


def test_table_ignored_column_and_table_empty(workbook):
    u = understood(workbook({"KH": PLAN_HEAD + [
        ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu 2026", "Cột lạ XYZ"]]}))
    assert found(u, "table.ignored_column") == [("info", "KH", 4, "E")]
    assert found(u, "table.empty") == [("warning", "KH", 4, "")]
    assert found(u, "file.no_rows") == [("error", "", None, "")]


def test_table_no_label_column(workbook):
    """The analyst gave the label column another role: the table has no label column."""
    path = workbook({"KH": PLAN_HEAD + [
        ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu 2026"],
        [1, "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "≥ 80%"]]})
    key = understood(path).tables[0].layout_key
    u = understood(path, column_roles={key: {"B": ("note", None)}})
    assert found(u, "table.no_label_column") == [("error", "KH", 4, "")]
    assert not u.targets


def test_context_override_and_unknown_province(workbook):
    path = workbook({"KH": PLAN_HEAD + [
        ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu 2026"],
        [1, "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "≥ 80%"]]})
    u = understood(path, commune="Sao Mai", province="Trăng Khuyết", synthetic=True)
    overrides = [p.message for p in u.problems if p.code == "context.override"]
    assert overrides == ["Xã: tệp ghi 'Nam Đàn', dùng 'Sao Mai' theo lựa chọn.",
                         "Tỉnh: tệp ghi 'Nghệ An', dùng 'Trăng Khuyết' theo lựa chọn."]
    assert found(u, "context.override") == [("warning", "", None, "")] * 2
    assert found(u, "context.unknown_province") == [("warning", "", None, "")]
    assert (u.context.commune, u.context.province) == ("Sao Mai", "Trăng Khuyết")


def test_budget_no_amount(workbook):
    u = understood(workbook({"KP": [
        ["ỦY BAN NHÂN DÂN XÃ NAM ĐÀN"],
        ["DỰ TOÁN KINH PHÍ CHUYỂN ĐỔI SỐ NĂM 2026 - TỈNH NGHỆ AN"], [],
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Dự toán kinh phí (triệu đồng)"],
        [1, "Mua máy tính", "UBND xã", 100],
        [2, "Tập huấn kỹ năng số", "UBND xã", None]]}))
    assert found(u, "budget.no_amount") == [("warning", "KP", 6, "")]
    assert [(b.task, b.amount_million_vnd) for b in u.budget] == [("Mua máy tính", 100),
                                                                   ("Tập huấn kỹ năng số", None)]


def test_file_not_found(tmp_path):
    wb, problems = read_workbook(tmp_path / "khong_co.xlsx")
    assert wb is None
    assert [(p.code, p.severity, p.file) for p in problems] == [
        ("file.not_found", "error", "khong_co.xlsx")]


def test_file_corrupt(workbook):
    data = workbook({"KH": PLAN_HEAD}).read_bytes()
    wb, problems = read_workbook_bytes(data[: len(data) // 2], "cut.xlsx")
    assert wb is None
    assert [(p.code, p.severity, p.file) for p in problems] == [
        ("file.corrupt", "error", "cut.xlsx")]
    assert "tệp nén hỏng" in problems[0].message


def test_every_problem_code_is_produced_by_a_test():
    """A code counts when a test file names it in quotes, as the tests above do in their
    expectations (this function names none), so a code declared in etl/problems.py that no
    test expects fails here. Grep-based: it cannot tell an expectation from any other quoted
    mention, which is why every code above is asserted with its coordinates."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(TESTS.rglob("*.py")))
    named = set(re.findall(r"[\"']([a-z_]+\.[a-z_0-9]+)[\"']", text))
    assert sorted(set(P.CODES) - named) == []
