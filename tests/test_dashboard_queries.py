"""Dashboard queries, formatting, exports and charts, called directly on a seed database."""
from __future__ import annotations

import io
import os

import duckdb
import openpyxl
import pytest

from dashboard import charts, export, fmt, tables
from dashboard import queries as Q
from dashboard.db import open_readonly, prepare
from tests.dashboard_support import (CAN_LOC, HOP_MINH, NAM_DAN, PHU_TRUNG, PHUNG_MINH,
                                     build_seed_db, scale_up)

F = Q.Filters(as_of=2026)


@pytest.fixture(scope="session")
def dash_db(tmp_path_factory):
    return build_seed_db(tmp_path_factory.mktemp("dash") / "seed.duckdb")


@pytest.fixture(scope="session")
def big_db(tmp_path_factory, dash_db):
    return scale_up(dash_db, tmp_path_factory.mktemp("dash_big") / "big.duckdb")


@pytest.fixture(scope="module")
def con(dash_db):
    c = open_readonly(str(dash_db))
    yield c
    c.close()


def cur(con):
    return prepare(con.cursor())


def one(df):
    assert len(df) == 1
    return df.iloc[0]


# --------------------------------------------------------------------------- the seed numbers
def test_budget_total_for_can_loc_is_3150(con):
    tot = one(Q.budget_totals(cur(con), F.with_(communes=(CAN_LOC,))))
    assert (tot["total"], tot["n_lines"], tot["n_no_amount"]) == (3150, 7, 0)
    lines = Q.budget_lines(cur(con), F.with_(communes=(CAN_LOC,)))
    assert len(lines) == 7 and lines["grand_total"].iat[0] == 3150
    assert lines["amount_million_vnd"].tolist()[:5] == [600, 100, 1200, 100, 1000]
    assert set(lines["source_row"]) == set(range(7, 14))
    by_source = Q.budget_by_source(cur(con), F)
    assert by_source["total"].sum() == 3150
    # one name per funding source (data/catalog/funding_sources.csv), the text as written beside
    assert dict(zip(by_source["source_name"], by_source["total"])) == {
        "Ngân sách tỉnh": 3050, "Nguồn hợp pháp của đơn vị": 100}
    assert dict(zip(by_source["source_name"], by_source["source_spellings"])) == {
        "Ngân sách tỉnh": "Nguồn NS tỉnh bố trí trong dự toán chi năm 2026",
        "Nguồn hợp pháp của đơn vị": "Nguồn hợp pháp của đơn vị"}
    assert Q.budget_by_pillar(cur(con), F)["total"].sum() == 3150
    status = Q.budget_by_status(cur(con), F)
    assert dict(zip(status["status_name"].fillna(""), status["total"])) == {"Đề xuất": 2800,
                                                                           "": 350}


def test_nam_dan_has_39_targets_for_2026(con):
    f = F.with_(communes=(NAM_DAN,), target_year=2026)
    assert one(Q.overview_tiles(cur(con), f))["n_targets"] == 39
    assert len(Q.commune_targets(cur(con), f)) == 39
    rows = Q.progress_rows(cur(con), f, limit=100)
    assert len(rows) == 39 and rows["n_total"].iat[0] == 39
    # provenance on every row: file, sheet, row
    assert rows[["target_source_file", "target_source_sheet", "target_source_row"]].notna().all().all()
    assert set(rows["target_source_file"]) == {"nam_dan_2026_ke_hoach.xlsx"}


def test_phu_trung_has_23_targets_for_2026_and_23_for_2030(con):
    for year in (2026, 2030):
        tiles = one(Q.overview_tiles(cur(con), F.with_(communes=(PHU_TRUNG,), target_year=year)))
        assert tiles["n_targets"] == 23
    amb = Q.ambition(cur(con), F.with_(communes=(PHU_TRUNG,)))
    assert len(amb) == 23 and set(amb["y0"]) == {2026} and set(amb["y1"]) == {2030}
    row = amb[amb["indicator_code"] == "HT.BANG_RONG_CO_DINH"].iloc[0]
    assert (row["text0"], row["text1"]) == ("50%", "100%")
    plans = Q.ambition_communes(cur(con), F)
    assert plans["commune_key"].iat[0] == PHU_TRUNG and plans["n_indicators"].iat[0] == 23


def test_a_chosen_year_counts_only_the_communes_that_plan_for_it(con):
    """nam=2030: only Phú Trung has 2030 targets, so the tiles say 1 xã, not the 5 loaded."""
    cols = ["n_communes", "n_targets", "n_communes_with_targets"]
    got = Q.overview_tiles(cur(con), F.with_(target_year=2030))[cols]
    assert got.to_dict("records") == [dict(n_communes=1, n_targets=23, n_communes_with_targets=1)]
    # without a year every commune that uploaded anything counts
    assert one(Q.overview_tiles(cur(con), F))["n_communes"] == 5


def test_lists_are_in_vietnamese_order(con, big_db):
    """ICU 'vi' collation: Đ- right after D-/C- (not after Z), Hà Nội before Huế."""
    seed = Q.communes(cur(con))
    assert seed["province"].drop_duplicates().tolist() == [
        "Đồng Nai", "Hà Tĩnh", "Nghệ An", "Thanh Hóa"]
    c = open_readonly(str(big_db))
    try:
        provinces = ["An Giang", "Cần Thơ", "Đắk Lắk", "Đồng Nai", "Gia Lai", "Hà Nội", "Hà Tĩnh",
                     "Huế", "Lào Cai", "Nghệ An", "Quảng Ninh", "Sơn La", "Thanh Hóa"]
        assert Q.communes(prepare(c.cursor()))["province"].drop_duplicates().tolist() == provinces
        matrix = Q.status_matrix(prepare(c.cursor()), F, level="province")
        assert matrix["unit"].drop_duplicates().tolist() == provinces
        # and the heatmap draws its rows in that order (it does not re-sort by code point)
        from dashboard.charts import ChartMeta
        fig = charts.status_heatmap(matrix, ChartMeta(title="t"), counts=False)
        assert list(fig.data[0].y) == provinces
    finally:
        c.close()


def test_default_year_is_each_communes_current_plan(con):
    """as_of 2026: Can Lộc 2026 (not its 2025 targets), Phú Trung 2026 (not 2030), Hợp Minh
    2025 and Phùng Minh 2024 (their only plans), Nam Đàn 2026. Written from the seed
    documents (data/seed/README.md), not recomputed; the rule itself is pinned on a small
    fixture in tests/test_queries_whole.py."""
    plan = {c: sorted(set(Q.commune_targets(cur(con), F.with_(communes=(c,)),
                                            all_years=False)["target_year"]))
            for c in (CAN_LOC, PHU_TRUNG, HOP_MINH, PHUNG_MINH, NAM_DAN)}
    assert plan == {CAN_LOC: [2026], PHU_TRUNG: [2026], HOP_MINH: [2025], PHUNG_MINH: [2024],
                    NAM_DAN: [2026]}
    tiles = one(Q.overview_tiles(cur(con), F))
    # one progress row per target row: Can Lộc 2026 plans one indicator twice (two rows of
    # its document) and both count; Hợp Minh's 26 rows are 26 indicators since catalogue
    # 2026.1 (the service sentence is CQ.UNG_DUNG_DVCTT, no longer CQ.HO_SO_TRUC_TUYEN)
    assert tiles["n_targets"] == 19 + 26 + 39 + 14 + 23
    assert tiles["n_communes"] == 5
    assert tiles["budget_total"] == 3150


def test_a_scope_without_budget_lines_has_no_budget_total_not_zero(con):
    """Nam Đàn (Nghệ An) planned no budget line: the overview tile must say "–", not 0."""
    tiles = one(Q.overview_tiles(cur(con), F.with_(communes=(NAM_DAN,))))
    assert tiles["n_budget_lines"] == 0 and tiles["n_targets"] > 0
    assert tiles["budget_total"] is None or tiles["budget_total"] != tiles["budget_total"]
    assert charts.billions_tile(tiles["budget_total"], "en") == ("–", "")


@pytest.mark.parametrize("year", [2024, 2025, 2026, 2030])
def test_status_counts_match_the_progress_view(con, year):
    direct = dict(con.execute("SELECT status, count(*) FROM dash.progress WHERE target_year = ? "
                              "GROUP BY 1", [year]).fetchall())
    tiles = one(Q.overview_tiles(cur(con), F.with_(target_year=year)))
    for s in Q.STATUSES:
        assert tiles[f"n_{s}"] == direct.get(s, 0), s
    assert tiles["n_with_result"] == sum(v for k, v in direct.items() if k != "no_data")
    matrix = Q.status_matrix(cur(con), F.with_(target_year=year))
    assert matrix["n"].sum() == sum(direct.values())
    for s in Q.STATUSES:
        assert matrix[s].sum() == direct.get(s, 0)


def test_status_matrix_has_every_dti_group_per_commune(con):
    m = Q.status_matrix(cur(con), F)
    n_pillars = con.execute("SELECT count(*) FROM catalog_pillars").fetchone()[0]
    assert set(m["unit"]) == {CAN_LOC, HOP_MINH, NAM_DAN, PHU_TRUNG, PHUNG_MINH}
    assert m.groupby("unit").size().min() >= n_pillars
    can_loc_xh = m[(m["unit"] == CAN_LOC) & (m["pillar_code"] == "XH")].iloc[0]
    direct = dict(con.execute("SELECT status, count(*) FROM dash.progress WHERE commune = 'Can Lộc' "
                              "AND target_year = 2026 AND pillar = 'XH' GROUP BY 1").fetchall())
    for s in Q.STATUSES:
        assert can_loc_xh[s] == direct.get(s, 0), s
    # "Trên 60%" (2025) against "Trên 80%" (2026) cannot decide: not comparable, not behind
    assert can_loc_xh["not_comparable"] >= 1 and can_loc_xh["behind"] == 0
    prov = Q.status_matrix(cur(con), F, level="province")
    assert set(prov["unit"]) == {"Hà Tĩnh", "Nghệ An", "Đồng Nai", "Thanh Hóa"}
    assert prov["n"].sum() == m["n"].sum()


def test_the_seeds_one_target_behind(con):
    """On the seeds exactly one current target is behind (Phùng Minh's 2024 digital-skills
    target, reported without a comparable number), so the order of gaps cannot be tested
    here: tests/test_queries_whole.py does, on a fixture where the order matters."""
    gaps = Q.largest_gaps(cur(con), F, limit=100)
    assert list(zip(gaps["commune_key"], gaps["indicator_code"], gaps["target_year"],
                    gaps["status"], gaps["gap"].isna())) == [
        (PHUNG_MINH, "NL.PHO_CAP_KY_NANG_SO", 2024, "not_achieved", True)]
    ranked = Q.gaps_ranked(cur(con), F, limit=1, offset=0)
    assert (ranked["n_total"].iat[0], ranked["commune_key"].iat[0]) == (1, PHUNG_MINH)
    lead = Q.gaps_by_lead_unit(cur(con), F, limit=1000)
    assert lead["behind"].sum() == 1
    assert lead["n"].sum() == one(Q.overview_tiles(cur(con), F))["n_targets"] == 121


def test_compare_one_indicator_across_communes(con):
    options = Q.indicator_options(cur(con), F)
    assert not options["indicator_code"].str.startswith("LOCAL.").any()
    code = options["indicator_code"].iat[0]
    assert options["n_communes"].iat[0] == options["n_communes"].max() >= 3
    assert code == "CQ.VAN_BAN_XU_LY_MANG"
    rows = Q.compare_indicator(cur(con), F.with_(indicator=code))
    # Can Lộc plans it twice (two rows of its document); Hợp Minh wrote "100" without a unit
    assert list(zip(rows["commune_key"], rows["target_year"], rows["target_text"],
                    rows["status"])) == [
        (CAN_LOC, 2026, "100%", "achieved"), (CAN_LOC, 2026, "100%", "achieved"),
        (PHUNG_MINH, 2024, "100%", "achieved"), (HOP_MINH, 2025, "100", "no_data")]
    group = Q.group_status(cur(con), F.with_(pillars=("XH",)))
    assert set(group["pillar_code"]) == {"XH"}


def test_compare_keeps_ranges_and_ranks_as_ranges(con):
    rank = Q.compare_indicator(cur(con), F.with_(indicator="CQ.DTI_XEP_HANG")).iloc[0]
    assert (rank["target_kind"], rank["target_low"], rank["target_high"], rank["direction"]) == (
        "rank", 20, 30, "lower")
    band = Q.compare_indicator(cur(con), F.with_(indicator="KT.THANH_TOAN_KHONG_TIEN_MAT"))
    nd = band[band["commune_key"] == NAM_DAN].iloc[0]
    assert (nd["target_op"], nd["target_low"], nd["target_high"]) == ("between", 50, 80)


def test_coverage_gaps(con):
    summary = Q.coverage_summary(cur(con), F).set_index("commune_key")
    assert summary.loc[NAM_DAN, "n_no_result"] == 39
    assert summary.loc[CAN_LOC, "n_budget_lines"] == 7
    # Can Lộc has 2026 targets in KT (3) and XH (4) but no budget line in either group
    no_budget = Q.coverage_budget(cur(con), F.with_(communes=(CAN_LOC,)))
    assert list(zip(no_budget["pillar_code"], no_budget["n_targets"])) == [("KT", 3), ("XH", 4)]
    assert summary.loc[CAN_LOC, "n_pillars_no_budget"] == 2
    missing = Q.coverage_missing_targets(cur(con), F, limit=1000)
    assert missing.groupby("commune_key").size().to_dict() == \
        summary["n_missing_canonical"].to_dict()
    assert (missing["n_total"].iat[0], missing["indicator_code"].iat[0]) == (280, "AT.HTTT_CAP_DO")
    no_res = Q.coverage_no_result(cur(con), F, limit=10)
    assert len(no_res) == 10 and no_res["n_total"].iat[0] == one(
        Q.overview_tiles(cur(con), F))["n_no_data"]


def test_commune_profile(con):
    f = F.with_(communes=(CAN_LOC,))
    plans = Q.commune_plans(cur(con), f)
    assert plans["file_name"].tolist() == ["can_loc_2026_ke_hoach.xlsx"]
    assert plans["n_budget"].iat[0] == 7
    results = Q.commune_results(cur(con), f)
    # 53 = 33 results + 20 facts of Phần I loaded since catalogue 2026.1 (data/seed/README.md)
    assert len(results) == 53 and results[["source_file", "source_sheet", "source_row"]].notna().all().all()
    assert len(Q.commune_targets(cur(con), f)) == 25  # 6 for 2025, 19 for 2026
    assert len(Q.commune_targets(cur(con), f, all_years=False)) == 19


def test_user_input_only_travels_as_parameters(con):
    evil = "x') OR 1=1; DROP TABLE imports; --"
    f = Q.Filters(provinces=(evil,), communes=(evil,), pillars=(evil,), indicator=evil,
                  as_of=2026)
    assert one(Q.overview_tiles(cur(con), f))["n_targets"] == 0
    assert Q.compare_indicator(cur(con), f).empty
    assert con.execute("SELECT count(*) FROM imports").fetchone()[0] == 5
    w = Q.Where().in_("province", ["a", "b"]).in_("commune", [])
    assert (w.sql, w.params) == ("province IN (?, ?)", ["a", "b"])
    assert Q.placeholders(3) == "?, ?, ?"
    assert hash(f) == hash(Q.Filters(provinces=(evil,), communes=(evil,), pillars=(evil,),
                                     indicator=evil, as_of=2026))


# --------------------------------------------------------------------------- scale
def test_queries_stay_bounded_with_3321_communes(big_db):
    """Bounded results at national scale (LIMITs, roll-ups); speed is measured by
    `make bench`, never asserted here."""
    c = open_readonly(str(big_db))
    try:
        n = c.execute("SELECT count(DISTINCT commune || province) FROM targets").fetchone()[0]
        assert n == 3321
        calls = {
            "overview_tiles": dict(), "status_matrix": dict(level="province"),
            "largest_gaps": dict(), "indicator_options": dict(),
            "group_status": dict(), "ambition_communes": dict(), "gaps_ranked": dict(),
            "gaps_by_lead_unit": dict(), "coverage_summary": dict(),
            "coverage_no_result": dict(), "coverage_missing_targets": dict(),
            "coverage_budget": dict(), "budget_totals": dict(), "budget_by_commune": dict(),
            "budget_by_province": dict(), "budget_by_source": dict(), "budget_lines": dict(),
            "progress_rows": dict(),
        }
        out = {}
        for name, kw in calls.items():
            out[name] = getattr(Q, name)(cur(c), F, **kw)
        out["compare"] = Q.compare_indicator(cur(c), F.with_(indicator="XH.TAI_KHOAN_THANH_TOAN"))
        assert one(out["overview_tiles"])["n_communes"] == 3321
        assert one(out["overview_tiles"])["synthetic"]
        assert len(out["status_matrix"]) <= 13 * 9
        assert len(out["compare"]) == 30 and out["compare"]["n_total"].iat[0] > 1000
        assert len(out["budget_by_commune"]) == 25 and len(out["budget_lines"]) == 50
        assert len(out["progress_rows"]) == 50 and out["progress_rows"]["n_total"].iat[0] > 50000
        assert out["coverage_summary"]["n_total"].iat[0] == 3321
    finally:
        c.close()


# --------------------------------------------------------------------------- formats & exports
def test_vietnamese_number_formats():
    assert fmt.num(3150) == "3.150"
    assert fmt.num(99.82) == "99,82"
    assert fmt.pct(99.82) == "99,82%"
    assert fmt.money(3150) == "3.150 triệu đồng"
    assert fmt.money_billion(3150) == "3,15 tỷ đồng"
    assert fmt.billions(3150) == "3,15"
    assert fmt.money(3150, "en") == "3,150 million VND"
    assert fmt.gap(20, "%") == "20 điểm %"
    assert fmt.value(25, "hạng") == "thứ 25"
    assert fmt.num(None) == "–"


def test_exports_defuse_formulas():
    import pandas as pd
    df = pd.DataFrame({"a": ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "ok"],
                       "n": [-3.5, 1, 2, 3, 4, 5, 6]})
    safe = export.defuse(df)
    assert safe["a"].tolist()[:6] == ["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)",
                                      "'\tx", "'\rx"]
    assert safe["a"].iat[6] == "ok" and safe["n"].iat[0] == -3.5
    csv = export.to_csv_bytes(df)
    assert csv.startswith(b"\xef\xbb\xbf") and b"'=HYPERLINK" in csv
    wb = openpyxl.load_workbook(io.BytesIO(export.to_xlsx_bytes(df)))
    ws = wb.active
    assert ws["A2"].value == "'=HYPERLINK(\"x\")" and ws["A2"].data_type == "s"
    assert ws["B2"].value == -3.5


# --------------------------------------------------------------------------- charts
def meta(**kw):
    return charts.ChartMeta(title="Tiêu đề biểu đồ", unit="Đơn vị: %",
                            data_date="Dữ liệu cập nhật 22/11/2026",
                            sources=("nam_dan_2026_ke_hoach.xlsx",), filename="bieu_do", **kw)


def _texts(fig):
    return [a.text for a in fig.layout.annotations]


def _check_frame(fig):
    assert "Tiêu đề biểu đồ" in fig.layout.title.text
    # the load date goes with the sources in the footer (the subtitle says the period)
    assert any("Nguồn: nam_dan_2026_ke_hoach.xlsx · Dữ liệu cập nhật 22/11/2026" in x
               for x in _texts(fig))
    assert fig.layout.font.size >= 14
    for a in fig.layout.annotations:
        assert a.font.size is None or a.font.size >= 14
    assert fig.layout.separators == ",."


def _rows(*specs):
    """Progress-like rows: (label, text, kind, op, low, high, unit, direction, actual, status,
    shape, threshold) — the contract's decided columns, as the ETL writes them."""
    import pandas as pd
    cols = ["commune_key", "target_text", "target_kind", "target_op", "target_low",
            "target_high", "unit", "direction", "actual_value", "status", "target_shape",
            "threshold"]
    df = pd.DataFrame([dict(zip(cols, x)) for x in specs])
    df["gap_kind"] = "exact"
    df["actual_text"] = df["actual_value"].map(lambda v: None if pd.isna(v) else f"{v:g}%")
    df["gap"] = None
    return df


def test_charts_draw_targets_honestly():
    rows = _rows(("A", "50-80%", "percent", "between", 50, 80, "%", "higher", 70, "achieved",
                  "band", 50),
                 ("B", "≥ 80%", "percent", ">=", 80, None, "%", "higher", 60, "not_achieved",
                  "floor", 80),
                 ("C", "95%", "percent", "=", 95, 95, "%", "higher", None, "no_data", "level", 95),
                 ("D", "Hoàn thành", "done", "done", None, None, None, "done", None, "no_data",
                  "done", None),
                 ("E", "Không vượt quá 10%", "percent", "<=", None, 10, "%", "lower", 35,
                  "not_achieved", "ceiling", 10))
    fig = charts.target_vs_actual(rows, meta(), "commune_key", show_gap=True)
    _check_frame(fig)
    by_name = {tr.name: tr for tr in fig.data if tr.name}
    assert list(by_name["Mục tiêu: khoảng"].x[:2]) == [50, 80]      # a band, never 65
    # a floor is a tick at 80 with a short arrow to the right (8 % of the axis), never a
    # stroke to 100 % that reads as the range 80-100
    assert list(by_name["Mục tiêu: tối thiểu"].x[:2]) == [80, 88]  # right-open from 80 ...
    tips = [tr for tr in fig.data if tr.marker.symbol == ("triangle-right",)]
    assert tips                                                      # ... ending in an arrow
    # a ceiling ("không vượt quá 10%") is drawn open towards 0, never as a minimum
    assert list(by_name["Mục tiêu: tối đa"].x[:2]) == [10, 2]
    assert list(by_name["Mục tiêu: mức"].x) == [95]
    assert by_name["Đạt"].marker.symbol == "circle"
    assert by_name["Không đạt"].marker.symbol == "x" and len(by_name["Không đạt"].x) == 2
    assert list(by_name["Khoảng cách"].x[:2]) == [60, 80]
    assert list(by_name["Khoảng cách"].x[3:5]) == [35, 10]
    texts = " ".join(_texts(fig))
    assert "Hoàn thành" in texts and "○ Chưa có báo cáo" in texts     # written out, not drawn
    rank = _rows(("A", "Thứ 20-30", "rank", "between", 20, 30, "hạng", "lower", 25, "achieved",
                  "rank", 30))
    fig = charts.target_vs_actual(rank, meta(), "commune_key")
    lo, hi = fig.layout.xaxis.range
    assert lo > hi                                          # reversed: lower rank is better
    assert "<br>" in charts.wrap("Tỷ lệ người dân trưởng thành được tiếp cận, sử dụng các "
                                 "dịch vụ số thiết yếu", 30)
    assert charts.config(meta())["toImageButtonOptions"] == {"format": "png", "scale": 3,
                                                             "filename": "bieu_do"}


def test_every_chart_builder_returns_a_titled_figure(con):
    c = cur(con)
    figs = [
        charts.status_heatmap(Q.status_matrix(c, F), meta()),
        charts.target_vs_actual(Q.largest_gaps(c, F), meta(), ("commune", "indicator_name"), True),
        charts.ambition_chart(Q.ambition(c, F.with_(communes=(PHU_TRUNG,))), meta()),
        charts.status_bars(Q.gaps_by_lead_unit(c, F), meta(), "lead_unit", "Chưa ghi"),
        charts.money_bars(Q.budget_by_source(c, F), meta(), "source_name"),
        charts.money_bars(Q.budget_by_pillar(c, F), meta(), "pillar_name", empty_label="–"),
        charts.target_vs_actual(Q.compare_indicator(c, F.with_(indicator="nope")), meta()),
    ]
    for fig in figs:
        _check_frame(fig)
    # the empty one says what is missing instead of drawing an empty chart
    assert any("Chưa có báo cáo kết quả" in x for x in _texts(figs[-1]))
    # statuses are told apart by symbol as well as colour
    heat = figs[0]
    cells = [x for tr in heat.data if tr.text is not None for row in tr.text for x in row if x]
    assert any("✓" in x for x in cells) and any("✗" in x for x in cells)
    assert any("○" in x for x in cells)


def test_display_tables_keep_provenance(con):
    rows = Q.largest_gaps(cur(con), F)
    shown = tables.progress(rows, "vi", with_gap=True)
    assert {"Tệp nguồn", "Trang tính", "Dòng", "Tình trạng", "Khoảng cách"} <= set(shown.columns)
    assert shown["Tình trạng"].iat[0] == "✗ Không đạt"
    assert {"Năm mục tiêu", "Kỳ kết quả"} <= set(shown.columns)  # both periods, side by side
    lines = tables.budget(Q.budget_lines(cur(con), F), "vi")
    assert lines["Kinh phí (triệu đồng)"].tolist()[:3] == ["600", "100", "1.200"]
    exp = tables.export_frame(Q.budget_lines(cur(con), F), "vi", view="budget_lines")
    assert exp["Kinh phí (triệu đồng)"].sum() == 3150


# --------------------------------------------------------------------------- connection cache
def test_a_reload_after_the_etl_replaces_the_file_sees_the_new_data(tmp_path, dash_db,
                                                                    monkeypatch):
    from dashboard import db
    live = tmp_path / "live.duckdb"
    live.write_bytes(dash_db.read_bytes())
    monkeypatch.setenv("DASHBOARD_DB", str(live))
    before = db.state()
    assert one(db.run(Q.budget_totals, F))["total"] == 3150
    # what etl.store.write_session does: write a copy, then rename it over the live file
    tmp = tmp_path / ".live.duckdb.tmp"
    tmp.write_bytes(live.read_bytes())
    w = duckdb.connect(str(tmp))
    w.execute("UPDATE budget_rows SET amount_million_vnd = amount_million_vnd * 2")
    w.close()
    os.replace(tmp, live)
    assert db.state() != before
    assert one(db.run(Q.budget_totals, F))["total"] == 6300
    monkeypatch.setenv("DASHBOARD_DB", str(tmp_path / "missing.duckdb"))
    assert db.state().missing
    with pytest.raises(db.DatabaseMissing):
        db.run(Q.budget_totals, F)


def test_inferred_values_and_scopes_are_said_next_to_the_value(con):
    """Catalogue 2026.1: an analyst-inferred target and a wording's scope show with the value
    in every progress table (compare, commune profile, gaps), never as a bare figure."""
    f = Q.Filters(communes=("Can Lộc (Hà Tĩnh)",), as_of=2026)
    tb = tables.progress(Q.commune_targets(cur(con), f), "vi")
    y2025 = tb[tb["Năm mục tiêu"] == "2025"]
    assert len(y2025) == 6 and y2025["Mục tiêu"].str.endswith(
        "(suy ra, không phải số liệu của văn bản)").all()
    assert not y2025["Kết quả"].str.contains("suy ra").any()  # the results are the document's
    banks = tb[tb["Mục tiêu"].str.startswith("Trên 70% [người dân (không nêu tuổi); chỉ ngân hàng]")]
    assert len(banks) == 1
    en = tables.progress(Q.commune_targets(cur(con), f), "en")
    assert en.iloc[:, 4].str.contains(r"\(inferred, not a figure of the document\)").sum() == 6
