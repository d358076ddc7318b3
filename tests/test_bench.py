"""The benchmark's own logic (fast): the pandas speed baseline has one row per target row,
the snapshot equals the computation behind it, the back-test scores both forecasts, and the
pages are discovered from streamlit_app.py. Timings are never asserted."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench import pages, progress
from etl.cli import main


@pytest.fixture(scope="module")
def small_synth(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "synthetic.duckdb"
    assert main(["synth", "--communes", "25", "--db", str(path), "--seed", "3"]) == 0
    return path


@pytest.mark.parametrize("which", ["seed", "synthetic"])
def test_the_baseline_has_one_row_per_target_row_and_the_snapshot_is_fresh(which, seed_db,
                                                                            small_synth):
    con = progress.open_readonly(seed_db if which == "seed" else small_synth)
    t, a, ci = progress.load_frames(con)
    naive = progress.naive_progress(t, a, ci)
    ok, why = progress.same_as_view(naive, progress.frame(con, "SELECT * FROM progress"))
    assert ok, why
    assert len(naive) == len(t)
    assert progress.differing_rows(con, progress.LIVE, "progress") == 0
    con.close()


def test_back_test_scores_the_forecast_and_the_persistence_baseline(small_synth):
    con = progress.open_readonly(small_synth)
    bt = progress.backtest(con)
    steps = progress.forecast_timings(con, 2)
    con.close()
    assert bt["year"] == 2026 and bt["n"] > 50
    for side in ("forecast", "persist"):
        assert 0 <= bt[side]["brier"] <= 1 and 0 <= bt[side]["hit_rate"] <= 1
    assert bt["forecast"]["n"] == bt["persist"]["n"] == bt["n"]
    assert set(steps["steps"]) == {"base → temp table", "forecast inputs → pandas",
                                   "forecast (etl.forecast)", "snapshot (progress_finish)"}


def test_pages_are_discovered_from_the_entry_point(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.py").write_text("")
    (tmp_path / "pages" / "b.py").write_text("")
    entry = tmp_path / "streamlit_app.py"
    entry.write_text('import streamlit as st\nP = [("pages/b.py", "B"), ("pages/a.py", "A")]\n'
                     'st.navigation([st.Page(p, title=t) for p, t in P] + '
                     '[st.Page("pages/missing.py")]).run()\n')
    assert pages.discover(entry) == ["pages/b.py", "pages/a.py"]
    entry.write_text("print('no navigation here')\n")
    assert pages.discover(entry) == []
    assert pages.discover(tmp_path / "absent.py") == []


def test_the_upload_steps_load_the_file_as_etl_load_does(small_synth, tmp_path):
    """bench.upload: the CLI runs load the plan (one commune refreshed) and the results file,
    and the phases walk the same steps, ending with the file's rows written and the copy in
    place of the database."""
    from bench import upload
    plan = upload.cli_runs(small_synth, tmp_path, 1)
    assert plan["refresh"] == "communes:1" and len(plan["wall_s"]) == 1
    results = upload.cli_runs(small_synth, tmp_path, 1, upload.RESULTS_FILE)
    assert results["refresh"] == "communes:1"
    steps = upload.phases(small_synth, tmp_path)
    names = [s["phase"] for s in steps]
    assert names[0] == "Python imports: duckdb"
    assert "no pandas, numpy, pyarrow or openpyxl" in names[1]
    assert "write the file's rows (loaded: 39 rows)" in names
    assert names[-1] == "fsync + atomic rename"
    assert not list(tmp_path.glob(".upload-phases.duckdb.*.tmp"))
