"""AppTest of the coverage page (Xã đã báo cáo) on a small synthetic database: the tiles, the
list and the per-province table equal direct counts on the database."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
YEAR = date.today().year


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory):
    from etl.cli import main
    path = tmp_path_factory.mktemp("cov") / "s.duckdb"
    assert main(["synth", "--communes", "120", "--db", str(path), "--seed", "5"]) == 0
    return path


def direct(path, sql, params=()):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def run(db, monkeypatch, **params) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(params)
    at.run()
    at.switch_page("pages/coverage.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_province_no_results_list_equals_the_database(synth_db, monkeypatch):
    prov = direct(synth_db, """  -- the province with the most units without results
        SELECT province FROM coverage WHERE plan_year = ? GROUP BY 1
        ORDER BY count(*) FILTER (WHERE NOT has_results) DESC, 1 LIMIT 1""", [YEAR])[0][0]
    at = run(synth_db, monkeypatch, tinh=prov, danh_sach="no_results")
    silent = direct(synth_db, """
        SELECT u.name FROM admin_units u WHERE u.province = ? AND u.code NOT IN (
            SELECT a.commune_code FROM actual_rows a JOIN datasets d USING (dataset_id)
            WHERE d.active AND a.period_year = ?)""", [prov, YEAR])
    n_units = direct(synth_db, "SELECT count(*) FROM admin_units WHERE province = ?", [prov])[0][0]
    lists = [d.value for d in at.dataframe if "Mã đơn vị" in d.value.columns]
    listed = lists[0] if lists else None
    assert silent and listed is not None
    assert sorted(listed["Xã"]) == sorted(n for (n,) in silent)
    assert "Tỉnh" not in listed.columns  # one province: in the headline, not on every row
    assert {"Đạt / đã đánh giá", "Tỷ lệ đạt (%)", "Hạng trong tỉnh"} <= set(listed.columns)
    tiles = {m.label: m.value for m in at.metric}
    assert tiles["Xã trong danh mục"] == str(n_units)
    with_results = n_units - len(silent)
    assert any(f"{with_results}/{n_units} xã đã có kết quả" in m.value for m in at.markdown)
    assert any("Dữ liệu mô phỏng" in w.value for w in at.warning)  # synthetic, labelled


def test_country_per_province_table(synth_db, monkeypatch):
    at = run(synth_db, monkeypatch)
    by_prov = next(d.value for d in at.dataframe if "Số xã" in d.value.columns)
    assert len(by_prov) == 34
    want = direct(synth_db, """
        SELECT u.province, count(*), count(*) FILTER (WHERE u.code IN (
            SELECT t.commune_code FROM target_rows t JOIN datasets d USING (dataset_id)
            WHERE d.active AND t.target_year = ?)) FROM admin_units u GROUP BY 1""", [YEAR])
    got = {r["Tỉnh"]: (int(r["Số xã"]), r["Có kế hoạch"]) for _, r in by_prov.iterrows()}
    for prov, units, plan in want:
        assert got[prov][0] == units and got[prov][1].startswith(f"{plan}/{units} ")
    provinces = by_prov["Tỉnh"].tolist()
    assert provinces.index("Hà Nội") < provinces.index("Huế")  # Vietnamese order
    assert provinces.index("Đắk Lắk") < provinces.index("Gia Lai") < provinces.index("Hà Nội")
