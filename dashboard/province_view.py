"""A province leader's view at national scale (130 communes in Nghệ An): which communes a
page shows, in what order, and what a figure says about the ones it leaves out.

Pure pandas, no Streamlit, so every rule is tested on whole frames:

* :func:`commune_order` — the communes of a scope with their shares (``dashboard.rankings``),
  ordered by what matters: most behind first (lowest share achieved among assessed, with n),
  best first, or by name (Vietnamese order). A commune with nothing assessed has no share: it
  comes last in both share orders (it is not "worst", it is silent — see Xã đã báo cáo).
* :func:`cut_with_ties` — the first k rows of an ordered frame without splitting a tie: a
  tie group that would cross the cut is left out whole and counted, so "the 8 furthest
  behind" never picks among equals by name.
* :func:`ends` — one indicator across communes: the k furthest behind and the k best placed,
  ties kept whole, and a sentence when every commune ties (instead of picking 15);
  :func:`compare_ends` the rows a compare chart draws and its note (page and pack).
* :func:`unit_label` — "An Lĩnh · 5/31 đạt (16,1%)": the row label of a heatmap row.
"""
from __future__ import annotations

import pandas as pd

from . import fmt
from . import status as ST
from .i18n import t
from .rankings import rank
from .vn_order import sort_frame

PAGE = 30            # communes per page of the Tổng quan heatmap and the Kinh phí bars
BRIEFING_UNITS = 8   # communes on the one-slide heatmap (plus the province row)
SORTS = ("behind", "ahead", "name")


def commune_ranks(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows``: progress rows (commune, province, status) -> one row per commune with
    n_targets, n_assessed, n_achieved, share_achieved, rank within its province (ties as
    ties) and ``commune_key``."""
    cols = ["province", "commune", "commune_key", "n_targets", "n_assessed", "n_achieved",
            "share_achieved", "share_assessed", "rank", "rank_n_tied", "rank_all_tied"]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    r = rank(rows[["commune", "province", "status"]], "commune")
    r["commune_key"] = r["commune"] + " (" + r["province"] + ")"
    return r[cols]


def commune_order(ranks: pd.DataFrame, how: str = "behind") -> pd.DataFrame:
    """``ranks`` (:func:`commune_ranks`) in display order; ``position`` numbers them 1..n."""
    if how == "name":
        out = sort_frame(ranks, ["province", "commune"])
    else:
        out = sort_frame(ranks, ["share_achieved", "province", "commune"],
                         ascending=[how == "behind", True, True])
    return out.reset_index(drop=True).assign(position=lambda d: range(1, len(d) + 1))


def _groups(score: pd.Series) -> pd.Series:
    """Consecutive equal values (NaN equal to NaN) share a group id."""
    k = score.astype(object).where(score.notna(), "\0nan")
    return (k != k.shift()).cumsum()


def cut_with_ties(df: pd.DataFrame, score: str, k: int) -> tuple[pd.DataFrame, int]:
    """(first rows of ``df`` up to ``k`` never splitting a tie on ``score``, rows left out
    because they tie across the cut). ``df`` is already in order."""
    d = df.reset_index(drop=True)
    if len(d) <= k:
        return d, 0
    g = _groups(d[score])
    boundary = g.iat[k]
    if g.iat[k - 1] != boundary:
        return d.iloc[:k], 0
    keep = d[g < boundary]
    return keep, int((g == boundary).sum())


def _standing(d: pd.DataFrame) -> pd.DataFrame:
    """Sort columns for one indicator's rows: ``_c`` the status class (0 behind, 1 on track,
    2 achieved), ``_g`` the gap (NaN last) and ``_k`` the tie key (class, gap)."""
    c = d["status"].map(lambda s: 0 if s in ST.BEHIND else (2 if s == "achieved" else 1))
    g = d["gap"].astype(float)
    key = [(int(a), "none" if pd.isna(b) else float(b)) for a, b in zip(c, g)]
    return d.assign(_c=c.values, _g=g.values, _k=pd.Series(key, index=d.index, dtype=object))


def ends(rows: pd.DataFrame, k: int) -> dict:
    """One indicator's rows (one per commune): the ``k`` furthest behind (behind statuses
    by largest gap, a behind without a number after them, then on track by gap) and the
    ``k`` best placed (achieved, most exceeded first), each cut without splitting a tie
    (same status class and same gap). Unassessed rows (no report, not comparable) are on
    neither side.

    Returns ``worst``/``best`` frames, ``worst_tied``/``best_tied`` (rows tied across the
    cut, not shown), ``all_tied`` (every assessed commune stands the same), ``n_assessed``."""
    d = rows.reset_index(drop=True)
    assessed = _standing(d[d["status"].isin(ST.ASSESSED)])
    all_tied = len(assessed) > 1 and assessed["_k"].nunique() == 1
    worst = assessed[assessed["_c"] < 2]
    worst = sort_frame(worst, ["_c", "_g", "commune_key"], [True, False, True])
    best = sort_frame(assessed[assessed["_c"] == 2], ["_g", "commune_key"], [True, True])
    w, wt = cut_with_ties(worst, "_k", k)
    b, bt = cut_with_ties(best, "_k", k)
    drop = ["_c", "_g", "_k"]
    return {"worst": w.drop(columns=drop), "best": b.drop(columns=drop), "worst_tied": wt,
            "best_tied": bt, "all_tied": bool(all_tied), "n_assessed": len(assessed),
            "n_behind": int((assessed["_c"] == 0).sum()), "n_achieved": len(best)}


def compare_ends(rows: pd.DataFrame, per_side: int, lang: str = "vi"
                 ) -> tuple[pd.DataFrame, str, bool]:
    """The rows a compare chart draws, on the page and in the pack (worst then best, ties
    kept whole), the note saying what was left out, and whether every assessed commune ties
    (say so, pick nobody)."""
    L = lang
    e = ends(rows, per_side)
    if e["all_tied"]:
        # communes, not rows: a plan with two target years gives a commune two rows
        n = rows.loc[rows["status"].isin(ST.ASSESSED), "commune_key"].nunique()
        return rows.iloc[0:0], t("pv_all_tied", L, n=fmt.num(n, 0, L)), True
    if len(rows) <= 2 * per_side:
        return rows, "", False
    shown = pd.concat([e["worst"], e["best"]], ignore_index=True)
    if shown.empty:  # every side is one long tie (done / not done): no pick by name
        return shown, t("pv_ties_only", L, n=fmt.num(len(rows), 0, L), k=per_side), True
    nw, nb, nn = len(e["worst"]), len(e["best"]), fmt.num(len(rows), 0, L)
    notes = [t("pv_ends", L, w=nw, b=nb, n=nn) if nw and nb else
             t("pv_ends_worst", L, w=nw, n=nn) if nw else t("pv_ends_best", L, b=nb, n=nn)]
    if e["worst_tied"]:
        notes.append(t("pv_worst_tied", L, n=fmt.num(e["worst_tied"], 0, L)))
    if e["best_tied"]:
        notes.append(t("pv_best_tied", L, n=fmt.num(e["best_tied"], 0, L)))
    return shown, " · ".join(notes), False


def unit_label(row, lang: str = "vi", with_province: bool = False) -> str:
    """'An Lĩnh\n5/31 đạt (16,1%)' (or 'chưa đánh giá được' when nothing is assessed): two
    lines, so the heatmap's left margin stays narrow and its cells wide."""
    name = row["commune_key"] if with_province else row["commune"]
    if not row["n_assessed"]:
        return f"{name}\n{t('pv_none_assessed', lang)}"
    a, b = int(row["n_achieved"]), int(row["n_assessed"])
    return f"{name}\n" + t("pv_share", lang, a=fmt.num(a, 0, lang), b=fmt.num(b, 0, lang),
                            s=fmt.share(a, b, lang))


def province_label(name: str, n_achieved, n_assessed, lang: str = "vi") -> str:
    """'Nghệ An (cả tỉnh)\n1.207/3.130 đạt (38,6%)'."""
    a, b = int(n_achieved or 0), int(n_assessed or 0)
    head = t("pv_whole_province", lang, p=name)
    if not b:
        return f"{head}\n{t('pv_none_assessed', lang)}"
    return f"{head}\n" + t("pv_share", lang, a=fmt.num(a, 0, lang), b=fmt.num(b, 0, lang),
                            s=fmt.share(a, b, lang))
