"""The upload page, driven like an analyst would: review -> fix -> commit -> undo."""
from __future__ import annotations

import hashlib

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.auth import hash_password, verify_password
from tests.conftest import ROOT, make_workbook

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


@pytest.fixture
def app_env(tmp_path, seed_db, monkeypatch):
    import shutil
    db = tmp_path / "app.duckdb"
    shutil.copyfile(seed_db, db)
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_OPEN_UPLOADS", "1")
    monkeypatch.delenv("ANALYST_PASSWORD_HASH", raising=False)
    return db


def run(at):
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    return at


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
    assert set(summary["table"]) == {"targets", "actuals"}
    assert summary["added"].sum() == 6
    # Undo from the history tab restores the state before the import.
    con = duckdb.connect(str(db), read_only=True)
    last = con.execute("SELECT max(import_id) FROM imports").fetchone()[0]
    con.close()
    at.selectbox(key="open_import").set_value(last)
    run(at)
    at.button(key="undo").click()
    run(at)
    assert counts(db)[:2] == (0, 0)


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
