"""One name per lead unit and funding source (etl/spellings.py): spellings of one office count
as one unit, an unknown spelling stays as written, the raw text stays beside the name."""
from __future__ import annotations

import duckdb
import pytest

from dashboard import queries as Q
from dashboard import tables
from dashboard.queries import Filters
from etl.cli import main
from etl.spellings import _abbreviations, build, load_names, unknown_spellings

ABBR = _abbreviations(None)  # data/catalog/abbreviations.csv
ROWS = [{"canonical": "Phòng Văn hóa – Xã hội", "alias": "Phòng Văn hóa – Xã hội"},
        {"canonical": "Văn phòng HĐND và UBND xã", "alias": "Văn phòng HĐND-UBND xã"},
        {"canonical": "Trung tâm Phục vụ hành chính công xã", "alias": "Trung tâm PVHCC"},
        {"canonical": "Trạm Y tế xã", "alias": ""}]


@pytest.fixture
def names():
    return build("lead_unit", ROWS, ABBR, "inline")


@pytest.mark.parametrize("spelling", [
    "Phòng Văn hóa – Xã hội", "Phòng Văn hóa - Xã hội", "Phòng Văn hóa Xã hội", "Phòng VHXH",
    "Phòng VH-XH", "PHÒNG VĂN HOÁ – XÃ HỘI", "Phòng Văn hoá  -  Xã hội", "phòng văn hóa và xã hội",
    "Phong Van hoa Xa hoi"])
def test_spellings_of_one_office_get_one_name(names, spelling):
    assert names.normalise(spelling) == ("Phòng Văn hóa – Xã hội", True)


def test_an_unknown_spelling_stays_as_written_and_is_never_guessed(names):
    # close to known names, but not in the tables: kept exactly (whitespace tidied)
    assert names.normalise("Phòng Văn hóa  Thông tin") == ("Phòng Văn hóa Thông tin", False)
    assert names.normalise("Các Trạm y tế xã") == ("Các Trạm y tế xã", False)
    assert names.normalise("Trung tâm Phục vụ HCC tỉnh") == ("Trung tâm Phục vụ HCC tỉnh", False)
    assert names.normalise("") == (None, False) and names.normalise(None) == (None, False)
    # a suggestion for the analyst is offered, but normalise did not use it
    assert names.suggest("Các Trạm y tế xã")[0] == "Trạm Y tế xã"
    assert names.suggest("Công an xã") is None


def test_several_units_in_one_cell_only_when_every_part_is_known(names):
    assert names.normalise("Văn phòng HĐND-UBND xã, Phòng VHXH") == (
        "Văn phòng HĐND và UBND xã, Phòng Văn hóa – Xã hội", True)
    assert names.normalise("Trung tâm PVHCC, Các phòng, ban, ngành.") == (
        "Trung tâm PVHCC, Các phòng, ban, ngành.", False)


def test_an_alias_of_two_names_is_refused():
    with pytest.raises(ValueError, match="Phòng VHXH.*Phòng Văn hóa – Xã hội.*Phòng Kinh tế"):
        build("lead_unit", [{"canonical": "Phòng Văn hóa – Xã hội", "alias": ""},
                            {"canonical": "Phòng Kinh tế", "alias": "Phòng VHXH"}], ABBR, "x.csv")


def test_the_catalogue_tables_load_and_know_the_seed_spellings():
    n = load_names()
    lead, fund = n["lead_unit"], n["funding_source"]
    assert {lead.lookup(s) for s in ("Phòng Văn hóa – Xã hội", "Phòng Văn hóa Xã hội",
                                     "Phòng VHXH")} == {"Phòng Văn hóa – Xã hội"}
    assert lead.lookup("Trung tâm Phục vụ HCC tỉnh") != lead.lookup("Trung tâm PVHCC")
    assert fund.lookup("Nguồn NS tỉnh bố trí trong dự toán chi năm 2026") == "Ngân sách tỉnh"
    assert fund.lookup("Nguồn xã hội hóa") == fund.lookup("Xã hội hóa") == "Xã hội hóa"


def _plan(workbook):
    return workbook({"Phụ lục": [
        ["UBND XÃ TÂN HÒA - TỈNH TÂY NINH"],
        ["CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026"],
        ["TT", "Nội dung chỉ tiêu", "Đơn vị tính", "Mục tiêu 2026", "Đơn vị chủ trì"],
        ["1", "Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang", "%", "85",
         "Phòng Văn hóa – Xã hội"],
        ["2", "Tỷ lệ người dân có tài khoản định danh điện tử", "%", "90", "Phòng VHXH"],
        ["3", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "80", "Phòng Văn hóa Xã hội"],
        ["4", "Tỷ lệ hồ sơ thủ tục hành chính được nộp và giải quyết trực tuyến", "%", "70",
         "Phòng Văn hóa Thông tin"],
    ]}, name="tan_hoa_2026.xlsx")


def _budget(workbook):
    return workbook({"KP": [
        ["UBND XÃ TÂN HÒA - TỈNH TÂY NINH"],
        ["KẾ HOẠCH KINH PHÍ CHUYỂN ĐỔI SỐ NĂM 2026"],
        ["STT", "Tên nhiệm vụ", "Kinh phí (triệu đồng)", "Nguồn kinh phí", "Đơn vị chủ trì"],
        [1, "Wifi công cộng tại nhà văn hóa", 120, "Xã hội hóa", "UBND xã"],
        [2, "Mua sắm máy tính một cửa", 80, "Nguồn xã hội hóa", "UBND"],
        [3, "Tập huấn kỹ năng số", 50, "Nguồn NS tỉnh", "Phòng VHXH"],
    ]}, name="tan_hoa_kinh_phi_2026.xlsx")


def test_loaded_rows_keep_the_raw_text_and_group_by_the_name(tmp_path, workbook):
    db = tmp_path / "s.duckdb"
    assert main(["load", str(_plan(workbook)), str(_budget(workbook)), "--db", str(db),
                 "--year", "2026"]) == 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        got = con.execute("SELECT lead_unit, lead_unit_norm FROM targets "
                          "ORDER BY source_row").fetchall()
        assert got == [("Phòng Văn hóa – Xã hội", "Phòng Văn hóa – Xã hội"),
                       ("Phòng VHXH", "Phòng Văn hóa – Xã hội"),
                       ("Phòng Văn hóa Xã hội", "Phòng Văn hóa – Xã hội"),
                       ("Phòng Văn hóa Thông tin", "Phòng Văn hóa Thông tin")]
        lead = Q.gaps_by_lead_unit(con, Filters())
        assert list(zip(lead["lead_unit"], lead["n"])) == [
            ("Phòng Văn hóa – Xã hội", 3), ("Phòng Văn hóa Thông tin", 1)]
        assert lead["lead_unit_spellings"].iat[0] == (
            "Phòng VHXH | Phòng Văn hóa Xã hội | Phòng Văn hóa – Xã hội")
        src = Q.budget_by_source(con, Filters())
        assert sorted(zip(src["source_name"], src["total"], src["n_lines"])) == [
            ("Ngân sách tỉnh", 50, 1), ("Xã hội hóa", 200, 2)]
        # the budget table shows the name and, beside it, the text as the file writes it
        lines = Q.budget_lines(con, Filters())
        shown = tables.budget(lines, "vi")
        assert shown["Nguồn vốn"].tolist() == ["Xã hội hóa", "Xã hội hóa", "Ngân sách tỉnh"]
        assert shown["Nguồn vốn (nguyên văn)"].tolist() == ["Xã hội hóa", "Nguồn xã hội hóa",
                                                            "Nguồn NS tỉnh"]
        assert shown["Đơn vị chủ trì"].tolist() == ["UBND xã", "UBND xã",
                                                    "Phòng Văn hóa – Xã hội"]
        assert shown["Đơn vị chủ trì (nguyên văn)"].tolist() == ["UBND xã", "UBND", "Phòng VHXH"]
        # the "why" panel names the unit and the file's spelling
        rows = Q.progress_rows(con, Filters(), limit=10)
        row = rows[rows["lead_unit"] == "Phòng VHXH"].iloc[0].to_dict()
        assert "Phòng Văn hóa – Xã hội (trong tệp viết: “Phòng VHXH”)" in tables.why(row, "vi")
        # the analyst's list: the unknown spelling, with no merge made
        unknown = unknown_spellings(con)
        assert [(u["kind"], u["spelling"], u["rows"]) for u in unknown] == [
            ("lead_unit", "Phòng Văn hóa Thông tin", 1)]
    finally:
        con.close()


def test_a_new_alias_applies_to_rows_already_loaded(tmp_path, workbook, monkeypatch):
    """The names are filled at every write session, so an alias added to the table renames
    the rows already loaded at the next load, upload or undo."""
    import shutil

    from etl import catalog
    from etl.spellings import load_names as cached
    db = tmp_path / "s.duckdb"
    plan = _plan(workbook)
    assert main(["load", str(plan), "--db", str(db), "--year", "2026"]) == 0
    cat = tmp_path / "catalog"
    shutil.copytree(catalog.CATALOG_DIR, cat)
    with open(cat / "lead_units.csv", "a", encoding="utf-8") as fh:
        fh.write("Phòng Văn hóa – Xã hội,Phòng Văn hóa Thông tin,test\n")
    monkeypatch.setattr(catalog, "CATALOG_DIR", cat)
    cached.cache_clear()
    try:
        from etl.store import write_session
        with write_session(db) as con:  # any write session (load, upload, undo) refreshes
            con.execute("SELECT 1")
        with duckdb.connect(str(db), read_only=True) as con:
            got = con.execute("SELECT DISTINCT lead_unit_norm FROM targets").fetchall()
        assert got == [("Phòng Văn hóa – Xã hội",)]
    finally:
        cached.cache_clear()


def test_a_database_of_the_first_release_gets_the_names(tmp_path, seed_files):
    from tests.test_migrations import _release1_db
    db = _release1_db(tmp_path / "old.duckdb")
    phu_trung = next(p for p in seed_files if "phu_trung" in p.name)
    assert main(["load", str(phu_trung), "--db", str(db)]) == 0
    with duckdb.connect(str(db), read_only=True) as con:
        got = dict(con.execute("SELECT lead_unit, any_value(lead_unit_norm) FROM targets "
                               "WHERE lead_unit IN ('Phòng VHXH', 'Phòng Văn hóa Xã hội', "
                               "'Phòng Văn hóa – Xã hội') GROUP BY 1").fetchall())
        communes = dict(con.execute(
            "SELECT lead_unit, string_agg(DISTINCT commune, ', ' ORDER BY commune) FROM targets "
            "WHERE lead_unit_norm = 'Phòng Văn hóa – Xã hội' GROUP BY 1").fetchall())
    assert set(got.values()) == {"Phòng Văn hóa – Xã hội"} and len(got) == 3
    # rows loaded by the old release (Nam Đàn, Can Lộc) got the name too, not only new ones
    assert communes["Phòng VHXH"] == "Nam Đàn"  # loaded by the old release
