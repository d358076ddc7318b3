"""The real server in headless Chromium: every page and briefing mode render without an
exception, with their charts, and a screenshot of each is kept in test-artifacts/screenshots/.

Chromium is Debian's (/usr/bin/chromium; `make test` installs it when missing): Playwright
cannot download its own browser here. Without it the test is skipped, unless CI is set.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.dashboard_support import (CHROMIUM, build_seed_db, require_browser,
                                     start_streamlit, stop_streamlit)

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "test-artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGES = {"tong-quan": "", "so-sanh-xa": "compare", "khoang-cach": "gaps",
         "kinh-phi": "budget", "ho-so-xa": "commune"}
VIEWPORT = {"width": 1600, "height": 900}  # 16:9

# What a person saw when looking at these screenshots (kept next to them as NOTES.md).
REVIEW = """\
Checked by eye (seed data: 5 communes; and `python -m etl synth` data: 3,321 communes):
- Vietnamese labels never overlap: long indicator names wrap with <br> (max 3 lines) and row
  height follows the number of lines; heatmap column headers wrap at 11 characters.
- Target, result and gap are written out in fixed-width columns in the right margin, so they
  never collide whatever the window width. Plotly's legend (which wrapped at the plot width,
  three lines deep) is replaced by a one-line key under the subtitle.
- A two-line chart title was pushed above the top edge by plotly: now offset.
- Done/not-done targets (e.g. "Hoàn thành") are a checklist with ✓ ✗ ○ symbols, not an
  empty number line.
- 3,321 communes: the heatmap rolls up by province and writes the share achieved (counts did
  not fit a cell); "compare" shows the 15 furthest behind and 15 best plus a province roll-up;
  source captions say "N tệp đã nạp, ví dụ …" instead of running off the chart.
- Budget tile shows the number in billions with the unit in its label (3,15 / tỷ đồng) so it is
  not cut off; "3.150 triệu đồng" is underneath.
- Briefing mode: sidebar and Streamlit chrome hidden, one chart plus its headline fits the
  1600x900 (16:9) screenshot; rows are capped so nothing spills below the fold.
- Empty DTI groups say "không có chỉ tiêu" / "chưa có dòng kinh phí" instead of a blank row.
- Frame inside every figure (so the camera PNG keeps it): subtitle = scope ("toàn quốc, 3.321
  xã", "Nghệ An, 64 xã", a commune) · period ("kế hoạch năm 2026 · kết quả đến quý III/2026",
  "dự toán năm 2026") · unit; footer = "Hiển thị 6 / 18 dòng" when capped, sources, load date.
  Synthetic data: a DỮ LIỆU MÔ PHỎNG badge (long titles wrap short of it) and a watermark.
- Heatmap at 1400 px: headers collided ("Cybersecuritygovernment"), the subtitle and the 5th
  source file ran off the figure, the colour-bar title sat on "100%": headers are now angled
  (horizontal, up to 4 lines, in briefing), lines wrap for a 1,000 px figure, the colour-bar
  title is beside the bar.
- Kinh phí national: axis in triệu, labels in tỷ with 1–2 varying decimals, "15.370,09 tỷ
  đồng (15.370,09 tỷ đồng)": now one unit per chart (tỷ đồng, no decimals at that size), the
  headline "15.370 tỷ đồng (15.370.090 triệu đồng)".
- Camera PNG of a chart: 1920x1080 (was chart-shaped, e.g. 2820x6363).
"""


SERVER_DB: dict[str, Path] = {}


@pytest.fixture(scope="module")
def server(tmp_path_factory, request):
    require_browser()
    db = build_seed_db(tmp_path_factory.mktemp("browser") / "seed.duckdb")
    SERVER_DB["path"] = db
    proc, log, url = start_streamlit(db, tmp_path_factory.mktemp("browser_log") / "streamlit.log",
                                     {"DASHBOARD_OPEN_UPLOADS": "1"})
    try:
        yield url
    finally:
        stop_streamlit(proc, log)
        tr = request.config.pluginmanager.get_plugin("terminalreporter")
        if SHOTS.exists():
            shots = sorted(p.name for p in SHOTS.glob("*.png"))
            (SHOTS / "NOTES.md").write_text(
                "# Dashboard screenshots\n\n" + "\n".join(f"- {n}" for n in shots)
                + "\n\n" + REVIEW, encoding="utf-8")
            cap = request.config.pluginmanager.get_plugin("capturemanager")
            if tr is not None and cap is not None:
                with cap.global_and_fixture_disabled():
                    tr.write_line("")
                    tr.write_line(f"Dashboard screenshots ({len(shots)}): {SHOTS}/ "
                                  "(NOTES.md there lists them and what was checked by eye)")


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        pg = browser.new_page(viewport=VIEWPORT, locale="vi-VN")
        yield pg
        browser.close()


def settle(pg, timeout_s: float = 45) -> None:
    """Wait until the script has finished and the charts have stopped appearing."""
    pg.wait_for_selector('[data-testid="stApp"]', timeout=timeout_s * 1000)
    deadline = time.monotonic() + timeout_s
    last, stable_since = -1, time.monotonic()
    while time.monotonic() < deadline:
        running = pg.locator('[data-testid="stStatusWidget"]').count() > 0
        n = pg.locator(".js-plotly-plot .main-svg").count()
        if n != last or running:
            last, stable_since = n, time.monotonic()
        elif n > 0 and time.monotonic() - stable_since > 1.0:
            return
        time.sleep(0.25)


def full_page_shot(pg, path: Path) -> None:
    """Streamlit scrolls inside its main container: grow the viewport to its height."""
    h = pg.evaluate("""() => Math.max(900, ...[...document.querySelectorAll(
        '[data-testid="stMain"], [data-testid="stAppViewContainer"]')].map(e => e.scrollHeight))""")
    pg.set_viewport_size({"width": VIEWPORT["width"], "height": int(h) + 40})
    time.sleep(0.6)
    pg.screenshot(path=str(path), full_page=True)
    pg.set_viewport_size(VIEWPORT)


def check(pg) -> None:
    errors = pg.locator('[data-testid="stException"]')
    assert errors.count() == 0, errors.first.inner_text()[:2000]
    assert pg.locator(".js-plotly-plot").count() >= 1
    assert "Chưa có cơ sở dữ liệu" not in pg.content()


def test_a_bookmark_opens_on_a_fresh_server_with_its_filters(page, server):
    """First request to a new server, straight to a page with filters (a shared link)."""
    page.goto(f"{server}/compare?xa=Nam+%C4%90%C3%A0n+%28Ngh%E1%BB%87+An%29&lang=en")
    settle(page)
    check(page)
    assert "Page not found" not in page.content()
    assert page.locator('[data-testid="stSidebar"]').is_visible()
    assert "xa=Nam" in page.url and "lang=en" in page.url
    assert page.get_by_text("Compare communes").count() >= 1
    full_page_shot(page, SHOTS / "so-sanh-xa-en-nam-dan.png")


@pytest.mark.parametrize("name", list(PAGES))
def test_page_renders(page, server, name):
    page.goto(f"{server}/{PAGES[name]}")
    settle(page)
    check(page)
    full_page_shot(page, SHOTS / f"{name}.png")


@pytest.mark.parametrize("name", list(PAGES))
def test_briefing_mode_renders_one_chart_for_a_16_9_screenshot(page, server, name):
    page.goto(f"{server}/{PAGES[name]}?briefing=1")
    settle(page)
    check(page)
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert page.locator(".js-plotly-plot").count() == 1
    page.screenshot(path=str(SHOTS / f"{name}-trinh-chieu.png"))


def test_upload_through_the_real_file_input(page, server, tmp_path):
    """An analyst drops a workbook on the upload page, reviews it and commits it."""
    import duckdb

    from tests.conftest import make_workbook
    path = make_workbook(tmp_path / "tan_hoa_2026.xlsx", {"PL": [
        ["ỦY BAN NHÂN DÂN XÃ TÂN HÒA"],
        ["CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026 - TỈNH TÂY NINH"],
        [],
        ["TT", "Chỉ tiêu", "Mục tiêu 2026", "Đơn vị chủ trì"],
        [1, "Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ "
            "điều kiện", "≥ 80%", "Trung tâm PVHCC"],
        [2, "Tỷ lệ người dân có sổ sức khỏe điện tử", "Trên 90%", "Trạm y tế"],
    ]})
    page.goto(f"{server}/upload")
    page.wait_for_selector('input[type="file"]', state="attached", timeout=45000)
    page.set_input_files('input[type="file"]', str(path))
    page.get_by_text("Dòng đọc được").first.wait_for(timeout=45000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("Tân Hòa").count() >= 1
    name = page.get_by_label("Người nạp")
    name.fill("Chuyên viên B")
    name.press("Enter")
    commit = page.get_by_role("button", name="Lưu vào cơ sở dữ liệu")
    page.wait_for_function("() => [...document.querySelectorAll('button')].some(b => "
                           "b.innerText.includes('Lưu vào cơ sở dữ liệu') && !b.disabled)",
                           timeout=45000)
    commit.click()
    page.get_by_text("Đã lưu").first.wait_for(timeout=60000)
    full_page_shot(page, SHOTS / "tai-du-lieu-len.png")
    deadline = time.monotonic() + 20
    while True:  # the file is replaced atomically; read it once the rename has landed
        con = duckdb.connect(str(SERVER_DB["path"]), read_only=True)
        try:
            rows = con.execute("SELECT indicator_code, target_text FROM targets WHERE "
                               "commune = 'Tân Hòa' ORDER BY source_row").fetchall()
            who = con.execute("SELECT loaded_by FROM imports WHERE commune = 'Tân Hòa'"
                              ).fetchall()
        finally:
            con.close()
        if rows or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert rows == [("CQ.DVC_TOAN_TRINH", "≥ 80%"), ("XH.SO_SUC_KHOE_DT", "Trên 90%")]
    assert who == [("Chuyên viên B",)]
