"""What the server shares between sessions (dashboard/figcache.py, the sidebar's commune
lists, the chart frames' file list) is never stale and never changed by a page run: an
upload and its undo show on the next page load, and a shared figure leaves a run as it
came in."""
from __future__ import annotations

import json
import pickle

import pandas as pd
from streamlit.testing.v1 import AppTest

from dashboard import charts, figcache
from etl import service
from etl.catalog import load_catalog
from tests.conftest import ROOT
from tests.dashboard_support import run_app
from tests.test_upload_page import new_commune_workbook

APP = str(ROOT / "streamlit_app.py")
CHOICES = {"Tỷ lệ hồ sơ được số hóa tại bộ phận một cửa của xã": "CQ.SO_HOA_HO_SO",
           "Số buổi phát thanh về chuyển đổi số": ""}


def page_load(**params) -> AppTest:
    """A fresh session opening the overview (the server process, and its caches, stay)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(params)
    return run_app(at)


def seen(at: AppTest) -> dict:
    heatmap = json.loads(at.get("plotly_chart")[0].proto.spec)
    return {"tiles": {m.label: m.value for m in at.metric},
            "rows": [y for tr in heatmap["data"] for y in (tr.get("y") or [])],
            "figures": [c.proto.spec for c in at.get("plotly_chart")],
            "communes": list(at.multiselect(key="w_communes").options)}


def test_an_upload_and_its_undo_show_on_the_next_page_load(app_env, tmp_path):
    db = app_env
    before = seen(page_load(tinh="Thanh Hóa"))
    assert before == seen(page_load(tinh="Thanh Hóa"))  # the shared figures, as drawn
    assert not any("Đông Sơn" in str(r) for r in before["rows"])

    path = new_commune_workbook(tmp_path / "dong_son.xlsx")
    u = service.review_bytes(path.read_bytes(), path.name, load_catalog(),
                             province="Thanh Hóa", choices=CHOICES, confirm=True)
    assert u.ok, [p.message for p in u.problems if p.severity == "error"]
    [outcome] = service.commit(db, [u], user="test", choices=CHOICES)
    assert outcome.result.status == "loaded"

    after = seen(page_load(tinh="Thanh Hóa"))
    assert any("Đông Sơn" in str(r) for r in after["rows"])  # the heatmap has the commune
    assert "Đông Sơn (Thanh Hóa)" in " ".join(after["communes"])  # so does the picker
    assert after["tiles"] != before["tiles"]

    service.undo(db, outcome.result.import_id)
    undone = seen(page_load(tinh="Thanh Hóa"))
    assert not any("Đông Sơn" in str(r) for r in undone["rows"])
    assert undone["communes"] == before["communes"]
    assert undone["tiles"] == before["tiles"]


def _frame() -> tuple[pd.DataFrame, charts.ChartMeta]:
    d = pd.DataFrame({"commune_key": ["A", "B"], "n": [1, 2]})
    return d, charts.ChartMeta(title="t", lang="vi")


def test_one_figure_per_content_whoever_asks():
    built = []

    def builder(df, meta, scale=1):
        built.append(1)
        return {"x": (df["n"] * scale).tolist(), "title": meta.title}

    df, m = _frame()
    same = pickle.loads(pickle.dumps(df))  # what st.cache_data hands another session
    a = figcache.figure(builder, df, m)
    assert figcache.figure(builder, same, m) is a and len(built) == 1
    assert figcache.figure(builder, df.assign(n=[1, 3]), m) == {"x": [1, 3], "title": "t"}
    assert figcache.figure(builder, df, m, scale=2)["x"] == [2, 4]
    assert figcache.figure(builder, df, charts.ChartMeta(title="t", lang="en")) is not a
    assert len(built) == 4


def test_drawing_a_shared_figure_leaves_it_as_it_was(seed_db, monkeypatch):
    monkeypatch.setenv("FIGCACHE_TEST_DB", str(seed_db))

    def script():
        import os

        import duckdb
        import streamlit as st

        from dashboard import charts, figcache
        con = duckdb.connect(os.environ["FIGCACHE_TEST_DB"], read_only=True)
        rows = con.execute("SELECT *, commune || ' (' || province || ')' AS commune_key "
                           "FROM progress WHERE actual_value IS NOT NULL "
                           "ORDER BY commune, target_ref LIMIT 6").df()
        con.close()
        m = charts.ChartMeta(title="Khoảng cách", lang="vi", sources=("a.xlsx",))
        fig = figcache.figure(charts.target_vs_actual, rows, m, "commune_key", show_gap=True)
        before = fig.to_json()
        st.plotly_chart(fig, config=charts.config(m, fig), on_select="rerun",
                        selection_mode="points", key="c")
        st.session_state["same"] = fig.to_json() == before
        st.session_state["id"] = id(fig)
        st.session_state["n"] = len(rows)

    one, two = run_app(AppTest.from_function(script)), run_app(AppTest.from_function(script))
    assert one.session_state["n"] == 6
    assert one.session_state["same"] and two.session_state["same"]
    assert one.session_state["id"] == two.session_state["id"]  # one figure, two sessions
