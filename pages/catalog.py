"""Danh mục chỉ tiêu: what each indicator means, every wording mapped to it, its source rows."""
import pandas as pd
import streamlit as st

from dashboard import catalog_queries as C
from dashboard import fmt, ui
from dashboard.frame import start_page
from dashboard.i18n import has, t

frame = start_page("page_catalog")
f, L = frame.filters, frame.lang
EN = L == "en"


def flags_text(v) -> str:
    words = [w for w in str(v or "").split(",") if w]
    return "; ".join(t(f"flag_{w}") if has(f"flag_{w}") else w for w in words)


def alias_table(rows: pd.DataFrame, with_code: bool) -> pd.DataFrame:
    out = {}
    if with_code:
        out[t("cat_col_code")] = rows["indicator_code"]
        out[t("cat_col_name")] = rows["name_en" if EN else "name_vi"]
    out.update({
        t("cat_col_alias"): rows["alias"],
        t("cat_col_alias_commune"): rows["alias_commune"].fillna(""),
        t("cat_col_source_ref"): rows["source_ref"].fillna(""),
        t("cat_col_alias_scope"): rows["alias_scope"].fillna(""),
        t("cat_col_kind"): rows["kind"].map(lambda k: t(f"cat_kind_{k}") if isinstance(k, str)
                                            else ""),
        t("commune"): rows["commune"].fillna(""),
        t("cat_col_period"): rows["period"].fillna(""),
        t("cat_col_label"): rows["label"].fillna(""),
        t("cat_col_value"): rows["value_text"].fillna(""),
        t("cat_col_flags"): rows["flags"].map(flags_text),
        t("cat_col_method"): rows["match_method"].fillna(""),
        t("cat_col_file"): rows["source_file"].fillna(""),
        t("cat_col_sheet"): rows["source_sheet"].fillna(""),
        t("cat_col_row"): rows["source_row"],
    })
    return pd.DataFrame(out)


v = ui.q(C.catalog_version, None).iloc[0]
if isinstance(v["version"], str) and v["version"]:
    st.caption(t("cat_version", version=v["version"], date=v["effective_date"] or "?"))
else:
    st.warning(t("cat_no_version"))

inds = ui.q(C.indicators, f)
query = st.text_input(t("cat_search"), key="cat_search")
if query:
    q = query.strip().lower()
    wording = ui.q(C.alias_rows, f)
    hit_codes = set(wording.loc[wording["alias"].str.lower().str.contains(q, regex=False)
                                | wording["label"].fillna("").str.lower()
                                .str.contains(q, regex=False), "indicator_code"])
    mask = (inds["code"].str.lower().str.contains(q, regex=False)
            | inds["name_vi"].str.lower().str.contains(q, regex=False)
            | inds["name_en"].str.lower().str.contains(q, regex=False)
            | inds["code"].isin(hit_codes))
    inds = inds[mask]
if inds.empty:
    ui.empty("cat_none")
    st.stop()

st.subheader(t("cat_indicators"))
display = pd.DataFrame({
    t("cat_col_code"): inds["code"],
    t("pillar"): inds["pillar_en" if EN else "pillar_vi"],
    t("cat_col_name"): inds["name_en" if EN else "name_vi"],
    t("cat_col_unit"): inds["unit"].map(lambda u: fmt.unit_name(u, L)),
    t("cat_numerator"): inds["numerator"].fillna(""),
    t("cat_denominator"): inds["denominator"].fillna(""),
    t("cat_scope"): inds["scope"].fillna(""),
    t("cat_source"): inds["source"].fillna(""),
    t("cat_col_n_aliases"): inds["n_aliases"],
    t("cat_col_n_scopes"): inds["n_scopes"],
    t("cat_col_n_rows"): [f"{a} / {b}" for a, b in zip(inds["n_targets"], inds["n_actuals"])],
    t("cat_col_n_communes"): inds["n_communes"],
})
ui.table(display, "cat_ind", raw=display, name=f"danh_muc_chi_tieu_{v['version'] or ''}")

names = dict(zip(inds["code"], inds["name_en" if EN else "name_vi"]))
code = st.selectbox(t("cat_pick"), options=list(inds["code"]), key="cat_code",
                    format_func=lambda c: f"{c} — {names.get(c, '')}")
row = inds[inds["code"] == code].iloc[0]
st.subheader(f"{code} — {names.get(code, '')}")
left, right = st.columns(2)
left.markdown(f"**{t('cat_numerator')}:** {row['numerator'] or '—'}  \n"
              f"**{t('cat_denominator')}:** {row['denominator'] or '—'}  \n"
              f"**{t('cat_scope')}:** {row['scope'] or '—'}")
right.markdown(f"**{t('cat_source')}:** {row['source'] or '—'}  \n"
               f"**{t('cat_note')}:** {row['description'] or '—'}")

st.markdown(f"**{t('cat_aliases')}**")
st.caption(t("cat_aliases_help"))
rows = ui.q(C.alias_rows, f, code=code)
if rows.empty:
    ui.empty("cat_no_rows")
else:
    ui.table(alias_table(rows, with_code=False), "cat_alias", raw=alias_table(rows, False),
             name=f"cach_viet_{code}")

if not ui.briefing():
    with st.expander(t("cat_review_all")):
        st.caption(t("cat_review_all_help"))
        # Built on request: at national scale this is every catalogued row of the database.
        if st.toggle(t("cat_review_prepare"), key="cat_all_on"):
            everything = alias_table(ui.q(C.alias_rows, f), with_code=True)
            ui.table(everything, "cat_all", raw=everything,
                     name=f"ra_soat_danh_muc_{v['version'] or ''}")
    st.caption(t("trace_note"))
