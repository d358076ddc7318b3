"""Display side of the coverage page: readable tables (Vietnamese headers, ✓/✗ with counts),
export frames, and a per-province share chart (shares with n). Pure: frames in, frames or
figures out."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from . import charts, fmt
from .i18n import t

MEASURES = {  # list choice -> (flag column of units, count columns of by_province)
    "no_plan": ("has_plan", "n_plan", "n_no_plan"),
    "no_results": ("has_results", "n_results", "n_no_results"),
    "silent": ("has_results", "n_results", "n_no_results"),
    "all": ("has_results", "n_results", "n_no_results"),
}


def _when(v, lang: str) -> str:
    if v is None or pd.isna(v):
        return "–"
    return fmt.day(v, lang)


def _days(series: pd.Series, lang: str) -> list[str]:
    """Dates formatted once per distinct day (babel is slow per cell at 3,321 rows)."""
    days = pd.to_datetime(series).dt.normalize()
    text = {d: _when(d, lang) for d in days.dropna().drop_duplicates()}
    return [text[d] if not pd.isna(d) else "–" for d in days]


def _unit_type(v, lang: str) -> str:
    """The register's unit type in the UI language ('xã' -> 'commune'); another as written."""
    words = {"xã": t("cov_type_xa", lang), "phường": t("cov_type_phuong", lang),
             "đặc khu": t("cov_type_dac_khu", lang)}
    return words.get(str(v).strip().lower(), v) if isinstance(v, str) else ""


def units_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per unit: what it sent for the year."""
    plan = [f"✓ {fmt.num(n, 0, lang)} {t('cov_targets_word', lang)}" if h
            else f"✗ {t('cov_none', lang)}" for h, n in zip(df["has_plan"], df["n_targets"])]
    res = [f"✓ {p} · {fmt.num(n, 0, lang)} {t('cov_targets_word', lang)}" if h
           else f"✗ {t('cov_none', lang)}"
           for h, p, n in zip(df["has_results"], df["latest_period"], df["n_results"])]
    out = pd.DataFrame({
        t("col_province", lang): df["province"].values,
        t("col_commune", lang): df["commune"].values,
        t("cov_col_type", lang): [_unit_type(v, lang) for v in df["unit_type"]],
        t("cov_col_code", lang): df["commune_code"].values,
        t("cov_col_plan", lang, y=int(df["plan_year"].iat[0]) if len(df) else ""): plan,
        t("cov_col_results", lang, y=int(df["plan_year"].iat[0]) if len(df) else ""): res,
        t("cov_col_last", lang): _days(df["last_import_at"], lang),
    })
    if df["province"].nunique() == 1:  # one province: said in the headline, room for ranks
        out = out.drop(columns=[t("col_province", lang)])
    if "rank" in df.columns:  # merged from dashboard.coverage.commune_ranks
        out = out.assign(**{
            t("rank_col_achieved", lang): [
                "–" if pd.isna(b) or not b else f"{fmt.num(a, 0, lang)}/{fmt.num(b, 0, lang)}"
                for a, b in zip(df["n_achieved"], df["n_assessed"])],
            # formatted here (Vietnamese decimal comma; "–" where nothing was assessed, never
            # "None" on a slide)
            t("cov_col_share_achieved", lang): [
                "–" if pd.isna(v) else fmt.num(100 * v, 1, lang) for v in df["share_achieved"]],
            t("cov_col_rank", lang): [
                "–" if pd.isna(v) else str(int(v)) for v in df["rank"]],
        })
    return out


def reporting_caption(tot, lang: str) -> str:
    """What a chart or tile rests on, for its caption: "Kết quả năm 2026 từ 43/130 xã; kế
    hoạch từ 120/130 xã" (``tot``: a row of :func:`dashboard.coverage.totals`)."""
    n = lambda v: fmt.num(v, 0, lang)  # noqa: E731
    return t("cov_caption", lang, y=int(tot["plan_year"]), r=n(tot["n_results"]),
             p=n(tot["n_plan"]), n=n(tot["n_units"]))


def _share(n, total, lang: str) -> str:
    return f"{fmt.num(n, 0, lang)}/{fmt.num(total, 0, lang)} ({fmt.share(n, total, lang)})"


def provinces_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per province: units, with a plan (n/N, share), with results, nothing sent."""
    return pd.DataFrame({
        t("col_province", lang): df["province"].values,
        t("cov_col_units", lang): df["n_units"].astype("Int64").values,
        t("cov_col_with_plan", lang): [_share(a, b, lang) for a, b in
                                      zip(df["n_plan"], df["n_units"])],
        t("cov_col_with_results", lang): [_share(a, b, lang) for a, b in
                                         zip(df["n_results"], df["n_units"])],
        t("cov_col_silent", lang): df["n_silent"].astype("Int64").values,
    })


EXPORT_UNITS = {"province": "col_province", "commune": "col_commune", "unit_type": "cov_col_type",
                "commune_code": "cov_col_code", "plan_year": "col_year",
                "has_plan": "cov_x_has_plan", "n_targets": "col_n_targets",
                "n_budget_lines": "col_n_budget_lines", "has_results": "cov_x_has_results",
                "latest_period": "cov_x_latest", "n_results": "cov_x_n_results",
                "last_import_at": "cov_col_last", "n_assessed": "cov_x_n_assessed",
                "n_achieved": "cov_x_n_achieved", "share_achieved": "cov_col_share_achieved",
                "rank": "cov_col_rank", "synthetic": "col_synthetic"}
EXPORT_PROVINCES = {"province": "col_province", "province_code": "cov_x_province_code",
                    "n_units": "cov_col_units", "n_plan": "cov_x_has_plan",
                    "n_no_plan": "cov_x_no_plan", "n_results": "cov_x_has_results",
                    "n_no_results": "cov_x_no_results", "n_silent": "cov_col_silent",
                    "share_plan": "cov_x_share_plan", "share_results": "cov_x_share_results",
                    "last_import_at": "cov_col_last", "synthetic": "col_synthetic"}


def export(df: pd.DataFrame, headers: dict[str, str], lang: str) -> pd.DataFrame:
    """Raw values (numbers stay numbers) under readable headers, for .csv/.xlsx."""
    cols = [c for c in headers if c in df.columns]
    out = df[cols].copy()
    out.columns = [t(headers[c], lang) for c in cols]
    return out


def province_bars(df: pd.DataFrame, meta: charts.ChartMeta, which: str) -> go.Figure:
    """One 100 % bar per province: share of its units with (colour) and without (grey) a plan
    or results, "43/130" written on the bar, so big and small provinces compare fairly."""
    lang, fs = meta.lang, meta.font_size
    if df.empty:
        return charts.empty_figure(meta, t("cov_no_units", lang))
    _, yes, no = MEASURES[which]
    d = df.reset_index(drop=True)
    labels = [charts.wrap(p, 30, 2) for p in d["province"]]
    right = int(fs * (14 if meta.briefing else 16))
    ys = list(range(len(d)))
    share_yes = d[yes] / d["n_units"] * 100
    fig = go.Figure()
    # A light 100 % track behind each bar, the share in colour over it, and "n/N (share) · k
    # chưa có" written to the right of the track (never rotated or hidden inside a thin bar).
    fig.add_trace(go.Bar(y=ys, x=[100] * len(d), orientation="h", hoverinfo="skip",
                         marker=dict(color="#E6E6E6"), showlegend=False, name=""))
    fig.add_trace(go.Bar(
        y=ys, x=share_yes, orientation="h", name=t(f"cov_legend_{yes}", lang),
        meta=dict(glyph="■", color=charts.OI["blue"]), marker=dict(color=charts.OI["blue"]),
        hovertemplate="%{customdata}<extra></extra>",
        customdata=[f"{p}: {_share(a, b, lang)}" for p, a, b in
                    zip(d["province"], d[yes], d["n_units"])]))
    fig.add_trace(go.Scatter(
        x=[100] * len(d), y=ys, mode="text", hoverinfo="skip", showlegend=False,
        text=[f"  {_share(a, b, lang)}" + (f" · {fmt.num(k, 0, lang)} {t('cov_none', lang)}"
                                           if k else "")
              for a, b, k in zip(d[yes], d["n_units"], d[no])],
        textposition="middle right", cliponaxis=False,
        textfont=dict(size=fs - 2, color="#222222")))
    fig.update_layout(barmode="overlay", bargap=0.3)
    fig.update_yaxes(tickvals=ys, ticktext=labels, autorange="reversed", tickfont=dict(size=fs - 1))
    fig.update_xaxes(range=[0, 100], ticksuffix="%", gridcolor="#E5E5E5", dtick=25)
    per_row = 32 if meta.briefing else 28
    height = 40 + per_row * len(d)
    return charts._finish(fig, meta, max(160, height), left=charts.left_margin(labels, fs - 1),
                          right=right)
