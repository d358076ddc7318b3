"""A write refreshes the progress snapshot only for the communes it touched (etl.store
refresh_after_write), and the result is the same as recomputing the whole country: after an
upload, after an undo, for a plan (no result changes: the stored peers serve) and for a
results file (the peers move: every forecast is recomputed and the rows it moved updated).

Compared as whole frames with a full recompute on a copy of the same database: the snapshot,
the forecast, the forecast's inputs and its peers."""
from __future__ import annotations

import shutil

import duckdb
import openpyxl
import pandas as pd
import pytest

from etl import service
from etl.catalog import load_catalog
from etl.cli import main
from etl.store import refresh_derived

SYNTH_COMMUNES = 8
DERIVED = {  # table -> its key, for a row order independent of how the rows were written
    "progress_snapshot": ["target_ref"],
    "progress_forecast": ["target_ref"],
    "progress_forecast_rows": ["target_ref"],
    "progress_peers_province": ["indicator_code", "unit", "province"],
    "progress_peers_country": ["indicator_code", "unit"],
    "progress_series_fits": ["commune", "province", "indicator_code", "unit"],
}


@pytest.fixture(scope="module")
def synth(tmp_path_factory):
    """A synthetic database of 8 communes and the generated workbooks of two of them."""
    d = tmp_path_factory.mktemp("incr")
    db, out = d / "synth.duckdb", d / "wb"
    assert main(["synth", "--communes", str(SYNTH_COMMUNES), "--seed", "7", "--db", str(db),
                 "--out", str(out), "--limit", "2"]) == 0
    return db, sorted(out.glob("*.xlsx"))


@pytest.fixture
def db(tmp_path, synth):
    path = tmp_path / "db.duckdb"
    shutil.copyfile(synth[0], path)
    # the generator's own session ended with a full refresh; start from the same state
    assert _meta(path, "derived_refresh") == "full"
    return path


def _meta(db, key):
    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None
    finally:
        con.close()


def derived(db) -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        # through Arrow: a string column all NULL keeps its string type
        return {t: con.sql(f"SELECT * FROM {t} ORDER BY {', '.join(k)}").to_arrow_table()
                .to_pandas() for t, k in DERIVED.items()}
    finally:
        con.close()


def full_recompute(db, tmp_path) -> dict[str, pd.DataFrame]:
    copy = tmp_path / "full.duckdb"
    shutil.copyfile(db, copy)
    con = duckdb.connect(str(copy))
    try:
        refresh_derived(con)  # the whole country, as `etl build` / a rebuild does
    finally:
        con.close()
    return derived(copy)


def assert_same(got: dict[str, pd.DataFrame], want: dict[str, pd.DataFrame],
                **kw) -> None:
    """Every derived table equal, each number to the last bit."""
    kw.setdefault("check_exact", True)
    for table in DERIVED:
        pd.testing.assert_frame_equal(got[table].reset_index(drop=True),
                                      want[table].reset_index(drop=True), obj=table, **kw)


def no_country_forecast(monkeypatch):
    """Fail if the whole country's forecast is recomputed (a write that changed the results
    of one commune refits that commune's series only)."""
    def fail(*_a, **_k):
        raise AssertionError("the whole country's forecast was recomputed")
    monkeypatch.setattr("etl.forecast.forecast_peers_fits", fail)


def rows_of(frames, commune, province) -> pd.DataFrame:
    s = frames["progress_snapshot"]
    return s[(s["commune"] == commune) & (s["province"] == province)].reset_index(drop=True)


def untouched_commune(frames, *touched) -> tuple[str, str]:
    keys = frames["progress_snapshot"][["commune", "province"]].drop_duplicates()
    return next(k for k in map(tuple, keys.to_numpy()) if k[0] not in touched)


def upload(db, path, *, allow_synthetic=False):
    u = service.review_bytes(path.read_bytes(), path.name, load_catalog(),
                             allow_synthetic=allow_synthetic)
    assert u.ok, [p.message for p in u.problems if p.severity == "error"]
    [outcome] = service.commit(db, [u], user="test")
    assert outcome.result.status == "loaded"
    return u, outcome.result.import_id


def test_a_plan_upload_and_its_undo_refresh_one_commune_like_a_full_recompute(
        db, tmp_path, seed_files):
    before = derived(db)
    nam_dan = next(p for p in seed_files if p.name.startswith("nam_dan"))
    u, import_id = upload(db, nam_dan)
    assert _meta(db, "derived_refresh") == "communes:1"
    after = derived(db)
    assert_same(after, full_recompute(db, tmp_path))
    # the touched commune's rows are there, every other commune's rows are as they were
    assert len(rows_of(after, "Nam Đàn", "Nghệ An")) == len(u.targets) == 39
    other = untouched_commune(before, "Nam Đàn")
    assert len(rows_of(before, *other)) > 20
    pd.testing.assert_frame_equal(rows_of(after, *other), rows_of(before, *other))
    assert (len(after["progress_snapshot"])
            == len(before["progress_snapshot"]) + len(u.targets))

    assert service.undo(db, import_id) == "Đã hoàn tác."
    assert _meta(db, "derived_refresh") == "communes:1"
    undone = derived(db)
    assert_same(undone, full_recompute(db, tmp_path))
    assert_same(undone, before)  # the undo restores the snapshot exactly


def _changed_result_copy(src, dst, *, whole_year_2026=False):
    """The commune sends its 2025 report again with one result changed (only the 2025 column:
    the "9 tháng năm 2026" and "Đánh giá" columns are emptied). ``whole_year_2026``: the
    2026 column kept, its heading made "Năm 2026": results of the whole year 2026, later
    than the database's latest quarter, so the data's date moves."""
    wb = openpyxl.load_workbook(src)
    ws = wb["Kết quả thực hiện"]
    for row in ws.iter_rows(min_row=9):
        for cell in row[4:6]:  # E: 9 tháng năm 2026, F: Đánh giá
            if not isinstance(cell, openpyxl.cell.cell.MergedCell) and not whole_year_2026:
                cell.value = None
    if whole_year_2026:  # "9 tháng năm 2026" (2026-Q3) read as results of the whole year
        [header] = [c for row in ws.iter_rows(max_row=8) for c in row
                    if c.value == "9 tháng năm 2026"]
        header.value = "Năm 2026"
    for row in ws.iter_rows(min_row=9):
        cell = row[3]  # column D: Năm 2025
        if isinstance(cell.value, str) and cell.value.endswith("%"):
            old = float(cell.value.rstrip("%").replace(",", "."))
            cell.value = f"{max(old - 20, 1):.1f}%".replace(".", ",")
            wb.save(dst)
            return row[1].value
    raise AssertionError("no percentage result in column D")


def test_a_results_upload_and_its_undo_move_the_peers_like_a_full_recompute(
        db, tmp_path, synth, monkeypatch):
    before = derived(db)
    changed = _changed_result_copy(synth[1][0], tmp_path / "report.xlsx")
    no_country_forecast(monkeypatch)
    u, import_id = upload(db, tmp_path / "report.xlsx", allow_synthetic=True)
    monkeypatch.undo()
    assert _meta(db, "derived_refresh") == "communes:1"
    after = derived(db)
    assert_same(after, full_recompute(db, tmp_path))
    commune = (u.context.commune, u.context.province)
    mine = rows_of(after, *commune)
    assert (mine["label"] == changed).any()
    # every other commune's own columns are as they were; only the forecast may have moved
    # with the peers (and the verdict of a target still open with it)
    other = untouched_commune(before, commune[0])
    forecast_cols = [c for c in mine.columns if c.startswith("forecast_")
                     or c in ("own_pace", "peer_pace", "required_pace", "status",
                              "status_rule")]
    pd.testing.assert_frame_equal(rows_of(after, *other).drop(columns=forecast_cols),
                                  rows_of(before, *other).drop(columns=forecast_cols))
    assert not after["progress_peers_country"].equals(before["progress_peers_country"])
    # only the commune's series were refitted: every other series' fit is as it was
    fits_b, fits_a = before["progress_series_fits"], after["progress_series_fits"]
    pd.testing.assert_frame_equal(
        fits_a[fits_a["commune"] != commune[0]].reset_index(drop=True),
        fits_b[fits_b["commune"] != commune[0]].reset_index(drop=True), check_exact=True)
    assert not fits_a[fits_a["commune"] == commune[0]].reset_index(drop=True).equals(
        fits_b[fits_b["commune"] == commune[0]].reset_index(drop=True))

    no_country_forecast(monkeypatch)
    assert service.undo(db, import_id) == "Đã hoàn tác."
    monkeypatch.undo()
    undone = derived(db)
    assert_same(undone, full_recompute(db, tmp_path))
    assert_same(undone, before)


def test_results_that_move_the_data_date_refresh_the_whole_country_and_so_does_their_undo(
        db, tmp_path, synth):
    """A report whose 2026 column holds results of the whole year 2026 (later than the
    database's latest quarter, 2026-Q3) moves the date every status is judged at: a full
    refresh, and the undo moves it back."""
    before = derived(db)
    _changed_result_copy(synth[1][0], tmp_path / "report.xlsx", whole_year_2026=True)
    _u, import_id = upload(db, tmp_path / "report.xlsx", allow_synthetic=True)
    assert _meta(db, "derived_refresh") == "full"
    after = derived(db)
    assert set(after["progress_snapshot"]["as_of_period"]) == {"2026"}
    assert set(before["progress_snapshot"]["as_of_period"]) != {"2026"}
    assert_same(after, full_recompute(db, tmp_path))
    assert service.undo(db, import_id) == "Đã hoàn tác."
    assert _meta(db, "derived_refresh") == "full"
    assert_same(derived(db), before)


def test_a_plan_for_a_commune_with_results_forecasts_its_rows_with_the_stored_peers(
        db, tmp_path, synth):
    """A commune sends its plan again (one target changed, no results sheet): no result
    changed, so its rows are forecast with the stored peers; the tables equal a full
    recompute."""
    wb = openpyxl.load_workbook(synth[1][0])
    del wb["Kết quả thực hiện"]
    ws = wb["Chỉ tiêu 2026-2030"]
    cell = next(c for row in ws.iter_rows(min_row=9) for c in row[3:4]
                if isinstance(c.value, str) and c.value.endswith("%"))
    cell.value = "42%"
    wb.save(tmp_path / "plan.xlsx")
    u, import_id = upload(db, tmp_path / "plan.xlsx", allow_synthetic=True)
    assert _meta(db, "derived_refresh") == "communes:1"
    after = derived(db)
    mine = rows_of(after, u.context.commune, u.context.province)
    assert mine["forecast_method"].notna().sum() > 10  # its results are in the database
    assert_same(after, full_recompute(db, tmp_path))


def test_a_target_year_before_the_latest_results_forecasts_the_whole_country_the_same(
        db, tmp_path, synth, monkeypatch):
    """A report whose plan has 2025 targets while its results go to 2026-Q3: those rows are
    judged on the points up to 2025, a fit the stored fits do not have, so the whole
    country's forecast is recomputed; the tables equal a full recompute."""
    before = derived(db)
    _changed_result_copy(synth[1][0], tmp_path / "report.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "report.xlsx")
    ws = wb["Chỉ tiêu 2026-2030"]
    [header] = [c for row in ws.iter_rows(max_row=8) for c in row if c.value == "Năm 2026"]
    header.value = "Năm 2025"
    wb.save(tmp_path / "report.xlsx")
    calls = []
    from etl import forecast
    real = forecast.forecast_peers_fits
    monkeypatch.setattr(forecast, "forecast_peers_fits",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    _u, import_id = upload(db, tmp_path / "report.xlsx", allow_synthetic=True)
    assert calls and _meta(db, "derived_refresh") == "communes:1"
    monkeypatch.undo()
    assert_same(derived(db), full_recompute(db, tmp_path))
    assert service.undo(db, import_id) == "Đã hoàn tác."
    assert_same(derived(db), before)


def test_a_cli_load_of_two_files_refreshes_both_communes(db, tmp_path, seed_files):
    files = [p for p in seed_files if p.name.startswith(("nam_dan", "can_loc"))]
    assert main(["load", *map(str, files), "--db", str(db)]) == 0
    assert _meta(db, "derived_refresh") == "communes:2"
    assert_same(derived(db), full_recompute(db, tmp_path))


def test_a_change_of_the_data_date_refreshes_the_whole_country(db, tmp_path):
    assert main(["as-of", "2026-Q1", "--db", str(db)]) == 0
    assert _meta(db, "derived_refresh") == "full"
    snap = derived(db)["progress_snapshot"]
    assert set(snap["as_of_period"]) == {"2026-Q1"}
