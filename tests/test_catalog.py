"""The catalogue makes communes comparable; unseen wording is matched with a confidence."""
from __future__ import annotations

import csv

import pytest

from etl.catalog import ACCEPT, REVIEW, load_catalog
from tests.conftest import ROOT

CAT = ROOT / "data" / "catalog"

# Seed rows are named by (commune, the start of their label); a name must pick rows of one code.
SAME: dict[str, list[tuple[str, str]]] = {
    # same concept; the scope (age base, account level) differs and is on each row
    "XH.DINH_DANH_DIEN_TU": [
        ("Nam Đàn", "Tỷ lệ người dân có tài khoản định danh điện tử (VNeID)"),
        ("Phú Trung", "Tỷ lệ người dân từ 14 tuổi trở lên có danh tính điện tử"),
        ("Hợp Minh", "công dân từ 16 tuổi có danh tính số"),
        ("Can Lộc", "Tỷ lệ người dân có tài khoản định danh điện tử mức độ 2")],
    # bank or licensed-provider account; Can Lộc counts banks only / gives no age base
    "XH.TAI_KHOAN_THANH_TOAN": [
        ("Nam Đàn", "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch"),
        ("Phùng Minh", "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán"),
        ("Can Lộc", "Có trên 70% người dân trở lên có tài khoản giao dịch tại ngân hàng"),
        ("Can Lộc", "Có trên 70% người dân có tài khoản giao dịch ngân hàng")],
    "XH.TAI_KHOAN_TT_DIEN_TU": [
        ("Hợp Minh", "tỷ lệ dân số trưởng thành có tài khoản thanh toán điện tử"),
        ("Phùng Minh", "Tỷ lệ dân số có tài khoản thanh toán điện tử")],
    "CQ.DVC_TOAN_TRINH": [
        ("Nam Đàn", "Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số"),
        ("Phú Trung", "Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình"),
        ("Phùng Minh", "Dịch vụ công có đủ điều kiện theo quy định được cung cấp")],
    "XH.SO_SUC_KHOE_DT": [
        ("Nam Đàn", "Tỷ lệ người dân có số sức khoẻ điện tử"),
        ("Phú Trung", "Tỷ lệ người dân có Sổ sức khỏe điện tử"),
        ("Phùng Minh", "Tỷ lệ người dân trên địa bàn xã có hồ sơ sức khỏe điện tử")],
    # trained; the level (basic / advanced / not stated) is on each row
    "NL.CBCC_DAO_TAO_CDS": [
        ("Nam Đàn", "Tỷ lệ cán bộ, công chức, viên chức trong các cơ quan, tổ chức được đào tạo"),
        ("Phú Trung", "Tỷ lệ công chức, viên chức được bồi dưỡng, tập huấn"),
        ("Can Lộc", "Phấn đấu có 100% cán bộ, công chức, viên chức được đào tạo")],
    # works online and signs; who is counted (leaders, officials) is on each row
    "CQ.CBCC_KY_SO": [
        ("Nam Đàn", "Tỷ lệ lãnh đạo, cán bộ, công chức các đơn vị (cấp xã) xử lý"),
        ("Can Lộc", "100% lãnh đạo UBND, các phòng sử dụng có hiệu quả Chứng thư số"),
        ("Can Lộc", "100% lãnh đạo UBND, các phòng, ban, ngành thuộc xã, cán bộ"),
        ("Phùng Minh", "Công chức xã sử dụng hệ thống quản lý văn bản bằng chữ ký số")],
    "CQ.HO_SO_TRUC_TUYEN": [
        ("Nam Đàn", "Tỷ lệ hồ sơ nộp và giải quyết trực tuyến"),
        ("Phú Trung", "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân"),
        ("Hợp Minh", "tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ"),
        ("Can Lộc", "Tỷ lệ hồ sơ phát sinh thực hiện trực tuyến")],
    "KT.DN_TIEP_CAN_CDS": [
        ("Phùng Minh", "Doanh nghiệp, hợp tác xã, trang trại, làng nghề"),
        ("Can Lộc", "Ứng dụng các chính sách hỗ trợ chuyển đổi số")],
    "HT.CAP_QUANG_THON": [
        ("Phùng Minh", "Hạ tầng mạng băng rộng cáp quang phủ đến 100% số thôn"),
        ("Can Lộc", "Có hệ thống Internet đến các thôn")],
    "HT.HOI_NGHI_TRUC_TUYEN": [
        ("Can Lộc", "Hội nghị truyền hình trực tuyến kết nối ổn định"),
        ("Phùng Minh", "Xã có hệ thống hội nghị truyền hình trực tuyến")],
    "NT.NGAY_CDS": [
        ("Can Lộc", "Người tham gia Lễ phát động"),
        ("Phùng Minh", "Băng dôn tuyên truyền Ngày Chuyển đổi số")],
}
# Wordings that look alike but count different things: never one code (catalogue 2026.1).
APART: list[tuple[tuple[str, str], tuple[str, str]]] = [
    # a bank/licensed account at 15+ vs an e-payment account
    (("Nam Đàn", "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch"),
     ("Phùng Minh", "Tỷ lệ dân số có tài khoản thanh toán điện tử")),
    (("Phùng Minh", "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán"),
     ("Phùng Minh", "Tỷ lệ dân số có tài khoản thanh toán điện tử")),
    # a share of payments vs a share of adults using e-payment
    (("Nam Đàn", "Thanh toán, chi trả không dùng tiền mặt"),
     ("Can Lộc", "Có trên 80% người dân trưởng thành sử dụng dịch vụ thanh toán điện tử")),
    # adults reaching all digital services vs smartphone users reaching e-government
    (("Nam Đàn", "Bảo đảm khả năng tiếp cận các dịch vụ số"),
     ("Can Lộc", "Trên 80% người dùng điện thoại thông minh")),
    # agencies vs directives and inspections vs inspections
    (("Nam Đàn", "Tỉ lệ các cơ quan nhà nước thực hiện chỉ đạo"),
     ("Hợp Minh", "ý kiến chỉ đạo điều hành và hoạt động kiểm tra")),
    (("Nam Đàn", "Tỉ lệ các cơ quan nhà nước thực hiện chỉ đạo"),
     ("Phùng Minh", "Hoạt động kiểm tra của cơ quan quản lý nhà nước")),
    (("Hợp Minh", "ý kiến chỉ đạo điều hành và hoạt động kiểm tra"),
     ("Phùng Minh", "Hoạt động kiểm tra của cơ quan quản lý nhà nước")),
    # trained vs has the knowledge and uses the platforms
    (("Nam Đàn", "Tỷ lệ cán bộ, công chức, viên chức trong các cơ quan, tổ chức được đào tạo"),
     ("Hợp Minh", "cán bộ, công chức, viên chức và người lao động trong khu vực công")),
    # works online and signs vs works online (no signature)
    (("Nam Đàn", "Tỷ lệ lãnh đạo, cán bộ, công chức các đơn vị (cấp xã) xử lý"),
     ("Phùng Minh", "Lãnh dạo, cán bộ, công chức, viên chức các cơ quan đảng")),
    # an awareness campaign vs access to support programmes
    (("Phùng Minh", "Doanh nghiệp, hộ kinh doanh, sản xuất và người dân được tuyên truyền"),
     ("Phùng Minh", "Doanh nghiệp, hợp tác xã, trang trại, làng nghề")),
    # users able to access fixed broadband vs villages reached by fibre
    (("Phú Trung", "Tỷ lệ người sử dụng có khả năng truy nhập băng rộng cố định"),
     ("Phùng Minh", "Hạ tầng mạng băng rộng cáp quang phủ đến 100% số thôn")),
    # a share of applications vs a count of applications vs a sentence about services
    (("Nam Đàn", "Tỷ lệ hồ sơ nộp và giải quyết trực tuyến"),
     ("Can Lộc", "Hồ sơ phát sinh thực hiện trực tuyến")),
    (("Nam Đàn", "Tỷ lệ hồ sơ nộp và giải quyết trực tuyến"),
     ("Hợp Minh", "ứng dụng các dịch vụ công trực tuyến mức độ 3, 4")),
]


def codes_of(con, commune: str, label_start: str) -> set[str]:
    rows = con.execute(
        "SELECT indicator_code FROM targets WHERE commune = ? AND starts_with(label, ?) "
        "UNION ALL SELECT indicator_code FROM actuals WHERE commune = ? "
        "AND starts_with(label, ?)", [commune, label_start, commune, label_start]).fetchall()
    assert rows, (commune, label_start)
    return {r[0] for r in rows}


@pytest.mark.parametrize("code", list(SAME))
def test_cross_commune_pairs_share_a_code(seed_con, code):
    got = {(commune, start): codes_of(seed_con, commune, start)
           for commune, start in SAME[code]}
    assert got == {k: {code} for k in got}


@pytest.mark.parametrize("a,b", APART, ids=[f"{a[0]}|{b[0]}|{i}" for i, (a, b) in
                                             enumerate(APART)])
def test_unlike_concepts_never_share_a_code(seed_con, a, b):
    ca, cb = codes_of(seed_con, *a), codes_of(seed_con, *b)
    assert len(ca) == len(cb) == 1
    assert ca.isdisjoint(cb), (a, b, ca)


def test_scope_is_on_the_row_where_only_the_scope_differs(seed_con):
    """One code, several age bases and account levels: each row says which."""
    got = dict(seed_con.execute(
        "SELECT commune, any_value(scope) FROM (SELECT commune, scope FROM targets WHERE "
        "indicator_code = 'XH.DINH_DANH_DIEN_TU' UNION ALL SELECT commune, scope FROM actuals "
        "WHERE indicator_code = 'XH.DINH_DANH_DIEN_TU') GROUP BY 1").fetchall())
    assert got == {
        "Nam Đàn": "mọi người dân (không nêu tuổi); tài khoản VNeID, không nêu mức",
        "Phú Trung": "từ 14 tuổi trở lên; dùng được cho giao dịch điện tử",
        "Hợp Minh": "công dân từ 16 tuổi",
        "Can Lộc": "người dân (không nêu tuổi); tài khoản mức độ 2"}
    levels = seed_con.execute(
        "SELECT commune, scope FROM targets WHERE indicator_code = 'NL.CBCC_DAO_TAO_CDS' "
        "AND target_year = 2026 ORDER BY commune").fetchall()
    assert levels == [("Can Lộc", "kỹ năng số nâng cao"),
                      ("Nam Đàn", "kiến thức, kỹ năng cơ bản (CĐS và ATTT)"),
                      ("Phú Trung", "công chức, viên chức; không nêu mức")]


def test_catalogue_version_and_definitions_are_in_the_database(seed_con):
    meta = dict(seed_con.execute("SELECT key, value FROM meta WHERE key LIKE 'catalog_%'")
                .fetchall())
    cat = load_catalog()
    assert meta == {"catalog_version": cat.version, "catalog_effective_date": cat.effective_date}
    assert cat.version == "2026.1"
    n, with_numerator, with_source = seed_con.execute(
        "SELECT count(*), count(*) FILTER (WHERE numerator <> ''), "
        "count(*) FILTER (WHERE source <> '') FROM catalog_indicators").fetchone()
    assert n == len(cat.indicators) == 97 and with_numerator == n and with_source == n
    # Shares have a denominator; counts and done/not-done indicators have none.
    rows = seed_con.execute("SELECT code, value_type, denominator FROM catalog_indicators"
                            ).fetchall()
    assert all(bool(den) == (vt == "percent") for _, vt, den in rows), \
        [r for r in rows if bool(r[2]) != (r[1] == "percent")]
    assert seed_con.execute("SELECT count(*) FROM catalog_aliases").fetchone()[0] == \
        len(cat.alias_rows)


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
    """Below the acceptance score a near wording is a suggestion, never a match; above it,
    a fuzzy match; far below, commune-specific. One wording for each, each asserted."""
    cat = load_catalog()
    m = cat.match("Tỷ lệ người dân có tài khoản định danh điện tử mức hai")
    assert (m.method, m.code, m.suggestion) == ("low_confidence", None, "XH.DINH_DANH_DIEN_TU")
    assert REVIEW / 100 <= m.confidence < ACCEPT / 100
    m = cat.match("Tỷ lệ hồ sơ có kết quả số hóa của thôn")
    assert (m.method, m.code) == ("fuzzy", "CQ.SO_HOA_HO_SO") and m.confidence >= ACCEPT / 100
    m = cat.match("Số lượng camera an ninh lắp mới")
    assert (m.method, m.code) == ("local", None) and m.confidence < REVIEW / 100


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


def test_a_confirmed_alias_that_moves_a_wording_drops_its_scope():
    cat = load_catalog()
    label = "công dân từ 16 tuổi có danh tính số"
    assert cat.match(label).scope == "công dân từ 16 tuổi"
    moved = cat.with_aliases({label: "XH.CAN_CUOC"})
    assert (moved.match(label).code, moved.match(label).scope) == ("XH.CAN_CUOC", "")
    kept = cat.with_aliases({label: "XH.DINH_DANH_DIEN_TU"})
    assert kept.match(label).scope == "công dân từ 16 tuổi"
    # Fuzzy matches carry no scope: the wording was never reviewed.
    m = cat.match("Tỷ lệ người dân từ 18 tuổi có tài khoản định danh điện tử mức 2")
    assert m.scope == ""


def test_analyst_flags_column_is_kept_and_unknown_flags_are_reported(workbook):
    from etl.pipeline import understand
    from etl.read import read_workbook
    path = workbook({"KH": [
        ["ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN"],
        ["KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026 - TỈNH THANH HÓA"],
        ["STT", "Chỉ tiêu", "Mục tiêu 2026", "Nhóm DTI", "Cờ dữ liệu"],
        [1, "Tỷ lệ hồ sơ trực tuyến toàn trình", "80%", None, "inferred"],
        [2, "Sửa chữa nhà văn hóa thôn 3", "Hoàn thành", "Hạ tầng số", "infered"],
    ]})
    wb, problems = read_workbook(path)
    u = understand(wb, load_catalog())
    assert [(t.label[:12], t.flags, t.pillar) for t in u.targets] == [
        ("Tỷ lệ hồ sơ ", ["inferred"], "CQ"), ("Sửa chữa nhà", ["infered"], "HT")]
    bad = [p for p in u.problems if p.code == "row.unknown_flag"]
    assert [(p.severity, p.sheet, p.row, p.column, p.params["flag"]) for p in bad] == [
        ("warning", "KH", 5, "E", "infered")]
    assert u.ok


@pytest.fixture
def app_env(seed_db, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(seed_db))
    return seed_db


def _catalog_page(**params):
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.query_params.update(params)
    at.run()
    at.switch_page("pages/catalog.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_catalog_page_shows_every_wording_next_to_its_source_rows(app_env, seed_con):
    at = _catalog_page()
    assert at.title[0].value == "Danh mục chỉ tiêu"
    assert any("phiên bản 2026.1" in c.value for c in at.caption)
    listing = at.dataframe[0].value
    assert len(listing) == seed_con.execute("SELECT count(*) FROM catalog_indicators"
                                            ).fetchone()[0]
    at.selectbox(key="cat_code").set_value("XH.DINH_DANH_DIEN_TU").run()
    side = at.dataframe[1].value
    expected = seed_con.execute(
        "SELECT commune, source_file, source_sheet, source_row, label FROM targets WHERE "
        "indicator_code = 'XH.DINH_DANH_DIEN_TU' UNION ALL SELECT commune, source_file, "
        "source_sheet, source_row, label FROM actuals WHERE indicator_code = "
        "'XH.DINH_DANH_DIEN_TU'").fetchall()
    got = list(zip(side["Xã"], side["Tệp"], side["Trang tính"], side["Dòng"],
                   side["Nhãn gốc trong tệp"]))
    assert sorted(got) == sorted(expected)
    assert dict(zip(side["Xã"], side["Phạm vi của cách viết"]))["Hợp Minh"] == \
        "công dân từ 16 tuổi"
    assert (side["Cách viết (danh mục)"] != "").all()
    labels = [b.label for b in at.get("download_button")]
    assert labels.count("Tải dữ liệu .csv") >= 2 and labels.count("Tải dữ liệu .xlsx") >= 2


def test_catalog_page_marks_inferred_targets_and_speaks_english(app_env):
    from streamlit.testing.v1 import AppTest
    # The page on its own (AppTest's switch_page does not keep the URL's language).
    at = AppTest.from_file(str(ROOT / "pages" / "catalog.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Indicator catalogue"
    at.selectbox(key="cat_code").set_value("KT.MUA_SAM_TRUC_TUYEN").run()
    side = at.dataframe[1].value
    flagged = side[side["Flags"] != ""]
    assert flagged[["Commune", "Kind", "Raw value", "Flags"]].values.tolist() == [
        ["Can Lộc", "Target", "Trên 70%", "inferred (not a figure of the document)"]]
