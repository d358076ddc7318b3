"""Browser check of the coverage page (Xã đã báo cáo) at province and national scope on a
synthetic database of a few hundred communes (the register is the generator's units): the
headline and the list heading equal direct counts, the second click gives the communes
without results, briefing mode fits 1920x1080. Screenshots in test-artifacts/screenshots/."""
from __future__ import annotations

import time
import urllib.parse
import urllib.request
from datetime import date

import duckdb
import pytest

from tests.dashboard_support import CHROMIUM, require_browser, start_streamlit, stop_streamlit
from tests.test_dashboard_browser import ARGS, SHOTS

YEAR = date.today().year
PROVINCE = "Nghệ An"

# What was seen in these screenshots and changed after looking (written next to them).
REVIEW = """\
# Coverage page (Xã đã báo cáo): screenshots checked by eye

National synthetic data (3,321 communes), `?tinh=Nghệ An` at 1400 px and `&briefing=1` at
1920x1080, and the whole country:
- The list first opened on "no plan", which is empty on synthetic data (every generated commune
  has a plan): it now opens on the first list that names someone (no plan, else no results).
- Share bars: counts written inside thin bars were hidden or rotated ("7" vertical in the grey
  part). Now a light 100 % track, the share over it, "95/102 (93,1%) · 7 chưa có" to the right.
- One province gave a chart with a single bar: dropped (its table row says the same).
- Briefing, whole country: 34 rows ran below 1080 px; now two halves side by side (17 each),
  Vietnamese order kept (Đà Nẵng, Đắk Lắk, Điện Biên after Cần Thơ; Hà Nội before Huế); the
  right margin was widened after the "n/N" labels were cut off.
- Briefing, one province: the communes without results as four columns of names at 1.35 rem.
- 130 rows (Tất cả các xã): one scrollable, searchable table of 560 px with province, commune,
  type, code, plan (✓ n chỉ tiêu / ✗ chưa có), latest result period, budget lines, last import.
"""


@pytest.fixture(scope="module")
def synth_server(tmp_path_factory):
    require_browser()
    from etl.cli import main
    db = tmp_path_factory.mktemp("cov_browser") / "s.duckdb"
    assert main(["synth", "--communes", "400", "--db", str(db), "--seed", "11"]) == 0
    proc, log, url = start_streamlit(db, tmp_path_factory.mktemp("cov_browser_log")
                                     / "streamlit.log")
    try:
        yield url, db
    finally:
        stop_streamlit(proc, log)


def direct(db, sql, params=()):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchone()
    finally:
        con.close()


def counts(db, province=None):
    """Units, with a plan, with results for YEAR: straight from the base tables."""
    where, params = ("WHERE u.province = ?", [province]) if province else ("", [])
    return direct(db, f"""
        SELECT count(*),
          count(*) FILTER (WHERE u.code IN (SELECT t.commune_code FROM target_rows t JOIN
              datasets d USING (dataset_id) WHERE d.active AND t.target_year = ?)),
          count(*) FILTER (WHERE u.code IN (SELECT a.commune_code FROM actual_rows a JOIN
              datasets d USING (dataset_id) WHERE d.active AND a.period_year = ?))
        FROM admin_units u {where}""", [YEAR, YEAR, *params])


def settle(pg, text: str, timeout_s: float = 60) -> None:
    pg.get_by_text(text).first.wait_for(timeout=timeout_s * 1000)
    deadline = time.monotonic() + timeout_s
    quiet = None
    while time.monotonic() < deadline:
        if pg.locator('[data-testid="stStatusWidget"]').count():
            quiet = None
        elif quiet is None:
            quiet = time.monotonic()
        elif time.monotonic() - quiet > 1.0:
            break
        time.sleep(0.2)
    errors = pg.locator('[data-testid="stException"]')
    assert errors.count() == 0, errors.first.inner_text()[:2000]


def test_province_two_clicks_and_briefing(synth_server):
    from playwright.sync_api import sync_playwright
    url, db = synth_server
    n, plan, res = counts(db, PROVINCE)
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        pg = browser.new_page(viewport={"width": 1400, "height": 900}, locale="vi-VN")
        pg.goto(f"{url}/?tinh={urllib.parse.quote(PROVINCE)}")
        pg.get_by_text("Xã đã báo cáo").first.wait_for(timeout=60000)
        pg.get_by_role("link", name="Xã đã báo cáo").first.click()  # click 1: the page
        head = f"{PROVINCE}, năm {YEAR}: {plan}/{n} xã đã có kế hoạch, {res}/{n} xã đã có kết quả"
        settle(pg, head)
        pg.get_by_role("radio", name="Tất cả các xã").click()  # the full list, one click
        settle(pg, f"Tất cả các xã: {n} xã")
        pg.get_by_role("radio", name=f"Chưa có kết quả {YEAR}").click()  # click 2: the list
        settle(pg, f"Chưa có kết quả {YEAR}: {n - res} xã")
        assert pg.get_by_text("Dữ liệu mô phỏng").count() >= 1
        assert "danh_sach=no_results" in pg.url
        pg.screenshot(path=str(SHOTS / "xa-da-bao-cao-nghe-an.png"), full_page=True)
        pg.close()
        pg = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="vi-VN")
        pg.goto(f"{url}/coverage?tinh={urllib.parse.quote(PROVINCE)}&briefing=1")
        settle(pg, head)
        assert not pg.locator('[data-testid="stSidebar"]').is_visible()
        pg.get_by_text(f"Chưa có kết quả {YEAR}: {n - res} xã").first.wait_for(timeout=10000)
        pg.screenshot(path=str(SHOTS / "xa-da-bao-cao-nghe-an-trinh-chieu.png"))
        browser.close()


def test_national_scope_counts_and_briefing(synth_server):
    from playwright.sync_api import sync_playwright
    url, db = synth_server
    n, plan, res = counts(db)
    assert direct(db, "SELECT count(DISTINCT province) FROM admin_units") == (34,)
    fmt = lambda v: f"{v:,}".replace(",", ".")  # noqa: E731 - Vietnamese thousands
    head = f"Cả nước, năm {YEAR}: {fmt(plan)}/{fmt(n)} xã đã có kế hoạch, {fmt(res)}/{fmt(n)} xã"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        pg = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="vi-VN")
        pg.goto(f"{url}/coverage?briefing=1")
        settle(pg, head)
        # 34 provinces in two halves (charts draw after the script finishes: wait for them)
        pg.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .ytick text')"
                             ".length >= 34", timeout=60000)
        assert pg.locator(".js-plotly-plot").count() == 2
        ticks = pg.locator(".js-plotly-plot .ytick text").all_text_contents()
        assert len(ticks) == 34 and ticks.index("Hà Nội") < ticks.index("Huế")
        pg.screenshot(path=str(SHOTS / "xa-da-bao-cao-ca-nuoc-trinh-chieu.png"))
        browser.close()
    (SHOTS / "NOTES-coverage.md").write_text(REVIEW, encoding="utf-8")
