"""Synthetic national data (`python -m etl synth`): labelled, fictional, loadable."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import duckdb
import pytest

import synth
from etl.catalog import load_catalog
from etl.cli import main, understand_file
from etl.normalize import fold

ROOT = Path(__file__).resolve().parents[1]
SEED_COMMUNES = ("Nam Đàn", "Hợp Minh", "Can Lộc", "Phùng Minh", "Phú Trung")
N = 40  # >= 34: every province gets at least one commune


def _provinces() -> set[str]:
    with (ROOT / "data" / "catalog" / "provinces.csv").open(encoding="utf-8") as f:
        return {r["name"] for r in csv.DictReader(f)}


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("synth") / "synthetic.duckdb"
    assert main(["synth", "--communes", str(N), "--db", str(path), "--seed", "7"]) == 0
    return path


@pytest.fixture
def con(synth_db):
    c = duckdb.connect(str(synth_db), read_only=True)
    yield c
    c.close()


def _one(con, sql):
    return con.execute(sql).fetchall()[0][0]


def test_every_row_is_flagged_synthetic(con):
    for table in ("target_rows", "actual_rows", "budget_rows", "imports"):
        total, flagged = con.execute(
            f"SELECT count(*), count(*) FILTER (WHERE synthetic) FROM {table}").fetchall()[0]
        assert total > 0 and flagged == total, table
    for view in ("targets", "actuals", "budget_lines", "progress"):
        assert _one(con, f"SELECT bool_and(synthetic) FROM {view}") is True, view
    assert dict(con.execute("SELECT key, value FROM meta").fetchall())["synthetic"] == "true"


def test_names_are_fictional_and_provinces_real(con):
    rows = con.execute("SELECT DISTINCT commune, province FROM targets").fetchall()
    assert len(rows) == N
    names = [c for c, _ in rows]
    assert len(set(names)) == N
    real = {fold(n) for n in (*SEED_COMMUNES, *synth.REAL_NAMES)}
    assert not [n for n in names if fold(n) in real]
    assert not [n for n in names if re.search(r"[\[\]()]|MP|mô phỏng", n)]
    assert {p for _, p in rows} == _provinces()  # all 34, real names only


def test_names_generator_at_national_scale():
    units = synth.communes(synth.DEFAULT_COMMUNES, 42)
    names = [c for c, _ in units]
    assert len(names) == len(set(names)) == 3321
    assert all(synth.is_acceptable_name(n) for n in names)
    for real in SEED_COMMUNES:
        assert not synth.is_acceptable_name(real)
    counts = dict(synth.province_counts(3321))
    assert set(counts) == _provinces() and sum(counts.values()) == 3321
    assert counts == synth.PROVINCE_UNITS  # 3,321 is the real total: real proportions
    assert synth.communes(50, 42) == synth.communes(50, 42)  # deterministic


def test_progress_has_every_status(con):
    statuses = {s for (s,) in con.execute("SELECT DISTINCT status FROM progress").fetchall()}
    # every synthetic target year (2026-2030) is still open at the data's date (2026-Q3): open
    # targets are on or off track by the forecast, none is "not achieved" yet
    assert statuses == {"achieved", "on_track", "off_track", "no_data", "not_comparable"}
    assert _one(con, "SELECT DISTINCT as_of_period FROM progress") == "2026-Q3"
    methods = {m for (m,) in con.execute("SELECT DISTINCT forecast_method FROM progress "
                                         "WHERE status_rule = 'forecast'").fetchall()}
    assert "trend_shrunk" in methods
    assert _one(con, "SELECT count(*) FROM progress WHERE gap IS NOT NULL") > 0


def test_periods_targets_budget_shape(con):
    periods = con.execute("SELECT DISTINCT period, period_year FROM actuals").fetchall()
    assert periods and all(re.fullmatch(r"20\d\d-Q[1-4]", p) and int(p[:4]) == y
                           for p, y in periods)
    years = {y for (y,) in con.execute("SELECT DISTINCT target_year FROM targets").fetchall()}
    assert years == set(range(2026, 2031))
    assert _one(con, "SELECT count(DISTINCT funding_source) FROM budget_lines") >= 2
    pillars = {p for (p,) in con.execute("SELECT DISTINCT pillar FROM budget_lines").fetchall()}
    assert pillars <= {"NT", "TC", "HT", "NL", "AT", "CQ", "KT", "XH"} and len(pillars) >= 6
    # one active dataset per commune, kind and period, as the loader keeps them
    assert _one(con, "SELECT count(*) FROM (SELECT commune, province, kind, period_key "
                     "FROM datasets WHERE active GROUP BY ALL HAVING count(*) > 1)") == 0
    # messiness: ranges, thresholds, ranks, done/not done, qualitative text
    kinds = set(con.execute("SELECT DISTINCT value_kind || '/' || coalesce(op, '') "
                            "FROM targets").fetchall())
    for k in ("percent/between", "percent/>=", "percent/>", "rank/between", "done/done",
              "text/"):
        assert (k,) in kinds, k


def test_values_respect_the_catalogue(con):
    allowed = {"percent": {"percent", "status", "text"}, "count": {"number", "percent", "text"},
               "rank": {"rank", "text"}, "done": {"done", "percent", "text", "status"},
               "text": {"text"}}
    rows = con.execute(
        "SELECT ci.value_type, list(DISTINCT t.value_kind), list(DISTINCT t.unit) "
        "FROM targets t JOIN catalog_indicators ci ON ci.code = t.indicator_code "
        "GROUP BY ALL").fetchall()
    for value_type, target_kinds, _ in rows:
        assert set(target_kinds) <= allowed[value_type], value_type
    # numeric targets of % indicators are in %; ranks: lower is better and the view says so
    assert _one(con, "SELECT count(*) FROM targets t JOIN catalog_indicators ci "
                     "ON ci.code = t.indicator_code WHERE ci.unit = '%' AND "
                     "t.value_kind IN ('percent', 'number') AND t.unit <> '%'") == 0
    assert _one(con, "SELECT bool_and(direction = 'lower') FROM progress "
                     "WHERE indicator_code = 'CQ.DTI_XEP_HANG'") is True


def test_a_real_database_is_not_overwritten(tmp_path, seed_files):
    db = tmp_path / "real.duckdb"
    assert main(["load", str(seed_files[0]), "--db", str(db)]) == 0
    with pytest.raises(SystemExit):
        main(["synth", "--communes", "5", "--db", str(db)])
    c = duckdb.connect(str(db), read_only=True)
    assert _one(c, "SELECT count(*) FROM target_rows WHERE synthetic") == 0
    c.close()


def test_workbooks_load_with_zero_errors(tmp_path, synth_db):
    catalog = load_catalog()
    units = synth.communes(N, 7)
    plans = [synth.plan_commune(i, c, p, 7) for i, (c, p) in enumerate(units[:12])]
    # one with the 'Thông tin chung' keys, one with context only in the titles, one phường
    pick = [next(p for p in plans if p.meta_sheet), next(p for p in plans if not p.meta_sheet),
            next((p for p in plans if p.kind != "xã"), plans[2])]
    pick = list({p.index: p for p in pick}.values())
    files = [synth.write_workbook(p, tmp_path / f"{p.slug}.xlsx", catalog) for p in pick]
    for f, plan in zip(files, pick):
        u = understand_file(f, catalog, synthetic=True)
        assert u.ok, [str(p) for p in u.problems if p.severity == "error"]
        assert (u.context.commune, u.context.province) == (plan.commune, plan.province)
        assert u.targets and u.budget
    db = tmp_path / "ingest.duckdb"
    assert main(["load", *map(str, files), "--db", str(db), "--synthetic"]) == 0
    loaded = duckdb.connect(str(db), read_only=True)
    direct = duckdb.connect(str(synth_db), read_only=True)
    q = ("SELECT commune, province, indicator_code, target_year, target_text, op, value_low "
         "FROM targets WHERE commune IN ({}) ORDER BY ALL")
    names = ", ".join(f"'{p.commune}'" for p in pick)
    # the workbook and the direct build are the same plan: same targets, same codes
    assert loaded.execute(q.format(names)).fetchall() == direct.execute(q.format(names)).fetchall()
    qb = "SELECT commune, task, funding_source, amount_million_vnd FROM budget_lines " \
         "WHERE commune IN ({}) ORDER BY ALL"
    assert loaded.execute(qb.format(names)).fetchall() == \
        direct.execute(qb.format(names)).fetchall()
    assert _one(loaded, "SELECT count(*) FROM actuals") > 0
    loaded.close()
    direct.close()
