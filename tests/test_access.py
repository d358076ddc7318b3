"""Access (issue 9): password lockout with a growing delay, sign-out, the authenticated
identity recorded as the uploader, OIDC roles from claims, trial mode bound to 127.0.0.1,
Streamlit's own table CSV export switched off."""
from __future__ import annotations

import shutil
import tomllib

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import auth
from tests.conftest import ROOT, make_workbook

PAGE = str(ROOT / "pages" / "upload.py")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Clock:
    def __init__(self):
        self.t = 1000.0

    def __call__(self):
        return self.t


def test_throttle_delay_grows_and_resets_on_success():
    clock = Clock()
    th = auth.Throttle(free=3, base=2, cap=60, clock=clock)
    keys = ["session:a", "client:1.2.3.4"]
    assert [th.failed(keys) for _ in range(7)] == [0, 0, 2, 4, 8, 16, 32]
    assert th.wait(keys) == 32
    assert th.wait(["client:1.2.3.4"]) == 32  # a new session from the same client waits too
    assert th.wait(["session:b"]) == 0  # another client and session does not
    clock.t += 32
    assert th.wait(keys) == 0
    assert th.failed(keys) == 60  # capped
    th.succeeded(keys)
    assert th.wait(keys) == 0 and th.failed(keys) == 0


@pytest.fixture
def page_env(tmp_path, seed_db, monkeypatch):
    db = tmp_path / "app.duckdb"
    shutil.copyfile(seed_db, db)
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.delenv("DASHBOARD_OPEN_UPLOADS", raising=False)
    monkeypatch.setenv("ANALYST_PASSWORD_HASH", auth.hash_password("đúng-rồi"))
    clock = Clock()
    monkeypatch.setattr(auth, "THROTTLE", auth.Throttle(free=3, base=60, cap=600, clock=clock))
    return clock


def _run(at):
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    return at


def _try(at, pw):
    at.text_input[0].set_value(pw)
    at.button[0].click()
    return _run(at)


def test_wrong_passwords_lock_out_even_the_right_one_then_sign_out(page_env):
    clock = page_env
    at = _run(AppTest.from_file(PAGE, default_timeout=60))
    for _ in range(3):
        _try(at, "sai")
    assert any("60 giây" in e.value for e in at.error)
    _try(at, "đúng-rồi")  # inside the wait: refused without checking
    assert len(at.file_uploader) == 0 and any("thử lại sau" in e.value for e in at.error)
    clock.t += 61  # once the wait is over the right password is accepted
    _try(at, "đúng-rồi")
    assert len(at.file_uploader) == 1
    assert any(auth.PASSWORD_IDENTITY in c.value.replace("\\", "") for c in at.caption)
    at.button(key="analyst_logout").click()
    _run(at)
    assert len(at.file_uploader) == 0 and len(at.text_input) == 1


def test_the_uploader_is_recorded_with_the_way_they_signed_in(page_env, tmp_path):
    db = tmp_path / "app.duckdb"
    path = make_workbook(tmp_path / "ds.xlsx", {"PL": [
        ["ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN - TỈNH THANH HÓA"],
        ["TT", "Chỉ tiêu", "ĐVT", "Mục tiêu 2026"], [1, "Tỷ lệ A riêng", "%", "90%"]]})
    at = _run(AppTest.from_file(PAGE, default_timeout=60))
    _try(at, "đúng-rồi")
    at.file_uploader[0].set_value((path.name, path.read_bytes(), XLSX))
    at.text_input(key="uploader_name").set_value("Nguyễn Văn A")
    _run(at)
    at.button(key="commit").click()
    _run(at)
    con = duckdb.connect(str(db), read_only=True)
    who = con.execute("SELECT loaded_by FROM imports WHERE file_name = 'ds.xlsx'").fetchall()
    con.close()
    assert who == [(f"Nguyễn Văn A ({auth.PASSWORD_IDENTITY})",)]


RULES = {"analyst_emails": ["a@xa.gov.vn"], "analyst_domains": ["sotttt.gov.vn"],
         "analyst_claim": "groups", "analyst_values": ["dtdashboard-analyst"]}


@pytest.mark.parametrize("claims,analyst", [
    ({"email": "A@xa.gov.vn", "email_verified": True}, True),
    ({"email": "b@sotttt.gov.vn"}, True),
    ({"email": "b@sotttt.gov.vn", "email_verified": False}, False),  # unverified address
    ({"email": "b@evil-sotttt.gov.vn"}, False),
    ({"email": "c@gmail.com", "groups": ["x", "dtdashboard-analyst"]}, True),
    ({"email": "c@gmail.com", "groups": "dtdashboard-analyst"}, True),
    ({"email": "c@gmail.com", "groups": ["dtdashboard-analyst-old"]}, False),
    ({}, False),
])
def test_oidc_roles_from_claims(claims, analyst):
    roles = auth.roles_from_claims(claims, RULES)
    assert "viewer" in roles and ("analyst" in roles) == analyst
    assert auth.roles_from_claims(claims, None) == {"viewer"}


def test_streamlit_knows_login():
    import streamlit as st
    assert callable(st.login) and callable(st.logout) and hasattr(st, "user")


def test_make_run_binds_loopback_and_says_so():
    text = (ROOT / "Makefile").read_text()
    run = text[text.index("\nrun:"):].split("\n\n")[0]
    assert "STREAMLIT_SERVER_ADDRESS:-127.0.0.1" in run and "--server.address" in run
    assert "echo" in run


def test_table_toolbar_csv_export_is_off():
    from streamlit import config
    conf = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert conf["client"]["disableDataExport"] is True
    assert "client.disableDataExport" in config._config_options  # the installed version has it
