"""Entry point: `streamlit run streamlit_app.py` (or `make run`).

The repository root is this script's folder, so `import dashboard` and `import etl` work in
the real server and under AppTest. This script is the frame around every page: page config,
language and briefing toggles, navigation, the filters (kept in the URL), then the page.
"""
from pathlib import Path

import streamlit as st

from dashboard import ui

st.set_page_config(page_title="Chuyển đổi số cấp xã", page_icon="📊", layout="wide",
                   initial_sidebar_state="expanded")
ui.init_state()
ui.sidebar_controls()
ui.css()

# URL paths are the file names (/overview, /compare, …): on a fresh server Streamlit first
# treats pages/ as a v1 multipage folder, and a bookmarked /compare?... must resolve there
# too (see ui.ensure_frame). Every page keeps its own address; "/" is a hidden default page
# that forwards to /overview with the query string, so /overview is never "Page not found".
PAGES = [
    ("pages/overview.py", "page_overview", ":material/dashboard:"),
    ("pages/compare.py", "page_compare", ":material/compare_arrows:"),
    ("pages/gaps.py", "page_gaps", ":material/trending_down:"),
    ("pages/budget.py", "page_budget", ":material/payments:"),
    ("pages/commune.py", "page_commune", ":material/location_city:"),
    ("pages/coverage.py", "page_coverage", ":material/fact_check:"),
    ("pages/catalog.py", "page_catalog", ":material/menu_book:"),
    ("pages/upload.py", "page_upload", ":material/upload_file:"),
]
PAGES = [p for p in PAGES if (Path(__file__).parent / p[0]).is_file()]
st.session_state["_frame"] = True
page = st.navigation(ui.app_pages(PAGES), position="hidden" if ui.briefing() else "sidebar")
ui.sidebar_filters()
page.run()
ui.page_end()
ui.sync_url()
st.session_state["_frame"] = False
