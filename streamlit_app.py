"""Entry point: `streamlit run streamlit_app.py` (or `make run`).

The repository root is this script's folder, so `import dashboard` and `import etl` work in
the real server and under AppTest. This script is the frame around every page: page config,
language and briefing toggles, navigation (dashboard/nav.py: each page at its file name's
address), the filters (kept in the URL), then one Frame for the page (dashboard/frame.py).
"""
import streamlit as st

from dashboard import frame, nav, sidebar, url_state

st.set_page_config(page_title="Chuyển đổi số cấp xã", page_icon="📊", layout="wide",
                   initial_sidebar_state="expanded")
url_state.init()
sidebar.controls()
sidebar.css(url_state.briefing())
pages = nav.pages()  # pages[0]: the hidden default page at "/", forwarding to the first page
page = st.navigation(pages, position="hidden" if url_state.briefing() else "sidebar")
if page is pages[0]:  # forward now (a rerun at the page's address): no filters drawn for it
    page.run()
filters = sidebar.filters(url_state.lang())
with frame.opened(frame.build(filters)) as fr:
    page.run()
    frame.end_page(fr)
    url_state.sync(fr.page_params)
