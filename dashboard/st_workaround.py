"""The one Streamlit workaround (Streamlit 1.67): a bookmarked page on a fresh server.

Why. Streamlit decides once per process, when its first session starts, whether the app is
a legacy "pages/ folder" app: it is when a folder named ``pages/`` sits next to the entry
script — and ours must (the customer's layout; the file names are the addresses). In that
mode a session's script run executes the addressed page *without* streamlit_app.py, so a
first request to /compare gets a page with no sidebar, no filters and no frame. Calling
``st.navigation`` switches the mode off for every session ("As soon as any session of your
app executes the st.navigation command, your app will ignore the pages/ directory", its
docstring) — but in that mode a bookmarked page never reaches the entry script's call.

What. A page that finds itself run without the entry script's frame, in a server whose
entry script is streamlit_app.py, calls ``st.navigation`` itself (with the app's own pages,
so the address stays valid) and reruns once: the rerun goes through streamlit_app.py at the
same address. No assignment to Streamlit's classes; the only internal read is which script
the server runs (a page's own AppTest runs that page as the entry script: nothing to do).

When to delete. tests/test_streamlit_workaround.py starts a two-page app with ``pages/`` and
``st.navigation`` on a fresh server and checks that a bookmarked page still runs without its
entry script; it fails the day Streamlit runs the entry script there. Then delete this
module and its one call in :func:`dashboard.frame.for_page`; tests/test_dashboard_addresses.py
keeps checking that every address opens inside its frame.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

ENTRY = "streamlit_app.py"
TRIED = "dashboard.rerouted"  # session key: the rerun was asked for once in this session


def _entry_script() -> str:
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    ctx = get_script_run_ctx(suppress_warning=True)
    return Path(ctx.pages_manager.main_script_path).name if ctx else ""


def reroute_legacy_run() -> None:
    """Call from a page that runs without the entry script's frame (see the module doc)."""
    if st.session_state.get(TRIED) or _entry_script() != ENTRY:
        return
    from . import nav
    st.session_state[TRIED] = True
    st.navigation(nav.pages(), position="hidden")
    st.rerun()
