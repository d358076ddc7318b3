"""The progress contract's rules, pinned by a truth table of inline rows: target shape x
direction x result kind x timing -> status, rule, gap and gap kind. Each case is loaded
into a tiny in-memory database through the real schema and the real refresh
(etl.store.refresh_derived), and read back from the ``progress`` view."""
from __future__ import annotations

import duckdb
import pytest

from etl.store import ensure_schema, refresh_derived

# (kind, op, low, high, unit) as the parser writes them
PCT = "percent"


def t_(kind, op=None, low=None, high=None, unit=None):
    return dict(value_kind=kind, op=op, value_low=low, value_high=high, unit=unit)


def a_(kind, op=None, value=None, low=None, high=None, unit=None):
    if value is None and kind in ("percent", "number", "rank"):
        value = low if low is not None else high
    if low is None and high is None and value is not None and op == "=":
        low = high = value
    return dict(value_kind=kind, op=op, value=value, value_low=low, value_high=high, unit=unit)


GE80 = t_(PCT, ">=", 80, None, "%")
GT80 = t_(PCT, ">", 80, None, "%")
LE10 = t_(PCT, "<=", None, 10, "%")       # "Không vượt quá 10%"
LT5 = t_(PCT, "<", None, 5, "%")          # "Dưới 5%"
BAND = t_(PCT, "between", 50, 80, "%")    # "50-80%"
LVL100 = t_(PCT, "=", 100, 100, "%")      # "100%"
RANK = t_("rank", "between", 20, 30, "hạng")  # "Thứ 20-30"
TOP10 = t_("rank", "<=", None, 10, "hạng")    # "Top 10"
DONE = t_("done", "done")
TEXT = t_("text")


def pct(v, op="="):
    if op in (">", ">="):
        return a_(PCT, op, v, v, None, "%")
    if op in ("<", "<="):
        return a_(PCT, op, v, None, v, "%")
    return a_(PCT, "=", v, unit="%")


# id: (target, target_year, catalogue direction, result, result period,
#      -> status, rule, gap, gap_kind)
CASES = {
    # floors
    "floor met": (GE80, 2025, "higher", pct(85), "2025", "achieved", "met", -5, "exact"),
    "floor met at the bound": (GE80, 2025, "higher", pct(80), "2025", "achieved", "met", 0,
                               "exact"),
    "strict floor not met at the bound": (GT80, 2025, "higher", pct(80), "2025", "not_achieved",
                                          "unmet_closed", 0, "exact"),
    "floor unmet, year over": (GE80, 2025, "higher", pct(70), "2025", "not_achieved",
                               "unmet_closed", 10, "exact"),
    "floor unmet, year open, no forecast possible": (
        GE80, 2026, "higher", pct(70), "2025", "off_track", "unmet_no_forecast", 10, "exact"),
    "earlier result already meets": (GE80, 2026, "higher", pct(90), "2025", "achieved",
                                     "met_earlier", -10, "exact"),
    # ceilings: the one-sided op decides, whatever the catalogue says
    "ceiling broken (không vượt quá 10%)": (LE10, 2025, "higher", pct(35), "2025",
                                            "not_achieved", "unmet_closed", 25, "exact"),
    "ceiling kept (dưới 5%)": (LT5, 2025, "higher", pct(3), "2025", "achieved", "met", -2,
                               "exact"),
    "strict ceiling at the bound": (LT5, 2025, "lower", pct(5), "2025", "not_achieved",
                                    "unmet_closed", 0, "exact"),
    # bands and levels
    "band reached": (BAND, 2025, "higher", pct(60), "2025", "achieved", "met", -10, "exact"),
    "band not reached": (BAND, 2025, "higher", pct(40), "2025", "not_achieved", "unmet_closed",
                         10, "exact"),
    "level 100% met": (LVL100, 2025, "higher", pct(100), "2025", "achieved", "met", 0, "exact"),
    "level 100% missed by a hair": (LVL100, 2025, "higher", pct(99.82), "2025", "not_achieved",
                                    "unmet_closed", pytest.approx(0.18), "exact"),
    # ranks: lower is better
    "rank inside the band": (RANK, 2025, "lower", a_("rank", "=", 25, unit="hạng"), "2025",
                             "achieved", "met", -5, "exact"),
    "rank below the band": (RANK, 2025, "lower", a_("rank", "=", 35, unit="hạng"), "2025",
                            "not_achieved", "unmet_closed", 5, "exact"),
    "top 10 missed": (TOP10, 2025, None, a_("rank", "=", 12, unit="hạng"), "2025",
                      "not_achieved", "unmet_closed", 2, "exact"),
    # a result that is itself a bound
    "bound cannot decide (trên 60% vs trên 80%)": (GT80, 2026, "higher", pct(60, ">"), "2025",
                                                   "not_comparable", "bound_undecidable", 20,
                                                   "at_most"),
    "bound decides yes (trên 70% vs trên 70%)": (t_(PCT, ">", 70, None, "%"), 2025, "higher",
                                                 pct(70, ">"), "2025", "achieved", "met", 0,
                                                 "at_most"),
    "bound decides no (dưới 50% vs ≥ 80%)": (GE80, 2025, "higher", pct(50, "<"), "2025",
                                             "not_achieved", "unmet_closed", 30, "at_least"),
    # units
    "no unit against a % target": (LVL100, 2025, "higher", a_("number", "=", 1), "2025",
                                   "not_comparable", "unit_mismatch", None, "none"),
    "another unit": (LVL100, 2025, "higher", a_("number", "=", 6876, unit="hồ sơ"), "2025",
                     "not_comparable", "unit_mismatch", None, "none"),
    # assessments and qualitative targets
    "qualitative 2026, 'đạt' said in 2025": (TEXT, 2026, None, a_("status", "achieved"), "2025",
                                             "no_data", "earlier_assessment", None, "none"),
    "qualitative, assessed achieved that year": (TEXT, 2025, None, a_("status", "achieved"),
                                                 "2025", "achieved", "assessed_achieved", None,
                                                 "none"),
    "qualitative, assessed not achieved, year over": (
        TEXT, 2025, None, a_("status", "not_achieved"), "2025", "not_achieved",
        "assessed_not_achieved", None, "none"),
    "qualitative, not done yet, year open": (TEXT, 2026, None, a_("done", "not_done"), "2026-Q2",
                                             "off_track", "assessed_not_yet", None, "none"),
    "qualitative with a number": (TEXT, 2025, None, pct(80), "2025", "not_comparable",
                                  "qualitative_vs_number", None, "none"),
    "qualitative with text": (TEXT, 2025, None, a_("text"), "2025", "not_comparable",
                              "text_result", None, "none"),
    "numeric 2026, 'đạt' said in 2025": (GE80, 2026, "higher", a_("status", "achieved"), "2025",
                                         "no_data", "earlier_assessment", None, "none"),
    "numeric, not started, year over": (GE80, 2025, "higher", a_("done", "not_done"), "2025",
                                        "not_achieved", "assessed_not_achieved", None, "none"),
    # milestones
    "done": (DONE, 2025, "done", a_("done", "done"), "2025", "achieved", "done", None, "none"),
    "done earlier counts": (DONE, 2026, "done", a_("done", "done"), "2025", "achieved", "done",
                            None, "none"),
    "not done, not due yet": (DONE, 2026, "done", a_("done", "not_done"), "2025", "on_track",
                              "milestone_not_due", None, "none"),
    "not done, overdue": (DONE, 2025, "done", a_("done", "not_done"), "2025", "not_achieved",
                          "overdue", None, "none"),
    "done as 100%": (DONE, 2025, "done", pct(100), "2025", "achieved", "done_100", None, "none"),
    "deadline (date kind) not due": (t_("date"), 2026, None, a_("done", "not_done"), "2025",
                                     "on_track", "milestone_not_due", None, "none"),
    "decrease needs a baseline": (t_("decrease", "decrease", 5, 5, "%"), 2026, None, pct(3),
                                  "2025", "not_comparable", "needs_baseline", None, "none"),
    # no result
    "no result": (GE80, 2025, "higher", None, None, "no_data", "no_result", None, "none"),
    "a later result is not used for an earlier year": (GE80, 2024, "higher", pct(90), "2025",
                                                       "no_data", "no_result", None, "none"),
}

TARGET_COLS = ("dataset_id", "import_id", "commune", "province", "indicator_code", "pillar",
               "label", "target_year", "target_text", "value_kind", "op", "value_low",
               "value_high", "unit", "source_file", "source_sheet", "source_row", "source_col")
ACTUAL_COLS = ("dataset_id", "import_id", "commune", "province", "indicator_code", "label",
               "period", "period_year", "value", "value_text", "value_kind", "op", "value_low",
               "value_high", "unit", "source_file", "source_sheet", "source_row", "source_col")


def build(cases: dict, as_of: str | None = "2025", extra_targets=(), points=()):
    """An in-memory database with one commune per case (indicator X.<n>), one target row and
    at most one result row each; ``points``: extra results (commune, province, code, period,
    value) for forecasts."""
    con = duckdb.connect(":memory:")
    ensure_schema(con)
    con.execute("INSERT INTO datasets (dataset_id, import_id, commune, province, kind, "
                "period_key, active, replaced_by) VALUES "
                "(1, 1, 'all', 'all', 'targets', 'x', TRUE, NULL),"
                " (2, 1, 'all', 'all', 'actuals', 'x', TRUE, NULL)")
    if as_of:
        con.execute("INSERT INTO meta VALUES ('as_of', ?)", [as_of])
    row = 1
    for i, (name, (target, year, direction, result, period, *_)) in enumerate(cases.items()):
        code = f"X.{i}"
        commune = f"C{i}"
        con.execute("INSERT INTO catalog_indicators (code, pillar, name_vi, name_en, unit, "
                    "direction, value_type) VALUES (?, 'CQ', ?, ?, ?, ?, NULL)",
                    [code, name, name, target.get("unit"), direction])
        for _ in range(1 + (name in extra_targets)):
            _insert(con, "target_rows", TARGET_COLS, dict(
                dataset_id=1, import_id=1, commune=commune, province="P", indicator_code=code,
                pillar="CQ", label=name, target_year=year, target_text=name, source_file="kh.xlsx",
                source_sheet="Mục tiêu", source_row=row, source_col="C", **target))
            row += 1
        if result is not None:
            _insert(con, "actual_rows", ACTUAL_COLS, dict(
                dataset_id=2, import_id=1, commune=commune, province="P", indicator_code=code,
                label=name, period=period, period_year=int(period[:4]),
                value_text=f"kết quả {name}", source_file="bc.xlsx", source_sheet="Kết quả",
                source_row=row, source_col="D", **result))
            row += 1
    for commune, province, code, period, value, *unit in points:
        unit = unit[0] if unit else "%"
        _insert(con, "actual_rows", ACTUAL_COLS, dict(
            dataset_id=2, import_id=1, commune=commune, province=province, indicator_code=code,
            label=code, period=period, period_year=int(period[:4]), value=value,
            value_text=f"{value} {unit}", value_kind=PCT if unit == "%" else "rank", op="=",
            value_low=value, value_high=value, unit=unit, source_file="bc.xlsx",
            source_sheet="Kết quả", source_row=row, source_col="D"))
        row += 1
    refresh_derived(con)
    return con


def _insert(con, table, cols, values: dict):
    names = [c for c in cols if c in values]
    con.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                [values[c] for c in names])


@pytest.fixture(scope="module")
def table():
    con = build(CASES)
    rows = con.execute("SELECT label, status, status_rule, gap, gap_kind, target_shape, "
                       "direction, threshold, target_year, actual_period, year_open, "
                       "as_of_period FROM progress").fetchall()
    con.close()
    return {r[0]: r[1:] for r in rows}


@pytest.mark.parametrize("name", list(CASES))
def test_truth_table(table, name):
    *_, status, rule, gap, gap_kind = CASES[name]
    got_status, got_rule, got_gap, got_kind = table[name][:4]
    assert (got_status, got_rule, got_kind) == (status, rule, gap_kind)
    assert got_gap == gap


def test_shapes_and_directions_are_decided_once(table):
    assert table["ceiling broken (không vượt quá 10%)"][4:7] == ("ceiling", "lower", 10)
    assert table["ceiling kept (dưới 5%)"][4:7] == ("ceiling", "lower", 5)
    assert table["floor met"][4:7] == ("floor", "higher", 80)
    assert table["band reached"][4:7] == ("band", "higher", 50)
    assert table["rank inside the band"][4:7] == ("rank", "lower", 30)
    assert table["top 10 missed"][4:7] == ("rank", "lower", 10)
    assert table["level 100% met"][4:7] == ("level", "higher", 100)
    assert table["done"][4:6] == ("done", "done")
    assert table["qualitative with text"][4] == "text"
    assert table["deadline (date kind) not due"][4] == "deadline"
    assert table["decrease needs a baseline"][4] == "decrease"


def test_periods_side_by_side_and_the_datas_date(table):
    year, period, open_, as_of = table["earlier result already meets"][7:]
    assert (year, period, open_, as_of) == (2026, "2025", True, "2025")
    assert table["floor met"][9] is False  # 2025 is over once its whole-year report is in


def test_the_datas_date_is_the_latest_result_period_without_meta():
    con = build({"a": CASES["floor unmet, year open, no forecast possible"]}, as_of=None)
    assert con.execute("SELECT as_of_period, year_open FROM progress").fetchone() == ("2025",
                                                                                      True)
    con.close()
    con = build({"a": (GE80, 2026, "higher", pct(70), "2026-Q3", None, None, None, None)},
                as_of=None)
    assert con.execute("SELECT as_of_period, year_open, status FROM progress").fetchone() == (
        "2026-Q3", True, "off_track")
    con.close()


def test_one_row_per_target_row_even_for_the_same_indicator_and_year():
    con = build({"floor met": CASES["floor met"]}, extra_targets=("floor met",))
    assert con.execute("SELECT count(*), count(DISTINCT target_ref) FROM progress").fetchone() \
        == (2, 2)
    assert con.execute("SELECT count(*) FROM progress_live").fetchone()[0] == 2
    con.close()


def test_the_result_used_when_a_period_has_several_rows_and_its_conflict_flag():
    """Per commune, indicator and period the result shown is the row in the indicator's own
    unit, then the first in document order; two different values of one kind and unit in
    that period are a conflict (actual_conflict), the same value twice or values in two
    units are not, and a conflict in an earlier period is not the latest result's."""
    open_2026 = (GE80, 2026, "higher", None, None, None, None, None, None)
    pts = [("C0", "P", "X.0", "2025", 70.0, "hồ sơ"), ("C0", "P", "X.0", "2025", 85.0),
           ("C1", "P", "X.1", "2025", 60.0), ("C1", "P", "X.1", "2025", 65.0),
           ("C2", "P", "X.2", "2025", 60.0), ("C2", "P", "X.2", "2025", 60.0),
           ("C3", "P", "X.3", "2025-Q4", 50.0), ("C3", "P", "X.3", "2025-Q4", 55.0),
           ("C3", "P", "X.3", "2026-Q1", 70.0),
           ("C4", "P", "X.4", "2027", 99.0), ("C4", "P", "X.4", "2026-Q2", 75.0)]
    con = build({f"k{i}": open_2026 for i in range(5)}, points=pts)
    got = {r[0]: r[1:] for r in con.execute(
        "SELECT commune, actual_period, actual_value, actual_unit, actual_conflict, "
        "actual_source_row FROM progress").fetchall()}
    assert con.execute("SELECT count(*) FROM (SELECT * FROM progress EXCEPT ALL "
                       "SELECT * FROM progress_live)").fetchone()[0] == 0
    con.close()
    # target rows are source rows 1-5, the results 6-16 in the order above
    assert got == {"C0": ("2025", 85.0, "%", False, 7),       # own unit before document order
                   "C1": ("2025", 60.0, "%", True, 8),        # 60 and 65 %: a conflict
                   "C2": ("2025", 60.0, "%", False, 10),      # the same value twice
                   "C3": ("2026-Q1", 70.0, "%", False, 14),   # the conflict is 2025-Q4's
                   "C4": ("2026-Q2", 75.0, "%", False, 16)}   # 2027 is after the target year


def test_a_hash_shared_by_two_communes_stops_the_computation_rather_than_mixing_them():
    """progress_base_of joins results to targets on a 64-bit hash of commune x indicator and
    compares the strings after: were two of them to share a hash, the computation fails
    with a message naming both, never showing one commune's result as another's. Forced
    here by making every hash 0."""
    from etl.store import SCHEMA
    cases = {"a": CASES["floor met"], "b": CASES["floor unmet, year over"]}
    con = build(cases)
    assert con.execute("SELECT count(actual_value) FROM progress_live").fetchone()[0] == 2
    forced = SCHEMA.replace("hash(x.commune, x.province, x.indicator_code) AS _h",
                            "CAST(0 AS UBIGINT) AS _h")
    forced = forced.replace("SELECT *, hash(commune, province, indicator_code) AS _h,",
                            "SELECT *, CAST(0 AS UBIGINT) AS _h,")
    assert forced.count("CAST(0 AS UBIGINT) AS _h") == 2
    con.execute(forced)
    with pytest.raises(duckdb.Error, match="is also the hash of"):
        con.execute("SELECT * FROM progress_live").fetchall()
    con.close()


# --------------------------------------------------------------------------- the forecast
def _peers(n, province, start, step, code="X.0"):
    """n peer communes with results for 2024 and 2025 rising by ``step`` a year."""
    return [(f"peer{province}{i}", province, code, period, start + i + k * step)
            for i in range(n) for k, period in enumerate(("2024", "2025"))]


def test_one_point_is_judged_against_the_peers_pace():
    cases = {"needs 5 a year": (t_(PCT, ">=", 65, None, "%"), 2026, "higher", pct(60), "2025",
                                None, None, None, None)}
    con = build(cases, points=_peers(6, "P", 40, 12))
    r = con.execute("SELECT status, status_rule, forecast_method, forecast_points, "
                    "forecast_peers, forecast_peer_scope, forecast_likelihood, forecast_value, "
                    "required_pace FROM progress").fetchone()
    con.close()
    assert r[:6] == ("on_track", "forecast", "one_point_peers", 1, 6, "province")
    assert r[6] > 0.5 and r[7] > 65 and r[8] == pytest.approx(5)


def test_too_few_peers_in_the_province_falls_back_to_the_country():
    cases = {"needs 35 a year": (t_(PCT, ">=", 95, None, "%"), 2026, "higher", pct(60), "2025",
                                 None, None, None, None)}
    con = build(cases, points=_peers(2, "P", 40, 3) + _peers(4, "Q", 40, 3))
    r = con.execute("SELECT status, forecast_method, forecast_peers, forecast_peer_scope, "
                    "forecast_likelihood FROM progress").fetchone()
    con.close()
    assert r[:4] == ("off_track", "one_point_peers", 6, "country")
    assert r[4] < 0.5


def test_a_falling_trend_is_off_track_and_a_rising_one_on_track():
    cases = {"falling": (GE80, 2026, "higher", pct(70), "2025", None, None, None, None),
             "rising": (GE80, 2026, "higher", pct(76), "2025", None, None, None, None)}
    pts = [("C0", "P", "X.0", "2024", 78.0), ("C0", "P", "X.0", "2025-Q2", 74.0),
           ("C1", "P", "X.1", "2024", 60.0), ("C1", "P", "X.1", "2025-Q2", 70.0)]
    con = build(cases, points=pts)
    rows = dict((r[0], r[1:]) for r in con.execute(
        "SELECT label, status, forecast_method, forecast_points, forecast_likelihood "
        "FROM progress").fetchall())
    con.close()
    assert rows["falling"][:3] == ("off_track", "trend", 3)
    assert rows["rising"][:3] == ("on_track", "trend", 3)
    assert rows["falling"][3] < 0.5 < rows["rising"][3]


# --------------------------------------------------------------------------- the seeds
def test_every_seed_target_row_has_exactly_one_progress_row(seed_con):
    per_cell = seed_con.execute("""
        SELECT t.source_file, t.source_sheet, t.source_row, t.source_col, t.target_year,
               count(p.target_ref) AS n
        FROM targets t LEFT JOIN progress p
          ON p.target_source_file = t.source_file AND p.target_source_sheet = t.source_sheet
         AND p.target_source_row = t.source_row AND p.target_source_col = t.source_col
         AND p.target_year = t.target_year AND p.commune = t.commune
        GROUP BY ALL""").fetchall()
    assert len(per_cell) == 150 and {r[-1] for r in per_cell} == {1}
    assert seed_con.execute("SELECT count(*) FROM progress").fetchone()[0] == 150
    # the two that GROUP BY commune/indicator/year used to drop
    kept = seed_con.execute("""
        SELECT commune, target_year, target_text FROM progress
        WHERE (commune, indicator_code, target_year) IN (
            SELECT commune, indicator_code, target_year FROM progress GROUP BY ALL
            HAVING count(*) > 1)
        ORDER BY ALL""").fetchall()
    # (Hợp Minh 2025's "30" and "Đẩy mạnh" rows are two indicators since catalogue 2026.1:
    # the services sentence is CQ.UNG_DUNG_DVCTT; both rows have their progress row above)
    assert kept == [("Can Lộc", 2026, "100%"), ("Can Lộc", 2026, "100%")]
    # snapshot == live view
    assert seed_con.execute("SELECT count(*) FROM (SELECT * FROM progress EXCEPT ALL "
                            "SELECT * FROM progress_live)").fetchone()[0] == 0


def _seed(con, commune, code, year):
    return con.execute("""
        SELECT status, status_rule, gap, gap_kind, actual_period, target_shape
        FROM progress WHERE commune = ? AND indicator_code = ? AND target_year = ?""",
                       [commune, code, year]).fetchall()


def test_the_issues_seed_cases(seed_con):
    # "Trên 60%" (2025) against "Trên 80%" (2026): a gap of at most 20 points, no verdict
    # (smartphone users reaching e-government: XH.DTTM_DICH_VU_CQDT since catalogue 2026.1)
    assert _seed(seed_con, "Can Lộc", "XH.DTTM_DICH_VU_CQDT", 2026) == [
        ("not_comparable", "bound_undecidable", 20.0, "at_most", "2025", "floor")]
    # a qualitative 2026 target is not achieved because a 2025 sentence said "(đạt)": the
    # 2025 result in the indicator's own unit is the count of 39 teams (catalogue 2026.1)
    assert _seed(seed_con, "Can Lộc", "XH.TO_CNS_CONG_DONG", 2026)[0][:2] == (
        "not_comparable", "qualitative_vs_number")
    # 2024 targets from a 2023 result: achieved only where the 2023 figure already meets
    # them, and the row says which period the result is from
    pm = seed_con.execute("""SELECT status, status_rule, actual_period FROM progress
                             WHERE commune = 'Phùng Minh' AND status <> 'no_data'""").fetchall()
    assert {r[2] for r in pm} == {"2023"}
    assert {(s, r) for s, r, _ in pm} == {("achieved", "met_earlier"),
                                         ("not_achieved", "assessed_not_achieved")}
    # the data's date is the latest result period, 2025: 2026 targets are still open
    assert seed_con.execute("SELECT DISTINCT as_of_period FROM progress").fetchall() == [("2025",)]
    assert seed_con.execute("SELECT bool_and(year_open) FROM progress WHERE target_year = 2026"
                            ).fetchone()[0] is True


def test_why_this_status_names_both_cells_the_periods_and_the_rule(seed_con, seed_db):
    from dashboard import db, safe_text, tables
    from dashboard import queries as Q
    con = db.open_readonly(str(seed_db))
    rows = Q.commune_targets(db.prepare(con.cursor()), Q.Filters(communes=("Can Lộc (Hà Tĩnh)",),
                                                                 as_of=2026))
    con.close()
    r = rows[(rows["indicator_code"] == "XH.DTTM_DICH_VU_CQDT")
             & (rows["target_year"] == 2026)].iloc[0].to_dict()
    vi, en = tables.why(r, "vi"), tables.why(r, "en")
    assert "◇ Không so sánh được" in vi and "◇ Not comparable" in en
    assert safe_text.md("can_loc_2026_ke_hoach.xlsx") in vi and f"“{safe_text.md('Trên 80%')}”" in vi  # target
    assert f"“{safe_text.md('Trên 60%')}”" in vi and f"dòng {int(r['actual_source_row'])}" in vi  # the result cell
    assert "Năm mục tiêu 2026 (chưa kết thúc)" in vi and "kỳ 2025" in vi
    assert "tối đa 20 điểm %" in vi and "at most 20 pp" in en
    assert "cannot decide" in en
    done = rows[(rows["indicator_code"] == "XH.TO_CNS_CONG_DONG")
                & (rows["target_year"] == 2026)].iloc[0].to_dict()
    assert "A qualitative target with a numeric result" in tables.why(done, "en")


def test_why_this_status_explains_a_forecast():
    from dashboard import tables
    cases = {"needs 5 a year": (t_(PCT, ">=", 65, None, "%"), 2026, "higher", pct(60), "2025",
                                None, None, None, None)}
    con = build(cases, points=_peers(6, "P", 40, 12))
    r = con.execute("SELECT * FROM progress").df().iloc[0].to_dict()
    con.close()
    en = tables.why(r, "en")
    assert "↗ On track" in en and "One data point" in en and "6 other communes" in en
    assert "same province" in en and "likelihood of reaching the target" in en
    vi = tables.why(r, "vi")
    assert "Đúng tiến độ" in vi and "khả năng đạt" in vi and "Tốc độ cần để đạt: 5 điểm %/năm trong 1 năm còn lại" in vi


def test_a_rank_is_compared_with_the_latest_rank_not_extrapolated():
    cases = {"top 10 in 2026": (TOP10, 2026, None, a_("rank", "=", 14, unit="hạng"), "2025",
                                None, None, None, None)}
    con = build(cases, points=[("C0", "P", "X.0", "2024", 30.0, "hạng")])
    r = con.execute("SELECT status, forecast_method, forecast_value, forecast_likelihood "
                    "FROM progress").fetchone()
    assert con.execute("SELECT forecast_points FROM progress").fetchone()[0] == 2
    con.close()
    # 30th in 2024, 14th in 2025: a trend would promise the top 10, the latest rank does not
    assert r == ("off_track", "latest_rank", 14.0, 0.0)


def test_every_status_and_rule_the_sql_produces_has_its_words(table):
    from dashboard import status as ST
    from dashboard.i18n import WHY_WORDS
    produced = {v[0] for v in table.values()}
    assert produced == set(ST.ORDER)  # the truth table reaches every status, no other
    for code in ST.ORDER:
        s = ST.STATUSES[code]
        assert s.vi and s.en and s.symbol and s.color.startswith("#")
    assert len({s.symbol for s in ST.STATUSES.values()}) == len(ST.ORDER)
    assert len({s.color for s in ST.STATUSES.values()}) == len(ST.ORDER)
    rules = {v[1] for v in table.values()} | {"forecast"}
    assert not [r for r in rules if f"rule_{r}" not in WHY_WORDS]
    shapes = {v[4] for v in table.values()}
    assert not [x for x in shapes if f"shape_{x}" not in WHY_WORDS]


def test_an_analyst_can_set_the_datas_date(seed_db, tmp_path):
    import shutil
    from etl.cli import main
    db = tmp_path / "asof.duckdb"
    shutil.copyfile(seed_db, db)
    assert main(["as-of", "2025-Q2", "--db", str(db)]) == 0
    con = duckdb.connect(str(db), read_only=True)
    # mid-2025: the 2025 plans are still open, Phùng Minh's 2024 plan is over
    assert con.execute("SELECT DISTINCT as_of_period FROM progress").fetchall() == [("2025-Q2",)]
    assert con.execute("SELECT bool_and(year_open) FROM progress WHERE target_year = 2025"
                       ).fetchone()[0] is True
    assert con.execute("SELECT bool_or(year_open) FROM progress WHERE target_year = 2024"
                       ).fetchone()[0] is False
    con.close()
    assert main(["as-of", "--clear", "--db", str(db)]) == 0
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT DISTINCT as_of_period FROM progress").fetchall() == [("2025",)]
    con.close()
    assert main(["as-of", "mai", "--db", str(db)]) == 1


def test_progress_carries_the_official_commune_code(seed_con):
    """commune_code joins progress like targets, actuals and budget_lines (issue 8 §3)."""
    got = seed_con.execute("SELECT commune, commune_code, count(*) FROM progress "
                           "GROUP BY ALL").fetchall()
    assert set(got) == {("Can Lộc", "18406", 25), ("Hợp Minh", "17605", 26),
                        ("Nam Đàn", "17935", 39), ("Phú Trung", "25261", 46),
                        ("Phùng Minh", "15112", 14)}  # Phùng Minh: merged into xã Kiên Thọ
