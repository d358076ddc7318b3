"""The upload page, driven like an analyst would: review -> fix -> commit -> undo."""
from __future__ import annotations

import hashlib

import duckdb
from streamlit.testing.v1 import AppTest

from dashboard.auth import hash_password, verify_password
from tests.conftest import ROOT, make_workbook
from tests.dashboard_support import run_app as run

PAGE = str(ROOT / "pages" / "upload.py")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def new_commune_workbook(path):
    """A commune the ETL has never seen, in a layout the seeds do not use, with two labels
    the catalogue cannot place with certainty."""
    return make_workbook(path, {"BC": [
        ["ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN"],
        ["KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Đánh giá"],
        ["I", "Chính quyền số"],
        [1, "Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ "
            "điều kiện", "%", 80, "75,5", "Không đạt"],
        [2, "Tỷ lệ hồ sơ được số hóa tại bộ phận một cửa của xã", "%", 90, 92, "Đạt"],
        [3, "Số buổi phát thanh về chuyển đổi số", "buổi", 24, 30, "Đạt"],
    ]})


def counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT (SELECT count(*) FROM targets WHERE commune='Đông Sơn'), "
                           "(SELECT count(*) FROM actuals WHERE commune='Đông Sơn'), "
                           "(SELECT count(*) FROM user_aliases)").fetchone()
    finally:
        con.close()


def test_review_fix_commit_undo(tmp_path, app_env):
    db = app_env
    path = new_commune_workbook(tmp_path / "dong_son.xlsx")
    at = run(AppTest.from_file(PAGE, default_timeout=60))
    at.file_uploader[0].set_value((path.name, path.read_bytes(), XLSX))
    run(at)
    # Province is not in the file: an error blocks the commit until the analyst sets it.
    assert any("context.no_province" in str(df.value.to_dict()) for df in at.dataframe)
    assert at.button(key="commit").disabled
    assert counts(db)[:2] == (0, 0)
    at.selectbox(key=next(s.key for s in at.selectbox if s.key.startswith("p-"))).set_value(
        "Thanh Hóa")
    at.text_input(key="uploader_name").set_value("Chuyên viên A")
    run(at)
    # Labels the ETL was unsure about are listed for a decision; the analyst picks the
    # canonical indicator for one (what the editable table writes into the session).
    key = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    editor = [df for df in at.dataframe if "label" in df.value.columns and
              "Tỷ lệ hồ sơ được số hóa tại bộ phận một cửa của xã" in set(df.value["label"])]
    assert editor, "the unsure label is offered for review"
    at.session_state[f"choices-{key}"] = {
        "Tỷ lệ hồ sơ được số hóa tại bộ phận một cửa của xã": "CQ.SO_HOA_HO_SO",
        "Số buổi phát thanh về chuyển đổi số": ""}
    run(at)
    assert not at.button(key="commit").disabled
    assert counts(db)[:2] == (0, 0)  # still nothing saved while reviewing
    at.button(key="commit").click()
    run(at)
    t, a, aliases = counts(db)
    assert (t, a, aliases) == (3, 3, 2)
    con = duckdb.connect(str(db), read_only=True)
    codes = dict(con.execute("SELECT label, indicator_code FROM targets WHERE commune='Đông Sơn'"
                             ).fetchall())
    con.close()
    assert codes["Tỷ lệ hồ sơ được số hóa tại bộ phận một cửa của xã"] == "CQ.SO_HOA_HO_SO"
    assert codes["Số buổi phát thanh về chuyển đổi số"].startswith("LOCAL.")
    summary = next(df.value for df in at.dataframe
                   if {"added", "replaced", "unchanged", "rejected"} <= set(df.value.columns))
    assert set(summary["table"]) == {"chỉ tiêu", "kết quả"}  # table names in the UI language
    assert summary["added"].sum() == 6
    assert set(summary["status"]) == {"đã nạp"}  # the import's status in words
    # Undo from the history tab restores the state before the import.
    con = duckdb.connect(str(db), read_only=True)
    last = con.execute("SELECT max(import_id) FROM imports").fetchone()[0]
    con.close()
    at.selectbox(key="open_import").set_value(last)
    run(at)
    at.button(key="undo").click()
    run(at)
    assert counts(db)[:2] == (0, 0)
    history = next(df.value for df in at.dataframe if "loaded_by" in df.value.columns)
    assert history.loc[history["import_id"] == last, "status"].tolist() == ["đã hoàn tác"]


def test_broken_file_gets_an_actionable_message(tmp_path, app_env):
    from tests import hostile
    bad = hostile.html_renamed(tmp_path / "bao_cao.xlsx")
    at = run(AppTest.from_file(PAGE, default_timeout=60))
    at.file_uploader[0].set_value((bad.name, bad.read_bytes(), XLSX))
    run(at)
    text = " ".join(str(df.value.to_dict()) for df in at.dataframe)
    assert "file.not_xlsx" in text and "HTML" in text
    assert at.button(key="commit").disabled


def test_password_is_required_when_configured(app_env, monkeypatch):
    stored = hash_password("đúng-rồi")
    assert stored.startswith("pbkdf2_sha256$") and "đúng-rồi" not in stored
    assert verify_password("đúng-rồi", stored) and not verify_password("sai", stored)
    monkeypatch.setenv("ANALYST_PASSWORD_HASH", stored)
    at = run(AppTest.from_file(PAGE, default_timeout=60))
    assert len(at.file_uploader) == 0
    at.text_input[0].set_value("sai")
    at.button[0].click()
    run(at)
    assert len(at.file_uploader) == 0 and at.error
    at.text_input[0].set_value("đúng-rồi")
    at.button[0].click()
    run(at)
    assert len(at.file_uploader) == 1


def test_uploads_off_without_password_or_trial_mode(app_env, monkeypatch):
    monkeypatch.delenv("DASHBOARD_OPEN_UPLOADS")
    at = run(AppTest.from_file(PAGE, default_timeout=60))
    assert len(at.file_uploader) == 0
    assert any("ANALYST_PASSWORD_HASH" in w.value for w in at.warning)


def sentences_workbook(path, commune="PHƯỜNG AN BÌNH"):
    """A plan whose 'Mục tiêu 2026' column holds sentences and whose targets are in
    'Kế hoạch 2026': two columns claim the 2026 target, so the review asks."""
    return make_workbook(path, {"PL": [
        [f"ỦY BAN NHÂN DÂN {commune}"], ["Tỉnh Đồng Tháp"],
        ["TT", "Chỉ tiêu", "Mục tiêu 2026", "Kế hoạch 2026"],
        [1, "Tỷ lệ hồ sơ trực tuyến toàn trình",
         "Nâng cao chất lượng giải quyết thủ tục hành chính trên môi trường điện tử", "80%"],
        [2, "Tỷ lệ thanh toán trực tuyến",
         "Đẩy mạnh thanh toán không dùng tiền mặt trong giải quyết thủ tục hành chính", "90%"],
    ]})


def table_text(at):
    return " ".join(str(df.value.to_dict()) for df in at.dataframe)


def test_analyst_changes_a_column_role_and_it_is_remembered(tmp_path, app_env):
    db = app_env
    path = sentences_workbook(tmp_path / "an_binh.xlsx")
    key = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    at = run(AppTest.from_file(PAGE, default_timeout=60))
    at.text_input(key="uploader_name").set_value("Chuyên viên A")
    at.file_uploader[0].set_value((path.name, path.read_bytes(), XLSX))
    run(at)
    # Each column shows its role and why; the doubtful ones are asked, not loaded.
    text = table_text(at)
    assert "column.role_doubt" in text and "câu dài" in text
    assert at.selectbox(key=f"role-{key}-0-C").value == "target"
    assert at.button(key="commit").disabled
    at.selectbox(key=f"role-{key}-0-C").set_value("extra")
    run(at)
    assert "column.role_doubt" not in table_text(at)
    assert not at.button(key="commit").disabled
    at.button(key="commit").click()
    run(at)
    con = duckdb.connect(str(db), read_only=True)
    got = con.execute("SELECT label, target_text, source_col FROM targets "
                      "WHERE commune = 'An Bình' ORDER BY source_row").fetchall()
    roles = con.execute("SELECT column_letter, role, header FROM user_column_roles").fetchall()
    con.close()
    assert got == [("Tỷ lệ hồ sơ trực tuyến toàn trình", "80%", "D"),
                   ("Tỷ lệ thanh toán trực tuyến", "90%", "D")]
    assert roles == [("C", "extra", "Mục tiêu 2026")]
    # The next file with the same header is read with the remembered choice.
    path2 = sentences_workbook(tmp_path / "tan_hoa.xlsx", commune="XÃ TÂN HÒA")
    at.file_uploader[0].set_value((path2.name, path2.read_bytes(), XLSX))
    run(at)
    key2 = hashlib.sha256(path2.read_bytes()).hexdigest()[:12]
    assert at.selectbox(key=f"role-{key2}-0-C").value == "extra"
    assert "column.role_doubt" not in table_text(at)
    assert not at.button(key="commit").disabled
    # ... and so is the command line.
    from etl.cli import main
    assert main(["validate", str(path2), "--db", str(db)]) == 0
    assert main(["validate", str(path2), "--db", str(tmp_path / "none.duckdb")]) == 1


def test_points_that_need_confirmation_block_until_confirmed(tmp_path, app_env):
    path = make_workbook(tmp_path / "dem.xlsx", {"PL": [
        ["ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH"], ["Tỉnh Đồng Tháp"],
        ["TT", "Chỉ tiêu", "Mục tiêu 2026"],
        ["I", "Hạ tầng số (03 chỉ tiêu)"],
        [1, "Tỷ lệ hộ gia đình có cáp quang", "95%"],
        [2, "Tỷ lệ thôn có sóng 4G", "100%"],
    ]})
    key = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    at = run(AppTest.from_file(PAGE, default_timeout=60))
    at.text_input(key="uploader_name").set_value("Chuyên viên A")
    at.file_uploader[0].set_value((path.name, path.read_bytes(), XLSX))
    run(at)
    probs = next(df.value for df in at.dataframe if "severity" in df.value.columns)
    first = probs.iloc[0]
    assert (first["severity"], first["code"], first["row"], first["column"]) == (
        "cần xác nhận", "section.count_mismatch", 4, "B")  # the severity in the UI language
    assert at.button(key="commit").disabled
    at.checkbox(key=f"confirm-{key}").check()
    run(at)
    assert not at.button(key="commit").disabled


def test_analyst_sets_a_column_year(tmp_path, app_env):
    db = app_env
    path = make_workbook(tmp_path / "nam.xlsx", {"PL": [
        ["ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH"], ["Tỉnh Đồng Tháp"],
        ["CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2025"],
        ["TT", "Chỉ tiêu", "Mục tiêu 2026"],
        [1, "Tỷ lệ hồ sơ trực tuyến toàn trình", "80%"],
    ]})
    key = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    at = run(AppTest.from_file(PAGE, default_timeout=60))
    at.text_input(key="uploader_name").set_value("Chuyên viên A")
    at.file_uploader[0].set_value((path.name, path.read_bytes(), XLSX))
    run(at)
    assert "table.title_year_mismatch" in table_text(at)
    assert at.number_input(key=f"ryear-{key}-0-C").value == 2026
    assert at.button(key="commit").disabled
    at.number_input(key=f"ryear-{key}-0-C").set_value(2025)
    run(at)
    assert "table.title_year_mismatch" not in table_text(at)
    at.button(key="commit").click()
    run(at)
    con = duckdb.connect(str(db), read_only=True)
    got = con.execute("SELECT target_year, target_text FROM targets WHERE commune = 'An Bình'"
                      ).fetchall()
    remembered = con.execute("SELECT column_letter, role, year FROM user_column_roles").fetchall()
    con.close()
    assert got == [(2025, "80%")] and remembered == [("C", "target", 2025)]


def test_an_unrecognised_column_made_a_target_lists_its_labels(tmp_path, app_env):
    path = make_workbook(tmp_path / "so_lieu.xlsx", {"PL": [
        ["ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH"], ["Tỉnh Đồng Tháp"],
        ["TT", "Chỉ tiêu", "Đơn vị chủ trì", "Con số phấn đấu"],
        [1, "Số buổi phát thanh về chuyển đổi số", "Văn hóa", "24 buổi"],
    ]})
    key = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    at = run(AppTest.from_file(PAGE, default_timeout=60))
    at.text_input(key="uploader_name").set_value("Chuyên viên A")
    at.file_uploader[0].set_value((path.name, path.read_bytes(), XLSX))
    run(at)
    assert at.selectbox(key=f"role-{key}-0-D").value == "ignored"
    assert "file.no_table" in table_text(at) and at.button(key="commit").disabled
    at.selectbox(key=f"role-{key}-0-D").set_value("target")
    run(at)
    at.number_input(key=f"ryear-{key}-0-D").set_value(2026)
    run(at)
    assert not at.button(key="commit").disabled, table_text(at)[:2000]
    targets = next(df.value for df in at.dataframe if "raw" in df.value.columns)
    assert list(zip(targets["year"], targets["raw"], targets["unit"])) == [(2026, "24 buổi",
                                                                             "buổi")]
    editor = [df for df in at.dataframe if "label" in df.value.columns and
              "Số buổi phát thanh về chuyển đổi số" in set(df.value["label"])]
    assert editor, "the new target's label is offered for mapping"
