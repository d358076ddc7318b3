"""The view's settings between the address bar, the session and the widgets.

A setting (language, briefing, filters, a page's choice) has a name; :data:`URL` gives its URL
parameter. Its value lives in ``p_<name>`` (seeded once per session from the URL by
:func:`init`, then written by its widget through :func:`persist`), so it survives page
switches; :func:`sync` writes the settings of this run back into the address bar. The
session keys are listed in one place, :mod:`dashboard.frame`.
"""
from __future__ import annotations

from datetime import date
from typing import Callable, Iterable

import streamlit as st

from .i18n import LANGS
from .queries import Filters

# session name -> URL parameter
URL = {"lang": "lang", "briefing": "briefing", "provinces": "tinh", "communes": "xa",
       "pillars": "nhom", "year": "nam", "indicator": "chi_tieu", "mode": "che_do",
       "profile": "ho_so", "chart": "bieu_do", "coverage_list": "danh_sach"}
MULTI = ("provinces", "communes", "pillars")
GLOBAL = ("lang", "briefing", "provinces", "communes", "pillars", "year")


def init() -> None:
    """Once per session: seed the persistent values from the URL (a bookmark)."""
    ss = st.session_state
    if ss.get("_init"):
        return
    qp = st.query_params
    for name, key in URL.items():
        ss[f"p_{name}"] = qp.get_all(key) if name in MULTI else qp.get(key)
    if ss["p_lang"] not in LANGS:  # no ?lang=: a language already chosen (a test's) stays
        ss["p_lang"] = ss.get("lang") if ss.get("lang") in LANGS else "vi"
    ss["p_briefing"] = str(ss["p_briefing"]).lower() in ("1", "true", "yes", "on")
    ss["lang"] = ss["p_lang"]
    ss["_init"] = True


def lang() -> str:
    return st.session_state.get("lang", "vi")


def briefing() -> bool:
    return bool(st.session_state.get("p_briefing"))


def filters(**extra) -> Filters:
    """The sidebar filters as they stand (``p_*``)."""
    ss = st.session_state
    year = ss.get("p_year")
    return Filters(provinces=tuple(sorted(ss.get("p_provinces") or ())),
                   communes=tuple(sorted(ss.get("p_communes") or ())),
                   pillars=tuple(sorted(ss.get("p_pillars") or ())),
                   target_year=int(year) if year else None,
                   as_of=date.today().year, **extra)


def persist(name: str, widget: Callable, options: list | None = None, multi: bool = False,
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


def sync(page_params: Iterable[str] = ()) -> None:
    """Write the current view into the address bar (only when it changed): the global
    settings and the page-specific ones this run used (``Frame.page_params``)."""
    ss = st.session_state
    used = set(GLOBAL) | set(page_params)
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


def leave_briefing() -> None:
    """Widget callback: briefing off (the toggle and the setting)."""
    st.session_state["w_briefing"] = False
    st.session_state["p_briefing"] = False
