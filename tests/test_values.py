"""Every target and result string of the seeds, parsed: (op, low, high, unit, kind)."""
import datetime

import pytest

from etl.values import parse_amount, parse_number, parse_value

TRUTH = [
    # text, op, low, high, unit, kind
    ("100%", "=", 100, 100, "%", "percent"),
    ("95%", "=", 95, 95, "%", "percent"),
    ("≥ 80%", ">=", 80, None, "%", "percent"),
    ("≥ 15%", ">=", 15, None, "%", "percent"),
    ("Trên 90%", ">", 90, None, "%", "percent"),
    ("Trên 70%", ">", 70, None, "%", "percent"),
    ("Tối thiểu 90%", ">=", 90, None, "%", "percent"),
    ("Ít nhất 90%", ">=", 90, None, "%", "percent"),
    ("ít nhất 20 người", ">=", 20, None, "người", "number"),
    ("Đạt trên 1%", ">", 1, None, "%", "percent"),
    ("Không dưới 60%", ">=", 60, None, "%", "percent"),
    ("Không vượt quá 10%", "<=", None, 10, "%", "percent"),
    ("Dưới 5%", "<", None, 5, "%", "percent"),
    ("50-80%", "between", 50, 80, "%", "percent"),
    ("50% trở lên", ">=", 50, None, "%", "percent"),
    ("Từ 100%", ">=", 100, None, "%", "percent"),
    ("Hoàn thành", "done", None, None, None, "done"),
    ("Hoàn \nthành", "done", None, None, None, "done"),
    ("Chưa thực hiện", "not_done", None, None, None, "done"),
    ("Thứ 20-30", "between", 20, 30, "hạng", "rank"),
    ("Thứ 20-\n30", "between", 20, 30, "hạng", "rank"),
    ("1- 2 người", "between", 1, 2, "người", "number"),
    ("36 Mb/s", "=", 36, 36, "Mb/s", "number"),  # corpus 06: broadband speed
    ("Trên 100 Mbps", ">", 100, None, "Mb/s", "number"),
    ("100% công dân đủ điều kiện (công dân đã được cấp căn cước", "=", 100, 100, "%", "percent"),
    ("100% hệ thống thông tin được phê duyệt cấp độ", "=", 100, 100, "%", "percent"),
    ("đạt", "achieved", None, None, None, "status"),
    ("Đạt chỉ tiêu", "achieved", None, None, None, "status"),
    ("Không đạt", "not_achieved", None, None, None, "status"),
    ("6129/6190", "=", 99.01, 99.01, "%", "percent"),
    ("99,82%", "=", 99.82, 99.82, "%", "percent"),
    ("6.876", "=", 6876, 6876, None, "number"),
    ("1.000", "=", 1000, 1000, None, "number"),
    ("39/39", "=", 100, 100, "%", "percent"),
    ("Có ứng dụng AI phục vụ người dân, DN, cơ quan, phòng ban", None, None, None, None, "text"),
    ("Đạt thấp", None, None, None, None, "text"),
    # signs, changes and a level reached by a decrease (issue 9)
    ("-5%", "=", -5, -5, "%", "percent"),
    ("−5%", "=", -5, -5, "%", "percent"),
    ("Giảm 5%", "=", -5, -5, "%", "change"),
    ("giảm ít nhất 5%", "<=", None, -5, "%", "change"),
    ("Giảm tối thiểu 10 hộ", "<=", None, -10, "hộ", "change"),
    ("Tăng 10%", "=", 10, 10, "%", "change"),
    ("tăng ít nhất 10%", ">=", 10, None, "%", "change"),
    ("Giảm còn 5%", "<=", None, 5, "%", "percent"),
    ("Tỷ lệ 80%", "=", 80, 80, "%", "percent"),
    ("5 xyz", "=", 5, 5, None, "number"),
    ("Top 10", "<=", None, 10, "hạng", "rank"),
    ("Xếp thứ 62/84", "<=", None, 62, "hạng", "rank"),
    ("1.000,5 người", "=", 1000.5, 1000.5, "người", "number"),
    # dates and deadlines: low/high are YYYYMMDD
    ("30/6/2026", "=", 20260630, 20260630, None, "date"),
    ("10.10.2026", "=", 20261010, 20261010, None, "date"),
    ("Trước 30/6/2026", "<", None, 20260630, None, "date"),
    ("Trước ngày 30/6/2026", "<", None, 20260630, None, "date"),
    ("Hoàn thành trước 30/6/2026", "<", None, 20260630, None, "date"),
    ("Chậm nhất 31/12/2026", "<=", None, 20261231, None, "date"),
    ("Quý 3/2026", "between", 20260701, 20260930, None, "date"),
    ("Quý III/2026", "between", 20260701, 20260930, None, "date"),
    ("Trong quý 4/2026", "between", 20261001, 20261231, None, "date"),
    ("Tháng 6/2026", "between", 20260601, 20260630, None, "date"),
    ("Trước 6/2026", "<", None, 20260601, None, "date"),
    ("Trước năm 2027", "<", None, 20270101, None, "date"),
    ("Từ 1/7/2026", ">=", 20260701, None, None, "date"),
    # rejected: text, never a number found inside it
    ("+cmd|' /C calc'!A0", None, None, None, None, "text"),
    ("@SUM(1+1)", None, None, None, None, "text"),
    ("=1+1", None, None, None, None, "text"),
    ('=HYPERLINK("http://x","y")', None, None, None, None, "text"),
    ("abc 5 xyz", None, None, None, None, "text"),
    ("5xyz", None, None, None, None, "text"),
    ("1 000", None, None, None, None, "text"),
    ("1.2.3", None, None, None, None, "text"),
    ("31/2/2026", None, None, None, None, "text"),
    ("Trước 5%", None, None, None, None, "text"),
    ("Giảm -5%", None, None, None, None, "text"),
    ("Thứ 5 trở lên", None, None, None, None, "text"),
    ("Năm 2026", None, None, None, None, "text"),
    ("Cải thiện thứ hạng so với năm trước", None, None, None, None, "text"),
    ("Trong nhóm dẫn đầu", None, None, None, None, "text"),
]


@pytest.mark.parametrize("text,op,low,high,unit,kind", TRUTH)
def test_truth_table(text, op, low, high, unit, kind):
    p = parse_value(text)
    assert (p.op, p.low, p.high, p.unit, p.kind) == (op, low, high, unit, kind)
    assert p.text == " ".join(text.split())  # the raw text is kept (whitespace folded)


def test_bare_number_takes_percent_from_unit_column():
    p = parse_value(100, unit_hint="%")
    assert (p.kind, p.op, p.low, p.unit, p.text) == ("percent", "=", 100, "%", "100")
    assert parse_value("Trên 85", unit_hint="%").unit == "%"


def test_excel_percent_format_is_scaled_to_0_100():
    p = parse_value(0.8, percent_format=True)
    assert (p.low, p.unit, p.text) == (80, "%", "80%")


def test_fraction_with_disagreeing_stated_percent_is_flagged():
    p = parse_value("6129/6190 hồ sơ phát sinh thanh toán đạt 99,82%")
    assert p.low == 99.01 and p.stated_percent == 99.82
    assert "fraction_mismatch" in p.flags
    assert "fraction_mismatch" not in parse_value("6.876/6.876 đạt 100%").flags


@pytest.mark.parametrize("token,value", [("1.000", 1000), ("99,82", 99.82), ("6.876", 6876),
                                         ("1.000,5", 1000.5), ("35.870.000", 35870000),
                                         ("1,5", 1.5), ("1200", 1200), ("abc", None)])
def test_vietnamese_numbers(token, value):
    assert parse_number(token) == value


def test_ambiguous_comma_thousands_is_flagged():
    assert "ambiguous_number" in parse_value("1,000").flags


@pytest.mark.parametrize("raw,value", [("1.000", 1000), ("1200", 1200), ("600", 600),
                                       (" 100 ", 100), (50, 50), ("1,5 tỷ", 1500),
                                       ("Đề xuất", None)])
def test_amounts_in_million_vnd(raw, value):
    assert parse_amount(raw)[0] == value


def test_percent_over_100_flagged():
    assert "percent_over_100" in parse_value("120%").flags


def test_date_cell_and_dates_are_usable_dates_not_numbers():
    for raw in (datetime.datetime(2026, 6, 30), datetime.date(2026, 6, 30)):
        p = parse_value(raw)
        assert (p.kind, p.op, p.text) == ("date", "=", "30/6/2026")
        assert p.date_low == p.date_high == datetime.date(2026, 6, 30)
        assert p.value is None and not p.is_numeric  # a date is never compared as a quantity
    q = parse_value("Quý 3/2026")
    assert (q.date_low, q.date_high) == (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30))
    assert parse_value(datetime.time(10, 0)).kind == "text"


def test_decrease_target_is_never_a_level():
    p = parse_value("Giảm 5%")
    assert p.kind == "change" and not p.is_numeric and p.low == -5


@pytest.mark.parametrize("raw", ["=1+1", "abc 5", "1.000 triệu abc", "@SUM(1)", "1 000"])
def test_amount_grammar_rejects_everything_but_an_amount(raw):
    assert parse_amount(raw)[0] is None


def test_ambiguous_number_in_a_target_column_is_warned_as_a_number(workbook):
    from etl.catalog import load_catalog
    from etl.pipeline import understand
    from etl.read import read_workbook
    path = workbook({"PL": [["UBND XÃ NAM ĐÀN - TỈNH NGHỆ AN"],
                            ["TT", "Chỉ tiêu", "ĐVT", "Mục tiêu 2026"],
                            [1, "Số hộ có tài khoản", "hộ", "1,000"]]})
    wb, _ = read_workbook(path)
    u = understand(wb, load_catalog())
    warn = [p for p in u.problems if p.code == "value.number_ambiguous"]
    assert [(p.sheet, p.row, p.column) for p in warn] == [("PL", 3, "D")]
    assert "1000" in warn[0].message and "1.000" in warn[0].message
    assert "tiền" not in warn[0].message  # not called an amount
    assert not any(p.code == "value.amount_ambiguous" for p in u.problems)


def test_ambiguous_amount_is_warned_as_an_amount(workbook):
    from etl.catalog import load_catalog
    from etl.pipeline import understand
    from etl.read import read_workbook
    path = workbook({"KP": [["UBND XÃ NAM ĐÀN - TỈNH NGHỆ AN"], ["Kế hoạch năm 2026"],
                            ["TT", "Nhiệm vụ", "Dự toán kinh phí (triệu đồng)"],
                            [1, "Mua máy tính", "1,500"]]})
    wb, _ = read_workbook(path)
    u = understand(wb, load_catalog())
    warn = [p for p in u.problems if p.code == "value.amount_ambiguous"]
    assert [(p.row, p.column) for p in warn] == [(4, "C")] and "1500" in warn[0].message


@pytest.mark.parametrize("raw,formula_like", [
    ("+cmd|' /C calc'!A0", True), ("@SUM(1+1)", True), ("=1+1", True),
    ('=HYPERLINK("http://x","y")', True), ("-abc", True), ("abc 5 xyz", False),
    ("Có ứng dụng AI", False), ("-5%", False)])
def test_formula_like_text_is_flagged(raw, formula_like):
    assert ("formula_like" in parse_value(raw).flags) == formula_like


def test_formula_like_target_is_a_warning_at_its_cell_and_never_a_number(workbook):
    from etl.catalog import load_catalog
    from etl.pipeline import understand
    from etl.read import read_workbook
    path = workbook({"PL": [["UBND XÃ NAM ĐÀN - TỈNH NGHỆ AN"],
                            ["TT", "Chỉ tiêu", "ĐVT", "Mục tiêu 2026"],
                            [1, "Tỷ lệ A riêng", "%", "+cmd|' /C calc'!A0"],
                            [2, "Tỷ lệ B riêng", "%", "@SUM(1+1)"],
                            [3, "Tỷ lệ C riêng", "%", "abc 5 xyz"]]})
    wb, _ = read_workbook(path)
    u = understand(wb, load_catalog())
    got = [(t.prov.source_row, t.kind, t.op, t.value_low) for t in u.targets]
    assert got == [(3, "text", None, None), (4, "text", None, None), (5, "text", None, None)]
    warn = [(p.code, p.row, p.column) for p in u.problems if p.code == "value.formula_like"]
    assert warn == [("value.formula_like", 3, "D"), ("value.formula_like", 4, "D")]
