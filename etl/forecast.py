"""Will a commune reach its target? A projected value and a likelihood for every target row
whose target and latest result are numbers in the same unit (``progress_base.forecastable``).

The method, by how many numeric results the commune has for the indicator (up to the end of
the target year; one point per period, as ``progress_points`` gives them):

* **two or more points** — the commune's own trend, fitted by time-weighted least squares
  (UN ESCAP's *anticipated progress*: recent reports count more; weights halve every
  ``HALF_LIFE`` years back from the latest point), on a logit scale for percentages (so a
  projection never leaves 0–100 % and slows near 100 %), then *shrunk toward the peers'
  trend*: ``b = k·b_own + (1−k)·b_peers`` with ``k = n / (n + PRIOR_POINTS)``;
* **one point** — the yearly pace still required to reach the target compared with the
  yearly changes observed for the same indicator (and unit) in *other* communes that have a
  trend: the same province when it has at least ``MIN_PROVINCE_PEERS`` of them, otherwise
  the whole country (at least ``MIN_COUNTRY_PEERS``); with no peers there is no forecast.

The projection is the fitted level at the latest point carried forward at that pace to the
end of the target year; its uncertainty is the indicator's pooled residual noise plus the
spread of the slope (peers' spread, and the own slope's standard error) times the horizon.
The likelihood is the normal probability that the projected value is on the target's side
of the threshold. ``progress_live`` turns it into ``on_track`` (≥ 0.5) or ``off_track`` for
target years still open.

**Ranks** are relative (one commune's gain is another's loss), so a rank target is compared
with the latest rank (``latest_rank``: the projection is the latest rank, the likelihood 1
if it already meets the target and 0 otherwise) rather than extrapolated. Pure: frames in, a frame out (``etl.store.refresh_derived`` reads
the inputs from SQL and stores the output in ``progress_forecast``; ``bench`` back-tests it).
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

HALF_LIFE = 1.0          # years: a report one year older weighs half as much
PRIOR_POINTS = 4         # the peers' trend counts as this many points of the commune's own
MIN_PROVINCE_PEERS = 5
MIN_COUNTRY_PEERS = 3
EPS = 0.005              # percentages are clipped to [0.5 %, 99.5 %] before the logit

SERIES = ["commune", "province", "indicator_code", "unit"]
PEER = ["indicator_code", "unit"]
OUT_COLS = ["target_ref", "forecast_method", "forecast_points", "forecast_first_period",
            "forecast_last_period", "forecast_peers", "forecast_peer_scope", "own_pace",
            "peer_pace", "required_pace", "forecast_horizon", "forecast_value",
            "forecast_likelihood"]


def period_time(order: pd.Series) -> pd.Series:
    """period_order (year*10 + quarter, 5 = whole year) -> the end of the period in years:
    2025-Q1 -> 2025.25, 2025 (whole year) -> 2026.0."""
    o = order.astype("int64")
    q = o % 10
    return (o // 10).astype("float64") + np.where(q >= 5, 1.0, q / 4.0)


def _g(v: np.ndarray, pct: np.ndarray) -> np.ndarray:
    p = np.clip(v / 100.0, EPS, 1 - EPS)
    return np.where(pct, np.log(p / (1 - p)), v)


def _g_inv(y: np.ndarray, pct: np.ndarray) -> np.ndarray:
    return np.where(pct, 100.0 / (1.0 + np.exp(-np.where(pct, y, 0.0))), y)


def _phi(z: np.ndarray) -> np.ndarray:
    """The standard normal CDF, vectorised (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7;
    numpy has no erf and scipy is not worth a dependency for it)."""
    x = np.abs(z) / math.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                                                                        + t * 1.061405429))))
    erf = 1.0 - poly * np.exp(-x * x)
    return 0.5 * (1.0 + np.sign(z) * erf)


def _fit(pts: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Time-weighted least squares per group of points (columns t, y): n, span, first/last
    period, level at the latest point, slope per year, weighted residual sum of squares and
    the centred weighted sum of squares of time (for the slope's standard error)."""
    p = pts.sort_values(keys + ["t"], kind="stable")
    g = p.groupby(keys, sort=False)
    u = p["t"] - g["t"].transform("max")
    w = np.power(0.5, -u / HALF_LIFE)
    y = p["y"]
    p = p.assign(w=w, wu=w * u, wy=w * y, wuu=w * u * u, wuy=w * u * y, wyy=w * y * y)
    out = p.groupby(keys, sort=False).agg(
        n=("t", "size"), t_first=("t", "min"), t_last=("t", "max"),
        first_period=("period", "first"), last_period=("period", "last"),
        y_last=("y", "last"), v_last=("value", "last"), w=("w", "sum"), wu=("wu", "sum"),
        wy=("wy", "sum"), wuu=("wuu", "sum"), wuy=("wuy", "sum"), wyy=("wyy", "sum"))
    den = out["w"] * out["wuu"] - out["wu"] ** 2
    ok = (out["n"] >= 2) & (den > 1e-12)
    slope = (out["w"] * out["wuy"] - out["wu"] * out["wy"]) / den.where(ok)
    level = ((out["wy"] - slope * out["wu"]) / out["w"]).where(ok, out["y_last"])
    rss = (out["wyy"] - level * out["wy"] - slope * out["wuy"]).clip(lower=0).where(ok)
    out["slope"] = slope
    out["level"] = level
    out["rss"] = rss
    out["suu"] = (out["wuu"] - out["wu"] ** 2 / out["w"]).where(ok)
    return out[["n", "t_first", "t_last", "first_period", "last_period", "y_last", "v_last",
                "slope", "level", "rss", "suu", "w"]].reset_index()


def prepare_points(points: pd.DataFrame) -> pd.DataFrame:
    """progress_points rows -> points with t (years) and y (the fitting scale)."""
    p = points.copy()
    p["unit"] = p["unit"].fillna("")
    p["t"] = period_time(p["period_order"])
    p["value"] = p["value"].astype("float64")
    p["y"] = _g(p["value"].to_numpy(), (p["unit"] == "%").to_numpy())
    return p


PROVINCE_PEER_COLS = ["indicator_code", "unit", "province", "pn", "ps", "pss"]
COUNTRY_PEER_COLS = ["indicator_code", "unit", "cn", "cs", "css", "noise_var"]


def _series(points: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Points with t, y and one integer id per series; the series; each series' full fit."""
    pts = prepare_points(points)
    # one integer id per series: every groupby and merge below is on integers
    pts["sid"] = pts.groupby(SERIES, sort=False).ngroup()
    series = pts.drop_duplicates("sid")[SERIES + ["sid"]]
    full = _fit(pts, ["sid"]).merge(series, on="sid")
    return pts, series, full


def _peer_stats(full: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every series with a trend (full data), per indicator and unit: by province (pn, ps,
    pss: count, sum and sum of squares of the slopes) and for the country (cn, cs, css), and
    the indicator's pooled residual noise (series with at least three points)."""
    tr = full[full["slope"].notna()].copy()
    tr["b2"] = tr["slope"] ** 2
    prov = tr.groupby(PEER + ["province"])[["slope", "b2"]].agg(["count", "sum"])
    prov.columns = ["pn", "ps", "_", "pss"]
    nat = tr.groupby(PEER)[["slope", "b2"]].agg(["count", "sum"])
    nat.columns = ["cn", "cs", "_", "css"]
    three = full[(full["n"] >= 3) & full["rss"].notna()]
    noise = (three.groupby(PEER)["rss"].sum()
             / (three.assign(d=three["w"] * (three["n"] - 2) / three["n"])
                .groupby(PEER)["d"].sum())).rename("noise_var")
    country = nat.drop(columns="_").reset_index().merge(noise.reset_index(), on=PEER,
                                                         how="outer")
    return (prov.drop(columns="_").reset_index()[PROVINCE_PEER_COLS],
            country[COUNTRY_PEER_COLS])


def peer_stats(points: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The peers every forecast is judged against, from all the points (see :func:`forecast`):
    (by province: PROVINCE_PEER_COLS, for the country: COUNTRY_PEER_COLS)."""
    return _peer_stats(_series(points)[2])


def forecast_with_peers(points: pd.DataFrame, rows: pd.DataFrame
                        ) -> tuple[pd.DataFrame, tuple[pd.DataFrame, pd.DataFrame]]:
    """:func:`forecast` and :func:`peer_stats` of the same points, fitting them once."""
    fc, peers, _ = forecast_peers_fits(points, rows)
    return fc, peers


# --------------------------------------------------------------- stored per-series fits
# Each series' fit on all its points (what _series computes), kept by the loader in
# progress_series_fits so that a write which changes the results of a few communes refits
# only their series: the peers are then recomputed from the stored fits (in the same order,
# so their sums add up the same way) and only the rows whose inputs moved are forecast again.
FIT_COLS = ["n", "t_first", "t_last", "first_period", "last_period", "y_last", "v_last",
            "slope", "level", "rss", "suu", "w", "max_order"]


def _fits_table(pts: pd.DataFrame, full: pd.DataFrame) -> pd.DataFrame:
    """The series' fits as stored: SERIES + FIT_COLS (max_order: the latest period_order),
    in the order of the series (sid)."""
    last = pts.groupby("sid")["period_order"].max().rename("max_order")
    return full.join(last, on="sid")[SERIES + FIT_COLS]


def series_fits(points: pd.DataFrame) -> pd.DataFrame:
    """The stored form of each series' fit on ``points`` (:data:`FIT_COLS`)."""
    pts, _series_keys, full = _series(points)
    return _fits_table(pts, full)


def forecast_peers_fits(points: pd.DataFrame, rows: pd.DataFrame
                        ) -> tuple[pd.DataFrame, tuple[pd.DataFrame, pd.DataFrame], pd.DataFrame]:
    """:func:`forecast_with_peers` and the series' fits to store (:func:`series_fits`)."""
    fits = _series(points)
    peers = _peer_stats(fits[2])
    return forecast(points, rows, peers, _fits=fits), peers, _fits_table(fits[0], fits[2])


def from_fits(fits: pd.DataFrame) -> tuple:
    """Stored fits -> what :func:`forecast` takes as ``_fits``, with no points: (max_order
    per sid, series, full). For :func:`_peer_stats` pass every series of the indicators
    concerned in the order :func:`_series` numbers them (by commune, province, indicator and
    unit: the sums then add up the same way); to forecast rows, their own series in any
    order. Only for rows whose cutoff is past every point of their series."""
    f = fits.reset_index(drop=True)
    f.insert(0, "sid", np.arange(len(f), dtype="int64"))
    full = f[["sid", *FIT_COLS[:-1], *SERIES]]
    return f.set_index("sid")["max_order"], f[SERIES + ["sid"]], full


def forecast(points: pd.DataFrame, rows: pd.DataFrame,
             peers: tuple[pd.DataFrame, pd.DataFrame] | None = None,
             _fits: tuple | None = None) -> pd.DataFrame:
    """points: commune, province, indicator_code, unit, period, period_order, value.
    rows: target_ref, commune, province, indicator_code, unit, threshold, direction,
    target_year, optionally target_shape ('rank' -> latest_rank), cutoff_order (default target_year*10+9: the points used) and
    t_target (default target_year + 1: the end of the target year).
    peers: :func:`peer_stats` of all the points, when ``points`` holds only the series of the
    rows' communes (the loader's refresh of the communes a write touched, when no result
    changed); by default computed from ``points``.
    Returns one row per input row (OUT_COLS)."""
    if rows.empty:
        return pd.DataFrame(columns=OUT_COLS)
    pts, series, full = _fits if _fits is not None else _series(points)
    # the latest period_order of each series; stored fits (:func:`from_fits`) carry it
    max_order = pts if isinstance(pts, pd.Series) else pts.groupby("sid")["period_order"].max()
    r = rows.copy()
    r["unit"] = r["unit"].fillna("")
    r = r.merge(series, on=SERIES, how="left")
    if "cutoff_order" not in r:
        r["cutoff_order"] = r["target_year"].astype("int64") * 10 + 9
    if "t_target" not in r:
        r["t_target"] = r["target_year"].astype("float64") + 1.0

    # The commune's own fit on its points up to the cutoff. Most rows look at the future, so
    # their cutoff is past every point: one fit per series serves them all.
    r["max_order"] = r["sid"].map(max_order)
    early = r["max_order"].notna() & (r["cutoff_order"] < r["max_order"])
    if early.any() and isinstance(pts, pd.Series):
        raise ValueError("rows before their series' latest point need the points")
    own = r[~early].merge(full.drop(columns=SERIES), on="sid", how="left")
    if early.any():
        cut = r.loc[early, ["sid", "cutoff_order"]].drop_duplicates()
        sub = pts.merge(cut, on="sid")
        sub = sub[sub["period_order"] <= sub["cutoff_order"]]
        fit_cut = _fit(sub, ["sid", "cutoff_order"])
        own = pd.concat([own, r[early].merge(fit_cut, on=["sid", "cutoff_order"],
                                              how="left")], ignore_index=True)

    # Peers: every series with a trend (full data), per indicator and unit, by province and
    # for the country; leave-one-out so a commune is never its own peer.
    prov, country = peers if peers is not None else _peer_stats(full)
    own = own.merge(prov, on=PEER + ["province"], how="left")
    own = own.merge(country, on=PEER, how="left")
    mine = own["sid"].map(full.set_index("sid")["slope"]).to_numpy(dtype=float)
    has_self = ~np.isnan(mine)
    self_b = np.where(has_self, mine, 0.0)
    for pre in ("p", "c"):
        n = own[f"{pre}n"].fillna(0).to_numpy() - has_self
        s = own[f"{pre}s"].fillna(0).to_numpy() - self_b
        ss = own[f"{pre}ss"].fillna(0).to_numpy() - self_b ** 2
        with np.errstate(invalid="ignore", divide="ignore"):
            own[f"{pre}_n"] = n
            own[f"{pre}_mu"] = np.where(n > 0, s / np.maximum(n, 1), np.nan)
            own[f"{pre}_var"] = np.where(n > 1, (ss - s * s / np.maximum(n, 1))
                                         / np.maximum(n - 1, 1), np.nan)
    use_prov = own["p_n"] >= MIN_PROVINCE_PEERS
    use_nat = ~use_prov & (own["c_n"] >= MIN_COUNTRY_PEERS)
    scope = np.where(use_prov, "province", np.where(use_nat, "country", None))
    mu = np.where(use_prov, own["p_mu"], np.where(use_nat, own["c_mu"], np.nan))
    var = np.where(use_prov, own["p_var"], np.where(use_nat, own["c_var"], np.nan))
    var = np.nan_to_num(np.clip(var, 0, None), nan=0.0)
    peers_n = np.where(use_prov, own["p_n"], np.where(use_nat, own["c_n"], 0)).astype(int)
    has_peers = peers_n > 0

    pct = (own["unit"] == "%").to_numpy()
    n_pts = own["n"].fillna(0).to_numpy().astype(int)
    noise_var = np.nan_to_num(own["noise_var"].to_numpy(dtype=float), nan=0.0)
    b_own = own["slope"].to_numpy(dtype=float)
    trend = ~np.isnan(b_own)
    k = n_pts / (n_pts + PRIOR_POINTS)
    with np.errstate(invalid="ignore", divide="ignore"):
        se_own2 = np.where(trend, noise_var / own["suu"].to_numpy(dtype=float), np.nan)
    b = np.where(trend, np.where(has_peers, k * b_own + (1 - k) * mu, b_own),
                 np.where(has_peers, mu, np.nan))
    var_b = np.where(trend, np.where(has_peers, (1 - k) * var + k * np.nan_to_num(se_own2),
                                     np.nan_to_num(se_own2)),
                     np.where(has_peers, var, np.nan))
    level = own["level"].to_numpy(dtype=float)
    h = np.clip(own["t_target"].to_numpy(dtype=float) - own["t_last"].to_numpy(dtype=float),
                0, None)
    proj = level + b * h
    sd = np.sqrt(noise_var + h * h * var_b)
    thr = own["threshold"].to_numpy(dtype=float)
    G = _g(thr, pct)
    lower = (own["direction"] == "lower").to_numpy()
    margin = np.where(lower, G - proj, proj - G)
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where(sd > 0, margin / np.where(sd > 0, sd, 1), np.where(margin >= 0, 40, -40))
    like = np.where(np.isnan(proj), np.nan, _phi(np.nan_to_num(z)))
    method = np.where(n_pts == 0, None,
                      np.where(trend, np.where(has_peers, "trend_shrunk", "trend"),
                               np.where(has_peers, "one_point_peers", "one_point_no_peers")))
    # paces in the target's unit per year, at the commune's current level
    v_last = own["v_last"].to_numpy(dtype=float)
    p_now = np.clip(v_last / 100.0, EPS, 1 - EPS)
    to_unit = np.where(pct, 100.0 * p_now * (1 - p_now), 1.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        required = np.where(h > 0, (thr - v_last) / h, np.nan)
    # ranks: the latest rank, not a trend
    if "target_shape" in own:
        rank = (own["target_shape"] == "rank").to_numpy() & (n_pts > 0)
        if rank.any():
            strict = own["threshold_strict"].fillna(False).to_numpy(bool) \
                if "threshold_strict" in own else np.zeros(len(own), bool)
            ok = meets(v_last, thr, own["direction"].to_numpy(), strict)
            method = np.where(rank, "latest_rank", method)
            proj = np.where(rank, v_last, proj)  # identity scale for ranks
            like = np.where(rank, ok.astype(float), like)
            b_own = np.where(rank, np.nan, b_own)
            mu = np.where(rank, np.nan, mu)
            peers_n = np.where(rank, 0, peers_n)
            scope = np.where(rank, None, scope)
    out = pd.DataFrame({
        "target_ref": own["target_ref"].array,
        "forecast_method": method,
        "forecast_points": n_pts,
        "forecast_first_period": own["first_period"].array,
        "forecast_last_period": own["last_period"].array,
        "forecast_peers": peers_n,
        "forecast_peer_scope": scope,
        "own_pace": b_own * to_unit,
        "peer_pace": mu * to_unit,
        "required_pace": required,
        "forecast_horizon": h,
        "forecast_value": np.where(np.isnan(proj), np.where(n_pts > 0, v_last, np.nan),
                                   _g_inv(np.nan_to_num(proj), pct)),
        "forecast_likelihood": like,
    })
    out.loc[out["forecast_method"].isna(), ["forecast_likelihood", "forecast_value"]] = np.nan
    return out[OUT_COLS]


# --------------------------------------------------------------------------- back-test
def meets(value: np.ndarray, threshold: np.ndarray, direction: np.ndarray,
          strict: np.ndarray) -> np.ndarray:
    hi = direction != "lower"
    return np.where(hi, np.where(strict, value > threshold, value >= threshold),
                    np.where(strict, value < threshold, value <= threshold))


def backtest(points: pd.DataFrame, rows: pd.DataFrame) -> dict:
    """Hide the last observed year, forecast the latest hidden value of every target row for
    that year whose series has points both before and in it, and score the likelihood that it
    meets the threshold against "the last value persists" (a 0/1 forecast): hit rate (the
    likelihood on the right side of 0.5) and Brier score (mean squared error of the
    probability; 0 is perfect, persistence scores its error rate).

    rows: as :func:`forecast` wants, plus threshold_strict."""
    pts = points.copy()
    pts["unit"] = pts["unit"].fillna("")
    year = pts["period_order"] // 10
    last_year = int(year.max())
    seen, hidden = pts[year < last_year], pts[year == last_year]
    hid = hidden.sort_values("period_order").groupby(SERIES).tail(1)
    hid = hid.rename(columns={"value": "hidden_value", "period_order": "hidden_order"})
    vis = seen.sort_values("period_order").groupby(SERIES).tail(1)[SERIES + ["value"]]
    r = rows.copy()
    r["unit"] = r["unit"].fillna("")
    r = r[r["target_year"] == last_year]  # this year's targets, judged at its latest report
    r = r.merge(hid[SERIES + ["hidden_value", "hidden_order"]], on=SERIES).merge(
        vis.rename(columns={"value": "last_value"}), on=SERIES)
    if r.empty:
        return {"n": 0, "year": last_year}
    r["cutoff_order"] = (last_year - 1) * 10 + 9
    r["t_target"] = period_time(r["hidden_order"])
    fc = forecast(seen, r.drop(columns=["hidden_value", "hidden_order", "last_value"]))
    r = r.merge(fc, on="target_ref")
    r = r[r["forecast_likelihood"].notna()]
    d, s = r["direction"].to_numpy(), r["threshold_strict"].fillna(False).to_numpy(bool)
    thr = r["threshold"].to_numpy(float)
    outcome = meets(r["hidden_value"].to_numpy(float), thr, d, s).astype(float)
    persist = meets(r["last_value"].to_numpy(float), thr, d, s).astype(float)
    p = r["forecast_likelihood"].to_numpy(float)
    unmet_now = persist == 0

    def score(prob, mask):
        if not mask.any():
            return {"n": 0}
        return {"n": int(mask.sum()),
                "hit_rate": float(((prob[mask] >= 0.5) == (outcome[mask] == 1)).mean()),
                "brier": float(((prob[mask] - outcome[mask]) ** 2).mean())}
    every = np.ones(len(r), bool)
    bins = np.clip((p * 5).astype(int), 0, 4)  # reliability: predicted vs observed by fifths
    calib = [{"bin": f"{b / 5:.1f}–{(b + 1) / 5:.1f}", "n": int((bins == b).sum()),
              "mean_p": float(p[bins == b].mean()) if (bins == b).any() else None,
              "observed": float(outcome[bins == b].mean()) if (bins == b).any() else None}
             for b in range(5)]
    mae_f = float(np.nanmean(np.abs(r["forecast_value"] - r["hidden_value"])))
    mae_p = float(np.nanmean(np.abs(r["last_value"] - r["hidden_value"])))
    return {"year": last_year, "n": int(len(r)),
            "reached_share": float(outcome.mean()),
            "forecast": score(p, every), "persist": score(persist, every),
            "forecast_unmet_now": score(p, unmet_now), "persist_unmet_now": score(persist, unmet_now),
            "mae_forecast": mae_f, "mae_persist": mae_p,
            "methods": r["forecast_method"].value_counts().to_dict(),
            "calibration": calib}
