"""Display tables: a query result in, a readable frame out (Vietnamese headers and number
formats, status with its symbol, provenance file/sheet/row last). Works on the bounded,
paginated frames the queries return; exports use :func:`export_frame` (raw numbers, headers
from the column contracts of :mod:`dashboard.columns`)."""
from __future__ import annotations

import pandas as pd

from . import columns, fmt, safe_text
from .fmt import budget_status_name
from . import status as ST
from .i18n import status_label, t, w



def _named(df: pd.DataFrame, raw: str, norm: str, key: str, raw_key: str, cols: dict,
           missing: str = "", lang: str = "vi") -> None:
    """The normalised name under ``key``; the text as written under ``raw_key``, only when
    some row's spelling differs from its name (so the trace keeps what the file says)."""
    if norm not in df:
        cols[key] = df[raw].fillna(missing)
        return
    name = df[norm].where(df[norm].notna(), df[raw])
    shown = name.map(lambda v: fmt.funding_name(v, lang)) if norm == "funding_source_norm" \
        else name  # a funding source's normalised name in the UI language
    cols[key] = shown.fillna(missing)
    differs = df[raw].notna() & (df[raw].fillna("").str.strip() != shown.fillna(""))
    if differs.any():
        cols[raw_key] = df[raw].fillna("")


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


def gap_text(gap, unit, status: str, lang: str, kind: str | None = "exact") -> str:
    """Behind (not achieved, off track): the distance in the indicator's unit, as a bound when
    the result is one; achieved beyond the target: by how much; a bound that cannot decide:
    the bound ("tối đa 20 điểm %")."""
    if gap is None or pd.isna(gap) or kind in (None, "none"):
        return "–"
    if status in ST.BEHIND or status == "not_comparable":
        return fmt.gap_bound(gap, kind, unit, lang)
    if status == "achieved" and gap < 0 and kind == "exact":
        return t("gap_ahead", lang, g=fmt.gap(-gap, unit, lang))
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
    cols["col_target_year"] = df["target_year"].astype("Int64").astype(str)
    cols["col_target"] = qualified(df, "target", lang)
    cols["col_result"] = qualified(df, "actual", lang)
    cols["col_result_period"] = df["actual_period"].fillna("")
    cols["col_status"] = _status(df, lang)
    if with_gap:
        kinds = df["gap_kind"] if "gap_kind" in df else ["exact"] * len(df)
        cols["col_gap"] = [gap_text(g, u, st, lang, k)
                           for g, u, st, k in zip(df["gap"], df["unit"], df["status"], kinds)]
    if "forecast_likelihood" in df:
        open_ = df["status"].isin(("on_track", "off_track")) & (df["status_rule"] == "forecast")
        cols["col_forecast"] = [fmt.likelihood(v, lang) if o else ""
                                for v, o in zip(df["forecast_likelihood"], open_)]
    _named(df, "lead_unit", "lead_unit_norm", "col_lead", "col_lead_raw", cols)
    cols["col_file"] = df["target_source_file"]
    cols["col_sheet"] = df["target_source_sheet"]
    cols["col_row"] = _int(df["target_source_row"])
    cols["col_result_file"] = df["actual_source_file"].fillna("")
    cols["col_result_sheet"] = df["actual_source_sheet"].fillna("")
    cols["col_result_row"] = _int(df["actual_source_row"])
    if lang != "vi":  # the cells as typed, next to their provenance
        cols["col_target_raw"] = df["target_text"].fillna("")
        cols["col_result_raw"] = df["actual_text"].fillna("")
    return _frame(cols, lang)


def qualified(df: pd.DataFrame, side: str, lang: str) -> list[str]:
    """A value as typed, with what qualifies it (catalogue 2026.1): its scope ("từ 16 tuổi",
    "chỉ ngân hàng") and an analyst's ``inferred`` flag, so unlike values compared side by
    side say so, and an inferred value never reads as a figure of the document."""
    text = df[f"{side}_text"].fillna("") if f"{side}_text" in df else [""] * len(df)
    if lang != "vi" and f"{side}_text" in df:  # in the UI language, from the parsed columns
        render = fmt.target_text if side == "target" else fmt.result_text
        text = [render(r, lang) if tx else "" for tx, r in
                zip(text, df.to_dict("records"))]
    scopes = df[f"{side}_scope"] if f"{side}_scope" in df else [None] * len(df)
    flags = df[f"{side}_flags"] if f"{side}_flags" in df else [None] * len(df)
    out = []
    for tx, sc, fl in zip(text, scopes, flags):
        parts = [str(tx)]
        if isinstance(sc, str) and sc.strip():
            parts.append(f"[{sc.strip()}]")
        if tx and isinstance(fl, str) and "inferred" in fl.split(","):
            parts.append(t("value_inferred", lang))
        out.append(" ".join(parts) if tx else "")
    return out


def compare(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One indicator across communes: the indicator is in the chart title, not repeated.
    A commune with two rows (two targets of the indicator) gets each row's own wording."""
    out = progress(df, lang, with_gap=True, with_indicator=False)
    if "doc_label" in df and df["commune_key"].duplicated().any():
        out.insert(1, t("col_doc_label", lang), df["doc_label"].fillna("").values)
    return out


def budget(df: pd.DataFrame, lang: str, *, with_commune: bool = True) -> pd.DataFrame:
    cols: dict[str, pd.Series] = {}
    if with_commune:
        cols["col_commune"] = df["commune_key"]
    cols.update({
        "col_year": df["plan_year"].astype("Int64").astype(str),
        "col_task": df["task"],
        "col_pillar": _pillar(df, lang),
    })
    _named(df, "lead_unit", "lead_unit_name", "col_lead", "col_lead_raw", cols)
    cols.update({
        "col_amount": _num(df["amount_million_vnd"], lang),
        "col_amount_text": df["amount_text"].fillna(""),
    })
    _named(df, "funding_source", "funding_source_norm", "col_funding", "col_funding_raw", cols,
           t("no_source", lang), lang=lang)
    cols.update({
        "col_budget_status": df["status"].map(lambda v: budget_status_name(v, lang))
                                         .fillna(t("no_status", lang)),
        "col_note": df["note"].fillna(""),
        "col_file": df["source_file"], "col_sheet": df["source_sheet"],
        "col_row": _int(df["source_row"]), "col_col": df["source_col"],
    })
    return _frame(cols, lang)


def money(df: pd.DataFrame, lang: str, label_col: str, label_key: str,
          missing: str = "") -> pd.DataFrame:
    labels = df[label_col]
    if label_key == "col_budget_status":  # as the plans write it, in the UI language
        labels = labels.map(lambda v: budget_status_name(v, lang))
    cols = {label_key: labels.fillna(missing), "col_total": _num(df["total"], lang),
            "col_lines": _int(df["n_lines"])}
    if "source_files" in df:  # a LIST, shown as a list: each file name whole
        cols["col_files"] = df["source_files"].map(columns.as_list)
    return _frame(cols, lang)


def lead_units(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = _frame({
        "col_lead": df["lead_unit"].fillna(t("no_lead_unit", lang)),
        "col_n_targets": _int(df["n"]),
    }, lang)
    for code in ST.ORDER:
        out[ST.label(code, lang)] = _int(df[code]).values
    return out


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
    for k, y in (("0", y0), ("1", y1)):  # in the UI language; the cells as typed below
        texts = df[f"text{k}"]
        if lang != "vi":
            texts = [fmt.spec_text(tx, kd, op, lo, hi, u, lang) if isinstance(tx, str) else ""
                     for tx, kd, op, lo, hi, u in zip(
                         texts, df[f"kind{k}"], df[f"op{k}"], df[f"low{k}"], df[f"high{k}"],
                         df[f"unit{k}"])]
        out[f"{t('col_target', lang)} {y}"] = list(texts)
    out[t("col_file", lang)] = df["source_file"].values
    out[t("col_sheet", lang)] = df["source_sheet"].values
    out[f"{t('col_row', lang)} {y0}"] = _int(df["source_row_y0"]).values
    out[f"{t('col_row', lang)} {y1}"] = _int(df["source_row_y1"]).values
    if lang != "vi":
        out[f"{t('col_target_raw', lang)} {y0}"] = df["text0"].fillna("").values
        out[f"{t('col_target_raw', lang)} {y1}"] = df["text1"].fillna("").values
    return out


def export_frame(df: pd.DataFrame, lang: str, view: str | None = None) -> pd.DataFrame:
    """The raw data behind a chart or table (numbers stay numbers) with readable headers:
    the columns its view's contract exports, in order (:mod:`dashboard.columns`)."""
    return columns.export(df, lang, view)


# --------------------------------------------------------------------------- why this status
def _cell(file, sheet, row, col, text, lang: str) -> str:
    if not isinstance(file, str) or not file:
        return ""
    c = t("why_col", lang, col=col) if isinstance(col, str) and col else ""
    r = "–" if row is None or pd.isna(row) else str(int(row))
    text = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    # file, sheet and cell text came from a workbook: shown as text, not Markdown
    return t("why_cell", lang, file=safe_text.md(file), sheet=safe_text.md(sheet or ""), row=r,
             col=c, text=safe_text.md(text))


def _v(x, unit, lang: str) -> str:
    return fmt.value(x, unit if isinstance(unit, str) else None, lang)


def why(r: dict, lang: str) -> str:
    """The explanation of one progress row, as markdown, from the contract's columns only:
    both cells with their provenance, the periods, how the target reads, the rule applied,
    the gap and, for a forecast, its method, points, peers, projection and likelihood."""
    def get(k):
        v = r.get(k)
        return None if v is None or (not isinstance(v, str) and pd.isna(v)) else v
    unit = get("unit")
    y = get("target_year")
    y = int(y) if y is not None else ""
    lines = [f"**{ST.label(get('status'), lang)}** — {ST.get(get('status')).help(lang)}"
             if ST.get(get("status")) else ""]
    lines.append(f"- **{t('why_target_cell', lang)}:** "
                 + _cell(get("target_source_file"), get("target_source_sheet"),
                         get("target_source_row"), get("target_source_col"), get("target_text"),
                         lang))
    if get("actual_kind") is not None:
        res = _cell(get("actual_source_file"), get("actual_source_sheet"),
                    get("actual_source_row"), get("actual_source_col"), get("actual_text"), lang)
    else:
        res = t("why_no_result", lang, y=y)
    lines.append(f"- **{t('why_result_cell', lang)}:** {res}")
    raw_lead, lead = get("lead_unit"), get("lead_unit_norm") or get("lead_unit")
    if raw_lead:  # the normalised name, and the spelling of the file when it differs
        text = (safe_text.md(lead) if str(raw_lead).strip() == lead else
                t("why_lead_raw", lang, name=safe_text.md(lead), raw=safe_text.md(raw_lead)))
        lines.append(f"- **{t('why_lead', lang)}:** {text}")
    lines.append("- " + t("why_periods", lang, y=y,
                          open=t("why_open" if get("year_open") else "why_closed", lang),
                          p=get("actual_period") or "–", asof=get("as_of_period") or "–"))
    thr = ""
    if get("threshold") is not None:
        thr = t("why_threshold", lang, v=_v(get("threshold"), unit, lang),
                strict=t("why_strict", lang) if get("threshold_strict") else "")
    lines.append("- " + t("why_reading", lang, shape=w(f"shape_{get('target_shape')}", lang),
                          direction=w(f"dir_{get('direction')}", lang), thr=thr))
    rule = get("status_rule") or ""
    lines.append(f"- **{t('why_rule', lang)}:** "
                 + w(f"rule_{rule}", lang, p=get("actual_period") or "–", y=y,
                     u1=unit or "–", u2=get("actual_unit") or "–"))
    kind = get("gap_kind") or "none"
    if kind != "none":
        g = fmt.gap(get("gap"), unit, lang)
        lines.append(f"- **{t('why_gap', lang)}:** {w(f'gap_{kind}', lang, g=g)}")
    method = get("forecast_method")
    if method == "milestone":
        lines.append(f"- **{t('why_forecast', lang)}:** "
                     + t("why_milestone", lang, due=fmt.day(get("due_date"), lang)))
    elif method and get("status") in ("on_track", "off_track"):
        peers = ""
        if get("forecast_peers"):
            pace = fmt.gap(get("peer_pace"), unit, lang)
            peers = t("why_peers", lang, n=int(get("forecast_peers")),
                      scope=t(f"scope_{get('forecast_peer_scope')}", lang), pace=pace)
        lines.append(f"- **{t('why_forecast', lang)}:** " + t(
            "why_forecast_line", lang, method=w(f"method_{method}", lang),
            n=int(get("forecast_points") or 0), first=get("forecast_first_period") or "–",
            last=get("forecast_last_period") or "–", peers=peers, y=y,
            value=_v(get("forecast_value"), unit, lang),
            p=fmt.likelihood(get("forecast_likelihood"), lang)))
        if get("required_pace") is not None:
            own = get("own_pace")
            text = t("why_paces", lang, req=fmt.gap(get("required_pace"), unit, lang),
                     own=fmt.gap(own, unit, lang), h=fmt.num(get("forecast_horizon"), 2, lang))
            if own is None:  # one point: no pace of its own
                text = text.split(";")[0] + "."
            lines.append("- " + text)
    return "\n".join(x for x in lines if x)
