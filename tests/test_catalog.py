"""The catalogue makes communes comparable; unseen wording is matched with a confidence."""
from __future__ import annotations

import csv

import pytest

from etl.catalog import ACCEPT, REVIEW, load_catalog
from tests.conftest import ROOT

CAT = ROOT / "data" / "catalog"

# (commune, line_no, target_year) pairs that must share one canonical code.
PAIRS = [
    (("Nam Đàn", "30"), ("Phú Trung", "4.3"), "CQ.DVC_TOAN_TRINH"),
    (("Nam Đàn", "41"), ("Phú Trung", "6.1"), "XH.DINH_DANH_DIEN_TU"),
    (("Nam Đàn", "43"), ("Phú Trung", "6.2"), "XH.SO_SUC_KHOE_DT"),
]


@pytest.mark.parametrize("a,b,code", PAIRS, ids=[p[2] for p in PAIRS])
def test_cross_commune_pairs_share_a_code(seed_con, a, b, code):
    got = [seed_con.execute("SELECT DISTINCT indicator_code FROM targets WHERE commune=? AND "
                            "line_no=?", list(x)).fetchall() for x in (a, b)]
    assert got == [[(code,)], [(code,)]]


def test_catalogue_files_are_consistent():
    cat = load_catalog()
    assert list(cat.pillars) == ["NT", "TC", "HT", "NL", "AT", "CQ", "KT", "XH"]
    assert [p.name_vi for p in cat.pillars.values()][:3] == [
        "Nhận thức số", "Thể chế số", "Hạ tầng số và nền tảng số"]
    for ind in cat.indicators.values():
        assert ind.pillar in cat.pillars, ind.code
        assert ind.code.startswith(ind.pillar + ".")
        assert ind.direction in ("higher", "lower", "done")
        assert ind.name_vi and ind.name_en
    with (CAT / "aliases.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            assert row["indicator_code"] == "" or row["indicator_code"] in cat.indicators, row


def test_every_seed_row_is_mapped_by_a_reviewed_alias(seed_con):
    methods = dict(seed_con.execute(
        "SELECT match_method, count(*) FROM (SELECT match_method FROM targets UNION ALL "
        "SELECT match_method FROM actuals) GROUP BY 1").fetchall())
    assert set(methods) <= {"alias", "reviewed_local"}
    assert methods["alias"] > 150


def test_rank_indicator_direction_is_lower(seed_con):
    got = seed_con.execute("SELECT DISTINCT c.direction FROM targets t JOIN catalog_indicators c "
                           "ON c.code = t.indicator_code WHERE t.value_kind = 'rank'").fetchall()
    assert got == [("lower",)]


def test_unseen_wording():
    cat = load_catalog()
    # Same concept, a commune's own wording: accepted with a confidence below 1.
    m = cat.match("Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số TTHC đủ điều kiện")
    assert m.code == "CQ.DVC_TOAN_TRINH" and m.method == "fuzzy"
    assert ACCEPT / 100 <= m.confidence < 1
    # Diacritics dropped by an old keyboard layout still match.
    m = cat.match("Ty le nguoi dan co so suc khoe dien tu")
    assert m.code == "XH.SO_SUC_KHOE_DT"
    # Something unrelated stays commune-specific.
    m = cat.match("Sửa chữa nhà văn hóa thôn 3")
    assert m.code is None and m.method in ("local", "low_confidence")


def test_low_confidence_is_reported_not_accepted():
    cat = load_catalog()
    m = cat.match("Tỷ lệ hồ sơ có kết quả số hóa của thôn")
    if m.method == "low_confidence":
        assert m.code is None and m.suggestion and REVIEW / 100 <= m.confidence < ACCEPT / 100
    else:
        assert m.method in ("fuzzy", "local")


def test_exact_alias_and_reviewed_local():
    cat = load_catalog()
    m = cat.match("Tỷ lệ người dân có Sổ sức khỏe điện tử")
    assert (m.code, m.method, m.confidence) == ("XH.SO_SUC_KHOE_DT", "alias", 1.0)
    m = cat.match("Nâng cấp hệ thống mạng LAN nội bộ cơ quan HĐND-UBND xã.")
    assert (m.code, m.method) == (None, "reviewed_local")


def test_pillar_headings():
    cat = load_catalog()
    assert cat.pillar_for_heading("I. HẠ TẦNG SỐ") == "HT"
    assert cat.pillar_for_heading("Chính quyền số") == "CQ"  # 'C' is not a Roman numeral here
    assert cat.pillar_for_heading("V. CHÍNH QUYỀN SỐ") == "CQ"
    assert cat.pillar_for_heading("XÃ HỘI SỐ") == "XH"
    assert cat.pillar_for_heading("Hoạt động Chính quyền số") == "CQ"
    assert cat.pillar_for_heading("An toàn thông tin, an ninh mạng") == "AT"
    assert cat.pillar_for_heading("Nhận thức số, nhân lực số") is None  # ambiguous: two groups
