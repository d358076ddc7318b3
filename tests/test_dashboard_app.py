"""AppTest: every page runs with default and non-default filters, and what the screen shows
equals the database."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.dashboard_support import (CAN_LOC, HOP_MINH, NAM_DAN, PHU_TRUNG, build_seed_db,
                                     scale_up)

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
PAGES = ["pages/overview.py", "pages/compare.py", "pages/gaps.py", "pages/budget.py",
         "pages/commune.py"]


@pytest.fixture(scope="module")
def app_db(tmp_path_factory):
    return build_seed_db(tmp_path_factory.mktemp("app") / "seed.duckdb")


@pytest.fixture
def env(app_db, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(app_db))
    return app_db


def run(page: str = "pages/overview.py", **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(params)
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at) -> dict:
    return {m.label: (m.value, m.proto.delta) for m in at.metric}


def table(at, *columns: str):
    """The first table on screen that has these columns."""
    for df in at.dataframe:
        value = df.value
        if set(columns) <= set(value.columns):
            return value
    raise AssertionError(f"no table with columns {columns}")


def shown(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [e.value for e in at.info] + [e.value for e in at.warning] + [e.value for e in at.error]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_with_default_filters(env, page):
    at = run(page)
    assert not at.error
    assert at.title[0].value in {"Tổng quan", "So sánh xã", "Khoảng cách", "Kinh phí",
                                 "Hồ sơ xã"}


NON_DEFAULT = [
    dict(tinh="Nghệ An", nam="2026"),
    dict(xa=[CAN_LOC, PHU_TRUNG], nhom=["CQ", "XH"]),
    dict(lang="en", tinh="Hà Tĩnh"),
    dict(briefing="1", nam="2030"),
    dict(xa=NAM_DAN, che_do="nhom", chi_tieu="CQ.DVC_TOAN_TRINH", ho_so=PHU_TRUNG),
]


@pytest.mark.parametrize("params", NON_DEFAULT, ids=lambda p: "&".join(p))
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_with_other_filters(env, page, params):
    at = run(page, **params)
    assert not at.error


def db_value(path, sql, *params):
    import duckdb
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def test_overview_tiles_equal_the_database(env):
    """The tiles of the five seeds, each commune's current plan (Can Lộc, Nam Đàn, Phú Trung
    2026; Hợp Minh 2025; Phùng Minh 2024): 19 + 39 + 23 + 26 + 14 = 121 targets, 15 with a
    result, 11 of the 12 assessed achieved (pinned, as tests/test_etl_seed.py pins the seed
    counts; the current-plan rule itself is tested on a small fixture in
    tests/test_queries_whole.py, not recomputed here)."""
    (n_communes,), = db_value(env, "SELECT count(DISTINCT commune) FROM imports")
    (total,), = db_value(env, "SELECT sum(amount_million_vnd) FROM budget_lines")
    n_targets, n_result, n_ok, n_assessed = 121, 15, 11, 12
    at = run()
    m = metrics(at)
    assert m["Số xã"][0] == str(n_communes) == "5"
    assert m["Chỉ tiêu có mục tiêu"][0] == str(n_targets)
    assert m["Có kết quả"][1] == f"{n_result} / {n_targets} chỉ tiêu"
    assert m["Tỷ lệ đạt"][1] == f"{n_ok} / {n_assessed} chỉ tiêu"
    assert total == 3150
    assert m["Kinh phí (tỷ đồng)"] == ("3,15", "3.150 triệu đồng")
    # the URL carries no filter by default, and the heatmap is drawn
    assert "xa" not in at.query_params
    assert len(at.get("plotly_chart")) == 2


def test_filters_go_into_the_url_and_narrow_the_view(env):
    at = run(xa=NAM_DAN, nam="2026")
    assert metrics(at)["Chỉ tiêu có mục tiêu"][0] == "39"
    assert metrics(at)["Số xã"][0] == "1"
    assert at.query_params["xa"] == NAM_DAN and at.query_params["nam"] == "2026"
    # a widget change is written back to the address bar
    at.multiselect(key="w_communes").set_value([PHU_TRUNG]).run()
    assert at.query_params["xa"] == PHU_TRUNG
    assert metrics(at)["Chỉ tiêu có mục tiêu"][0] == "23"


def test_budget_page_shows_the_can_loc_lines(env):
    at = run("pages/budget.py")
    m = metrics(at)
    assert m["Kinh phí (tỷ đồng)"] == ("3,15", "3.150 triệu đồng")
    assert m["Số dòng nhiệm vụ"][0] == "7"
    lines = table(at, "Nhiệm vụ", "Kinh phí (triệu đồng)")
    assert len(lines) == 7
    first = lines.iloc[0]
    assert (first["Xã"], first["Kinh phí (triệu đồng)"], first["Dòng"]) == (CAN_LOC, "600", 7)
    assert first["Tệp nguồn"] == "can_loc_2026_ke_hoach.xlsx"
    assert "3.150 triệu đồng (3,15 tỷ đồng)" in shown(at)


def test_commune_profile_lists_every_target_with_its_source_row(env):
    at = run("pages/commune.py", ho_so=NAM_DAN, nam="2026")
    targets = table(at, "Chỉ tiêu", "Năm mục tiêu", "Tình trạng", "Tệp kết quả")
    assert len(targets) == 39
    assert set(targets["Tệp nguồn"]) == {"nam_dan_2026_ke_hoach.xlsx"}
    assert targets["Dòng"].notna().all()
    assert "Xã này chưa có báo cáo kết quả nào." in shown(at)
    at = run("pages/commune.py", ho_so=PHU_TRUNG)
    assert len(table(at, "Chỉ tiêu", "Năm mục tiêu", "Tình trạng", "Tệp kết quả")) == 46


def test_compare_page_one_indicator(env):
    # Three communes plan it (since catalogue 2026.1 XH.TAI_KHOAN_THANH_TOAN has two: the
    # e-payment accounts of Hợp Minh and Phùng Minh are XH.TAI_KHOAN_TT_DIEN_TU); none has
    # reported a result for it (their current plans: Hợp Minh 2025, the others 2026).
    code = "XH.DINH_DANH_DIEN_TU"
    expected = {(HOP_MINH, "○ Chưa có báo cáo"), (NAM_DAN, "○ Chưa có báo cáo"),
                (PHU_TRUNG, "○ Chưa có báo cáo")}
    at = run("pages/compare.py", chi_tieu=code)
    rows = table(at, "Xã", "Mục tiêu", "Tình trạng")
    assert set(zip(rows["Xã"], rows["Tình trạng"])) == expected
    assert at.query_params["chi_tieu"] == code


def test_english_toggle(env):
    at = run(lang="en")
    assert at.title[0].value == "Overview"
    assert metrics(at)["Communes"][0] == "5"
    assert metrics(at)["Budget (bn VND)"] == ("3.15", "3,150 million VND")


def test_language_switch_relabels_the_language_widget_in_the_same_run(env):
    """Clicking "English" in a Vietnamese view: the widget's own label is English at once
    (it said "Ngôn ngữ" until the next click, seen in the browser)."""
    at = run()
    lang = at.button_group(key="w_lang")
    assert lang.label == "Ngôn ngữ"
    lang.set_value("en").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Overview"
    assert at.button_group(key="w_lang").label == "Language"


def test_empty_states_say_what_is_missing(env):
    at = run("pages/gaps.py", xa=PHU_TRUNG)
    assert "Chưa có chỉ tiêu nào không đạt hoặc chậm tiến độ" in shown(at)
    at = run("pages/budget.py", xa=NAM_DAN)
    assert "Chưa có dòng kinh phí nào trong phạm vi đang xem" in shown(at)


def test_missing_database_says_how_to_build_it(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(tmp_path / "none.duckdb"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    text = at.error[0].value
    assert "Chưa có cơ sở dữ liệu" in text and "make run" in text and "python -m etl load" in text


def test_simulated_data_is_labelled(app_db, tmp_path, monkeypatch):
    big = scale_up(app_db, tmp_path / "big.duckdb")
    monkeypatch.setenv("DASHBOARD_DB", str(big))
    at = run()
    assert any("Dữ liệu mô phỏng" in w.value for w in at.warning)
    assert metrics(at)["Số xã"][0] == "3.321"
    assert any("gộp theo tỉnh" in c.value for c in at.caption)
    # the real communes alone are not labelled
    at = run(xa=NAM_DAN)
    assert not any("Dữ liệu mô phỏng" in w.value for w in at.warning)


def test_status_tables_offer_why_this_status(env):
    for page, kw in (("pages/compare.py", dict(chi_tieu="XH.DTTM_DICH_VU_CQDT")),
                     ("pages/commune.py", dict(ho_so="Can Lộc (Hà Tĩnh)"))):
        at = run(page, **kw)
        assert "Vì sao có tình trạng này?" in shown(at), page
    at = run("pages/compare.py", chi_tieu="XH.DTTM_DICH_VU_CQDT")
    rows = table(at, "Xã", "Năm mục tiêu", "Kỳ kết quả", "Tình trạng", "Khoảng cách")
    can_loc = rows[rows["Xã"] == "Can Lộc (Hà Tĩnh)"].iloc[0]
    assert (can_loc["Năm mục tiêu"], can_loc["Kỳ kết quả"], can_loc["Tình trạng"],
            can_loc["Khoảng cách"]) == ("2026", "2025", "◇ Không so sánh được", "tối đa 20 điểm %")


def _figures(at) -> list[dict]:
    import json
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def test_a_chosen_province_shows_its_communes_however_many(app_db, tmp_path, monkeypatch):
    """Over ui.LARGE communes the country view rolls up by province; a province chosen on
    purpose is never rolled up: its heatmap shows the province row and a page of its
    communes (most behind first), the full list is one click away (a table of every
    commune), and the budget chart is per commune."""
    big = scale_up(app_db, tmp_path / "big.duckdb", n_communes=900)
    monkeypatch.setenv("DASHBOARD_DB", str(big))
    (n_na,), = db_value(big, "SELECT count(DISTINCT commune) FROM targets "
                             "WHERE province = 'Nghệ An'")
    (n_na_budget,), = db_value(big, "SELECT count(DISTINCT commune) FROM budget_lines "
                                    "WHERE province = 'Nghệ An'")
    assert n_na > n_na_budget > 40  # both scopes above ui.LARGE
    at = run()
    assert any("gộp theo tỉnh" in c.value for c in at.caption)
    at = run(tinh="Nghệ An")
    assert not any("gộp theo tỉnh" in c.value for c in at.caption)
    heat = _figures(at)[0]
    rows = list(dict.fromkeys(y for y in heat["data"][0]["y"]))
    assert len(rows) == 1 + min(30, n_na) and "Nghệ An (cả tỉnh)" in rows[0]
    full = table(at, "Hạng", "Xã", "Đạt / đã đánh giá")
    assert len(full) == n_na and set(full["Tỉnh"]) == {"Nghệ An"}
    # the page shows the first communes of the full list, in the same order
    first = [r.split("<br>")[0] for r in rows[1:]]
    assert first == full["Xã"].tolist()[:len(first)]
    at = run("pages/budget.py", tinh="Nghệ An")
    titles = [str(fig["layout"].get("title", {}).get("text", "")) for fig in _figures(at)]
    assert any("Kinh phí theo xã" in x for x in titles), titles
    assert not any("Kinh phí theo tỉnh" in x for x in titles), titles
    # So sánh xã: the per-province chart is drawn for the country, not for one province
    code = "XH.DINH_DANH_DIEN_TU"
    by_province = "— Tỉnh/thành phố"
    at = run("pages/compare.py", chi_tieu=code)
    assert any(by_province in str(fig["layout"].get("title", {}).get("text", ""))
               for fig in _figures(at))
    at = run("pages/compare.py", chi_tieu=code, tinh="Nghệ An")
    assert not any(by_province in str(fig["layout"].get("title", {}).get("text", ""))
                   for fig in _figures(at))


def test_commune_profile_picker_honours_the_province_filter(env):
    at = run("pages/commune.py", tinh="Nghệ An")
    assert at.selectbox(key="w_profile").options == ["Hợp Minh (Nghệ An)", "Nam Đàn (Nghệ An)"]
    at = run("pages/commune.py")
    assert len(at.selectbox(key="w_profile").options) == 5
