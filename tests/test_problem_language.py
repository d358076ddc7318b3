"""A problem is stored with its code and params and shown in the reader's language: the upload
review and the import history in English say it in English, with the same Excel coordinates;
in Vietnamese as it was made; a problem stored by an earlier release (no params) still shows."""
from __future__ import annotations

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from etl import problems as P
from etl import service
from etl.catalog import load_catalog
from etl.cli import main, understand_file
from tests.conftest import ROOT, make_workbook
from tests.test_migrations import _release1_db
from tests.dashboard_support import run_app as run

PAGE = str(ROOT / "pages" / "upload.py")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EN_120 = "Percentage 120% is over 100%."
VI_120 = "Tỷ lệ 120% lớn hơn 100%."


def over_100_workbook(path):
    """One result of 120 %: a warning at sheet BC, row 7, column E (loaded, and kept)."""
    return make_workbook(path, {"BC": [
        ["ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN"],
        ["Tỉnh: Thanh Hóa"],
        ["KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Đánh giá"],
        ["I", "Chính quyền số"],
        [1, "Tỷ lệ hồ sơ được số hóa tại bộ phận một cửa của xã", "%", 90, "120%", "Đạt"],
    ]})


def problem_rows(at, code):
    """The rows of the review's problem tables with this code (severity as shown, sheet, row,
    column, message)."""
    out = []
    for df in at.dataframe:
        frame = df.value
        if {"severity", "code", "message", "sheet", "row", "column"} <= set(frame.columns):
            hit = frame[frame["code"] == code]
            out += [(r.severity, r.sheet, int(r.row), r.column, r.message)
                    for r in hit.itertuples()]
    return out


@pytest.mark.parametrize("lang, severity, message", [("en", "warning", EN_120),
                                                     ("vi", "cảnh báo", VI_120)])
def test_the_upload_review_shows_a_problem_in_the_page_language(tmp_path, app_env, lang,
                                                                 severity, message):
    path = over_100_workbook(tmp_path / "dong_son.xlsx")
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.session_state["lang"] = lang  # what the entry script's frame sets from ?lang= / sidebar
    run(at)
    at.file_uploader[0].set_value((path.name, path.read_bytes(), XLSX))
    run(at)
    assert problem_rows(at, "value.percent_over_100") == [(severity, "BC", 7, "E", message)]
    heading = {"en": "Problems (0/0/", "vi": "Vấn đề (0/0/"}[lang]
    assert any(tab.label.startswith(heading) for tab in at.tabs)


def test_the_history_shows_a_stored_problem_in_either_language(tmp_path):
    db = tmp_path / "h.duckdb"
    path = over_100_workbook(tmp_path / "dong_son.xlsx")
    assert main(["load", str(path), "--db", str(db)]) == 0
    with duckdb.connect(str(db), read_only=True) as con:
        import_id = con.execute("SELECT max(import_id) FROM imports").fetchone()[0]
        stored = con.execute("SELECT message, params FROM import_problems WHERE code = "
                             "'value.percent_over_100'").fetchall()
        en = service.import_rows(con, import_id, "en")["problems"]
        vi = service.stored_problems(con, import_id, "vi")
    assert stored == [(VI_120, '{"value": "120"}')]  # made in Vietnamese, params kept
    for frame, message in ((en, EN_120), (vi, VI_120)):
        row = frame[frame["code"] == "value.percent_over_100"]
        assert row[["source_sheet", "source_row", "source_col", "message"]].values.tolist() == [
            ["BC", 7, "E", message]]


def test_a_problem_stored_by_an_earlier_release_shows_its_stored_text(tmp_path):
    db = _release1_db(tmp_path / "old.duckdb")
    expected = ["Kết quả 2025", 28, "E", "Hai giá trị khác nhau cho cùng chỉ tiêu và kỳ: "
                                         "'6129/6190' (dòng 27) và '99,82%' (dòng 28)."]
    cols = ["source_sheet", "source_row", "source_col", "message"]
    with duckdb.connect(str(db), read_only=True) as con:  # the app reading it before any write
        before = service.stored_problems(con, 2, "en")
    assert before[before["code"] == "value.conflict"][cols].values.tolist()[0] == expected
    phu_trung = next((ROOT / "data" / "seed").glob("*phu_trung*.xlsx"))
    assert main(["load", str(phu_trung), "--db", str(db)]) == 0  # migrates (params column)
    with duckdb.connect(str(db), read_only=True) as con:
        old = service.stored_problems(con, 2, "en")
        nulls = con.execute("SELECT count(*) FROM import_problems WHERE import_id = 2 "
                            "AND params IS NULL").fetchone()[0]
        new_id = con.execute("SELECT max(import_id) FROM imports").fetchone()[0]
        new = service.stored_problems(con, new_id, "en")
    assert nulls == len(old) == len(before) > 0
    assert old[old["code"] == "value.conflict"][cols].values.tolist()[0] == expected
    assert not new.empty and not new["message"].str.contains("Đơn vị|chỉ tiêu chuẩn").any()


def test_stored_params_render_every_problem_as_it_was_made(seed_files):
    """Over the seeds and the corpus of real layouts: through JSON and back, the Vietnamese
    template gives the message made at read time, and the English one fills every param."""
    catalog = load_catalog()
    seen = set()
    for f in [*seed_files, *sorted((ROOT / "tests" / "fixtures" / "layouts").glob("*.xlsx"))]:
        for p in understand_file(f, catalog).problems:
            params = P.params_from_json(P.params_json(p.params))
            assert P.render(p.code, params, "vi", "") == p.message, p
            en = P.render(p.code, params, "en", "")
            assert en and en != p.message, p
            seen.add(p.code)
    assert len(seen) >= 15, seen  # many kinds of problem, file-level to cell-level


def test_the_cli_prints_problems_in_english_on_request(tmp_path, capsys):
    path = over_100_workbook(tmp_path / "dong_son.xlsx")
    assert main(["validate", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert f"[warning] value.percent_over_100: dong_son.xlsx, sheet 'BC', row 7, column E: " \
           f"{EN_120}" in out
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"dong_son.xlsx, sheet 'BC', dòng 7, cột E: {VI_120}" in out


def test_words_the_code_chose_are_english_too_text_from_the_file_is_not(tmp_path):
    from tests.hostile import docx_renamed
    catalog = load_catalog()
    p = understand_file(docx_renamed(tmp_path / "ke_hoach.xlsx"), catalog).problems[0]
    assert (p.code, p.text("vi"), p.text("en")) == (
        "file.not_xlsx", "Không phải tệp Excel .xlsx: đây là tệp Word (.docx)",
        "Not an Excel .xlsx file: this is a Word document (.docx)")
    p = P.make("context.override", file="x.xlsx", field="Tỉnh", found="Tỉnh", given="Nghệ An")
    assert p.text("en") == "Province: the file says 'Tỉnh', using 'Nghệ An' as chosen."


def test_an_undo_the_page_refuses_is_explained_in_english(tmp_path, monkeypatch, seed_files):
    from tests.test_load import corrected_copy
    db = tmp_path / "u.duckdb"
    nam_dan = next(f for f in seed_files if "nam_dan" in f.name)
    assert main(["load", str(nam_dan), "--db", str(db)]) == 0
    assert main(["load", str(corrected_copy(nam_dan, tmp_path / "sua.xlsx")), "--db",
                 str(db)]) == 0
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_OPEN_UPLOADS", "1")
    monkeypatch.delenv("ANALYST_PASSWORD_HASH", raising=False)
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.session_state["lang"] = "en"
    run(at)
    at.selectbox(key="open_import").set_value(1)
    run(at)
    at.button(key="undo").click()
    run(at)
    assert [e.value for e in at.error] == [
        "The data of import 1 was replaced by import 2: undo import 2 first."]


def test_every_column_role_has_an_english_name():
    """The upload review's role picker shows each role in the page's language."""
    from dashboard.upload_view import role_name
    from etl.detect import ROLE_NAMES, ROLES
    for role in ROLES:
        vi, en = role_name(role, "vi"), role_name(role, "en")
        assert vi == ROLE_NAMES.get(role, role)
        assert en != vi or vi.isascii(), (role, vi)  # an English name, not the Vietnamese
