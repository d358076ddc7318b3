"""Display tables: a query result in, a readable frame out (Vietnamese headers and number
formats, status with its symbol, provenance file/sheet/row last). Works on the bounded,
paginated frames the queries return; exports use :func:`export_frame` (raw numbers)."""
from __future__ import annotations

import pandas as pd

from . import fmt
from .i18n import status_label, t

# raw column -> i18n key of its header
HEADERS = {
    "commune_key": "col_commune", "commune": "col_commune", "province": "col_province",
    "unit": "col_commune", "indicator_code": "col_code", "indicator_name": "col_indicator",
    "indicator_name_en": "col_indicator", "pillar_name": "col_pillar",
    "pillar_name_en": "col_pillar", "target_year": "col_year", "plan_year": "col_year",
    "target_text": "col_target", "actual_text": "col_result", "actual_period": "col_period",
    "status": "col_status", "gap": "col_gap", "lead_unit": "col_lead", "task": "col_task",
    "amount_million_vnd": "col_amount", "amount_text": "col_amount_text",
    "funding_source": "col_funding", "note": "col_note", "total": "col_total",
    "n_lines": "col_lines", "source_file": "col_file", "source_sheet": "col_sheet",
    "source_row": "col_row", "source_col": "col_col", "target_source_file": "col_file",
    "target_source_sheet": "col_sheet", "target_source_row": "col_row",
    "actual_source_file": "col_result_file", "actual_source_sheet": "col_result_sheet",
    "actual_source_row": "col_result_row", "synthetic": "col_synthetic",
    "n_targets": "col_n_targets", "n_no_result": "col_n_no_result",
    "n_missing_canonical": "col_n_missing", "n_pillars_no_budget": "col_n_groups_no_budget",
    "n_budget_lines": "col_n_budget_lines", "n_communes_planning": "col_n_planning",
    "file_name": "col_file", "loaded_at": "col_loaded_at", "target_years": "col_target_years",
    "result_periods": "col_periods", "n_actuals": "col_n_actuals", "n_budget": "col_n_budget",
    "n_warnings": "col_warnings", "period": "col_period", "value_text": "col_result",
    "assessment": "col_assessment", "flags": "col_flags", "actual_conflict": "col_conflict",
    "source_name": "col_funding", "status_name": "col_budget_status", "label": "col_indicator",
}


def _name_col(df: pd.DataFrame, base: str, lang: str) -> pd.Series:
    col = f"{base}_en" if lang == "en" and f"{base}_en" in df else base
    return df[col]


def _pillar(df: pd.DataFrame, lang: str) -> pd.Series:
    return _name_col(df, "pillar_name", lang).fillna(t("no_pillar", lang))


def _status(df: pd.DataFrame, lang: str, col: str = "status") -> pd.Series:
    return df[col].map(lambda s: status_label(s, lang))


def _num(series: pd.Series, lang: str, digits: int = 0) -> pd.Series:
    return series.map(lambda v: fmt.num(v, digits, lang))


def _int(series: pd.Series) -> pd.Series:
    return series.astype("Int64")


def _frame(cols: dict[str, pd.Series], lang: str) -> pd.DataFrame:
    return pd.DataFrame({t(k, lang): v for k, v in cols.items()})


def gap_text(gap, unit, status: str, lang: str) -> str:
    """Behind: the distance in the indicator's unit; achieved beyond the target: by how much."""
    if status == "behind":
        return fmt.gap(gap, unit, lang)
    if status == "achieved" and gap is not None and not pd.isna(gap) and gap < 0:
        return f"{'vượt' if lang == 'vi' else 'ahead by'} {fmt.gap(-gap, unit, lang)}"
    return "–"


def progress(df: pd.DataFrame, lang: str, *, with_commune: bool = True,
             with_gap: bool = False, with_indicator: bool = True) -> pd.DataFrame:
    """Targets with status; provenance of the target and of the result."""
    cols: dict[str, pd.Series] = {}
    if with_commune:
        cols["col_commune"] = df["commune_key"]
    if with_indicator:
        cols["col_pillar"] = _pillar(df, lang)
        cols["col_indicator"] = _name_col(df, "indicator_name", lang)
    cols["col_year"] = df["target_year"].astype("Int64").astype(str)
    cols["col_target"] = df["target_text"]
    result = df["actual_text"].fillna("")
    period = df["actual_period"].fillna("")
    cols["col_result"] = result.where(period == "", result + " (" + period + ")")
    cols["col_status"] = _status(df, lang)
    if with_gap:
        cols["col_gap"] = [gap_text(g, u, st, lang)
                           for g, u, st in zip(df["gap"], df["unit"], df["status"])]
    cols["col_lead"] = df["lead_unit"].fillna("")
    cols["col_file"] = df["target_source_file"]
    cols["col_sheet"] = df["target_source_sheet"]
    cols["col_row"] = _int(df["target_source_row"])
    cols["col_result_file"] = df["actual_source_file"].fillna("")
    cols["col_result_sheet"] = df["actual_source_sheet"].fillna("")
    cols["col_result_row"] = _int(df["actual_source_row"])
    return _frame(cols, lang)


def compare(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One indicator across communes: the indicator is in the chart title, not repeated."""
    return progress(df, lang, with_gap=True, with_indicator=False)


def budget(df: pd.DataFrame, lang: str, *, with_commune: bool = True) -> pd.DataFrame:
    cols: dict[str, pd.Series] = {}
    if with_commune:
        cols["col_commune"] = df["commune_key"]
    cols.update({
        "col_year": df["plan_year"].astype("Int64").astype(str),
        "col_task": df["task"],
        "col_pillar": _pillar(df, lang),
        "col_lead": df["lead_unit"].fillna(""),
        "col_amount": _num(df["amount_million_vnd"], lang),
        "col_amount_text": df["amount_text"].fillna(""),
        "col_funding": df["funding_source"].fillna(t("no_source", lang)),
        "col_budget_status": df["status"].fillna(t("no_status", lang)),
        "col_note": df["note"].fillna(""),
        "col_file": df["source_file"], "col_sheet": df["source_sheet"],
        "col_row": _int(df["source_row"]), "col_col": df["source_col"],
    })
    return _frame(cols, lang)


def money(df: pd.DataFrame, lang: str, label_col: str, label_key: str,
          missing: str = "") -> pd.DataFrame:
    cols = {label_key: df[label_col].fillna(missing), "col_total": _num(df["total"], lang),
            "col_lines": _int(df["n_lines"])}
    if "source_files" in df:
        cols["col_file"] = df["source_files"]
    return _frame(cols, lang)


def lead_units(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    return _frame({
        "col_lead": df["lead_unit"].fillna(t("no_lead_unit", lang)),
        "col_n_targets": _int(df["n"]),
        "status_achieved": _int(df["achieved"]), "status_behind": _int(df["behind"]),
        "status_no_data": _int(df["no_data"]), "status_not_comparable": _int(df["not_comparable"]),
    }, lang)


def coverage_summary(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    return _frame({
        "col_commune": df["commune_key"],
        "col_year": df["target_year"].astype("Int64").astype(str),
        "col_n_targets": _int(df["n_targets"]),
        "col_n_no_result": _int(df["n_no_result"]),
        "col_n_missing": _int(df["n_missing_canonical"]),
        "col_n_budget_lines": _int(df["n_budget_lines"]),
        "col_n_groups_no_budget": _int(df["n_pillars_no_budget"]),
    }, lang)


def missing_targets(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    return _frame({
        "col_commune": df["commune_key"],
        "col_pillar": _pillar(df, lang),
        "col_indicator": _name_col(df, "indicator_name", lang),
        "col_code": df["indicator_code"],
        "col_n_planning": _int(df["n_communes_planning"]),
    }, lang)


def no_result(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    return _frame({
        "col_commune": df["commune_key"],
        "col_pillar": _pillar(df, lang),
        "col_indicator": _name_col(df, "indicator_name", lang),
        "col_year": df["target_year"].astype("Int64").astype(str),
        "col_target": df["target_text"],
        "col_lead": df["lead_unit"].fillna(""),
        "col_file": df["source_file"], "col_sheet": df["source_sheet"],
        "col_row": _int(df["source_row"]),
    }, lang)


def coverage_budget(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    return _frame({
        "col_commune": df["commune_key"],
        "col_pillar": _pillar(df, lang),
        "col_n_targets": _int(df["n_targets"]),
    }, lang)


def plans(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    return _frame({
        "col_file": df["file_name"],
        "col_loaded_at": df["loaded_at"].map(lambda d: fmt.day(d, lang)),
        "col_target_years": df["target_years"].fillna(""),
        "col_periods": df["result_periods"].fillna(""),
        "col_n_targets": _int(df["n_targets"]), "col_n_actuals": _int(df["n_actuals"]),
        "col_n_budget": _int(df["n_budget"]), "col_warnings": _int(df["n_warnings"]),
    }, lang)


def results(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    return _frame({
        "col_period": df["period"],
        "col_pillar": _pillar(df, lang),
        "col_indicator": _name_col(df, "indicator_name", lang),
        "col_result": df["value_text"],
        "col_assessment": df["assessment"].fillna(""),
        "col_flags": df["flags"].fillna(""),
        "col_file": df["source_file"], "col_sheet": df["source_sheet"],
        "col_row": _int(df["source_row"]), "col_col": df["source_col"],
    }, lang)


def ambition(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    y0 = int(df["y0"].min()) if len(df) else 0
    y1 = int(df["y1"].max()) if len(df) else 0
    out = _frame({
        "col_commune": df["commune_key"],
        "col_pillar": _pillar(df, lang),
        "col_indicator": _name_col(df, "indicator_name", lang),
    }, lang)
    out[f"{t('col_target', lang)} {y0}"] = df["text0"].values
    out[f"{t('col_target', lang)} {y1}"] = df["text1"].values
    out[t("col_file", lang)] = df["source_file"].values
    out[t("col_sheet", lang)] = df["source_sheet"].values
    out[f"{t('col_row', lang)} {y0}"] = _int(df["source_row_y0"]).values
    out[f"{t('col_row', lang)} {y1}"] = _int(df["source_row_y1"]).values
    return out


def export_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The raw data behind a chart (numbers stay numbers) with readable headers."""
    drop = [c for c in df.columns if c in ("n_total", "grand_total", "rank_worst", "rank_best")]
    out = df.drop(columns=drop)
    seen: set[str] = set()
    names = []
    for c in out.columns:
        name = t(HEADERS[c], lang) if c in HEADERS else c
        if name in seen:
            name = f"{name} ({c})"
        seen.add(name)
        names.append(name)
    out.columns = names
    return out
