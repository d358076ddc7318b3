"""Briefing pack slides a leader can read: the heatmap table starts below its (two-line)
subtitle with headers that are not cut, every bar of a chart has its name, one province's
pack lists its communes (a one-row roll-up says nothing), a commune with two rows of one
indicator names each row."""
from __future__ import annotations

import io

import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Pt

from dashboard import pack
from dashboard import queries as Q


def _slides(data: bytes):
    return list(Presentation(io.BytesIO(data)).slides)


def _shape(slide, name):
    return next(s for s in slide.shapes if s.name == name)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_heatmap_table_clears_its_subtitle_and_its_headers_fit(seed_db, lang):
    slides = _slides(pack.build_from_db(seed_db, Q.Filters(as_of=2026), lang))
    s = next(x for x in slides if any(sh.name == "matrix" for sh in x.shapes))
    sub, table = _shape(s, "subtitle"), _shape(s, "matrix")
    text = sub.text_frame.text
    lines = -(-len(text) // 120)
    assert lines == 2                                   # the long unit of the heatmap
    assert table.top >= sub.top + Pt(14) * 1.2 * lines  # below its second line
    head = table.table.rows[0]
    heads = [c.text for c in head.cells][1:]
    size = head.cells[1].text_frame.paragraphs[0].runs[0].font.size
    width = table.table.columns[1].width
    longest = max(len(w) for h in heads for w in h.split())
    assert longest * size.pt * 0.62 <= width / 12700     # the longest word fits its column
    assert head.height >= size * 1.3 * 2                 # room for the wrapped header lines


def test_every_bar_has_its_label(seed_db):
    slides = _slides(pack.build_from_db(seed_db, Q.Filters(as_of=2026)))
    charts = [sh.chart for s in slides for sh in s.shapes if sh.has_chart]
    assert charts
    for ch in charts:
        skip = ch.category_axis._element.find(
            "{http://schemas.openxmlformats.org/drawingml/2006/chart}tickLblSkip")
        assert skip is not None and skip.get("val") == "1", etree.tostring(
            ch.category_axis._element)[:300]


def test_one_province_lists_its_communes(seed_db, monkeypatch):
    """Many communes roll up by province; one province's roll-up would be a single row."""
    import duckdb
    monkeypatch.setattr(pack, "ROLLUP_COMMUNES", 1)  # the seed's Nghệ An has 2 communes
    con = duckdb.connect(str(seed_db), read_only=True)
    try:
        all_ = pack.collect(con, Q.Filters(as_of=2026))
        one = pack.collect(con, Q.Filters(provinces=("Nghệ An",), as_of=2026))
    finally:
        con.close()
    assert all_.matrix_level == "province" and all_.matrix["unit"].nunique() == 4
    assert one.matrix_level == "commune"
    assert sorted(one.matrix["unit"].unique()) == ["Hợp Minh (Nghệ An)", "Nam Đàn (Nghệ An)"]


def test_two_rows_of_one_commune_are_named_on_the_compare_slide(seed_db):
    f = Q.Filters(as_of=2026, indicator="CQ.VAN_BAN_XU_LY_MANG")
    slides = _slides(pack.build_from_db(seed_db, f))
    cats = [c for s in slides for sh in s.shapes if sh.has_chart
            for c in sh.chart.plots[0].categories if str(c).startswith("Can Lộc")]
    assert len(cats) == 2 and len(set(cats)) == 2, cats
