"""The entry script's widgets around every page: language and briefing toggles, the filters,
the briefing-pack buttons, and the page CSS (briefing mode hides Streamlit's chrome)."""
from __future__ import annotations

import streamlit as st

from . import db, vn_order
from .i18n import LANGS, t
from .queries import Filters, NO_PILLAR
from . import queries as Q
from .url_state import filters as current_filters, persist


def controls() -> None:
    """Language and briefing toggles (rendered before st.navigation so titles translate)."""
    ss = st.session_state
    # the language just clicked (the widget's new value) labels the widget in this run too
    now = ss.get("w_lang") if ss.get("w_lang") in LANGS else ss.get("lang", "vi")
    with st.sidebar:
        val = persist("lang", st.segmented_control, options=list(LANGS), default="vi",
                      label=t("language", now), format_func=lambda x: {"vi": "Tiếng Việt",
                                                                 "en": "English"}[x],
                      selection_mode="single")
        st.session_state["lang"] = val or "vi"
        persist("briefing", st.toggle, default=False, label=t("briefing"),
                help=t("briefing_help"))


def filters(lang: str) -> Filters:
    """The filters (province, communes, DTI group, target year) and the pack buttons; returns
    the filters they set. Without a database there is nothing to filter: the URL's values."""
    if db.state().missing:
        return current_filters()
    s = db.state()
    provinces, pairs = _picker_lists(s.path, s.version)
    pl = db.run(Q.pillars, None)
    pillar_names = dict(zip(pl["code"], pl["name_vi" if lang == "vi" else "name_en"]))
    pillar_names[NO_PILLAR] = t("no_pillar", lang)
    years = [None] + [int(y) for y in db.run(Q.target_years, None)["target_year"]]
    with st.sidebar:
        st.subheader(t("filters"))
        sel_prov = persist("provinces", st.multiselect, options=list(provinces), multi=True,
                           label=t("province"), placeholder=t("all_provinces"))
        chosen = set(sel_prov or ())
        options = [k for p, k in pairs if p in chosen] if chosen else [k for _, k in pairs]
        persist("communes", st.multiselect, options=options, multi=True,
                label=t("communes"), placeholder=t("all_communes"))
        persist("pillars", st.multiselect, options=list(pillar_names), multi=True,
                label=t("pillar"), placeholder=t("all_pillars"),
                format_func=lambda c: pillar_names.get(c, c))
        year_opts = [str(y) if y else "" for y in years]
        persist("year", st.selectbox, options=year_opts, default="", label=t("target_year"),
                format_func=lambda y: y or t("year_current", lang),
                help=t("year_current_help", lang))
        st.caption(t("share_link"))
        f = current_filters()
        pack_buttons(f, lang)
    return f


@st.cache_resource(max_entries=4, show_spinner=False)
def _picker_lists(path: str, version: str) -> tuple[tuple[str, ...],
                                                   tuple[tuple[str, str], ...]]:
    """The provinces in Vietnamese order (Hà Nội before Huế) and every (province,
    commune_key) in Vietnamese order of province, then commune: sorted once per data version
    and shared by the sessions (the sort of 3,321 communes was ~20 % of a page run's CPU on
    the national data). Tuples: nobody can change the shared lists."""
    cm = db.run(Q.communes, None)
    provinces = tuple(vn_order.sorted_vi(cm["province"].unique().tolist()))
    ordered = vn_order.sort_frame(cm, ["province", "commune"])
    return provinces, tuple(zip(ordered["province"], ordered["commune_key"]))


def pack_buttons(f: Filters, lang: str) -> None:
    """The briefing pack of this view's filters (.pptx, and .pdf when LibreOffice is
    installed), built only when the button is clicked."""
    from . import pack
    L, path = lang, db.state().path
    ind = st.session_state.get("p_indicator")  # the compare page's indicator, if chosen
    st.markdown(f"**{pack.tx('pack_heading', L)}**")
    st.download_button(pack.tx("download_pptx", L),
                       data=lambda: pack.build_from_db(path, f, L, ind),
                       file_name=pack.file_name(f), mime=pack.MIME_PPTX, key="pack_pptx",
                       on_click="ignore", icon=":material/slideshow:",
                       help=pack.tx("pack_help", L))
    if pack.soffice():
        st.download_button(pack.tx("download_pdf", L),
                           data=lambda: pack.to_pdf(pack.build_from_db(path, f, L, ind), lang=L),
                           file_name=pack.file_name(f, "pdf"), mime="application/pdf",
                           key="pack_pdf", on_click="ignore", icon=":material/picture_as_pdf:")
    else:
        st.caption(pack.tx("pdf_missing", L))


def css(briefing: bool) -> None:
    """Tile values that fit Vietnamese money amounts; briefing mode hides all chrome."""
    st.html("""<style>
      [data-testid="stMetricValue"] { font-size: 1.9rem; }
      [data-testid="stMetricValue"] > div { overflow: visible; }
    </style>""")
    if not briefing:
        return
    st.html("""<style>
      [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
      [data-testid="stSidebarNav"], header[data-testid="stHeader"],
      [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
      footer, #MainMenu { display: none !important; }
      .block-container, [data-testid="stMainBlockContainer"] {
          padding: 1.2rem 2.2rem 0.5rem 2.2rem !important; max-width: 100% !important; }
      html, body, [data-testid="stAppViewContainer"] { font-size: 20px; }
      [data-testid="stMarkdownContainer"] p { font-size: 1.15rem; }
      h1, h2, h3 { padding-top: 0 !important; }
      /* the way out stays out of the slide's screenshot until pointed at */
      .st-key-leave_briefing button { opacity: 0.12; }
      .st-key-leave_briefing button:hover, .st-key-leave_briefing button:focus-visible {
          opacity: 1; }
    </style>""")
