"""Page-specific choices kept in the URL: the briefing chart (``bieu_do``), compare mode
(``che_do``), indicator (``chi_tieu``) and profile commune (``ho_so``). In briefing mode
there are no widgets: the URL's value (or the first option) is used."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from . import charts
from . import frame as page_frame
from .i18n import t
from .queries import Filters
from .url_state import persist


def briefing_choice(options: dict[str, str]) -> str:
    """Which chart the briefing view shows (sidebar in normal mode, ?bieu_do= in the URL)."""
    fr = page_frame.current()
    fr.use_param("chart")
    keys = list(options)
    if fr.briefing:
        v = st.session_state.get("p_chart")
        return v if v in keys else keys[0]
    with st.sidebar:
        return persist("chart", st.selectbox, options=keys, default=keys[0],
                       label=t("briefing_chart"), format_func=lambda k: options[k])


def mode_picker() -> str:
    """So sánh theo: one indicator (chi-tieu) or a whole DTI group (nhom); ?che_do= in URL."""
    fr = page_frame.current()
    fr.use_param("mode")
    if fr.briefing:
        v = st.session_state.get("p_mode")
        return v if v in ("chi-tieu", "nhom") else "chi-tieu"
    return persist("mode", st.segmented_control, options=["chi-tieu", "nhom"],
                   default="chi-tieu", label=t("compare_mode"),
                   format_func=lambda m: t("mode_indicator" if m == "chi-tieu"
                                           else "mode_group")) or "chi-tieu"


def indicator_picker(options: pd.DataFrame, disabled: bool = False) -> str | None:
    """A canonical indicator, most widely planned first; ?chi_tieu= in the URL."""
    fr = page_frame.current()
    fr.use_param("indicator")
    codes = options["indicator_code"].tolist()
    if not codes:
        return None
    if fr.briefing:
        v = st.session_state.get("p_indicator")
        return v if v in codes else codes[0]
    names = dict(zip(codes, options["indicator_name" if fr.lang == "vi"
                                   else "indicator_name_en"]))
    counts = dict(zip(codes, options["n_communes"]))
    return persist("indicator", st.selectbox, options=codes, default=codes[0],
                   label=t("indicator"), disabled=disabled,
                   format_func=lambda c: f"{charts.short(names.get(c, c), 90)} — "
                                         f"{t('n_communes_label', n=counts.get(c, 0))}")


def commune_picker(communes: pd.DataFrame, f: Filters) -> str | None:
    """One commune for the profile page; ?ho_so= in the URL. Starts from the filter."""
    fr = page_frame.current()
    fr.use_param("profile")
    keys = communes["commune_key"].tolist()
    if not keys:
        return None
    first = f.communes[0] if f.communes and f.communes[0] in keys else keys[0]
    if fr.briefing:
        v = st.session_state.get("p_profile")
        return v if v in keys else first
    return persist("profile", st.selectbox, options=keys, default=first,
                   label=t("pick_commune"))
