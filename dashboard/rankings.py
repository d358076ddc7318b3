"""Fair rankings: communes within their province and provinces within the country, by shares
(never raw counts, so a big province does not look worst for being big), with n beside every
share, ties as ties, and the change in rank since the previous period.

Input: rows of ``progress`` (one per commune x indicator x target year) with at least
``commune, province, status`` and, for a change in rank, a period column (``target_year`` or
any ordered column). Pure pandas; names in Vietnamese order (:mod:`dashboard.vn_order`).

What counts (the one place this mapping lives):

=================  ==========  =========
status             assessed    achieved
=================  ==========  =========
achieved           yes         yes
on_track           yes         no
not_achieved       yes         no
off_track          yes         no
no_data            no          no
not_comparable     no          no
=================  ==========  =========

``behind`` (the status name before issue 10) counts as not achieved. Shares:
``share_achieved = n_achieved / n_assessed`` and ``share_assessed = n_assessed / n_targets``;
a unit with nothing assessed has no achieved share and is not ranked on it (``rank`` NaN).
Ranks are "min" ranks (1, 1, 3: two units tied first, the next is third), highest share first.
"""
from __future__ import annotations

import pandas as pd

from .vn_order import sort_frame

ASSESSED = {"achieved": True, "on_track": True, "not_achieved": True, "off_track": True,
            "behind": True, "no_data": False, "not_comparable": False}
ACHIEVED = {"achieved": True}
LEVELS = {"commune": ["province", "commune"], "province": ["province"]}
WITHIN = {"commune": ["province"], "province": []}  # communes rank within their province


def classify(status: pd.Series) -> pd.DataFrame:
    """status -> assessed / achieved flags (unknown statuses raise: never guessed)."""
    unknown = sorted(set(status.dropna().unique()) - set(ASSESSED))
    if unknown or status.isna().any():
        raise ValueError(f"unknown status: {unknown or 'missing'}")
    return pd.DataFrame({"assessed": status.isin([k for k, v in ASSESSED.items() if v]),
                         "achieved": status.isin(list(ACHIEVED))}, index=status.index)


def shares(df: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Per group: n_targets, n_assessed, n_achieved and the two shares."""
    flags = classify(df["status"])
    d = df[by].assign(assessed=flags["assessed"], achieved=flags["achieved"])
    g = d.groupby(by, dropna=False, sort=False)
    out = g.agg(n_targets=("assessed", "size"), n_assessed=("assessed", "sum"),
                n_achieved=("achieved", "sum")).reset_index()
    out["share_achieved"] = (out["n_achieved"] / out["n_assessed"]).where(out["n_assessed"] > 0)
    out["share_assessed"] = out["n_assessed"] / out["n_targets"]
    return out


def _rank_block(s: pd.DataFrame, within: list[str], col: str, name: str) -> pd.DataFrame:
    grp = s.groupby(within, sort=False)[col] if within else s[col]
    s[name] = grp.rank(method="min", ascending=False)
    # How many units share that rank, and whether everyone in the block ties.
    keys = within + [name]
    s[f"{name}_n_tied"] = s.groupby(keys, dropna=True, sort=False)[col].transform("size")
    if within:
        g = s.groupby(within, sort=False)[name]
        distinct, n_ranked = g.transform("nunique"), g.transform("count")
    else:
        distinct, n_ranked = s[name].nunique(), s[name].count()
    s[f"{name}_all_tied"] = (distinct == 1) & (n_ranked > 1)
    return s


def rank(df: pd.DataFrame, level: str = "commune", period: str | None = None,
         min_assessed: int = 1) -> pd.DataFrame:
    """Ranks of communes (within their province) or provinces (within the country).

    Columns: the level's keys (and ``period``), n_targets, n_assessed, n_achieved,
    share_achieved, share_assessed, ``rank`` (by share achieved among assessed),
    ``rank_n_tied`` (units sharing that rank), ``rank_all_tied`` (every ranked unit of the
    block ties: say so instead of listing a "top 15"), ``rank_assessed`` (by share assessed
    among targets, with its own ``_n_tied``/``_all_tied``), and with ``period``:
    ``rank_prev`` and ``rank_change`` (previous rank minus this one: +2 = up two places;
    NaN where the unit was not ranked in the previous period present in the data).
    Sorted by period, province (communes), rank, then name in Vietnamese order.
    ``min_assessed``: a unit with fewer assessed targets is shown (with its n) but not ranked
    on the achieved share, so 1 of 1 does not outrank 30 of 40 by chance.
    """
    keys = LEVELS[level]
    within = WITHIN[level] + ([period] if period else [])
    s = shares(df, keys + ([period] if period else []))
    s["share_achieved"] = s["share_achieved"].where(s["n_assessed"] >= min_assessed)
    s = _rank_block(s, within, "share_achieved", "rank")
    s = _rank_block(s, within, "share_assessed", "rank_assessed")
    if period:
        periods = sorted(s[period].dropna().unique())
        prev_of = dict(zip(periods[1:], periods[:-1]))
        prev = s[keys + [period, "rank"]].rename(columns={"rank": "rank_prev"})
        prev[period] = prev[period].map({p: n for n, p in prev_of.items()})
        s = s.merge(prev.dropna(subset=[period]), on=keys + [period], how="left")
        s["rank_change"] = s["rank_prev"] - s["rank"]
    order = ([period] if period else []) + WITHIN[level] + ["rank"] + keys[-1:]
    return sort_frame(s, order).reset_index(drop=True)


def ranked_label(row, lang: str = "vi") -> str:
    """'hạng 1 (đồng hạng 3)' / 'chưa xếp hạng' for a row of :func:`rank`."""
    from . import fmt
    from .i18n import t
    if pd.isna(row["rank"]):
        return t("rank_none", lang)
    r = fmt.num(row["rank"], 0, lang)
    n = int(row["rank_n_tied"])
    return t("rank_tied", lang, r=r, n=n) if n > 1 else t("rank_one", lang, r=r)


def change_label(v, lang: str = "vi") -> str:
    """+2 -> '▲ 2', -1 -> '▼ 1', 0 -> '=', NaN -> '' (no previous period)."""
    from . import fmt
    if v is None or pd.isna(v):
        return ""
    return "=" if v == 0 else f"{'▲' if v > 0 else '▼'} {fmt.num(abs(v), 0, lang)}"


def table(r: pd.DataFrame, level: str, lang: str = "vi") -> pd.DataFrame:
    """A readable ranking: rank (ties said), name, achieved n/N (share), assessed n/N (share),
    and the change in rank when there is a previous period."""
    from . import fmt
    from .i18n import t
    out = {t("rank_col", lang): [ranked_label(row, lang) for _, row in r.iterrows()]}
    if level == "commune":
        out[t("col_commune", lang)] = r["commune"].values
    out[t("col_province", lang)] = r["province"].values
    out[t("rank_col_achieved", lang)] = [
        f"{fmt.num(a, 0, lang)}/{fmt.num(b, 0, lang)} ({fmt.share(a, b, lang)})"
        for a, b in zip(r["n_achieved"], r["n_assessed"])]
    out[t("rank_col_assessed", lang)] = [
        f"{fmt.num(a, 0, lang)}/{fmt.num(b, 0, lang)} ({fmt.share(a, b, lang)})"
        for a, b in zip(r["n_assessed"], r["n_targets"])]
    if "rank_change" in r:
        out[t("rank_col_change", lang)] = [change_label(v, lang) for v in r["rank_change"]]
    return pd.DataFrame(out)


def tie_note(r: pd.DataFrame, lang: str = "vi") -> str | None:
    """When every ranked unit ties (e.g. a done/not-done indicator everyone achieved), the
    sentence to show instead of a best/worst list; None otherwise."""
    from .i18n import t
    ranked = r[r["rank"].notna()]
    if len(ranked) > 1 and bool(ranked["rank_all_tied"].all()):
        return t("rank_all_tied", lang, n=len(ranked))
    return None
