"""Reporting coverage: the ``coverage`` view and dashboard/coverage.py on a hand-built
register (every expected number is counted by hand from the rows below), on the seed database
(official register) and on a synthetic one (the generator's register)."""
from __future__ import annotations

from datetime import datetime

import duckdb
import pandas as pd
import pytest

from dashboard import coverage as C
from dashboard.queries import Filters
from etl.store import ensure_schema

F = Filters(as_of=2026)
T0 = datetime(2026, 3, 1, 8, 0)
T1 = datetime(2026, 7, 1, 8, 0)

UNITS = [  # code, name, type, province_code, province
    ("00001", "Ba Đình", "phường", "01", "Hà Nội"), ("00002", "Hoàn Kiếm", "phường", "01", "Hà Nội"),
    ("00003", "Đống Đa", "phường", "01", "Hà Nội"), ("10001", "Thuận Hóa", "phường", "46", "Huế"),
    ("10002", "An Cựu", "phường", "46", "Huế"), ("20001", "Buôn Ma Thuột", "phường", "66", "Đắk Lắk"),
]
# import_id, code, commune, province, loaded_at; datasets: (dataset_id, import_id, kind, period, active)
IMPORTS = [(1, "00001", "Ba Đình", "Hà Nội", T0), (2, "00001", "Ba Đình", "Hà Nội", T1),
           (3, "00002", "Hoàn Kiếm", "Hà Nội", T0), (4, "00002", "Hoàn Kiếm", "Hà Nội", T1),
           (5, "10001", "Thuận Hóa", "Huế", T0), (6, "20001", "Buôn Ma Thuột", "Đắk Lắk", T1),
           (7, None, "Xã Lạ", "Huế", T1)]
DATASETS = [(11, 1, "targets", "2026", True), (12, 1, "targets", "2030", True),
            (13, 1, "actuals", "2026-Q1", True), (14, 2, "actuals", "2026-Q2", True),
            (15, 3, "targets", "2026", True), (16, 4, "actuals", "2026-Q1", False),  # undone
            (17, 5, "actuals", "2025", True), (18, 6, "budget", "2026", True),
            (19, 7, "targets", "2026", True)]
TARGETS = [(11, "A", 2026), (11, "B", 2026), (11, "A", 2026),  # A twice: one indicator
           (12, "A", 2030), (15, "A", 2026), (19, "A", 2026)]
ACTUALS = [(13, "A", "2026-Q1", 2026), (14, "A", "2026-Q2", 2026), (14, "B", "2026-Q2", 2026),
           (16, "A", "2026-Q1", 2026), (17, "A", "2025", 2025)]


@pytest.fixture(scope="module")
def con():
    c = duckdb.connect()
    ensure_schema(c)
    c.executemany("INSERT INTO admin_units (code, name, type, province_code, province) "
                  "VALUES (?, ?, ?, ?, ?)", UNITS)
    c.executemany("INSERT INTO imports (import_id, file_name, sha256, loaded_at, status, "
                  "commune_code, commune, province) VALUES (?, 'f.xlsx', 'x', ?, 'active', ?, ?, ?)",
                  [(i, t, code, n, p) for i, code, n, p, t in IMPORTS])
    imp = {i: (code, n, p) for i, code, n, p, _ in IMPORTS}
    c.executemany("INSERT INTO datasets (dataset_id, import_id, commune, province, kind, "
                  "period_key, active, commune_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  [(d, i, imp[i][1], imp[i][2], k, per, a, imp[i][0])
                   for d, i, k, per, a in DATASETS])
    ds = {d: imp[i] for d, i, *_ in DATASETS}
    c.executemany("INSERT INTO target_rows (dataset_id, import_id, commune, province, "
                  "indicator_code, target_year, commune_code) VALUES (?, 0, ?, ?, ?, ?, ?)",
                  [(d, ds[d][1], ds[d][2], code, y, ds[d][0]) for d, code, y in TARGETS])
    c.executemany("INSERT INTO actual_rows (dataset_id, import_id, commune, province, "
                  "indicator_code, period, period_year, commune_code) VALUES (?, 0, ?, ?, ?, ?, ?, ?)",
                  [(d, ds[d][1], ds[d][2], code, per, y, ds[d][0]) for d, code, per, y in ACTUALS])
    c.execute("INSERT INTO budget_rows (dataset_id, import_id, commune, province, plan_year, "
              "commune_code) VALUES (18, 6, 'Buôn Ma Thuột', 'Đắk Lắk', 2026, '20001')")
    yield c
    c.close()


def test_units_for_2026_whole_frame(con):
    got = C.units(con, F).drop(columns=["synthetic", "n_total"])
    want = pd.DataFrame([  # Vietnamese order: Đắk Lắk, Hà Nội (Ba, Đống, Hoàn), Huế (An, Thuận)
        ("Đắk Lắk", "Buôn Ma Thuột", "phường", "20001", 2026, False, 0, 1, False, None, 0, T1),
        ("Hà Nội", "Ba Đình", "phường", "00001", 2026, True, 2, 0, True, "2026-Q2", 2, T1),
        ("Hà Nội", "Đống Đa", "phường", "00003", 2026, False, 0, 0, False, None, 0, None),
        ("Hà Nội", "Hoàn Kiếm", "phường", "00002", 2026, True, 1, 0, False, None, 0, T0),
        ("Huế", "An Cựu", "phường", "10002", 2026, False, 0, 0, False, None, 0, None),
        ("Huế", "Thuận Hóa", "phường", "10001", 2026, False, 0, 0, False, None, 0, None),
    ], columns=got.columns)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_by_province_and_totals_whole_frame(con):
    got = C.by_province(con, F).drop(columns=["last_import_at", "synthetic"])
    want = pd.DataFrame([("Đắk Lắk", "66", 1, 0, 1, 0, 1, 0, 0.0, 0.0),
                         ("Hà Nội", "01", 3, 2, 1, 1, 2, 1, 2 / 3, 1 / 3),
                         ("Huế", "46", 2, 0, 2, 0, 2, 2, 0.0, 0.0)], columns=got.columns)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    tot = C.totals(con, F).drop(columns=["synthetic"]).iloc[0].to_dict()
    assert tot == dict(plan_year=2026, n_units=6, n_plan=2, n_results=1, n_silent=3,
                       n_plan_no_results=1)


def test_other_years_filters_and_lists(con):
    assert set(C.years(con)["plan_year"]) == {2025, 2026, 2030, datetime.now().year}
    y25 = C.units(con, F, year=2025, which="no_results")
    assert "Thuận Hóa" not in y25["commune"].tolist() and len(y25) == 5
    assert C.units(con, F.with_(target_year=2030), which="no_plan")["commune"].tolist() == [
        "Buôn Ma Thuột", "Đống Đa", "Hoàn Kiếm", "An Cựu", "Thuận Hóa"]
    hn = F.with_(provinces=("Hà Nội",))
    assert C.units(con, hn, which="no_results")["commune"].tolist() == ["Đống Đa", "Hoàn Kiếm"]
    assert C.units(con, hn, which="silent")["commune"].tolist() == ["Đống Đa"]
    page = C.units(con, F, limit=2, offset=2)
    assert page["commune"].tolist() == ["Đống Đa", "Hoàn Kiếm"] and page["n_total"].iat[0] == 6
    assert C.unregistered(con, F).values.tolist() == [["Huế", "Xã Lạ", 1]]


def _direct(con, year: int) -> pd.DataFrame:
    """Counts straight from the base tables, without the view."""
    return con.execute("""
        SELECT u.province, count(*) AS n_units,
               count(*) FILTER (WHERE u.code IN (SELECT t.commune_code FROM target_rows t
                   JOIN datasets d USING (dataset_id) WHERE d.active AND t.target_year = ?))
                   AS n_plan,
               count(*) FILTER (WHERE u.code IN (SELECT a.commune_code FROM actual_rows a
                   JOIN datasets d USING (dataset_id) WHERE d.active AND a.period_year = ?))
                   AS n_results
        FROM admin_units u GROUP BY 1""", [year, year]).df().sort_values("province")


def _check_against_direct(con, year):
    got = C.by_province(con, F, year=year)[["province", "n_units", "n_plan", "n_results"]]
    pd.testing.assert_frame_equal(got.sort_values("province").reset_index(drop=True),
                                  _direct(con, year).reset_index(drop=True), check_dtype=False)
    return got


def test_seed_database_counts_equal_direct_counts(tmp_path):
    from tests.dashboard_support import build_seed_db
    con = duckdb.connect(str(build_seed_db(tmp_path / "seed.duckdb")), read_only=True)
    got = _check_against_direct(con, 2026)
    assert len(got) == 34 and got["n_units"].sum() == 3321
    assert not C.by_province(con, F)["synthetic"].any()
    na = C.units(con, F.with_(provinces=("Nghệ An",)))
    assert len(na) == 130  # the register's units of Nghệ An, not the two that uploaded
    assert na.loc[na["has_plan"], "commune"].tolist() == ["Nam Đàn"]  # Hợp Minh: 2025 only
    assert C.units(con, F.with_(provinces=("Nghệ An",)), year=2025, which="no_plan").shape[0] \
        == 129
    assert C.by_province(con, F.with_(provinces=("Hà Tĩnh",)), year=2025)[
        ["n_plan", "n_results"]].values.tolist() == [[1, 1]]  # Can Lộc
    # Ranks per register unit: Can Lộc's 2025 targets, counted straight from progress.
    n, assessed, achieved = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE status IN ('achieved', 'behind', "
        "'not_achieved', 'on_track', 'off_track')), count(*) FILTER (WHERE status = "
        "'achieved') FROM progress WHERE commune = 'Can Lộc' AND target_year = 2025").fetchone()
    assert assessed > 0
    got = C.commune_ranks(con, F.with_(provinces=("Hà Tĩnh",)), year=2025)
    assert got[["commune", "n_targets", "n_assessed", "n_achieved", "rank"]].values.tolist() \
        == [["Can Lộc", n, assessed, achieved, 1.0]]
    by_group = con.execute("SELECT pillar, count(*) FROM progress WHERE commune = 'Can Lộc' "
                           "AND target_year = 2025 GROUP BY 1 ORDER BY 2 DESC LIMIT 1").fetchone()
    assert C.commune_ranks(con, F.with_(provinces=("Hà Tĩnh",), pillars=(by_group[0],)),
                           year=2025)["n_targets"].tolist() == [by_group[1]] != [n]
    # Phùng Minh (dissolved in 2025) counts for the unit it joined, Kiên Thọ.
    assert C.commune_ranks(con, F.with_(provinces=("Thanh Hóa",)), year=2024)[
        "commune"].tolist() == ["Kiên Thọ"]
    con.close()


def test_synthetic_register_is_the_generators_own(tmp_path):
    from etl.cli import main
    path = tmp_path / "s.duckdb"
    assert main(["synth", "--communes", "40", "--db", str(path), "--seed", "3"]) == 0
    con = duckdb.connect(str(path), read_only=True)
    units = con.execute("SELECT count(*), bool_and(synthetic), bool_and(code LIKE 'S%') "
                        "FROM admin_units").fetchone()
    assert units == (40, True, True)  # no official unit in a synthetic database
    assert con.execute("SELECT count(*) FROM imports WHERE commune_code IS NULL").fetchone() == (0,)
    got = _check_against_direct(con, 2026)
    assert got["n_units"].sum() == 40 and C.totals(con, F)["synthetic"].iat[0]
    con.close()


def test_reporting_caption_states_the_coverage(con):
    from dashboard.coverage_view import reporting_caption
    tot = C.totals(con, F.with_(provinces=("Hà Nội",))).iloc[0]
    assert reporting_caption(tot, "vi") == "Kết quả năm 2026 từ 1/3 xã; kế hoạch từ 2/3 xã"
    assert reporting_caption(tot, "en") == "2026 results from 1/3 units; plans from 2/3 units"


def test_a_register_of_the_previous_release_gets_the_synthetic_flag(tmp_path):
    """admin_units without the synthetic column (the release before this one) still opens;
    the coverage view works and loading the official register keeps working."""
    from etl.catalog import load_catalog
    from etl.load import sync_catalog
    c = duckdb.connect(str(tmp_path / "old.duckdb"))
    ensure_schema(c)
    c.execute("DROP VIEW coverage")
    c.execute("ALTER TABLE admin_units DROP COLUMN synthetic")
    c.execute("DELETE FROM meta WHERE key = 'schema_version'")  # that release had none
    ensure_schema(c)
    sync_catalog(c, load_catalog())
    assert c.execute("SELECT count(*), bool_or(synthetic) FROM coverage WHERE plan_year = ?",
                     [datetime.now().year]).fetchone() == (3321, False)
    c.close()
