"""dashboard/st_workaround.py exists because of a Streamlit limitation; this test pins the
limitation on a two-page app that is not ours, so it fails the day Streamlit lifts it (then
delete the workaround and its one call in dashboard/frame.for_page).

The limitation: with a pages/ folder next to the entry script, the first request to a fresh
server for a bookmarked page (/b) runs pages/b.py without the entry script (no sidebar, no
frame), although the entry script calls st.navigation. Once any session has run the entry
script, st.navigation has switched that mode off for every session, as its docstring says —
the switch the workaround pulls.
"""
from __future__ import annotations

import time

from tests.dashboard_support import CHROMIUM, require_browser, start_streamlit, stop_streamlit
from tests.test_dashboard_browser import ARGS

ENTRY = """import streamlit as st
st.sidebar.markdown("entry script ran")
st.navigation([st.Page("pages/a.py", url_path="a", default=True),
               st.Page("pages/b.py", url_path="b")]).run()
"""


def make_app(root):
    (root / "pages").mkdir(parents=True)
    (root / "streamlit_app.py").write_text(ENTRY, encoding="utf-8")
    for name in ("a", "b"):
        (root / "pages" / f"{name}.py").write_text(
            f'import streamlit as st\nst.title("Page {name.upper()}")\n', encoding="utf-8")
    return root


def visit(browser, url: str) -> tuple[str, bool]:
    """(title, whether the entry script ran) of a new session at url."""
    pg = browser.new_page(viewport={"width": 1200, "height": 800})
    try:
        pg.goto(url)
        pg.wait_for_selector("h1", timeout=45000)
        time.sleep(1.5)  # let the run finish (the sidebar comes first when the entry runs)
        return pg.locator("h1").first.inner_text(), pg.get_by_text("entry script ran").count() > 0
    finally:
        pg.close()


def test_a_bookmarked_page_on_a_fresh_server_still_runs_without_its_entry_script(tmp_path):
    require_browser()
    from playwright.sync_api import sync_playwright
    app = make_app(tmp_path / "app")
    proc, log, url = start_streamlit(tmp_path / "none.duckdb", tmp_path / "streamlit.log",
                                     script="streamlit_app.py", cwd=app)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            try:
                title, entry_ran = visit(browser, f"{url}/b")
                assert title == "Page B"
                assert not entry_ran, (
                    "Streamlit now runs the entry script for a bookmarked page on a fresh "
                    "server: delete dashboard/st_workaround.py and its call in "
                    "dashboard/frame.for_page (tests/test_dashboard_addresses.py still checks "
                    "every address opens inside its frame)")
                # the workaround's premise: a session that ran st.navigation switches the
                # legacy mode off for the sessions after it
                assert visit(browser, f"{url}/") == ("Page A", True)  # the default page
                assert visit(browser, f"{url}/b") == ("Page B", True)
            finally:
                browser.close()
    finally:
        stop_streamlit(proc, log)
