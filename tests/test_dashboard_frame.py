"""The page frame (dashboard/frame.py): the entry script builds it from the sidebar and hands
it to the page; no frame outlives its run; a page run on its own builds one from the URL."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import frame
from tests.dashboard_support import build_seed_db

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def app_db(tmp_path_factory):
    return build_seed_db(tmp_path_factory.mktemp("frame") / "seed.duckdb")


@pytest.fixture
def env(app_db, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(app_db))


def communes_tile(at) -> str:
    return next(m.value for m in at.metric if m.label == "Communes")


def test_the_page_shows_the_entry_scripts_frame_and_none_outlives_the_run(env):
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.query_params.update(tinh="Nghệ An", lang="en")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Overview"
    assert communes_tile(at) == "2"          # Nghệ An's two communes: the URL's filter
    assert frame.KEY not in at.session_state
    at.multiselect(key="w_provinces").set_value([]).run()
    assert communes_tile(at) == "5"          # the sidebar's filter, in the same run
    assert frame.KEY not in at.session_state


def test_a_page_run_on_its_own_builds_its_frame_from_the_url(env):
    at = AppTest.from_file(str(ROOT / "pages" / "overview.py"), default_timeout=60)
    at.query_params.update(tinh="Nghệ An", lang="en")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Overview"
    assert communes_tile(at) == "2"
    assert not at.sidebar.multiselect      # no entry script: no filters drawn
