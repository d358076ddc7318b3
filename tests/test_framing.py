"""A chart says its period, scope, 'k of n rows' and the synthetic mark *inside* the figure,
so the camera PNG (and a cropped screenshot) keeps them."""
from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from dashboard import charts, framing
from dashboard import queries as Q
from tests.dashboard_support import NAM_DAN


def _texts(fig):
    return [a.text for a in fig.layout.annotations]


def _rows(n):
    return pd.DataFrame({"commune_key": [f"Xã {i}" for i in range(n)],
                         "target_text": ["≥ 80%"] * n, "target_kind": ["percent"] * n,
                         "target_op": [">="] * n, "target_low": [80.0] * n,
                         "target_high": [None] * n, "unit": ["%"] * n,
                         "direction": ["higher"] * n, "target_shape": ["floor"] * n,
                         "threshold": [80.0] * n, "target_year": [2026] * n,
                         "actual_value": [70.0] * n, "actual_text": ["70%"] * n,
                         "actual_period": ["2026-Q2"] * n, "status": ["off_track"] * n,
                         "gap": [10.0] * n, "gap_kind": ["exact"] * n})


def test_period_and_quarter_labels():
    assert framing.period_label("2026-Q3") == "quý III/2026"
    assert framing.period_label("2026-Q3", "en") == "Q3 2026"
    assert framing.period_label("2025") == "năm 2025"
    info = {"plan_year_min": 2026, "plan_year_max": 2026, "result_period": "2026-Q3"}
    assert framing.period_text(info) == "kế hoạch năm 2026 · kết quả đến quý III/2026"
    info = {"plan_year_min": 2024, "plan_year_max": 2026, "result_period": None}
    assert framing.period_text(info) == "kế hoạch năm 2024–2026 · chưa có báo cáo kết quả"
    assert framing.period_text({"budget_year_min": 2026, "budget_year_max": 2026},
                               budget=True) == "dự toán năm 2026"


def test_scope_names_the_country_a_province_or_the_communes():
    national = {"n_communes": 3321, "n_communes_all": 3321, "n_provinces_all": 34}
    assert framing.scope_text(national) == "toàn quốc, 3.321 xã"
    assert framing.scope_text({"n_communes": 130, "n_provinces_all": 34},
                              provinces=("Nghệ An",)) == "Nghệ An, 130 xã"
    seed = {"n_communes": 5, "n_communes_all": 5, "n_provinces_all": 4}
    assert framing.scope_text(seed) == "5 xã, 4 tỉnh đã nạp"
    assert framing.scope_text(seed, communes=(NAM_DAN,),
                              pillar_names=("Chính quyền số",)) == \
        f"{NAM_DAN} · nhóm Chính quyền số"


def test_the_seed_database_period(seed_db):
    con = duckdb.connect(str(seed_db), read_only=True)
    try:
        info = Q.data_period(con, Q.Filters(as_of=2026)).iloc[0].to_dict()
        one = Q.data_period(con, Q.Filters(communes=(NAM_DAN,), as_of=2026)).iloc[0].to_dict()
    finally:
        con.close()
    assert (info["n_communes"], info["n_provinces_all"], bool(info["synthetic"])) == \
        (5, 4, False)
    assert framing.scope_text(info) == "5 xã, 4 tỉnh đã nạp"
    assert (one["plan_year_min"], one["n_communes"]) == (2026, 1)
    assert framing.period_text(one).startswith("kế hoạch năm 2026 · ")


def test_the_frame_is_inside_the_figure():
    m = charts.ChartMeta(title="Chỉ tiêu chưa đạt", unit="Đơn vị: %",
                         data_date="Dữ liệu cập nhật 01/12/2026", sources=("a.xlsx",),
                         scope="Nghệ An, 130 xã",
                         period="kế hoạch năm 2026 · kết quả đến quý III/2026",
                         note=framing.shown_text(6, 38))
    fig = charts.target_vs_actual(_rows(6), m, show_gap=True)
    sub = fig.layout.title.subtitle.text
    assert "Nghệ An, 130 xã · kế hoạch năm 2026 · kết quả đến quý III/2026 · Đơn vị: %" in sub
    footer = [x for x in _texts(fig) if "Nguồn: a.xlsx" in x]
    assert footer and footer[0].startswith("Hiển thị 6 / 38 dòng<br>")
    assert not any("MÔ PHỎNG" in (x or "") for x in _texts(fig))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_synthetic_data_is_marked_in_every_kind_of_figure(lang):
    m = charts.ChartMeta(title="T", lang=lang, synthetic=True)
    figs = [charts.target_vs_actual(_rows(3), m), charts.empty_figure(m, "không có"),
            charts.money_bars(pd.DataFrame({"name": ["A"], "total": [10.0]}), m, "name"),
            charts.status_bars(pd.DataFrame({"name": ["A"], "achieved": [1], "off_track": [2],
                                             "no_data": [0], "not_comparable": [0],
                                             "n": [3]}), m, "name")]
    for fig in figs:
        marks = [x for x in _texts(fig) if "DỮ LIỆU MÔ PHỎNG" in (x or "")]
        assert len(marks) == 2  # the corner badge and the watermark across the plot


def test_money_bars_use_one_unit_and_one_precision():
    """National sums: axis, bar labels and subtitle all in tỷ đồng, no decimals; small sums
    stay in triệu đồng."""
    m = charts.ChartMeta(title="Kinh phí theo nhóm DTI", unit="Đơn vị: triệu đồng")
    big = pd.DataFrame({"name": ["A", "B", "C"], "total": [1_927_420.4, 1_308_200.0, 2_025_640]})
    fig = charts.money_bars(big, m, "name")
    assert list(fig.data[0].text) == ["1.927", "1.308", "2.026"]
    assert fig.layout.xaxis.title.text == "tỷ đồng"
    assert "Đơn vị: tỷ đồng" in fig.layout.title.subtitle.text
    assert "triệu" not in fig.layout.title.subtitle.text
    mid = pd.DataFrame({"name": ["A", "B"], "total": [25_300.0, 12_000.0]})
    assert list(charts.money_bars(mid, m, "name").data[0].text) == ["25,3", "12,0"]
    small = pd.DataFrame({"name": ["A", "B"], "total": [3150.0, 800.0]})
    fig = charts.money_bars(small, m, "name")
    assert list(fig.data[0].text) == ["3.150", "800"]
    assert fig.layout.xaxis.title.text == "triệu đồng"
    assert charts.money_text(15_370_090) == "15.370 tỷ đồng"
    assert charts.billions_tile(15_370_090) == ("15.370", "15.370.090 triệu đồng")
    assert charts.billions_tile(3150) == ("3,15", "3.150 triệu đồng")


def test_the_camera_png_is_slide_shaped():
    m = charts.ChartMeta(title="T", filename="chi_tieu")
    for n in (2, 40):
        fig = charts.target_vs_actual(_rows(n), m)
        img = charts.config(m, fig)["toImageButtonOptions"]
        w, h, scale = img["width"], img["height"], img["scale"]
        assert abs(w / h - 16 / 9) < 0.01 and w * scale >= 1920
        assert h >= fig.layout.height  # rows are never squashed
        assert img["filename"] == "chi_tieu"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_long_title_leaves_room_for_the_synthetic_badge(lang):
    title = ("Public electronic display boards connected to the provincial source information "
             "system")
    plain = charts.target_vs_actual(_rows(2), charts.ChartMeta(title=title, lang=lang))
    marked = charts.target_vs_actual(_rows(2), charts.ChartMeta(title=title, lang=lang,
                                                                synthetic=True))
    first = [f.layout.title.text.split("<br>")[0] for f in (plain, marked)]
    assert len(first[1]) < len(first[0])


def _matrix(n_units, n_groups=8):
    rows = []
    for u in range(n_units):
        for g in range(n_groups):
            rows.append({"unit": f"Tỉnh {u:02d}", "pillar_code": f"P{g}", "pillar_order": g,
                         "pillar_name": f"Nhóm {g}", "pillar_name_en": f"Group {g}",
                         "n": 10, "achieved": 5, "off_track": 3, "not_comparable": 0,
                         "no_data": 2, "share_achieved": 5 / 8})
    return pd.DataFrame(rows)


def test_the_national_briefing_heatmap_fits_a_16_9_screen():
    """34 provinces in briefing mode: groups become rows and the provinces columns, so the
    whole grid, colour bar and source line fit 1920x1080 (ui chrome takes ~300 px)."""
    m = charts.ChartMeta(title="Tình trạng theo tỉnh", briefing=True, sources=("a.xlsx",),
                         data_date="Dữ liệu cập nhật 01/12/2026")
    fig = charts.status_heatmap(_matrix(34), m, counts=False)
    shown = fig.data[1]
    assert len(shown.x) == 34 and len(shown.y) == 8          # every province is a column
    assert [x for x in shown.x][:2] == ["Tỉnh 00", "Tỉnh 01"]
    assert fig.layout.height <= 780
    assert shown.colorbar.title.text                          # the colour legend is drawn
    assert any("Nguồn: a.xlsx" in x for x in _texts(fig))
    # a few communes, or normal mode, keep units as rows
    few = charts.status_heatmap(_matrix(5), m, counts=False)
    assert len(few.data[1].y) == 5
    normal = charts.status_heatmap(_matrix(34), charts.ChartMeta(title="T"), counts=False)
    assert len(normal.data[1].y) == 34


@pytest.mark.parametrize("raw, kind, op, low, high, unit, en", [
    ("Trên 80%", "percent", ">", 80.0, None, "%", "above 80%"),
    ("Tối thiểu 50%", "percent", ">=", 50.0, None, "%", "at least 50%"),
    ("Chưa thực hiện", "done", "not_done", None, None, None, "not done"),
    ("Hoàn thành", "done", "done", None, None, None, "done"),
    ("65 - 80%", "percent", "between", 65.0, 80.0, "%", "65–80%"),
    ("Top 3", "rank", "<=", 3.0, None, "hạng", "top 3"),
    # the unit as written, not the parse's shorter one
    # the unit in the UI language (data/catalog/unit_words.csv)
    ("Tối thiểu 6 lượt người", "number", ">=", 6.0, None, "lượt", "at least 6 person-times"),
    ("Có ứng dụng AI", "text", None, None, None, None, "Có ứng dụng AI"),  # free text: as typed
])
def test_targets_and_results_read_in_the_ui_language(raw, kind, op, low, high, unit, en):
    from dashboard import fmt
    assert fmt.spec_text(raw, kind, op, low, high, unit, "en") == en
    assert fmt.spec_text(raw, kind, op, low, high, unit, "vi") == raw


def test_english_charts_and_tables_render_targets_and_keep_the_raw_text():
    from dashboard import tables
    d = _rows(2).assign(target_text="Trên 80%", target_op=">", target_ref=["r1", "r2"],
                        actual_text="Chưa thực hiện", actual_kind="done",
                        actual_op="not_done", actual_value=None, actual_unit=None)
    fig = charts.target_vs_actual(d, charts.ChartMeta(title="T", lang="en"))
    written = " ".join(x or "" for x in _texts(fig))
    assert "above 80% (2026)" in written and "not done" in written
    assert "Trên 80%" not in written and "Chưa thực hiện" not in written
    hfig = charts.target_vs_actual(_rows(2).assign(target_text="Trên 80%", target_op=">"),
                                   charts.ChartMeta(title="T", lang="en"))
    hovers = [str(c) for tr in hfig.data if tr.customdata is not None for c in tr.customdata]
    assert any("above 80% (2026) — “Trên 80%”" in h for h in hovers)   # raw text kept
    for c in ("target_source_file", "target_source_sheet", "target_source_row",
              "actual_source_file", "actual_source_sheet", "actual_source_row", "lead_unit",
              "pillar_name", "indicator_name", "status_rule"):
        d[c] = None
    en = tables.progress(d, "en")
    assert en["Target"].tolist() == ["above 80%"] * 2
    assert en["Result"].tolist() == ["not done"] * 2
    assert en["Target as written"].tolist() == ["Trên 80%"] * 2
    vi = tables.progress(d, "vi")
    assert vi["Mục tiêu"].tolist() == ["Trên 80%"] * 2 and "Mục tiêu (nguyên văn)" not in vi
    vfig = charts.target_vs_actual(d, charts.ChartMeta(title="T"))
    assert "Trên 80% (2026)" in " ".join(x or "" for x in _texts(vfig))


def _ambition(rows):
    keys = ("text", "kind", "op", "low", "high", "unit", "shape", "thr", "dir")
    out = []
    for name, a, b in rows:
        r = {"indicator_name": name, "y0": 2026, "y1": 2030}
        r.update({f"{k}0": v for k, v in zip(keys, a)})
        r.update({f"{k}1": v for k, v in zip(keys, b)})
        out.append(r)
    return pd.DataFrame(out)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_ambition_row_with_two_units_is_not_drawn_on_the_percent_axis(lang):
    d = _ambition([
        ("Cán bộ CĐS", ("1- 2 người", "number", "between", 1.0, 2.0, "người", "band", 1.0,
                       "higher"),
         ("100%", "percent", "=", 100.0, 100.0, "%", "level", 100.0, "higher")),
        ("Hồ sơ trực tuyến", ("Trên 50%", "percent", ">", 50.0, None, "%", "floor", 50.0,
                             "higher"),
         ("Trên 80%", "percent", ">", 80.0, None, "%", "floor", 80.0, "higher")),
    ])
    fig = charts.ambition_chart(d, charts.ChartMeta(title="T", lang=lang))
    drawn_y = [y for tr in fig.data if tr.y is not None for y in tr.y if y is not None]
    assert drawn_y and all(abs(y - 1) < 0.5 for y in drawn_y)   # only the % -> % row
    footer = " ".join(x or "" for x in _texts(fig))
    assert ("1 dòng có mục tiêu hai năm khác đơn vị" if lang == "vi"
            else "1 rows whose two targets have different units") in footer
    assert "#666666'>Cán bộ CĐS" in fig.layout.yaxis.ticktext[0]   # greyed, written out
    assert ("1- 2 người" if lang == "vi" else "1–2 people") in footer
    assert ("Trên 80%" if lang == "vi" else "above 80%") in footer


def test_the_key_explains_not_comparable_results():
    d = _rows(3)
    d.loc[0, ["status", "actual_text", "actual_value"]] = ["not_comparable", "Hoàn thành", None]
    fig = charts.target_vs_actual(d, charts.ChartMeta(title="T"))
    sub = fig.layout.title.subtitle.text
    assert "◇</b></span> Không so sánh được (có kết quả, khác dạng với mục tiêu)" in sub
    assert "◇ Hoàn thành" in " ".join(x or "" for x in _texts(fig))
