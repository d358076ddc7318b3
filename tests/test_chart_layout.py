"""Target-vs-result and ambition charts laid out for a slide: the plot keeps its room beside
long labels and written-out columns, no column header is cut at the figure's edge, ticks stay
horizontal, a marker at 0 % never sits on the row labels, a floor is drawn as a floor; units
and values in the UI language."""
from __future__ import annotations

import pytest

from dashboard import charts, fmt
from tests.test_framing import _ambition, _rows

LONG = ("Tỷ lệ người dân được phổ cập kỹ năng số cơ bản (Bình dân học vụ số, VNeID, tập huấn "
        "về dịch vụ công trực tuyến, dịch vụ số thiết yếu)")
NORMAL_W, BRIEFING_W = 940, 1850  # figure widths: beside the sidebar at 1400 px; 1920x1080


def _behind(n=4):
    d = _rows(n)
    d["indicator_name"] = [LONG] * n
    d.loc[0, ["actual_value", "actual_text", "status", "gap"]] = [0.0, "0%", "not_achieved", 80.0]
    d.loc[1, ["actual_text", "actual_value", "status"]] = ["Chưa thực hiện", None, "not_achieved"]
    return d


def _header(fig, text):
    return next(a for a in fig.layout.annotations if a.text == f"<b>{text}</b>")


@pytest.mark.parametrize("briefing,width", [(False, NORMAL_W), (True, BRIEFING_W)])
def test_the_plot_keeps_its_room_beside_long_labels(briefing, width):
    m = charts.ChartMeta(title="T", briefing=briefing)
    fig = charts.target_vs_actual(_behind(), m, "indicator_name", show_gap=True)
    margin = fig.layout.margin
    plot = width - margin.l - margin.r
    assert plot >= 0.38 * width, (margin.l, margin.r)   # was 130-250 px at 1400 px
    assert fig.layout.xaxis.tickangle == 0               # never vertical over the source line


def test_no_column_header_is_cut_at_the_edge():
    """Every written-out column (its header and its cells) ends inside the right margin."""
    for briefing in (False, True):
        m = charts.ChartMeta(title="T", briefing=briefing)
        fig = charts.target_vs_actual(_behind(), m, "indicator_name", show_gap=True)
        fs = m.font_size
        for a in fig.layout.annotations:
            if a.xref == "paper" and a.x == 1 and a.xanchor == "left":
                widest = max(charts._text_px(x, a.font.size or fs) for x in a.text.split("<br>"))
                if a.text.startswith("<b>"):
                    widest *= 1.1  # bold
                assert a.xshift + widest <= fig.layout.margin.r, (a.text, briefing)
    # briefing mode has room for the gap column; the narrow page writes the gap under the result
    wide = charts.target_vs_actual(_behind(), charts.ChartMeta(title="T", briefing=True),
                                   "indicator_name", show_gap=True)
    assert _header(wide, "Khoảng cách")
    narrow = charts.target_vs_actual(_behind(), charts.ChartMeta(title="T"), "indicator_name",
                                     show_gap=True)
    assert not any(a.text == "<b>Khoảng cách</b>" for a in narrow.layout.annotations)
    cells = [a.text for a in narrow.layout.annotations if a.yref == "y"]
    assert any("✗ 0% (2026-Q2)<br>thiếu 80 điểm %" == c for c in cells)


def test_a_marker_at_zero_stays_off_the_row_labels():
    fig = charts.target_vs_actual(_behind(), charts.ChartMeta(title="T"), "indicator_name")
    lo, hi = fig.layout.xaxis.range
    assert lo < 0 and -lo >= 0.04 * (hi - lo)       # room for the marker's radius left of 0
    assert fig.layout.yaxis.ticklabelstandoff >= 10


def test_a_floor_above_one_percent_is_a_floor_at_one_percent():
    """'Đạt trên 1%' is a tick at 1 % and a short arrow, not a stroke across 1-100 %."""
    d = _ambition([("Chi ngân sách cho CĐS",
                    ("Đạt trên 1%", "percent", ">", 1.0, None, "%", "floor", 1.0, "higher"),
                    ("3%", "percent", "=", 3.0, 3.0, "%", "level", 3.0, "higher"))])
    fig = charts.ambition_chart(d, charts.ChartMeta(title="T"))
    floor = next(tr for tr in fig.data if tr.name and "tối thiểu" in tr.name)
    start, end = floor.x[:2]
    assert start == 1 and end - start <= 10


def test_units_are_written_in_the_ui_language():
    assert fmt.unit_name("người", "en") == "people"
    assert fmt.unit_name("hồ sơ", "en") == "dossiers"
    assert fmt.unit_name("triệu đồng", "en") == "million VND"
    assert fmt.unit_name("người", "vi") == "người"
    assert fmt.unit_name("con trâu", "en") == "con trâu"   # a word not in the table: as written
    assert fmt.value(12, "hồ sơ", "en") == "12 dossiers"
    assert fmt.spec_text("1- 2 người", "number", "between", 1, 2, "người", "en") == "1–2 people"
    assert fmt.spec_text("6 lượt người", "number", "=", 6, None, "lượt người", "en") == \
        "6 person-times"
    rows = _rows(2).assign(unit="hồ sơ", target_text="Trên 80 hồ sơ", target_kind="number",
                           actual_text="70 hồ sơ", actual_kind="number", actual_op="=")
    name, unit = charts.indicator_heading(rows.assign(indicator_name="X"), "en")
    assert unit == "dossiers"
    fig = charts.target_vs_actual(rows, charts.ChartMeta(title="T", lang="en"))
    assert fig.layout.xaxis.title.text == "Unit: dossiers"
    cells = " ".join(a.text.replace("<br>", " ") for a in fig.layout.annotations)
    assert "at least 80 dossiers (2026)" in cells and "70 dossiers (2026-Q2)" in cells
    assert "hồ sơ" not in cells


def test_two_targets_of_one_commune_are_told_apart():
    """So sánh xã: Can Lộc plans one indicator twice (two wordings, both '100%'): each row's
    label names the row instead of repeating 'Can Lộc (Hà Tĩnh)'."""
    d = _rows(3)
    d["commune_key"] = ["Can Lộc (Hà Tĩnh)", "Can Lộc (Hà Tĩnh)", "Nam Đàn (Nghệ An)"]
    d["doc_label"] = ["Tỷ lệ văn bản đến lãnh đạo duyệt trên phần mềm",
                      "Có 100% hồ sơ công việc được xử lý trên môi trường mạng", "Tỷ lệ văn bản"]
    d["target_scope"] = ""
    fig = charts.target_vs_actual(d, charts.ChartMeta(title="T"), "commune_key")
    ticks = [t.replace("<br>", " ") for t in fig.layout.yaxis.ticktext]
    assert ticks[0].startswith("Can Lộc (Hà Tĩnh) · Tỷ lệ văn bản đến lãnh đạo")
    assert ticks[1].startswith("Can Lộc (Hà Tĩnh) · Có 100% hồ sơ công việc")
    assert ticks[2] == "Nam Đàn (Nghệ An)"                 # a single row keeps its plain name
    same = d.assign(doc_label="Tỷ lệ văn bản", target_source_row=[12, 16, 9])
    ticks = charts.distinct_labels(same, same["commune_key"].tolist(), "vi")
    assert ticks[:2] == ["Can Lộc (Hà Tĩnh) · dòng 12", "Can Lộc (Hà Tĩnh) · dòng 16"]
