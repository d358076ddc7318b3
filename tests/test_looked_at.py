"""What a leader saw wrong in the screenshots (helper r1), pinned on whole results."""
import pandas as pd

from dashboard import charts, coverage_view, fmt, tables


def _counts(achieved, no_data):
    n = len(achieved)
    d = {s: [0] * n for s in charts.STATUS_ORDER}
    d.update(achieved=achieved, no_data=no_data)
    return pd.DataFrame({"unit": [f"P{i}" for i in range(n)], "n": [a + b for a, b in
                                                                    zip(achieved, no_data)], **d})


def test_a_small_count_axis_steps_by_one_so_no_tick_label_repeats():
    # plotly put ticks at 0, 0.5, 1, 1.5, 2 and ",d" printed them "0 1 1 2 2"
    fig = charts.status_bars(_counts([2, 0, 1], [0, 1, 0]), charts.ChartMeta(title="T"), "unit")
    assert fig.layout.xaxis.dtick == 1
    big = charts.status_bars(_counts([40, 3], [5, 0]), charts.ChartMeta(title="T"), "unit")
    assert big.layout.xaxis.dtick is None  # plotly's own whole steps


def test_a_half_slide_chart_wraps_its_subtitle_shorter():
    long_unit = "Đơn vị: % số xã trong danh mục (số xã ghi trên thanh) " * 2
    full = charts.status_bars(_counts([1], [1]), charts.ChartMeta(
        title="T", unit=long_unit, briefing=True), "unit")
    half = charts.status_bars(_counts([1], [1]), charts.ChartMeta(
        title="T", unit=long_unit, briefing=True, width_share=0.5), "unit")

    def longest(fig):  # the scope/unit lines, not the colour key written under them
        return max(len(x) for x in fig.layout.title.subtitle.text.split("<br>")
                   if "<span" not in x)
    assert longest(half) <= 80 < longest(full)


def test_english_names_of_funding_sources_and_budget_statuses_keep_others_as_written():
    assert fmt.funding_name("Ngân sách tỉnh", "en") == "Provincial budget"
    assert fmt.funding_name("Ngân sách tỉnh", "vi") == "Ngân sách tỉnh"
    assert fmt.funding_name("Quỹ ABC", "en") == "Quỹ ABC"
    by_status = pd.DataFrame({"status_name": ["Đề xuất", "Chuyển tiếp", "Lạ", None],
                              "total": [2800.0, 10.0, 5.0, 350.0], "n_lines": [3, 1, 1, 4]})
    out = tables.money(by_status, "en", "status_name", "col_budget_status", "No status")
    assert list(out.iloc[:, 0]) == ["Proposed", "Carried over", "Lạ", "No status"]


def test_unit_types_of_the_register_in_english():
    assert [coverage_view._unit_type(v, "en") for v in ("xã", "phường", "đặc khu", "thị trấn")] \
        == ["commune", "ward", "special zone", "thị trấn"]
    assert coverage_view._unit_type("xã", "vi") == "xã"


def test_an_all_tied_note_counts_communes_not_their_target_years():
    # Can Lộc plans the indicator for 2025 and 2026: two rows, one commune
    from dashboard import province_ui
    rows = pd.DataFrame({"commune_key": ["Can Lộc (Hà Tĩnh)", "Can Lộc (Hà Tĩnh)",
                                         "Phùng Minh (Thanh Hóa)", "Hợp Minh (Nghệ An)"],
                         "status": ["achieved", "achieved", "achieved", "no_data"],
                         "gap": [None, None, None, None]})
    shown, note, all_tied = province_ui.compare_ends(rows, 5)
    assert all_tied and shown.empty
    assert note.startswith("Cả 2 xã đã đánh giá")
