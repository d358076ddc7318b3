"""Column contracts: for every query of :mod:`dashboard.queries` (a *view*), the columns it
returns, in order, and for each whether it goes into the view's .csv/.xlsx export, under which
header (an i18n key, Vietnamese and English in :mod:`dashboard.i18n`) and how its cells are
written. One place per view: the export (:func:`export`), and ``tests/test_columns.py``, which
runs every query on a fixture and compares its columns with the contract whole and pins each
export's header list.

* ``header=None``: the column stays out of the export (keys, sort orders, paging totals,
  English duplicates, details only the "why" panel reads).
* ``en``: in English the cells come from that column (``indicator_name`` → ``indicator_name_en``).
* ``kind``: ``raw`` (numbers stay numbers), ``status`` (the status word in the language),
  ``list`` (a LIST column — source files — written one element per line: never joined in SQL
  and split again, so a file name with a comma stays whole).
* A header ``status.<code>`` is that status's word (the count columns).

A query whose result depends on an argument names the variant after ``@``
(``status_matrix@province``: the rows are provinces, so the first column is "Tỉnh", not "Xã").
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import status as ST
from .i18n import t

LIST_SEPARATOR = "\n"  # one file per line in an exported cell (wrapped in the .xlsx)


@dataclass(frozen=True)
class Col:
    name: str
    header: str | None = None
    kind: str = "raw"
    en: str | None = None


def _cols(*spec) -> tuple[Col, ...]:
    """``"a b c"`` (columns not exported) or ``Col`` objects, in order."""
    out: list[Col] = []
    for s in spec:
        out.extend(Col(n) for n in s.split()) if isinstance(s, str) else out.append(s)
    return tuple(out)


def _statuses() -> tuple[Col, ...]:
    return (*(Col(c, f"status.{c}") for c in ST.ORDER), Col("behind", "col_n_behind"),
            Col("assessed", "col_n_assessed"))


SYN = Col("synthetic", "col_synthetic")
COMMUNE = (Col("commune", "col_commune"), Col("province", "col_province"))
INDICATOR = (Col("indicator_code", "col_code"),
             Col("indicator_name", "col_indicator", en="indicator_name_en"),
             Col("indicator_name_en"))
PILLAR = (Col("pillar_name", "col_pillar", en="pillar_name_en"), Col("pillar_name_en"))
FILES = Col("source_files", "col_files", kind="list")
SOURCE = (Col("source_file", "col_file"), Col("source_sheet", "col_sheet"),
          Col("source_row", "col_row"))

# one progress row (dashboard.queries._GAP_COLUMNS): the contract's decided columns and the
# provenance of both cells
PROGRESS = _cols(
    "target_ref commune_key", *COMMUNE, *INDICATOR, Col("doc_label", "col_doc_label"),
    "pillar_code", *PILLAR,
    Col("target_year", "col_target_year"), Col("target_text", "col_target"),
    Col("target_kind", "col_target_kind"), Col("target_op", "col_target_op"),
    Col("target_low", "col_target_low"), Col("target_high", "col_target_high"),
    Col("unit", "col_unit"), Col("direction", "col_direction"),
    Col("target_shape", "col_shape"), Col("threshold", "col_threshold"),
    Col("threshold_strict", "col_threshold_strict"), Col("actual_value", "col_actual_value"),
    Col("actual_text", "col_result"), "actual_kind actual_op",
    Col("actual_unit", "col_actual_unit"), Col("actual_period", "col_result_period"),
    Col("actual_year", "col_result_year"), Col("as_of_period", "col_as_of"),
    Col("year_open", "col_year_open"), Col("status", "col_status", "status"),
    Col("status_rule", "col_rule"), Col("gap", "col_gap"), Col("gap_kind", "col_gap_kind"),
    Col("forecast_method", "col_forecast_method"),
    "forecast_points forecast_first_period forecast_last_period forecast_peers "
    "forecast_peer_scope own_pace peer_pace required_pace forecast_horizon",
    Col("forecast_value", "col_forecast_value"), Col("forecast_likelihood", "col_forecast"),
    Col("due_date", "col_due_date"), Col("lead_unit", "col_lead_raw"),
    Col("lead_unit_norm", "col_lead_norm"), Col("target_source_file", "col_file"), Col("target_source_sheet", "col_sheet"),
    Col("target_source_row", "col_row"), Col("target_source_col", "col_col"),
    Col("actual_source_file", "col_result_file"), Col("actual_source_sheet", "col_result_sheet"),
    Col("actual_source_row", "col_result_row"), Col("actual_source_col", "col_result_col"),
    SYN, Col("target_scope", "col_target_scope"), Col("target_flags", "col_target_flags"),
    Col("actual_scope", "col_result_scope"), Col("actual_flags", "col_result_flags"))

VIEWS: dict[str, tuple[Col, ...]] = {
    # ------------------------------------------------------------------ options, framing
    "communes": _cols("province commune commune_key"),
    "pillars": _cols("code sort_order name_vi name_en"),
    "target_years": _cols("target_year"),
    "data_info": _cols("loaded_at n_imports", Col("files", kind="list"), "synthetic"),
    "data_period": _cols(
        "plan_year_min plan_year_max result_period budget_year_min budget_year_max n_communes "
        "n_provinces n_communes_all n_provinces_all n_targets n_with_result synthetic"),
    # ------------------------------------------------------------------ overview
    "overview_tiles": _cols(
        "n_communes n_targets n_canonical n_with_result",
        " ".join(f"n_{c}" for c in ST.ORDER), "n_behind n_assessed as_of_period "
        "n_communes_with_targets synthetic_targets budget_total n_budget_lines synthetic "
        "share_reported share_achieved"),
    "status_matrix": _cols(
        Col("unit", "col_commune"), "pillar_code pillar_order", *PILLAR,
        Col("n", "col_n_targets"), *_statuses(), Col("n_communes", "col_n_communes"),
        Col("share_achieved", "col_share_achieved"), SYN),
    "largest_gaps": PROGRESS,
    # ------------------------------------------------------------------ compare
    "indicator_options": _cols("indicator_code indicator_name indicator_name_en pillar_code "
                               "pillar_order n_communes n_with_result"),
    "compare_indicator": _cols(*PROGRESS, "source_file source_sheet source_row n_total "
                                          "rank_worst rank_best"),
    "compare_indicator_by_province": _cols(
        Col("unit", "col_province"), Col("n", "col_n_targets"), *_statuses(),
        Col("median_actual", "col_median_actual"), Col("median_target", "col_median_target"),
        SYN),
    "group_status": _cols(
        *INDICATOR, "pillar_code", Col("pillar_name", "col_pillar"), "pillar_order",
        Col("n", "col_n_targets"), *_statuses(), SYN),
    "ambition": _cols(
        "commune_key", *COMMUNE, *INDICATOR, "pillar_code", *PILLAR, "pillar_order",
        Col("y0", "col_year_first"), Col("y1", "col_year_last"),
        Col("text0", "col_target_first"), "kind0 op0 low0 high0", Col("unit0", "col_unit"),
        "shape0", Col("thr0", "col_threshold_first"), "dir0 shape1",
        Col("thr1", "col_threshold_last"), "dir1", Col("text1", "col_target_last"),
        "kind1 op1 low1 high1 unit1", Col("actual_value", "col_actual_value"),
        Col("actual_text", "col_result"), Col("status0", "col_status", "status"),
        Col("source_file", "col_file"), Col("source_sheet", "col_sheet"),
        Col("source_row_y0", "col_row_first"), Col("source_row_y1", "col_row_last"), SYN,
        "n_total"),
    "progress_rows": _cols(*PROGRESS, "n_total"),
    "ambition_communes": _cols("commune_key y0 y1 n_indicators n_total"),
    # ------------------------------------------------------------------ gaps
    "gaps_ranked": _cols(*PROGRESS, "n_total"),
    # like with like (dashboard/province_ui.py): one indicator in one unit at a time
    "gap_indicators": _cols(
        Col("indicator_code", "col_code"), Col("unit", "col_unit"),
        Col("indicator_name", "col_indicator", en="indicator_name_en"), "indicator_name_en",
        "pillar_order pillar_code", Col("n", "col_n_targets"),
        Col("n_assessed", "col_n_assessed"), Col("n_behind", "col_n_behind"),
        Col("max_gap", "col_max_gap"), Col("max_gap_commune", "col_commune"),
        Col("max_gap_province", "col_province"), Col("gap_kind", "col_gap_kind"), SYN,
        Col("n_at_max_gap", "col_n_at_max_gap"), "n_total"),
    "gaps_for_indicator": _cols(*PROGRESS, Col("gap_rank", "col_gap_rank"),
                                Col("gap_n_tied", "col_gap_n_tied"), "n_total"),
    "commune_statuses": _cols(*COMMUNE, "commune_key", Col("status", "col_status", "status")),
    "gaps_by_lead_unit": _cols(
        Col("lead_unit", "col_lead"), Col("lead_unit_spellings", "col_spellings"),
        Col("n", "col_n_targets"), *_statuses(),
        Col("n_communes", "col_n_communes"), Col("max_gap_pp", "col_max_gap_pp"), SYN,
        "n_total"),
    "coverage_summary": _cols(
        "commune_key", *COMMUNE, Col("n_targets", "col_n_targets"),
        Col("n_no_result", "col_n_no_result"), Col("n_canonical", "col_n_canonical"),
        Col("n_pillars", "col_n_pillars"), Col("target_year", "col_target_year"), SYN,
        Col("n_missing_canonical", "col_n_missing"), Col("n_budget_lines", "col_n_budget_lines"),
        Col("budget_total", "col_total"), Col("n_pillars_no_budget", "col_n_groups_no_budget"),
        "n_total"),
    "coverage_missing_targets": _cols(
        "commune_key", *COMMUNE, *INDICATOR, "pillar_code", Col("pillar_name", "col_pillar"),
        Col("n_communes_planning", "col_n_planning"), "n_total"),
    "coverage_no_result": _cols(
        "commune_key", *COMMUNE, *INDICATOR, "pillar_code", Col("pillar_name", "col_pillar"),
        Col("target_year", "col_target_year"), Col("target_text", "col_target"),
        Col("lead_unit", "col_lead"), *SOURCE, SYN, "n_total"),
    "coverage_budget": _cols(
        "commune_key", *COMMUNE, "pillar_code", *PILLAR, "pillar_order",
        Col("n_targets", "col_n_targets"), SYN, "n_total"),
    # ------------------------------------------------------------------ budget
    "budget_totals": _cols("total n_lines n_no_amount n_communes_with_budget "
                           "n_communes_with_targets n_sources synthetic"),
    "budget_by_commune": _cols(
        Col("unit", "col_commune"), "commune", Col("province", "col_province"),
        Col("total", "col_total"), Col("n_lines", "col_lines"), SYN, FILES,
        "n_total grand_total n_with_budget max_total position"),
    "budget_by_province": _cols(
        Col("unit", "col_province"), Col("total", "col_total"), Col("n_lines", "col_lines"),
        Col("n_communes", "col_n_communes"), SYN, FILES, "n_total"),
    "budget_by_source": _cols(
        Col("source_name", "col_funding"), Col("total", "col_total"),
        Col("n_lines", "col_lines"), Col("n_communes", "col_n_communes"), SYN,
        Col("source_spellings", "col_spellings"), FILES),
    "budget_by_pillar": _cols(
        "pillar_code", *PILLAR, "pillar_order", Col("total", "col_total"),
        Col("n_lines", "col_lines"), Col("n_communes", "col_n_communes"), SYN, FILES),
    "budget_by_status": _cols(
        Col("status_name", "col_budget_status"), Col("total", "col_total"),
        Col("n_lines", "col_lines"), SYN),
    "budget_lines": _cols(
        "commune_key", *COMMUNE, Col("plan_year", "col_year"), Col("line_no", "col_line_no"),
        Col("task", "col_task"), "pillar_code", *PILLAR, Col("lead_unit", "col_lead_raw"),
        Col("lead_unit_name", "col_lead_norm"),
        Col("amount_million_vnd", "col_amount"), Col("amount_text", "col_amount_text"),
        Col("funding_source", "col_funding_raw"),
        Col("funding_source_norm", "col_funding_norm"), Col("status", "col_budget_status"),
        Col("note", "col_note"), Col("objective", "col_objective"),
        Col("expected_result", "col_expected_result"), *SOURCE, Col("source_col", "col_col"),
        SYN, "n_total grand_total"),
    # ------------------------------------------------------------------ commune profile
    "commune_plans": _cols("import_id file_name loaded_at loaded_by n_targets n_actuals "
                           "n_budget n_warnings synthetic target_years result_periods "
                           "budget_years"),
    "commune_targets": _cols(*PROGRESS, "pillar_order", Col("actual_conflict", "col_conflict")),
    "commune_results": _cols(
        Col("period", "col_period"), Col("period_year", "col_result_year"), *INDICATOR,
        Col("label", "col_label"), Col("value_text", "col_result"),
        Col("value", "col_actual_value"), Col("unit", "col_unit"), "value_kind",
        Col("assessment", "col_assessment"), Col("numerator", "col_numerator"),
        Col("denominator", "col_denominator"), Col("stated_percent", "col_stated_percent"),
        Col("flags", "col_flags"), "pillar_code", Col("pillar_name", "col_pillar"), *SOURCE,
        Col("source_col", "col_col"), SYN),
}
VIEWS["status_matrix@province"] = (Col("unit", "col_province"), *VIEWS["status_matrix"][1:])


def view_name(query: str, **kw) -> str:
    """The contract a query's result follows, given the arguments it was called with."""
    return f"{query}@province" if query == "status_matrix" and kw.get("level") == "province" \
        else query


def tag(df: pd.DataFrame, view: str) -> pd.DataFrame:
    """Remember which contract ``df`` follows (pandas keeps ``attrs`` through filtering,
    copies and pickling, so through ``st.cache_data``)."""
    df.attrs["view"] = view
    return df


def names(view: str) -> list[str]:
    """The columns the view's query returns, in order."""
    return [c.name for c in VIEWS[view]]


def header(key: str, lang: str) -> str:
    if key.startswith("status."):
        return ST.label(key[len("status."):], lang, symbol=False)
    return t(key, lang)


def export_headers(view: str, lang: str) -> list[str]:
    return [header(c.header, lang) for c in VIEWS[view] if c.header]


def as_list(v) -> list[str]:
    """A LIST cell (numpy array from DuckDB, list, or NULL) as a Python list."""
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return []
    if isinstance(v, str):  # a joined string would be split wrongly at a comma in a name
        raise TypeError(f"expected a LIST column, got the string {v!r}")
    return [str(x) for x in v if x is not None]


def render_list(v, sep: str = LIST_SEPARATOR) -> str:
    return sep.join(as_list(v))


def export(df: pd.DataFrame, lang: str, view: str | None = None) -> pd.DataFrame:
    """The exported frame of ``df`` by its view's contract: the exported columns in contract
    order under their headers, cells written by their kind (numbers stay numbers). A frame
    with no view (already a display frame, e.g. the catalogue page's) is returned as is."""
    view = view or df.attrs.get("view")
    if view is None:
        return df.copy()
    out = {}
    for c in VIEWS[view]:
        if not c.header or c.name not in df.columns:
            continue
        src = c.en if lang == "en" and c.en and c.en in df.columns else c.name
        s = df[src]
        if c.kind == "status":
            s = s.map(lambda v: ST.label(v, lang, symbol=False) if isinstance(v, str) else v)
        elif c.kind == "list":
            s = s.map(render_list)
        out[header(c.header, lang)] = s.values
    if len(out) != len({c.header for c in VIEWS[view] if c.header and c.name in df.columns}):
        raise ValueError(f"{view}: two exported columns share a header")
    return pd.DataFrame(out, index=range(len(df)))
