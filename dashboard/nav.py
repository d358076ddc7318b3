"""The app's pages for st.navigation: each page script in pages/ at its file name's address
(/overview, /compare, …), with its title and icon; a new page is one line in :data:`PAGES`."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from .i18n import t

ROOT = Path(__file__).resolve().parents[1]

# (script relative to the entry script, title key in dashboard/i18n.py, icon)
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


def pages() -> list:
    """st.Page objects for :data:`PAGES`, plus a hidden default page at "/" that forwards to
    the first one with the query string. (The default page of st.navigation lives only at
    "/", so a default /overview would be "Page not found".)"""
    real = [st.Page(path, title=t(key), url_path=Path(path).stem, icon=icon)
            for path, key, icon in PAGES if (ROOT / path).is_file()]

    def forward() -> None:
        qp = st.query_params
        st.switch_page(real[0], query_params={k: qp.get_all(k) for k in qp})

    home = st.Page(forward, title=real[0].title, url_path="home", default=True,
                   visibility="hidden")
    return [home, *real]
