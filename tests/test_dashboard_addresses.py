"""Every address the README documents opens its page, as the first request to a fresh server
and again from a new browser session on the same server (the case that used to show
Streamlit's "Page not found" dialog: the default page of st.navigation only lived at "/").

Debian's Chromium drives the real server, as in test_dashboard_browser.py.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.dashboard_support import (CHROMIUM, build_seed_db, require_browser,
                                     start_streamlit, stop_streamlit)
from tests.test_dashboard_browser import ARGS

ROOT = Path(__file__).resolve().parents[1]


def documented_addresses() -> list[str]:
    """The page addresses in the README's page table (`/overview`, `/compare`, …)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^\| \*\*[^|]+\*\* \(`(/[a-z-]+)`\) \|", text, flags=re.M)


def test_the_readme_documents_every_page():
    assert documented_addresses() == ["/overview", "/compare", "/gaps", "/budget", "/commune",
                                      "/catalog", "/coverage", "/upload"]


@pytest.fixture(scope="module")
def seed_db_path(tmp_path_factory):
    require_browser()
    return build_seed_db(tmp_path_factory.mktemp("addresses") / "seed.duckdb")


def fresh_server(db: Path, log_path: Path):
    return start_streamlit(db, log_path, {"DASHBOARD_OPEN_UPLOADS": "1"})


def open_once(browser, url: str) -> tuple[bool, str, str]:
    """Load url in a new session; watch for the dialog until the page has its title."""
    pg = browser.new_page(viewport={"width": 1400, "height": 900}, locale="vi-VN")
    try:
        pg.goto(url)
        pg.wait_for_selector('[data-testid="stApp"]', timeout=45000)
        seen = False
        deadline = time.monotonic() + 45
        titled_since = None
        while time.monotonic() < deadline:
            if "Page not found" in pg.content():
                seen = True
            running = pg.locator('[data-testid="stStatusWidget"]').count() > 0
            if pg.locator("h1").count() and not running:
                titled_since = titled_since or time.monotonic()
                if time.monotonic() - titled_since > 2.0:  # the dialog would be up by now
                    break
            else:
                titled_since = None
            time.sleep(0.2)
        title = pg.locator("h1").first.inner_text() if pg.locator("h1").count() else ""
        # the page ran inside the entry script's frame (its sidebar filters), not on its own
        side = pg.locator('[data-testid="stSidebar"]')
        framed = side.get_by_text("Bộ lọc").count() + side.get_by_text("Filters").count() > 0
        return seen, pg.url, title if framed else f"{title} (without the frame)"
    finally:
        pg.close()


TITLES = {"/overview": "Tổng quan", "/compare": "So sánh xã", "/gaps": "Khoảng cách",
          "/budget": "Kinh phí", "/commune": "Hồ sơ xã", "/upload": "Tải dữ liệu lên",
          "/coverage": "Xã đã báo cáo", "/catalog": "Danh mục chỉ tiêu", "/": "Tổng quan"}


@pytest.mark.parametrize("address", [*documented_addresses(), "/"])
def test_address_opens_its_page_on_a_fresh_server_and_again(seed_db_path, tmp_path, address):
    from playwright.sync_api import sync_playwright
    proc, log, url = fresh_server(seed_db_path, tmp_path / "streamlit.log")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            try:
                for attempt in ("first request", "second session"):
                    seen, landed, title = open_once(browser, f"{url}{address}")
                    assert not seen, f"{address} ({attempt}): Page not found"
                    assert title == TITLES[address], (address, attempt, title)
                    want = "/overview" if address == "/" else address
                    assert landed.removeprefix(url).split("?")[0] == want, (attempt, landed)
            finally:
                browser.close()
    finally:
        stop_streamlit(proc, log)


def test_the_root_forwards_a_shared_link_with_its_filters(seed_db_path, tmp_path):
    from playwright.sync_api import sync_playwright
    proc, log, url = fresh_server(seed_db_path, tmp_path / "streamlit.log")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            try:
                for _ in range(2):
                    seen, landed, title = open_once(
                        browser, f"{url}/?lang=en&xa=Nam+%C4%90%C3%A0n+%28Ngh%E1%BB%87+An%29")
                    assert not seen and title == "Overview"
                    assert landed.startswith(f"{url}/overview?")
                    assert "lang=en" in landed and "xa=Nam" in landed
            finally:
                browser.close()
    finally:
        stop_streamlit(proc, log)
