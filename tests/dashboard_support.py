"""Shared helpers for the dashboard tests: a seed database built through the real CLI, and a
synthetic copy grown to the number of communes in Viet Nam (3,321) for scale checks."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from etl.store import refresh_derived

ROOT = Path(__file__).resolve().parents[1]
SEED_FILES = sorted((ROOT / "data" / "seed").glob("*.xlsx"))
N_COMMUNES_VN = 3321

NAM_DAN = "Nam Đàn (Nghệ An)"
CAN_LOC = "Can Lộc (Hà Tĩnh)"
PHU_TRUNG = "Phú Trung (Đồng Nai)"
PHUNG_MINH = "Phùng Minh (Thanh Hóa)"
HOP_MINH = "Hợp Minh (Nghệ An)"


def build_seed_db(path: Path) -> Path:
    from etl.cli import main
    assert len(SEED_FILES) == 5, SEED_FILES
    assert main(["load", *map(str, SEED_FILES), "--db", str(path)]) == 0
    return path


def scale_up(src: Path, dst: Path, n_communes: int = N_COMMUNES_VN, seed: float = 0.07) -> Path:
    """Copy ``src`` and add synthetic communes (synthetic=TRUE) cloned from the seed ones,
    spread over 13 provinces, with results around the targets for ~70 % of percent targets
    and budget lines for two thirds of the communes."""
    shutil.copyfile(src, dst)
    con = duckdb.connect(str(dst))
    try:
        con.execute("SELECT setseed(?)", [seed])
        have = con.execute("SELECT count(DISTINCT commune) FROM targets").fetchone()[0]
        con.execute("""
          CREATE TEMP TABLE gen AS
          WITH prov AS (
              SELECT province, row_number() OVER (ORDER BY province) - 1 AS k
              FROM (SELECT DISTINCT province FROM imports)
              UNION ALL SELECT * FROM (VALUES ('Hà Nội', 4), ('Huế', 5), ('Lào Cai', 6),
                  ('Sơn La', 7), ('Gia Lai', 8), ('Đắk Lắk', 9), ('Cần Thơ', 10),
                  ('An Giang', 11), ('Quảng Ninh', 12)) v(province, k)),
          tmpl AS (SELECT commune AS tcommune, row_number() OVER (ORDER BY commune) - 1 AS t
                   FROM imports)
          SELECT i, 'Xã Mô phỏng ' || lpad(CAST(i AS VARCHAR), 4, '0') AS commune,
                 (SELECT province FROM prov WHERE k = i % 13) AS province,
                 (SELECT tcommune FROM tmpl WHERE t = i % 5) AS tcommune
          FROM range(1, ? + 1) r(i)""", [n_communes - have])

        def cols(table):
            return [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]

        def select(table, alias, overrides):
            return ", ".join(overrides.get(c, f"{alias}.{c}") for c in cols(table))

        geo = {"commune": "g.commune", "province": "g.province", "synthetic": "TRUE",
               "commune_code": "NULL", "legacy_commune_code": "NULL"}  # fictional: no code
        con.execute(f"INSERT INTO target_rows SELECT {select('target_rows', 't', geo)} "
                    "FROM target_rows t JOIN gen g ON g.tcommune = t.commune")
        actual = {"commune": "g.commune", "province": "g.province",
                  "period": "CAST(t.target_year - 1 AS VARCHAR)",
                  "period_year": "t.target_year - 1", "value": "t.v",
                  "value_text": "CAST(t.v AS VARCHAR) || '%'", "value_kind": "'percent'",
                  "op": "'='", "value_low": "t.v", "value_high": "t.v", "unit": "'%'",
                  "source_file": "'mo_phong.xlsx'", "source_sheet": "'Kết quả'",
                  "synthetic": "TRUE", "commune_code": "NULL", "legacy_commune_code": "NULL"}
        acols = cols("actual_rows")
        tcols = set(cols("target_rows"))
        asel = ", ".join(actual.get(c, f"t.{c}" if c in tcols else "NULL") for c in acols)
        con.execute(f"""
            INSERT INTO actual_rows SELECT {asel} FROM (
                SELECT t.*, g.commune AS gc,
                       round(least(100, greatest(0, coalesce(t.value_low, 80) - 25
                                                   + random() * 40))) AS v
                FROM target_rows t JOIN gen g ON g.tcommune = t.commune
                WHERE t.value_kind = 'percent' AND NOT t.synthetic AND random() < 0.7) t
            JOIN gen g ON g.commune = t.gc""")
        budget = {**geo, "amount_million_vnd": "round(b.amount_million_vnd * (0.5 + random()))"}
        con.execute(f"INSERT INTO budget_rows SELECT {select('budget_rows', 'b', budget)} "
                    "FROM budget_rows b CROSS JOIN gen g WHERE g.i % 3 <> 0 AND NOT b.synthetic")
        imp = {"import_id": "1000 + g.i", "file_name": "'mo_phong_' || g.i || '.xlsx'",
               "commune": "g.commune", "province": "g.province", "synthetic": "TRUE",
               "sha256": "'x'", "commune_code": "NULL", "legacy_commune_code": "NULL"}
        con.execute(f"INSERT INTO imports SELECT {select('imports', 'i', imp)} "
                    "FROM imports i JOIN gen g ON g.tcommune = i.commune")
        refresh_derived(con)  # what every write session of the loader ends with
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return dst


# --------------------------------------------------------------------------- a real server
CHROMIUM = "/usr/bin/chromium"


def run_app(at):
    """One AppTest run that must raise nothing."""
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    return at


def require_browser() -> None:
    """Skip without Debian's chromium and Playwright; in CI their absence is a failure."""
    import os

    import pytest
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing (install Debian's chromium)")
        pytest.skip(f"{CHROMIUM} is missing")
    pytest.importorskip("playwright.sync_api")


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_streamlit(db: Path, log_path: Path, env: dict | None = None,
                    script: Path | str = "streamlit_app.py", cwd: Path = ROOT):
    """The app on a free loopback port, serving ``db``: (process, log file, url) once it
    answers its health check; the test fails with the log's tail when it does not start.
    ``script``/``cwd``: another app (tests/test_streamlit_workaround.py)."""
    import os
    import subprocess
    import sys
    import time
    import urllib.request

    import pytest
    port = free_port()
    log = open(log_path, "w+")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script),
         "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=cwd, env={**os.environ, "DASHBOARD_DB": str(db), **(env or {})},
        stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                return proc, log, url
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            log.seek(0)
            proc.kill()
            pytest.fail("streamlit did not start:\n" + log.read()[-3000:])
        time.sleep(0.2)


def stop_streamlit(proc, log) -> None:
    import subprocess
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()
