"""Context the way offices write it, and the official register of commune-level units.

Each workbook is built from inline rows; the assertions are on what an analyst sees: the
commune, province, year and official code the file is filed under, or the problem (code,
cell, candidates) that blocks it.
"""
from __future__ import annotations

import csv
from collections import Counter

import duckdb
import pytest

from etl.admin_units import load_register, name_key
from etl.catalog import load_catalog
from etl.load import load_understanding, sync_catalog
from etl.pipeline import understand
from etl.read import read_workbook
from etl.store import ensure_schema
from tests.conftest import ROOT

TABLE = [["STT", "Chỉ tiêu", "ĐVT", "Kết quả"],
         [1, "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "75,5"],
         [2, "Tỷ lệ thanh toán trực tuyến", "%", "92"]]


def understood(path, **kw):
    wb, problems = read_workbook(path)
    assert wb is not None, problems
    return understand(wb, load_catalog(), **kw)


def ctx_of(u):
    c = u.context
    return c.commune, c.commune_type, c.province, c.commune_code


def errors(u):
    return [p for p in u.problems if p.severity == "error"]


def problem(u, code):
    found = [p for p in u.problems if p.code == code]
    assert found, [str(p) for p in u.problems if p.severity != "info"]
    return found[0]


# --- 2. context the way offices write it -------------------------------------------------

def test_year_from_title_not_from_signing_date_which_gives_the_province(workbook):
    path = workbook({"BC": [
        ["ỦY BAN NHÂN DÂN", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["XÃ NAM ĐÀN", None, None, "Độc lập - Tự do - Hạnh phúc"],
        ["Số: 12/BC-UBND", None, None, "Nghệ An, ngày 10 tháng 01 năm 2026"],
        ["BÁO CÁO KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2025"],
        [], *TABLE]})
    u = understood(path)
    assert not errors(u), [str(p) for p in errors(u)]
    assert ctx_of(u) == ("Nam Đàn", "xã", "Nghệ An", "17935")
    assert u.context.years == [2025]
    assert [(a.label[:12], a.period, a.value) for a in u.actuals] == [
        ("Tỷ lệ hồ sơ ", "2025", 75.5), ("Tỷ lệ thanh ", "2025", 92.0)]


def test_signing_date_in_the_same_row_as_the_title(workbook):
    """Offices put the place and date beside the title: one joined line holds both years."""
    path = workbook({"BC": [
        ["UBND XÃ NAM ĐÀN"],
        ["KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025", None, None, "Nam Đàn, ngày 05/01/2026"],
        [], *TABLE]})
    u = understood(path, province="Nghệ An")
    assert {a.period for a in u.actuals} == {"2025"}


def test_report_period_field_gives_the_year(workbook):
    path = workbook({"BC": [
        ["ỦY BAN NHÂN DÂN XÃ NAM ĐÀN"],
        ["BÁO CÁO TÌNH HÌNH CHUYỂN ĐỔI SỐ"],
        ["Kỳ báo cáo: năm 2025", None, None, "Nghệ An, ngày 08 tháng 01 năm 2026"],
        [], *TABLE]})
    u = understood(path)
    assert u.context.years == [2025]
    assert {a.period for a in u.actuals} == {"2025"}


def test_ward_over_two_rows_beside_the_motto(workbook):
    path = workbook({"BC": [
        ["ỦY BAN NHÂN DÂN", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["PHƯỜNG HẠC THÀNH", None, None, "Độc Lập - Tự Do - Hạnh Phúc"],
        [None, None, None, "Thanh Hóa, ngày 15 tháng 12 năm 2025"],
        ["KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025"], [], *TABLE]},
        merges={"BC": ["A1:C1", "A2:C2", "D1:F1", "D2:F2"]})
    u = understood(path)
    assert not errors(u), [str(p) for p in errors(u)]
    assert ctx_of(u) == ("Hạc Thành", "phường", "Thanh Hóa", "14797")
    assert "Độc" not in u.context.commune_source


def test_motto_glued_into_the_same_cells_is_not_part_of_the_name(workbook):
    """A document pasted as text runs: agency and motto share each cell."""
    path = workbook({"KH": [
        ["ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["XÃ HỢP MINH Độc lập - Tự do - Hạnh phúc"],
        ["Số: /KH-UBND Hợp Minh, ngày tháng 7 năm 2025"],
        ["KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2025"], [],
        ["STT", "Chỉ tiêu", "Mục tiêu 2025"], [1, "Tỷ lệ hồ sơ trực tuyến", "30%"]]})
    u = understood(path, province="Nghệ An")
    assert ctx_of(u) == ("Hợp Minh", "xã", "Nghệ An", "17605")
    assert not errors(u), [str(p) for p in errors(u)]


def test_special_zone_is_a_commune_level_unit(workbook):
    path = workbook({"BC": [["ỦY BAN NHÂN DÂN ĐẶC KHU PHÚ QUỐC"],
                            ["KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025"], [], *TABLE]})
    u = understood(path)
    assert ctx_of(u) == ("Phú Quốc", "đặc khu", "An Giang", "31078")
    assert u.context.province_source.startswith("danh mục")


def test_commune_named_like_another_province_is_not_put_in_it(workbook):
    # Xã Tuyên Quang is in Lâm Đồng; the province Tuyên Quang is elsewhere.
    path = workbook({"BC": [["UBND XÃ TUYÊN QUANG"], ["KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025"], [],
                            *TABLE]})
    u = understood(path)
    assert ctx_of(u) == ("Tuyên Quang", "xã", "Lâm Đồng", "22963")
    assert "context.commune_is_province" in [p.code for p in u.problems]


def test_commune_named_like_a_province_takes_the_province_of_its_date_line(workbook):
    path = workbook({"BC": [
        ["ỦY BAN NHÂN DÂN", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["XÃ KHÁNH HÒA", None, None, "Độc lập - Tự do - Hạnh phúc"],
        [None, None, None, "Lào Cai, ngày 20 tháng 12 năm 2025"],
        ["KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025"], [], *TABLE]})
    u = understood(path)
    assert ctx_of(u) == ("Khánh Hòa", "xã", "Lào Cai", "04342")


def test_commune_named_like_a_province_without_one_is_asked_with_candidates(workbook):
    path = workbook({"BC": [["ỦY BAN NHÂN DÂN XÃ KHÁNH HÒA"],
                            ["KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025"], [], *TABLE]})
    u = understood(path)
    assert u.context.province != "Khánh Hòa"
    p = problem(u, "context.commune_ambiguous")
    assert (p.severity, p.sheet, p.row, p.column) == ("error", "BC", 1, "A")
    assert "xã Khánh Hòa (Lào Cai)" in p.message and "phường Khánh Hòa (Cần Thơ)" in p.message
    assert not u.ok


# --- 3. the register ------------------------------------------------------------------------

def test_register_has_34_provinces_and_3321_units():
    reg = load_register()
    units = list(reg.units.values())
    assert len(units) == 3321 and len({u.province for u in units}) == 34
    assert Counter(u.type for u in units) == {"xã": 2621, "phường": 687, "đặc khu": 13}
    with (ROOT / "data" / "catalog" / "provinces.csv").open(encoding="utf-8") as f:
        assert {u.province for u in units} == {r["name"] for r in csv.DictReader(f)}
    # Every pre-2025 unit points at a unit of the register, in its province.
    with (ROOT / "data" / "catalog" / "admin_units_before_2025.csv").open(encoding="utf-8") as f:
        old = list(csv.DictReader(f))
    assert old and all(reg.units[r["new_code"]].province == r["province"] for r in old)


def test_unique_name_gives_its_province(workbook):
    path = workbook({"BC": [["UBND XÃ NAM ĐÀN"], ["KẾT QUẢ NĂM 2025"], [], *TABLE]})
    u = understood(path)
    assert ctx_of(u) == ("Nam Đàn", "xã", "Nghệ An", "17935")
    assert "context.no_province" not in [p.code for p in u.problems]


def test_ambiguous_name_lists_candidates_and_the_province_decides(workbook):
    path = workbook({"BC": [["UBND XÃ TÂN HÒA"], ["KẾT QUẢ NĂM 2025"], [], *TABLE]})
    u = understood(path)
    p = problem(u, "context.commune_ambiguous")
    for c in ("xã Tân Hòa (Tây Ninh)", "xã Tân Hòa (Đồng Tháp)", "xã Tân Hòa (Vĩnh Long)",
              "xã Tân Hòa (Cần Thơ)", "phường Tân Hòa (Phú Thọ)", "phường Tân Hòa (Hồ Chí Minh)"):
        assert c in p.message
    assert p.params["n"] >= 6 and "Cho biết tỉnh" in p.message and not u.ok
    u = understood(path, province="Tây Ninh")
    assert ctx_of(u) == ("Tân Hòa", "xã", "Tây Ninh", "25531") and u.ok


def test_province_in_the_file_that_disagrees_with_the_register_is_an_error(workbook):
    path = workbook({"BC": [["UBND XÃ NAM ĐÀN"], ["KẾT QUẢ NĂM 2025"], [], *TABLE],
                     "Thông tin chung": [["Tỉnh", "Hà Tĩnh"]]})
    u = understood(path)
    p = problem(u, "context.province_mismatch")
    assert p.severity == "error" and "Hà Tĩnh" in p.message and "xã Nam Đàn (Nghệ An)" in p.message
    assert (p.sheet, p.row, p.column) == ("BC", 1, "A")
    assert u.context.province == "Hà Tĩnh" and not u.ok  # not guessed


def test_unit_that_no_longer_exists_keeps_its_name_and_is_attached(workbook):
    path = workbook({"BC": [["ỦY BAN NHÂN DÂN XÃ PHÙNG MINH"],
                            ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2023 - TỈNH THANH HÓA"], [],
                            *TABLE]})
    u = understood(path)
    assert u.ok, [str(p) for p in errors(u)]
    assert ctx_of(u) == ("Phùng Minh", "xã", "Thanh Hóa", "15112")
    assert u.context.legacy_code == "15109"
    p = problem(u, "context.commune_dissolved")
    assert p.severity == "warning" and "Kiên Thọ" in p.message and "Ngọc Lặc" in p.message
    assert {a.commune for a in u.actuals} == {"Phùng Minh"}


def test_unknown_name_is_an_error_with_suggestions(workbook):
    path = workbook({"BC": [["UBND XÃ NAM ĐÀNG"], ["KẾT QUẢ NĂM 2025 - TỈNH NGHỆ AN"], [],
                            *TABLE]})
    u = understood(path)
    p = problem(u, "context.commune_unknown")
    assert p.severity == "error" and "xã Nam Đàn (Nghệ An, mã 17935)" in p.message


def test_spelling_variants(workbook):
    # Old and new tone placement are one name; a name typed without diacritics is warned.
    assert name_key("Thuận Hoà") == name_key("Thuận Hòa")
    path = workbook({"BC": [["UBND XÃ THUẬN HOÀ"], ["KẾT QUẢ NĂM 2025 - TỈNH TUYÊN QUANG"], [],
                            *TABLE]})
    u = understood(path)
    assert ctx_of(u) == ("Thuận Hòa", "xã", "Tuyên Quang", "00922")
    assert "context.commune_spelling" not in [p.code for p in u.problems]
    path = workbook({"BC": [["UBND XA NAM DAN"], ["KET QUA NAM 2025"], [], *TABLE]})
    # Without diacritics 'Nam Dan' is also 'Nấm Dẩn' (Tuyên Quang): asked, not guessed.
    p = problem(understood(path, commune="Nam Dan"), "context.commune_ambiguous")
    assert "xã Nấm Dẩn (Tuyên Quang)" in p.message and "xã Nam Đàn (Nghệ An)" in p.message
    u = understood(path, commune="Nam Dan", province="Nghệ An")
    assert ctx_of(u) == ("Nam Đàn", "xã", "Nghệ An", "17935")
    assert problem(u, "context.commune_spelling").severity == "warning"


def test_pre_reform_province_is_mapped_and_said(workbook):
    path = workbook({"BC": [["UBND XÃ PHÚ TRUNG"], ["KẾT QUẢ NĂM 2025"], [], *TABLE],
                     "Thông tin chung": [["Tỉnh", "Bình Phước"]]})
    u = understood(path)
    assert ctx_of(u) == ("Phú Trung", "xã", "Đồng Nai", "25261")
    assert "Đồng Nai" in problem(u, "context.old_province").message


# --- 3. synthetic data -----------------------------------------------------------------------

def test_synthetic_workbook_skips_the_register_and_says_so(workbook, tmp_path):
    path = workbook({"BC": [["UBND XÃ LỘC TUẤN"], ["KẾT QUẢ NĂM 2025 - TỈNH NGHỆ AN"], [],
                            *TABLE],
                     "Thông tin chung": [["Mã sinh", "etl synth v3, commune #1"]]})
    u = understood(path)
    assert u.ok and ctx_of(u) == ("Lộc Tuấn", "xã", "Nghệ An", "")
    assert problem(u, "context.synthetic_commune").severity == "info"
    # The same fictional name without the marker is refused, not given a made-up code.
    plain = workbook({"BC": [["UBND XÃ LỘC TUẤN"], ["KẾT QUẢ NĂM 2025 - TỈNH NGHỆ AN"], [],
                             *TABLE]})
    assert "context.commune_unknown" in [p.code for p in errors(understood(plain))]
    assert understood(plain, synthetic=True).ok  # `etl load --synthetic`


# --- the database -----------------------------------------------------------------------------

def test_loaded_rows_carry_the_official_code(workbook, tmp_path):
    db = duckdb.connect(str(tmp_path / "t.duckdb"))
    ensure_schema(db)
    sync_catalog(db, load_catalog())
    assert db.execute("SELECT count(*), count(DISTINCT province) FROM admin_units").fetchone() \
        == (3321, 34)
    assert db.execute("SELECT name, type, province_code, province FROM admin_units "
                      "WHERE code = '31078'").fetchone() == ("Phú Quốc", "đặc khu", "91",
                                                             "An Giang")
    u = understood(workbook({"BC": [["UBND XÃ PHÙNG MINH"], ["KẾT QUẢ NĂM 2023 - TỈNH THANH HÓA"],
                                    [], *TABLE]}))
    assert load_understanding(db, u).status == "loaded"
    synth = understood(workbook({"BC": [["UBND XÃ LỘC TUẤN"], ["KẾT QUẢ NĂM 2025 - TỈNH NGHỆ AN"],
                                        [], *TABLE],
                                 "Thông tin chung": [["Mã sinh", "etl synth v3"]]}))
    assert load_understanding(db, synth).status == "loaded"  # the workbook says it is synthetic
    assert db.execute("SELECT bool_and(synthetic) FROM actuals WHERE commune = 'Lộc Tuấn'"
                      ).fetchone() == (True,)
    got = db.execute("SELECT commune, commune_code, legacy_commune_code, count(*) FROM actuals "
                     "GROUP BY ALL ORDER BY 1").fetchall()
    assert got == [("Lộc Tuấn", None, None, 2), ("Phùng Minh", "15112", "15109", 2)]
    assert db.execute("SELECT a.name FROM actuals x JOIN admin_units a ON a.code = x.commune_code"
                      ).fetchall() == [("Kiên Thọ",), ("Kiên Thọ",)]
    db.close()


def test_database_of_the_previous_release_gets_the_columns_and_codes(tmp_path, seed_files):
    """A database without commune_code (the previous schema) opens, loads and is filled in."""
    from etl.cli import main
    path = tmp_path / "old.duckdb"
    assert main(["load", str(seed_files[2]), "--db", str(path)]) == 0  # Nam Đàn
    con = duckdb.connect(str(path))
    for t in ("target_rows", "actual_rows", "budget_rows", "imports"):
        con.execute(f"ALTER TABLE {t} DROP COLUMN legacy_commune_code")
    for t in ("target_rows", "actual_rows", "budget_rows", "imports", "datasets"):
        con.execute(f"ALTER TABLE {t} DROP COLUMN commune_code")
    con.execute("DROP TABLE admin_units")
    con.execute("DELETE FROM meta WHERE key = 'schema_version'")  # as that release wrote it
    con.close()
    assert main(["load", *map(str, seed_files), "--db", str(path)]) == 0
    con = duckdb.connect(str(path), read_only=True)
    assert sorted(con.execute("SELECT commune, commune_code, count(*) FROM targets "
                              "GROUP BY ALL").fetchall()) == sorted([
        ("Can Lộc", "18406", 25), ("Hợp Minh", "17605", 26), ("Nam Đàn", "17935", 39),
        ("Phú Trung", "25261", 46), ("Phùng Minh", "15112", 14)])
    con.close()


@pytest.mark.parametrize("commune,code,legacy", [
    ("Nam Đàn", "17935", None), ("Hợp Minh", "17605", None), ("Can Lộc", "18406", None),
    ("Phú Trung", "25261", None), ("Phùng Minh", "15112", "15109")])
def test_each_seed_resolves_to_its_unit(seed_con, commune, code, legacy):
    got = seed_con.execute(
        "SELECT DISTINCT i.commune_code, i.legacy_commune_code, a.province FROM imports i "
        "JOIN admin_units a ON a.code = i.commune_code WHERE i.commune = ?", [commune]).fetchall()
    assert [g[:2] for g in got] == [(code, legacy)]
    prov = seed_con.execute("SELECT DISTINCT province FROM targets WHERE commune = ?",
                            [commune]).fetchall()
    assert prov == [(got[0][2],)]


def test_township_before_the_reform_went_into_another_unit(workbook):
    """Thị trấn Nam Đàn (2023) is now part of xã Vạn An, not of the new xã Nam Đàn."""
    path = workbook({"BC": [["ỦY BAN NHÂN DÂN THỊ TRẤN NAM ĐÀN"],
                            ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2023 - TỈNH NGHỆ AN"], [],
                            *TABLE]})
    u = understood(path)
    assert ctx_of(u) == ("Nam Đàn", "thị trấn", "Nghệ An", "17950")
    assert "xã Vạn An" in problem(u, "context.commune_dissolved").message
    # "xã Nam Đàn" in a 2023 report: no such xã existed then; the analyst is asked.
    path = workbook({"BC": [["ỦY BAN NHÂN DÂN XÃ NAM ĐÀN"],
                            ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2023 - TỈNH NGHỆ AN"], [],
                            *TABLE]})
    p = problem(understood(path), "context.commune_ambiguous")
    assert "xã Nam Đàn (Nghệ An, mã 17935)" in p.message and "xã Vạn An" in p.message


def test_xa_that_is_now_a_phuong(workbook):
    """Đồng Tháp has phường An Bình now; xã An Bình (Cao Lãnh) went into another unit."""
    rows = [["UBND XÃ AN BÌNH - TỈNH ĐỒNG THÁP"], ["KẾT QUẢ CHUYỂN ĐỔI SỐ"], [], *TABLE]
    p = problem(understood(workbook({"BC": rows})), "context.commune_ambiguous")
    assert "phường An Bình (Đồng Tháp" in p.message and "Huyện Cao Lãnh" in p.message
    assert "--year" in p.message
    # A 2024 report of xã An Bình is the old xã (Cao Lãnh), attached to the unit it went into.
    rows[1] = ["KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2024"]
    u = understood(workbook({"BC": rows}))
    assert ctx_of(u) == ("An Bình", "xã", "Đồng Tháp", "29888")
    assert u.context.legacy_code == "30106" and "Huyện Cao Lãnh" in problem(
        u, "context.commune_dissolved").message
    # A 2026 report cannot come from a unit dissolved in 2025: the phường, with a warning.
    rows[1] = ["KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2026"]
    u = understood(workbook({"BC": rows}))
    assert ctx_of(u) == ("An Bình", "phường", "Đồng Tháp", "29954")
    assert problem(u, "context.commune_kind_differs").severity == "warning"


def test_old_district_in_the_title_tells_namesakes_apart(workbook):
    """Two xã Triệu Thành before the reform (Triệu Sơn, Thanh Hóa; Triệu Phong, Quảng Trị):
    the report names the district it was sent to."""
    path = workbook({"BM": [
        ["Biểu mẫu 01"],
        ["Tên đơn vị báo cáo: UBND xã Triệu Thành", None, None,
         "Đơn vị nhận báo cáo: UBND huyện Triệu Sơn"],
        ["KẾT QUẢ TỰ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CẤP XÃ"], ["Kỳ báo cáo: Năm 2023"], [], *TABLE]})
    u = understood(path)
    assert ctx_of(u) == ("Triệu Thành", "xã", "Thanh Hóa", "15682")
    p = problem(u, "context.commune_dissolved")
    assert "Huyện Triệu Sơn" in p.message and (p.sheet, p.row, p.column) == ("BM", 2, "A")
    # Without the district line: both are listed, with the units they went into.
    path = workbook({"BM": [["Tên đơn vị báo cáo: UBND xã Triệu Thành"],
                            ["Kỳ báo cáo: Năm 2023"], [], *TABLE]})
    p = problem(understood(path), "context.commune_ambiguous")
    assert "Huyện Triệu Sơn, Thanh Hóa" in p.message and "Huyện Triệu Phong, Quảng Trị" in p.message


def test_township_that_continued_under_its_name(workbook):
    """Thị trấn Nông Cống (2022) continued as xã Nông Cống: attached, with a warning."""
    path = workbook({"BC": [["ỦY BAN NHÂN DÂN THỊ TRẤN NÔNG CỐNG"],
                            ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2022 - TỈNH THANH HÓA"], [],
                            *TABLE]})
    u = understood(path)
    assert ctx_of(u) == ("Nông Cống", "xã", "Thanh Hóa", "16279")
    assert "xã Nông Cống" in problem(u, "context.commune_kind_differs").message
