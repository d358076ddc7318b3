"""Synthetic national data (`python -m etl synth`, package synth/): labelled, fictional,
loadable, and written by the loader itself (etl.load.load_many), the one writer of the base
tables."""
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


# What `etl synth --communes 40 --seed 7` wrote when the generator still had its own bulk
# writer (etl/synth.py before synth/ existed): the build through the loader writes the same.
# A change of the plans (or of the catalogue's wordings) changes these on purpose: the
# budget-share target planned at 1-3 % (h13) draws from the random sequence, so since then
# 3,709 targets, 5,879 results and 365 budget lines (were 3,725 / 5,867 / 371).
BUILT_40_SEED_7 = dict(target_rows=3709, actual_rows=5879, budget_rows=365, imports=287,
                       datasets=487, admin_units=40, import_problems=0)
DATASETS_40_SEED_7 = {"actuals": 247, "budget": 40, "targets": 200}


def test_the_build_has_the_rows_it_always_had(con):
    got = {t: _one(con, f"SELECT count(*) FROM {t}") for t in BUILT_40_SEED_7}
    assert got == BUILT_40_SEED_7
    assert dict(con.execute("SELECT kind, count(*) FROM datasets GROUP BY 1").fetchall()) == \
        DATASETS_40_SEED_7
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    assert {k: meta[k] for k in ("synthetic", "synthetic_communes", "synthetic_seed",
                                 "synthetic_version")} == \
        {"synthetic": "true", "synthetic_communes": "40", "synthetic_seed": "7",
         "synthetic_version": synth.SYNTH_VERSION}
    # the register is the generator's own units, and every row carries its unit's code
    assert con.execute("SELECT count(*), bool_and(synthetic), min(code), max(code) "
                       "FROM admin_units").fetchone() == (40, True, "S00001", "S00040")
    for table in ("target_rows", "actual_rows", "budget_rows", "datasets", "imports"):
        assert _one(con, f"SELECT count(*) FROM {table} t LEFT JOIN admin_units a "
                         f"ON a.code = t.commune_code AND a.name = t.commune "
                         f"AND a.province = t.province WHERE a.code IS NULL") == 0, table


def test_every_file_is_one_import_as_the_loader_records_it(con):
    """The plan and each quarterly report are one import each, with the loader's
    bookkeeping: counts that match the rows, one active dataset per (commune, kind, period),
    nothing replaced, no problem stored."""
    plans = [synth.plan_commune(i, c, p, 7) for i, (c, p) in enumerate(synth.communes(N, 7))]
    expected = sorted([p.plan_file for p in plans] +
                      [p.report_file(*q) for p in plans
                       for q in {q for ip in p.indicators for q in ip.quarterly}])
    assert [f for (f,) in con.execute("SELECT file_name FROM imports ORDER BY 1").fetchall()] \
        == expected
    bad = con.execute("""
        SELECT i.file_name FROM imports i
        LEFT JOIN (SELECT import_id, count(*) n FROM target_rows GROUP BY 1) t USING (import_id)
        LEFT JOIN (SELECT import_id, count(*) n FROM actual_rows GROUP BY 1) a USING (import_id)
        LEFT JOIN (SELECT import_id, count(*) n FROM budget_rows GROUP BY 1) b USING (import_id)
        WHERE i.n_targets <> coalesce(t.n, 0) OR i.n_actuals <> coalesce(a.n, 0)
           OR i.n_budget <> coalesce(b.n, 0) OR i.status <> 'active' OR i.n_replaced <> 0
           OR i.n_warnings <> 0 OR NOT i.synthetic OR i.loaded_by <> 'synth'""").fetchall()
    assert bad == []
    assert _one(con, "SELECT count(DISTINCT sha256) FROM imports") == len(expected)
    # rows sit in a dataset of their own import, and a report's rows cite its quarter's sheet
    for table in ("target_rows", "actual_rows", "budget_rows"):
        assert _one(con, f"SELECT count(*) FROM {table} r JOIN datasets d USING (dataset_id) "
                         f"WHERE d.import_id <> r.import_id OR NOT d.active") == 0, table
    assert _one(con, "SELECT count(*) FROM actual_rows r JOIN datasets d USING (dataset_id) "
                     "WHERE d.period_key <> r.period OR r.source_sheet <> 'Quý ' || "
                     "['I', 'II', 'III', 'IV'][CAST(right(r.period, 1) AS INTEGER)] || '/' "
                     "|| left(r.period, 4)") == 0


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
    loaded.execute(f"ATTACH '{synth_db}' AS direct (READ_ONLY)")
    names = [p.commune for p in pick]
    # The workbook read by the real reader and the direct build are the same plan written by
    # the same loader: every column of every target and budget row is the same (scope, flags,
    # match, section, the cell it came from), except the file name (one workbook per commune
    # here, a plan file there), the ids, and the register code (a workbook loaded into a
    # database without the generator's register has none).
    for view in ("targets", "budget_lines"):
        cols = ", ".join(f'"{c}"' for (c,) in loaded.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND "
            "table_catalog = current_database() AND column_name NOT IN ('source_file', "
            "'import_id', 'dataset_id', 'commune_code')", [view]).fetchall())
        q = f"SELECT {cols} FROM {{}}{view} WHERE commune IN (SELECT unnest(?)) ORDER BY ALL"
        from_workbooks = loaded.execute(q.format(""), [names]).fetchall()
        assert from_workbooks and from_workbooks == \
            loaded.execute(q.format("direct."), [names]).fetchall(), view
    # Results: the workbook carries the annual view (the latest quarter of 2025, of 2026 so
    # far); the direct build every quarter. The latest quarter of each year is that value.
    result = ("indicator_code, label, value_text, value_kind, op, value, value_low, value_high, "
              "unit, numerator, denominator, stated_percent, assessment, scope, flags, section, "
              "line_no, match_method")
    annual = loaded.execute(f"SELECT commune, period_year, source_row, {result} FROM actuals "
                            "WHERE commune IN (SELECT unnest(?)) ORDER BY ALL", [names]).fetchall()
    latest = loaded.execute(f"""
        SELECT commune, period_year, source_row, {result} FROM (
            SELECT *, row_number() OVER (PARTITION BY commune, period_year, source_row
                                         ORDER BY period DESC) AS k
            FROM direct.actuals WHERE commune IN (SELECT unnest(?))) WHERE k = 1
        ORDER BY ALL""", [names]).fetchall()
    assert annual and annual == latest
    loaded.close()


def test_only_the_loader_writes_the_base_tables():
    """One writer: no application module but etl/load.py inserts into, updates or deletes
    from a base table (the generator included), so a schema change touches etl/schema.sql
    (or a migration) and etl/load.py only. Test fixtures may build rows of their own."""
    write = re.compile(r"\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"
                       r"((?:target_rows|actual_rows|budget_rows|imports|datasets|admin_units|"
                       r"import_problems)\b|\{)", re.I)  # "{": a table named by a variable
    found = {}
    for folder in ("etl", "synth", "dashboard", "pages", "bench", "tools"):
        for path in (ROOT / folder).rglob("*.py"):
            rel = path.relative_to(ROOT).as_posix()
            if rel != "etl/load.py" and (hits := write.findall(path.read_text(encoding="utf-8"))):
                found[rel] = sorted(set(hits))
    assert found == {}
    assert write.search((ROOT / "etl" / "load.py").read_text(encoding="utf-8"))
