"""Every target and result string of the seeds, parsed: (op, low, high, unit, kind)."""
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
