"""Streamlit glue shared by the entry script and the pages: language, briefing mode, filters
kept in the URL, the database check, cached queries, charts with their downloads, tables,
pagination, empty states and the simulated-data banner."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd
import streamlit as st

from . import charts, db, export, fmt, safe_text, tables, vn_order
from .i18n import LANGS, t
from .queries import Filters, NO_PILLAR
from . import queries as Q

# session name -> URL parameter
URL = {"lang": "lang", "briefing": "briefing", "provinces": "tinh", "communes": "xa",
       "pillars": "nhom", "year": "nam", "indicator": "chi_tieu", "mode": "che_do",
       "profile": "ho_so", "chart": "bieu_do", "coverage_list": "danh_sach"}
MULTI = ("provinces", "communes", "pillars")
GLOBAL = ("lang", "briefing", "provinces", "communes", "pillars", "year")
LARGE = 40          # more communes than this, no province/commune chosen: roll up by province
BRIEFING_ROWS = 6   # rows that fit one 16:9 screen with wrapped Vietnamese labels


# --------------------------------------------------------------------------- state & URL
def init_state() -> None:
    """Once per session: seed the persistent values from the URL (a bookmark)."""
    ss = st.session_state
    if ss.get("_init"):
        return
    qp = st.query_params
    for name, key in URL.items():
        ss[f"p_{name}"] = qp.get_all(key) if name in MULTI else qp.get(key)
    ss["p_lang"] = ss["p_lang"] if ss["p_lang"] in LANGS else "vi"
    ss["p_briefing"] = str(ss["p_briefing"]).lower() in ("1", "true", "yes", "on")
    ss["lang"] = ss["p_lang"]
    ss["_init"] = True


def lang() -> str:
    return st.session_state.get("lang", "vi")


def briefing() -> bool:
    return bool(st.session_state.get("p_briefing"))


def _persist(name: str, widget: Callable, options: list | None = None, multi: bool = False,
             default=None, **kw):
    """A widget whose value survives page switches and starts from the URL."""
    ss = st.session_state
    wkey = f"w_{name}"
    if wkey not in ss:
        val = ss.get(f"p_{name}", default)
        if multi:
            val = [v for v in (val or []) if options is None or v in options]
        elif options is not None and val not in options:
            val = default
        ss[wkey] = val
    elif options is not None:  # options may have changed (e.g. province narrowed)
        if multi:
            ss[wkey] = [v for v in (ss[wkey] or []) if v in options]
        elif ss[wkey] not in options:
            ss[wkey] = default
    if options is not None:
        val = widget(options=options, key=wkey, **kw)
    else:
        val = widget(key=wkey, **kw)
    ss[f"p_{name}"] = val
    ss[f"d_{name}"] = default
    return val


def page_param(name: str) -> None:
    st.session_state.setdefault("_used", set()).add(name)


def sync_url() -> None:
    """Write the current view into the address bar (only when it changed)."""
    ss = st.session_state
    used = set(GLOBAL) | ss.get("_used", set())
    want: dict[str, list[str]] = {}
    for name in used:
        v = ss.get(f"p_{name}")
        if name == "lang":
            if v and v != "vi":
                want[URL[name]] = [v]
        elif name == "briefing":
            if v:
                want[URL[name]] = ["1"]
        elif name in MULTI:
            if v:
                want[URL[name]] = [str(x) for x in v]
        elif v not in (None, "") and not (name in ("chart", "mode")
                                          and v == ss.get(f"d_{name}")):
            want[URL[name]] = [str(v)]
    have = {k: st.query_params.get_all(k) for k in st.query_params}
    if have != want:
        st.query_params.from_dict({k: (v if len(v) > 1 else v[0]) for k, v in want.items()})
    ss["_used"] = set()


# --------------------------------------------------------------------------- sidebar
def sidebar_controls() -> None:
    """Language and briefing toggles (rendered before st.navigation so titles translate)."""
    with st.sidebar:
        val = _persist("lang", st.segmented_control, options=list(LANGS), default="vi",
                       label=t("language"), format_func=lambda x: {"vi": "Tiếng Việt",
                                                                  "en": "English"}[x],
                       selection_mode="single")
        st.session_state["lang"] = val or "vi"
        _persist("briefing", st.toggle, default=False, label=t("briefing"),
                 help=t("briefing_help"))


def sidebar_filters() -> None:
    if db.state().missing:
        return
    L = lang()
    cm = q(Q.communes, None)
    provinces = vn_order.sorted_vi(cm["province"].unique().tolist())  # Hà Nội before Huế
    pl = q(Q.pillars, None)
    pillar_names = dict(zip(pl["code"], pl["name_vi" if L == "vi" else "name_en"]))
    pillar_names[NO_PILLAR] = t("no_pillar", L)
    years = [None] + [int(y) for y in q(Q.target_years, None)["target_year"]]
    with st.sidebar:
        st.subheader(t("filters"))
        sel_prov = _persist("provinces", st.multiselect, options=provinces, multi=True,
                            label=t("province"), placeholder=t("all_provinces"))
        scoped = vn_order.sort_frame(cm[cm["province"].isin(sel_prov)] if sel_prov else cm,
                                     ["province", "commune"])
        _persist("communes", st.multiselect, options=scoped["commune_key"].tolist(), multi=True,
                 label=t("communes"), placeholder=t("all_communes"))
        _persist("pillars", st.multiselect, options=list(pillar_names), multi=True,
                 label=t("pillar"), placeholder=t("all_pillars"),
                 format_func=lambda c: pillar_names.get(c, c))
        year_opts = [str(y) if y else "" for y in years]
        _persist("year", st.selectbox, options=year_opts, default="", label=t("target_year"),
                 format_func=lambda y: y or t("year_current", L), help=t("year_current_help", L))
        st.caption(t("share_link"))
        pack_buttons()


def pack_buttons() -> None:
    """The briefing pack of this view's filters (.pptx, and .pdf when LibreOffice is
    installed), built only when the button is clicked."""
    from . import pack
    L, f, path = lang(), filters(), db.state().path
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


def filters(**extra) -> Filters:
    ss = st.session_state
    year = ss.get("p_year")
    return Filters(provinces=tuple(sorted(ss.get("p_provinces") or ())),
                   communes=tuple(sorted(ss.get("p_communes") or ())),
                   pillars=tuple(sorted(ss.get("p_pillars") or ())),
                   target_year=int(year) if year else None,
                   as_of=date.today().year, **extra)


def css() -> None:
    """Tile values that fit Vietnamese money amounts; briefing mode hides all chrome."""
    st.html("""<style>
      [data-testid="stMetricValue"] { font-size: 1.9rem; }
      [data-testid="stMetricValue"] > div { overflow: visible; }
    </style>""")
    if not briefing():
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


def leave_briefing_button(faint: bool = True) -> None:
    """The way out of briefing mode: faint on a slide (until pointed at), plain elsewhere."""
    def _leave():
        st.session_state["w_briefing"] = False
        st.session_state["p_briefing"] = False
    st.button(t("briefing_exit"), on_click=_leave, type="tertiary" if faint else "secondary",
              key="leave_briefing" if faint else "leave_briefing_plain")


# --------------------------------------------------------------------------- page frame
def ensure_frame() -> None:
    """On a fresh server Streamlit runs the first session's first script run in its legacy
    "pages/ folder" mode, which executes a bookmarked page *without* streamlit_app.py (no
    sidebar, no filters). Switch that mode off and rerun through the entry script.

    st.navigation switches the mode off too, but only once the entry script runs — and in
    that mode a bookmarked page never runs it, so without this every later session would
    get pages without their frame as well (tests/test_dashboard_addresses.py checks the
    frame). The assignment goes when pages/ is renamed (then the mode never starts)."""
    if st.session_state.get("_frame"):
        return
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx
    ctx = get_script_run_ctx(suppress_warning=True)
    main = Path(ctx.pages_manager.main_script_path).name if ctx else ""
    if main != "streamlit_app.py" or st.session_state.get("_frame_fixed"):
        return  # a page run on its own (e.g. AppTest of one page): nothing to fix
    st.session_state["_frame_fixed"] = True
    PagesManager.uses_pages_directory = False
    st.rerun()


def app_pages(spec: list[tuple[str, str, str]]) -> list:
    """st.Page objects for (script, title key, icon): each page at its file name's address,
    plus a hidden default page at "/" that forwards to the first one. (The default page of
    st.navigation lives only at "/", so a default /overview would be "Page not found".)"""
    pages = [st.Page(path, title=t(key), url_path=Path(path).stem, icon=icon)
             for path, key, icon in spec]

    def forward() -> None:
        qp = st.query_params
        st.switch_page(pages[0], query_params={k: qp.get_all(k) for k in qp})

    home = st.Page(forward, title=pages[0].title, url_path="home", default=True,
                   visibility="hidden")
    return [home, *pages]


def page_start(title_key: str) -> Filters:
    """Title, the database check, and a slot for the simulated-data banner."""
    ensure_frame()
    init_state()
    st.session_state["_synthetic"] = False
    s = db.state()
    if briefing():
        c1, c2 = st.columns([5, 1], vertical_alignment="center")
        c1.markdown(f"#### {t(title_key)}")
        with c2:
            leave_briefing_button()
    else:
        st.title(t(title_key))
    if s.missing:
        st.error(f"**{t('db_missing_title')}**\n\n" + t("db_missing", path=s.path))
        st.stop()
    st.session_state["_banner"] = st.empty()
    return filters()


def page_end() -> None:
    slot = st.session_state.pop("_banner", None)
    if slot is not None and st.session_state.get("_synthetic"):
        slot.warning(t("synthetic_banner"), icon="⚠️")


def q(fn: Callable[..., pd.DataFrame], f: Filters | None, **kw) -> pd.DataFrame:
    """A cached query; remembers if the rows shown include simulated data."""
    df = db.run(fn, f, **kw)
    if "synthetic" in df.columns and len(df) and bool(df["synthetic"].fillna(False).any()):
        st.session_state["_synthetic"] = True
    return df


def info(f: Filters) -> dict:
    row = q(Q.data_info, f)
    r = row.iloc[0].to_dict() if len(row) else {}
    files = [x for x in (r.get("files") or "").split(", ") if x]
    return {"date": fmt.day(r.get("loaded_at"), lang()) if r.get("loaded_at") is not None
            and not pd.isna(r.get("loaded_at")) else "", "files": files}


def period_info(f: Filters) -> dict:
    """Plan years, latest result period, communes in scope, synthetic (for chart frames)."""
    row = q(Q.data_period, f)
    return row.iloc[0].to_dict() if len(row) else {}


def pillar_names(codes) -> list[str]:
    if not codes:
        return []
    pl = q(Q.pillars, None)
    names = dict(zip(pl["code"], pl["name_vi" if lang() == "vi" else "name_en"]))
    names[NO_PILLAR] = t("no_pillar", lang())
    return [names.get(c, c) for c in codes]


def shown_of(df: pd.DataFrame, total: int | None = None) -> tuple[int, int | None]:
    """(rows shown, rows there are): from ``n_total`` (a LIMITed query) or ``total``."""
    if total is None and "n_total" in df.columns and len(df):
        total = int(df["n_total"].iat[0])
    return len(df), total


def meta(f: Filters, title: str, unit: str = "", sources: Iterable[str] | None = None,
         name: str | None = None, shown: tuple[int, int | None] | None = None,
         budget: bool = False) -> charts.ChartMeta:
    """A chart's frame: title, scope, period, unit, 'k of n' note, sources, load date and
    the synthetic mark, all drawn inside the figure (see :mod:`dashboard.framing`)."""
    from . import framing
    L = lang()
    i = info(f)
    p = period_info(f)
    files = tuple(sorted({s for s in (sources if sources is not None else i["files"])
                          if isinstance(s, str) and s}))
    date_text = t("data_date", d=i["date"]) if i["date"] else ""
    scope = framing.scope_text(p, L, provinces=f.provinces, communes=f.communes,
                               pillar_names=pillar_names(f.pillars))
    period = framing.period_text(p, L, budget=budget)
    if f.target_year and not budget and not period:
        period = framing.tx("plan_year", L, y=f.target_year)
    note = framing.shown_text(*shown, L) if shown else ""
    synthetic = bool(p.get("synthetic")) or bool(st.session_state.get("_synthetic"))
    return charts.ChartMeta(title=title, unit=unit, data_date=date_text, sources=files,
                            filename=charts.slug(f"{name or title}_{i['date']}"), lang=L,
                            briefing=briefing(), scope=scope, period=period, note=note,
                            synthetic=synthetic)


def files_of(*dfs: pd.DataFrame, cols=("source_file", "target_source_file",
                                       "actual_source_file")) -> list[str]:
    out: set[str] = set()
    for df in dfs:
        for c in cols:
            if c in df.columns:
                out.update(x for x in df[c].dropna().unique().tolist() if x)
        if "source_files" in df.columns:
            for v in df["source_files"].dropna():
                out.update(x.strip() for x in str(v).split(","))
    return sorted(out)


# --------------------------------------------------------------------------- rendering
def _downloads(data: pd.DataFrame, filename: str, key: str, widths: list[int]):
    """.csv and .xlsx buttons for the data behind a chart or table; returns the spare column."""
    exp = tables.export_frame(data, lang())
    c1, c2, rest = st.columns(widths)
    c1.download_button(t("download_csv"), data=lambda: export.to_csv_bytes(exp),
                       file_name=f"{filename}.csv", mime="text/csv", key=f"csv_{key}",
                       on_click="ignore", icon=":material/download:")
    c2.download_button(t("download_xlsx"), data=lambda: export.to_xlsx_bytes(exp),
                       file_name=f"{filename}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key=f"xlsx_{key}", on_click="ignore", icon=":material/download:")
    return rest


def chart(fig, m: charts.ChartMeta, data: pd.DataFrame, key: str,
          why_rows: pd.DataFrame | None = None) -> None:
    """The figure, then its data as .csv and .xlsx (not in briefing mode). With ``why_rows``
    (progress rows with ``target_ref``), clicking a result marker opens "why this status"."""
    if why_rows is not None and not m.briefing and "target_ref" in why_rows:
        event = st.plotly_chart(fig, config=charts.config(m, fig), key=f"chart_{key}",
                                width="stretch", on_select="rerun", selection_mode="points")
        refs = [p.get("customdata", [None] * 4)[3] for p in
                (event.selection.points if event and event.selection else [])
                if isinstance(p.get("customdata"), (list, tuple)) and len(p["customdata"]) > 3]
        hit = why_rows[why_rows["target_ref"].isin([r for r in refs if r])]
        if len(hit):
            why_panel(hit.iloc[0].to_dict(), expanded=True)
    else:
        st.plotly_chart(fig, config=charts.config(m, fig), key=f"chart_{key}", width="stretch")
    if m.briefing:
        return
    c3 = _downloads(data, m.filename, key, [1, 1, 3])
    c3.caption(t("png_hint"))


def table(display: pd.DataFrame, key: str, raw: pd.DataFrame | None = None,
          name: str = "bang", why: pd.DataFrame | None = None) -> None:
    """A display table; with ``why`` (the progress rows behind it, same order) a row can be
    selected to open "why this status"."""
    height = "auto" if len(display) <= 12 else 460
    if why is not None and not briefing() and len(why) == len(display):
        event = st.dataframe(display, hide_index=True, width="stretch", key=f"table_{key}",
                             height=height, on_select="rerun", selection_mode="single-row")
        rows = list(event.selection.rows) if event and event.selection else []
        if rows and rows[0] < len(why):
            why_panel(why.iloc[rows[0]].to_dict(), expanded=True)
        else:
            st.caption(f"ⓘ {t('why_title')} {t('why_pick')}")
    else:
        st.dataframe(display, hide_index=True, width="stretch", key=f"table_{key}",
                     height=height)
    if raw is not None and not briefing():
        _downloads(raw, name, f"t{key}", [1, 1, 3])


def why_panel(row: dict, expanded: bool = False) -> None:
    """"Why this status?" for one progress row (read from the contract's columns)."""
    title = f"{t('why_title')} — {row.get('commune_key') or row.get('commune') or ''} · " \
            f"{charts.short(row.get('indicator_name') or row.get('label') or '', 70)} · " \
            f"{row.get('target_year')}"
    with st.expander(safe_text.md(title), expanded=expanded):
        st.markdown(tables.why(row, lang()))


def gaps_block(gaps: pd.DataFrame, f: Filters, title_key: str, name: str,
               total: int | None = None) -> bool:
    """Targets behind, furthest first: the chart and (outside briefing) its table.
    Returns False when there is nothing to show (the empty state is drawn)."""
    if gaps.empty:
        empty("no_gaps")
        return False
    m = meta(f, t(title_key), t("unit_pct"), sources=files_of(gaps), name=name,
             shown=shown_of(gaps, total))
    chart(charts.target_vs_actual(gaps, m, ("commune", "indicator_name"), show_gap=True),
          m, gaps, "gaps", why_rows=gaps)
    if not briefing():
        table(tables.progress(gaps, lang(), with_gap=True), "gaps", why=gaps)
    return True


def paged(fn: Callable[..., pd.DataFrame], f: Filters, key: str, size: int = 50, **kw
          ) -> tuple[pd.DataFrame, int]:
    """One page of a long list (LIMIT/OFFSET in SQL); the pager is drawn by :func:`pager`."""
    page = int(st.session_state.get(f"w_page_{key}", 1) or 1)
    df = q(fn, f, limit=size, offset=(page - 1) * size, **kw)
    if df.empty and page > 1:
        st.session_state.pop(f"w_page_{key}", None)
        df = q(fn, f, limit=size, offset=0, **kw)
    total = int(df["n_total"].iat[0]) if len(df) and "n_total" in df else len(df)
    return df, total


def pager(total: int, key: str, size: int = 50) -> None:
    if total <= size:
        return
    L = lang()
    pages = (total + size - 1) // size
    c1, c2 = st.columns([1, 4])
    page = c1.number_input(t("page_n"), min_value=1, max_value=pages, step=1,
                           key=f"w_page_{key}")
    a = (page - 1) * size + 1
    b = min(total, page * size)
    c2.caption(t("rows_of", a=fmt.num(a, 0, L), b=fmt.num(b, 0, L), n=fmt.num(total, 0, L)))


def empty(message_key: str, **kw) -> None:
    st.info(t(message_key, **kw), icon="ℹ️")


def briefing_choice(options: dict[str, str]) -> str:
    """Which chart the briefing view shows (sidebar in normal mode, ?bieu_do= in the URL)."""
    page_param("chart")
    keys = list(options)
    if briefing():
        v = st.session_state.get("p_chart")
        return v if v in keys else keys[0]
    with st.sidebar:
        return _persist("chart", st.selectbox, options=keys, default=keys[0],
                        label=t("briefing_chart"), format_func=lambda k: options[k])


def headline(text: str) -> None:
    """One sentence a leader can read aloud; shown above the chart."""
    st.markdown(f"**{text}**")


# --------------------------------------------------------------------------- page widgets
def mode_picker() -> str:
    """So sánh theo: one indicator (chi-tieu) or a whole DTI group (nhom); ?che_do= in URL."""
    page_param("mode")
    if briefing():
        v = st.session_state.get("p_mode")
        return v if v in ("chi-tieu", "nhom") else "chi-tieu"
    return _persist("mode", st.segmented_control, options=["chi-tieu", "nhom"],
                    default="chi-tieu", label=t("compare_mode"),
                    format_func=lambda m: t("mode_indicator" if m == "chi-tieu"
                                            else "mode_group")) or "chi-tieu"


def indicator_picker(options: pd.DataFrame, disabled: bool = False) -> str | None:
    """A canonical indicator, most widely planned first; ?chi_tieu= in the URL."""
    page_param("indicator")
    codes = options["indicator_code"].tolist()
    if not codes:
        return None
    if briefing():
        v = st.session_state.get("p_indicator")
        return v if v in codes else codes[0]
    names = dict(zip(codes, options["indicator_name" if lang() == "vi"
                                   else "indicator_name_en"]))
    counts = dict(zip(codes, options["n_communes"]))
    return _persist("indicator", st.selectbox, options=codes, default=codes[0],
                    label=t("indicator"), disabled=disabled,
                    format_func=lambda c: f"{charts.short(names.get(c, c), 90)} — "
                                          f"{t('n_communes_label', n=counts.get(c, 0))}")


def commune_picker(communes: pd.DataFrame, f: Filters) -> str | None:
    """One commune for the profile page; ?ho_so= in the URL. Starts from the filter."""
    page_param("profile")
    keys = communes["commune_key"].tolist()
    if not keys:
        return None
    first = f.communes[0] if f.communes and f.communes[0] in keys else keys[0]
    if briefing():
        v = st.session_state.get("p_profile")
        return v if v in keys else first
    return _persist("profile", st.selectbox, options=keys, default=first,
                    label=t("pick_commune"))


def metric(col, label_key: str, value: str, sub: str = "", help_key: str | None = None
           ) -> None:
    col.metric(t(label_key), value, delta=sub or None, delta_color="off", delta_arrow="off",
               border=True, help=t(help_key) if help_key else None)
