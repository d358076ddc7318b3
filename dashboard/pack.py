"""The briefing pack (bộ trình chiếu giao ban): one PPTX from the filters of any view.

16:9; a title slide (scope, filters, data period, date), one chart per slide, a closing
slide (sources, coverage). Charts are native, editable PowerPoint charts (python-pptx) —
status counts by DTI group, target vs result per commune, budget by DTI group and by funding
source — and the commune/province × DTI-group matrix is a native table. Every slide carries
its title, unit, period, scope, coverage, source files and status legend, and a
"Dữ liệu mô phỏng" badge when any of its data is synthetic. :func:`to_pdf` converts the same
pack with LibreOffice (``soffice``) when it is installed.

    python -m dashboard.pack --db data/dashboard.duckdb --out giao_ban.pptx --tinh "Nghệ An"
    python -m dashboard.pack --db … --out giao_ban.pdf          # PDF (needs LibreOffice)

All reads go through :func:`collect` (the query functions of :mod:`dashboard.queries`).
"""
from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.xmlchemy import OxmlElement
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from . import charts, columns, fmt, framing, province_view
from . import queries as Q
from .i18n import status_label, t
from .status import ORDER as STATUS_ORDER
from .status import SYMBOL as STATUS_SYMBOL

W, H = Inches(13.333), Inches(7.5)  # 16:9
MARGIN = Inches(0.45)
TABLE_ROWS = 16       # matrix rows per slide
ROLLUP_COMMUNES = 40  # beyond this many communes the matrix rolls up by province
BAR_ROWS = 12         # bars per chart
MIME_PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"



def tx(key: str, lang: str, **kw) -> str:
    """The pack's strings live in dashboard/i18n.py under ``pack.``."""
    return t(f"pack.{key}", lang, **kw)


def rgb(hex_: str) -> RGBColor:
    return RGBColor.from_string(hex_.lstrip("#").upper())


# --------------------------------------------------------------------------- data
@dataclass
class PackData:
    """Everything the pack shows, read once."""
    filters: Q.Filters
    lang: str
    info: dict               # queries.data_period row
    files: list[str]         # source files in scope
    loaded_at: object
    pillar_names: list[str]
    status_by_group: pd.DataFrame
    matrix: pd.DataFrame
    matrix_level: str
    gaps: pd.DataFrame
    n_behind: int
    budget_pillar: pd.DataFrame
    budget_source: pd.DataFrame
    budget_totals: pd.DataFrame
    compare: pd.DataFrame = field(default_factory=pd.DataFrame)  # one indicator, per commune
    compare_note: str = ""   # what the compare slide leaves out (ties kept whole)
    extra: dict = field(default_factory=dict)


def _compare_rows(con, f: Q.Filters, indicator: str | None,
                  lang: str = "vi") -> tuple[pd.DataFrame, str]:
    """Target vs result per commune for ``indicator`` — or for the most widely planned
    indicator that has numeric targets with results in scope — as the compare page picks
    them (:func:`dashboard.province_view.compare_ends`: the furthest behind and the best
    placed, ties kept whole, never picked by name), and the note saying what was left out."""
    codes = [indicator] if indicator else \
        Q.indicator_options(con, f)["indicator_code"].head(8).tolist()
    for code in codes:
        rows = Q.compare_indicator(con, f.with_(indicator=code), per_side=1_000_000)
        # every row when they fit the slide (nobody is picked); else the page's cut
        shown, note = (rows, "") if len(rows) <= BAR_ROWS else \
            province_view.compare_ends(rows, BAR_ROWS // 2, lang)[:2]
        if len(_numeric(shown)) >= 2 or indicator:
            return shown, note
    return pd.DataFrame(), ""


def _numeric(rows: pd.DataFrame) -> pd.DataFrame:
    if rows.empty:
        return rows
    # the contract's threshold is set only where a number decides (progress_base)
    ok = rows["actual_value"].notna() & rows["threshold"].notna()
    unit = rows.loc[ok, "unit"].mode()
    return rows[ok & (rows["unit"] == unit.iat[0])] if len(unit) else rows[ok]


def _gap_rows(con, f: Q.Filters) -> pd.DataFrame:
    """The targets furthest behind, like with like (as the pages show them): one indicator in
    one unit — the one with most communes behind (queries.gap_indicators) — largest gap
    first; never a % gap ranked against a count gap."""
    top = Q.gap_indicators(con, f, limit=1)
    if top.empty:
        return pd.DataFrame()
    return Q.gaps_for_indicator(con, f.with_(indicator=top["indicator_code"].iat[0]),
                                unit=top["unit"].iat[0], limit=BAR_ROWS)


def collect(con, f: Q.Filters, lang: str = "vi", indicator: str | None = None) -> PackData:
    """The pack's only data access: the dashboard's own query functions. ``indicator``
    (the compare page's choice) picks the per-commune target vs result slide."""
    indicator = indicator or f.indicator
    f = f.with_(indicator=None)
    info = Q.data_period(con, f).iloc[0].to_dict()
    di = Q.data_info(con, f)
    d0 = di.iloc[0].to_dict() if len(di) else {}
    files = columns.as_list(d0.get("files"))  # a LIST column: each name whole
    tiles = Q.overview_tiles(con, f).iloc[0].to_dict()
    level = "province" if (tiles.get("n_communes") or 0) > ROLLUP_COMMUNES else "commune"
    matrix = Q.status_matrix(con, f, level=level)
    if level == "province" and matrix["unit"].nunique() < 2:
        # one province: its roll-up is one row that says nothing; list its communes
        # (split over slides, "dòng 1–16 / 130"), as the page does
        level, matrix = "commune", Q.status_matrix(con, f, level="commune")
    pl = Q.pillars(con, None)
    names = dict(zip(pl["code"], pl["name_vi" if lang == "vi" else "name_en"]))
    compare, compare_note = _compare_rows(con, f, indicator, lang)
    return PackData(
        filters=f, lang=lang, info=info, files=files, loaded_at=d0.get("loaded_at"),
        pillar_names=[names.get(c, c) for c in f.pillars],
        status_by_group=Q.status_matrix(con, f, level="province") if level == "commune"
        else matrix, matrix=matrix, matrix_level=level,
        gaps=_gap_rows(con, f), n_behind=int(tiles.get("n_behind") or 0),
        budget_pillar=Q.budget_by_pillar(con, f), budget_source=Q.budget_by_source(con, f),
        budget_totals=Q.budget_totals(con, f), compare=compare, compare_note=compare_note)


def _synthetic(*dfs: pd.DataFrame) -> bool:
    return any("synthetic" in d.columns and bool(d["synthetic"].fillna(False).any())
               for d in dfs if d is not None and len(d))


# --------------------------------------------------------------------------- slide parts
class Deck:
    def __init__(self, data: PackData):
        self.d = data
        self.L = data.lang
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = W, H
        self.blank = self.prs.slide_layouts[6]
        self.scope = framing.scope_text(data.info, self.L, provinces=data.filters.provinces,
                                        communes=data.filters.communes,
                                        pillar_names=data.pillar_names)
        self.period = framing.period_text(data.info, self.L)
        self.loaded = fmt.day(data.loaded_at, self.L) if data.loaded_at is not None and \
            not pd.isna(data.loaded_at) else "–"

    # text helpers
    def text(self, slide, x, y, w, h, lines, size=14, bold=False, color="#222222",
             align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP, name=None):
        box = slide.shapes.add_textbox(x, y, w, h)
        if name:
            box.name = name
        tf = box.text_frame
        tf.word_wrap = True
        tf.vertical_anchor = anchor
        tf.margin_left = tf.margin_right = Inches(0.05)
        for i, line in enumerate([lines] if isinstance(lines, str) else lines):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.alignment = align
            r = p.add_run()
            r.text = line
            r.font.size = Pt(size)
            r.font.bold = bold
            r.font.color.rgb = rgb(color)
        return box

    def badge(self, slide):
        from pptx.enum.shapes import MSO_SHAPE
        w = Inches(3.0)
        shp = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, W - MARGIN - w, Inches(0.2), w,
                                     Inches(0.42))
        shp.name = "synthetic_mark"
        shp.fill.solid()
        shp.fill.fore_color.rgb = rgb(charts.OI["vermillion"])
        shp.line.fill.background()
        tf = shp.text_frame
        tf.text = framing.synthetic_mark(self.L)
        p = tf.paragraphs[0]
        p.alignment = PP_ALIGN.CENTER
        p.runs[0].font.size = Pt(14)
        p.runs[0].font.bold = True
        p.runs[0].font.color.rgb = RGBColor(255, 255, 255)

    def frame(self, title: str, unit: str, *, synthetic: bool, sources: list[str],
              coverage: str, legend: str = "", note: str = "", period: str | None = None):
        """A chart slide's stamp: title, scope · period · unit, and the footer."""
        s = self.prs.slides.add_slide(self.blank)
        long = len(title) > 55  # two lines at a smaller size, still above the subtitle
        self.text(s, MARGIN, Inches(0.15), W - 2 * MARGIN - Inches(3.2), Inches(0.8),
                  charts.short(title, 120), size=19 if long else 26, bold=True,
                  color="#111111", name="title")
        sub = " · ".join(x for x in (self.scope, self.period if period is None else period,
                                     unit) if x)
        self.text(s, MARGIN, Inches(0.95), W - 2 * MARGIN, Inches(0.45), sub, size=14,
                  color="#444444", name="subtitle")
        # where the slide's body may start: below the subtitle's last line (about 120
        # characters a line at 14 pt; the heatmap's long unit takes two)
        lines = max(1, -(-len(sub) // 120))
        self.body_top = max(self.CHART_BOX[1], Inches(0.95) + Inches(0.27) * lines + Inches(0.14))
        foot = [x for x in (legend, " · ".join(x for x in (note, coverage) if x),
                            " · ".join(x for x in (charts.sources_text(sources, self.L),
                                                   t("data_date", self.L, d=self.loaded))
                                       if x)) if x]
        self.text(s, MARGIN, Inches(6.45), W - 2 * MARGIN, Inches(0.95), foot, size=11,
                  color="#444444", anchor=MSO_ANCHOR.BOTTOM, name="footer")
        if synthetic:
            self.badge(s)
        return s

    def status_legend(self) -> str:
        return tx("status_legend", self.L) + "   ".join(
            status_label(s, self.L) for s in STATUS_ORDER)

    def coverage(self) -> str:
        return framing.coverage_text(self.d.info, self.L)

    CHART_BOX = (MARGIN, Inches(1.45), W - 2 * MARGIN, Inches(4.95))

    def bar_chart(self, slide, categories, series: list[tuple[str, list, str]], *,
                  stacked: bool = False, number_format: str = "#,##0", legend: bool = True):
        cd = CategoryChartData(number_format=number_format)
        cd.categories = categories
        for name, values, _ in series:
            cd.add_series(name, [None if v is None or pd.isna(v) else float(v)
                                 for v in values])
        kind = XL_CHART_TYPE.BAR_STACKED if stacked else XL_CHART_TYPE.BAR_CLUSTERED
        gf = slide.shapes.add_chart(kind, *self.CHART_BOX, cd)
        gf.name = "chart"
        ch = gf.chart
        ch.font.size = Pt(12)
        ch.has_title = False
        ch.has_legend = legend and len(series) > 1
        if ch.has_legend:
            ch.legend.position = XL_LEGEND_POSITION.TOP
            ch.legend.include_in_layout = False
        ch.category_axis.reverse_order = True  # first row at the top, as on the page
        ch.category_axis.tick_labels.font.size = Pt(12 if len(categories) <= 8 else 10)
        _every_label(ch.category_axis)
        ch.value_axis.has_major_gridlines = True
        ch.value_axis.tick_labels.font.size = Pt(11)
        ch.value_axis.tick_labels.number_format = number_format
        ch.value_axis.tick_labels.number_format_is_linked = False
        plot = ch.plots[0]
        plot.gap_width = 60
        if stacked:
            plot.overlap = 100
        plot.has_data_labels = True
        dl = plot.data_labels
        dl.number_format = number_format
        dl.number_format_is_linked = False
        dl.font.size = Pt(11)
        if not stacked:
            dl.position = XL_LABEL_POSITION.OUTSIDE_END
        for s, (_, _values, color) in zip(plot.series, series):
            s.format.fill.solid()
            s.format.fill.fore_color.rgb = rgb(color)
        if stacked:  # a label that would not fit its segment is left out (no overprinting)
            totals = [sum(float(v or 0) for v in row) for row in zip(*(v for _, v, _ in series))]
            top = max(totals, default=0) or 1
            for s, (_, values, _) in zip(plot.series, series):
                dls = s.data_labels  # series-level labels, so single points can be deleted
                dls.show_value = True
                dls.number_format = number_format
                dls.number_format_is_linked = False
                dls.font.size = Pt(11)
                for i, v in enumerate(values):
                    if not v or float(v) / top < 0.06:
                        el = OxmlElement("c:dLbl")
                        for tag, val in (("c:idx", str(i)), ("c:delete", "1")):
                            child = OxmlElement(tag)
                            child.set("val", val)
                            el.append(child)
                        dls._element.insert(0, el)
        return ch

    def empty(self, slide, no_number: bool = False):
        """An empty chart's message: nothing in scope, or rows with no number to draw."""
        msg = tx("no_numeric_rows", self.L) if no_number else tx("no_rows", self.L)
        self.text(slide, *self.CHART_BOX, msg, size=18, color="#666666",
                  align=PP_ALIGN.CENTER, anchor=MSO_ANCHOR.MIDDLE)


# --------------------------------------------------------------------------- slides
def _every_label(axis) -> None:
    """Every category gets its label (PowerPoint and LibreOffice otherwise skip every other
    one when they are crowded, leaving bars nobody can name): ``c:tickLblSkip val=1``."""
    ax = axis._element
    el = OxmlElement("c:tickLblSkip")
    el.set("val", "1")
    after = ax.find(qn("c:lblOffset"))
    if after is None:
        after = ax.find(qn("c:lblAlgn"))
    if after is not None:
        after.addnext(el)
    elif ax.find(qn("c:noMultiLvlLbl")) is not None:
        ax.find(qn("c:noMultiLvlLbl")).addprevious(el)
    else:
        ax.append(el)


def _title_slide(dk: Deck) -> None:
    d, L, f = dk.d, dk.L, dk.d.filters
    s = dk.prs.slides.add_slide(dk.blank)
    dk.text(s, MARGIN, Inches(1.6), W - 2 * MARGIN, Inches(1.2), tx("pack_title", L),
            size=36, bold=True, color="#111111", name="title")
    filt = []
    if f.provinces:
        filt.append(f"{t('province', L)}: {', '.join(f.provinces)}")
    if f.communes:
        filt.append(f"{t('communes', L)}: {', '.join(f.communes)}")
    if f.pillars:
        filt.append(f"{t('pillar', L)}: {', '.join(d.pillar_names)}")
    if f.target_year:
        filt.append(f"{t('target_year', L)}: {f.target_year}")
    if f.indicator:
        filt.append(f"{t('indicator', L)}: {f.indicator}")
    lines = [f"{tx('scope', L)}: {dk.scope}",
             f"{tx('period', L)}: {dk.period or '–'}",
             f"{tx('filters', L)}: {'; '.join(filt) if filt else tx('no_filter', L)}",
             tx("made", L, d=fmt.day(date.today(), L), l=dk.loaded)]
    dk.text(s, MARGIN, Inches(3.0), W - 2 * MARGIN, Inches(2.5), lines, size=18,
            color="#333333", name="subtitle")
    if bool(d.info.get("synthetic")):
        dk.badge(s)
        dk.text(s, MARGIN, Inches(5.6), W - 2 * MARGIN, Inches(0.5),
                tx("synthetic_note", L), size=16, bold=True, color=charts.OI["vermillion"])


def _status_by_group_slide(dk: Deck) -> None:
    L, m = dk.L, dk.d.status_by_group
    g = (m.groupby(["pillar_code", "pillar_order"], dropna=False)
         .agg(name=("pillar_name" if L == "vi" else "pillar_name_en", "first"),
              **{s: (s, "sum") for s in STATUS_ORDER}, n=("n", "sum"),
              synthetic=("synthetic", "any"))
         .reset_index().sort_values("pillar_order"))
    g["name"] = g["name"].fillna(t("no_pillar", L))
    s = dk.frame(tx("status_by_group", L), tx("n_targets_unit", L),
                 synthetic=_synthetic(m), sources=dk.d.files, coverage=dk.coverage(),
                 legend=dk.status_legend())
    g = g[g["n"] > 0]
    if g.empty:
        return dk.empty(s)
    series = [(status_label(st_, L), g[st_].tolist(), charts.STATUS_COLOR[st_])
              for st_ in STATUS_ORDER if g[st_].sum() > 0]
    dk.bar_chart(s, g["name"].tolist(), series, stacked=True)


def _share_color(share, n) -> str:
    if n == 0:
        return "#FFFFFF"
    if share is None or pd.isna(share):
        return "#E3E3E3"
    lo, mid, hi = (213, 94, 0), (247, 240, 230), (0, 114, 178)
    a, b, u = (lo, mid, share / 0.5) if share < 0.5 else (mid, hi, (share - 0.5) / 0.5)
    return "#" + "".join(f"{int(round(x + (y - x) * u)):02X}" for x, y in zip(a, b))


def _matrix_slides(dk: Deck) -> None:
    L, m = dk.L, dk.d.matrix
    title = t("heatmap_title_province" if dk.d.matrix_level == "province" else
              "heatmap_title", L)
    if m.empty:
        s = dk.frame(title, tx("matrix_unit", L), synthetic=False, sources=dk.d.files,
                     coverage=dk.coverage(), legend=tx("matrix_legend", L))
        return dk.empty(s)
    m = m.copy()
    m["col"] = m["pillar_name" if L == "vi" else "pillar_name_en"].fillna(t("no_pillar", L))
    cols = m.drop_duplicates("pillar_code").sort_values("pillar_order")["col"].tolist()
    units = sorted(m["unit"].unique().tolist())
    cell = {(r.unit, r.col): r for r in m.itertuples()}
    for start in range(0, len(units), TABLE_ROWS):
        part = units[start:start + TABLE_ROWS]
        note = tx("rows_part", L, a=start + 1, b=start + len(part), n=len(units)) \
            if len(units) > TABLE_ROWS else ""
        s = dk.frame(title, tx("matrix_unit", L),
                     synthetic=_synthetic(m[m["unit"].isin(part)]), sources=dk.d.files,
                     coverage=dk.coverage(), legend=tx("matrix_legend", L), note=note)
        x, y, w, h = dk.CHART_BOX
        y, h = dk.body_top, h - (dk.body_top - y)  # never on the subtitle's second line
        row_h = min(Inches(0.42), int((h - Inches(0.8)) / max(len(part), 1)))
        shape = s.shapes.add_table(len(part) + 1, len(cols) + 1, x, y, w,
                                   Inches(0.8) + row_h * len(part))
        shape.name = "matrix"
        tbl = shape.table
        tbl.columns[0].width = Inches(2.6)
        for j in range(1, len(cols) + 1):
            tbl.columns[j].width = int((w - Inches(2.6)) / len(cols))
        fs = Pt(11 if len(part) > 10 else 12)

        def put(r, c, text, fill, bold=False, color="#222222", align=PP_ALIGN.CENTER,
                tbl=tbl, fs=fs):
            cl = tbl.cell(r, c)
            cl.text = text
            cl.fill.solid()
            cl.fill.fore_color.rgb = rgb(fill)
            cl.vertical_anchor = MSO_ANCHOR.MIDDLE
            cl.margin_top = cl.margin_bottom = Inches(0.02)
            p = cl.text_frame.paragraphs[0]
            p.alignment = align
            for run in p.runs:
                run.font.size = fs
                run.font.bold = bold
                run.font.color.rgb = rgb(color)

        # headers never cut: a font small enough for the longest word in a column, a row
        # tall enough for the most lines ("Digital infrastructure and platforms")
        col_pt = (w - Inches(2.6)) / len(cols) / 12700 - 10
        longest = max(len(word) for c in cols for word in str(c).split())
        head_pt = max(8.0, min(fs.pt, col_pt / (longest * 0.62)))
        per_line = max(4, int(col_pt / (head_pt * 0.56)))
        lines = max(len(textwrap.wrap(str(c), per_line)) or 1 for c in cols)
        tbl.rows[0].height = max(Inches(0.5), int(Pt(head_pt) * 1.3 * lines + Inches(0.12)))
        put(0, 0, "", "#FFFFFF")
        for j, c in enumerate(cols, start=1):
            put(0, j, c, "#FFFFFF", bold=True, fs=Pt(head_pt))
        for i, u in enumerate(part, start=1):
            tbl.rows[i].height = row_h
            put(i, 0, str(u), "#FFFFFF", align=PP_ALIGN.RIGHT)
            for j, c in enumerate(cols, start=1):
                r = cell.get((u, c))
                if r is None or r.n == 0:
                    put(i, j, "", "#FFFFFF")
                    continue
                share = r.share_achieved
                if dk.d.matrix_level == "province":
                    text = "○" if pd.isna(share) else fmt.pct(100 * share, 0, L)
                else:
                    text = " ".join(f"{STATUS_SYMBOL[k]}{getattr(r, k)}" for k in
                                    STATUS_ORDER if getattr(r, k, 0))
                dark = not pd.isna(share) and (share >= 0.8 or share <= 0.2)
                put(i, j, text, _share_color(share, r.n), color="#FFFFFF" if dark else "#111111")


def _gaps_slide(dk: Deck) -> None:
    """Target vs latest result for the targets furthest behind on one indicator, in its unit
    (like with like: the indicator with most communes behind, as on the pages)."""
    L, g = dk.L, dk.d.gaps
    num = g[g["actual_value"].notna() & g["threshold"].notna()].copy() if len(g) else g
    name_col = "indicator_name" if L == "vi" else "indicator_name_en"
    unit = str(g["unit"].iat[0] or "") if len(g) else ""
    total = int(g["n_total"].iat[0]) if len(g) and "n_total" in g else len(num)
    title = tx("target_vs_result", L) + (f": {charts.short(g[name_col].iat[0], 70)}"
                                         if len(g) else "")
    s = dk.frame(title, tx("unit_of", L, u=fmt.unit_name(unit, L)) if unit else "",
                 synthetic=_synthetic(g),
                 sources=sorted(set(g.get("target_source_file", pd.Series(dtype=str))
                                    .dropna()) | set(g.get("actual_source_file",
                                                           pd.Series(dtype=str)).dropna())),
                 coverage=dk.coverage(), legend=dk.status_legend(),
                 note=framing.shown_text(len(num), total, L))
    if num.empty:
        return dk.empty(s)
    cats = [f"{charts.short(r.commune, 30)} ({charts.short(r.province, 20)})"
            for r in num.itertuples()]
    ch = dk.bar_chart(s, cats, [(tx("target_floor", L), num["threshold"].tolist(),
                                 charts.TARGET_COLOR),
                                (tx("result_status", L), num["actual_value"].tolist(),
                                 charts.GREY)],
                      number_format='0"%"' if unit == "%" else "#,##0.##")
    _colour_by_status(ch.plots[0].series[1], num["status"])


def _compare_slide(dk: Deck) -> None:
    """One indicator: each commune's target (the level to reach) and latest result, the
    result bars coloured by status."""
    L, rows = dk.L, dk.d.compare
    if rows.empty:
        return
    name_col = "indicator_name" if L == "vi" else "indicator_name_en"
    name = charts.short(rows[name_col].iat[0], 110)
    num = _numeric(rows)
    unit = num["unit"].iat[0] if len(num) else (rows["unit"].dropna().iat[0]
                                                if rows["unit"].notna().any() else "")
    rank = len(num) and num["direction"].iat[0] == "lower"
    unit_text = tx("unit_of", L, u=fmt.unit_name(unit, L)) + (f" ({tx('rank_note', L)})" if rank else "") \
        if unit else ""
    total = int(rows["n_total"].iat[0]) if "n_total" in rows else len(rows)
    files = sorted(set(rows.get("target_source_file", pd.Series(dtype=str)).dropna())
                   | set(rows.get("actual_source_file", pd.Series(dtype=str)).dropna()))
    s = dk.frame(name, unit_text, synthetic=_synthetic(rows), sources=files,
                 coverage=dk.coverage(), legend=dk.status_legend(),
                 note=" · ".join(x for x in (framing.shown_text(len(num), total, L),
                                             dk.d.compare_note) if x))
    if num.empty:  # rows there are, but no number to draw (done / not done, text)
        return dk.empty(s, no_number=True)
    nf = '0"%"' if unit == "%" else "#,##0.##"
    cats = charts.distinct_labels(num.reset_index(drop=True), num["commune_key"].tolist(), L)
    ch = dk.bar_chart(s, cats,
                      [(tx("target_floor", L), num["threshold"].tolist(), charts.TARGET_COLOR),
                       (tx("result_status", L), num["actual_value"].tolist(), charts.GREY)],
                      number_format=nf)
    _colour_by_status(ch.plots[0].series[1], num["status"])


def _colour_by_status(series, statuses) -> None:
    """Each result bar in its status's colour (dashboard.status)."""
    for i, st_ in enumerate(statuses):
        pt = series.points[i]
        pt.format.fill.solid()
        pt.format.fill.fore_color.rgb = rgb(charts.STATUS_COLOR.get(st_, charts.GREY))


def _money_unit(values: pd.Series, L: str) -> tuple[float, str, str]:
    """One unit and precision for a whole chart, as on the page (charts.money_scale)."""
    top = float(values.max()) if len(values) and values.notna().any() else 0.0
    whole = bool((values.dropna() % 1 == 0).all())
    div, unit, digits = charts.money_scale(top, L, whole)
    return div, unit, "#,##0" + ("." + "0" * digits if digits else "")


def _budget_slide(dk: Deck, df: pd.DataFrame, title_key: str, label_col: str,
                  missing: str) -> None:
    L = dk.L
    d = df[df["total"].notna()].head(BAR_ROWS) if len(df) else df
    div, unit, nf = _money_unit(d["total"] if len(d) else pd.Series(dtype=float), L)
    tot = dk.d.budget_totals.iloc[0].to_dict() if len(dk.d.budget_totals) else {}
    cov = ""
    if tot:
        total = tot.get("total", tot.get("budget_total"))
        cov = tx("budget_total", L, v=charts.money_text(total, L),
                 n=fmt.num(tot.get("n_lines", 0) or 0, 0, L),
                 c=fmt.num(tot.get("n_communes_with_budget", 0) or 0, 0, L))
    files = sorted({x for v in d.get("source_files", pd.Series(dtype=object))
                    for x in columns.as_list(v) if x})
    s = dk.frame(t(title_key, L), tx("budget_unit", L, u=unit), synthetic=_synthetic(d),
                 sources=files, coverage=cov, legend=dk.status_legend(),
                 note=framing.shown_text(len(d), len(df[df["total"].notna()]) if len(df)
                                         else 0, L),
                 period=framing.period_text(dk.d.info, L, budget=True))
    if d.empty:
        return dk.empty(s)
    col = f"{label_col}_en" if L == "en" and f"{label_col}_en" in d.columns else label_col
    cats = d[col].fillna(missing).astype(str).map(lambda x: charts.short(x, 60)).tolist()
    dk.bar_chart(s, cats, [(unit, (d["total"] / div).tolist(), charts.OI["blue"])],
                 number_format=nf, legend=False)


def _closing_slide(dk: Deck) -> None:
    L, d = dk.L, dk.d
    s = dk.prs.slides.add_slide(dk.blank)
    dk.text(s, MARGIN, Inches(0.3), W - 2 * MARGIN, Inches(0.7), tx("closing", L), size=28,
            bold=True, color="#111111", name="title")
    i = d.info
    tot = d.budget_totals.iloc[0].to_dict() if len(d.budget_totals) else {}
    cov = [tx("coverage", L) + ":",
           "• " + tx("cov_communes", L, n=fmt.num(i.get("n_communes") or 0, 0, L),
                     a=fmt.num(i.get("n_communes_all") or 0, 0, L),
                     p=fmt.num(i.get("n_provinces_all") or 0, 0, L)),
           "• " + (framing.coverage_text(i, L) or "–"),
           "• " + tx("cov_budget", L, n=fmt.num(tot.get("n_lines", 0) or 0, 0, L)),
           f"• {tx('period', L)}: {dk.period or '–'}",
           "", tx("method", L), dk.status_legend()]
    if bool(i.get("synthetic")):
        cov += ["", tx("synthetic_note", L)]
        dk.badge(s)
    dk.text(s, MARGIN, Inches(1.2), Inches(6.2), Inches(5.8), cov, size=14, color="#333333",
            name="coverage")
    files = d.files[:22]
    src = [tx("sources", L, n=fmt.num(len(d.files), 0, L)) + ":"] + [f"• {x}" for x in files]
    if len(d.files) > len(files):
        src.append(tx("more_files", L, n=fmt.num(len(d.files) - len(files), 0, L)))
    dk.text(s, Inches(6.9), Inches(1.2), W - Inches(6.9) - MARGIN, Inches(5.8), src, size=12,
            color="#333333", name="sources")


def build(data: PackData) -> bytes:
    """The PPTX bytes for ``data`` (see :func:`collect`)."""
    dk = Deck(data)
    _title_slide(dk)
    _status_by_group_slide(dk)
    _matrix_slides(dk)
    _gaps_slide(dk)
    _compare_slide(dk)
    _budget_slide(dk, data.budget_pillar, "budget_by_pillar", "pillar_name",
                  t("no_pillar", data.lang))
    _budget_slide(dk, data.budget_source, "budget_by_source", "source_name",
                  t("no_source", data.lang))
    _closing_slide(dk)
    buf = io.BytesIO()
    dk.prs.save(buf)
    return buf.getvalue()


def build_from_db(path: str | Path, f: Q.Filters, lang: str = "vi",
                  indicator: str | None = None) -> bytes:
    con = duckdb.connect(":memory:")  # the file ATTACHed read-only, as dashboard.db does
    con.execute("ATTACH ? AS pack (READ_ONLY)", [str(path)])
    con.execute("USE pack")
    try:
        return build(collect(con, f, lang, indicator))
    finally:
        con.close()


def file_name(f: Q.Filters, ext: str = "pptx") -> str:
    parts = ["giao_ban", *f.provinces[:2], *f.communes[:2], *f.pillars[:3],
             str(f.target_year or ""), date.today().isoformat()]
    return f"{charts.slug('_'.join(p for p in parts if p))}.{ext}"


# --------------------------------------------------------------------------- PDF
def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(pptx: bytes, timeout: float = 180, lang: str = "vi") -> bytes:
    """The same pack as PDF, through LibreOffice headless. RuntimeError when it is missing.
    LibreOffice formats the charts' numbers in its locale: the pack's language decides it
    (1.200 in Vietnamese, 1,200 in English), not the server's."""
    exe = soffice()
    if not exe:
        raise RuntimeError("PDF cần LibreOffice (soffice) trên máy chủ: apt-get install "
                           "libreoffice-impress. Bản PPTX không cần.")
    loc = "vi_VN.UTF-8" if lang == "vi" else "en_US.UTF-8"
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "pack.pptx"
        src.write_bytes(pptx)
        subprocess.run([exe, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/u",
                        "--convert-to", "pdf", "--outdir", tmp, str(src)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout,
                       env={**os.environ, "LANG": loc, "LC_ALL": loc})
        return (Path(tmp) / "pack.pdf").read_bytes()


# --------------------------------------------------------------------------- CLI
def main(argv: list[str] | None = None) -> int:
    from etl.store import DEFAULT_DB
    ap = argparse.ArgumentParser(prog="python -m dashboard.pack", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=Path(DEFAULT_DB))
    ap.add_argument("--out", type=Path, required=True, help="FILE.pptx or FILE.pdf")
    ap.add_argument("--tinh", action="append", default=[], help="tỉnh (lặp lại được)")
    ap.add_argument("--xa", action="append", default=[], help="xã: 'Tên xã (Tỉnh)'")
    ap.add_argument("--nhom", action="append", default=[], help="nhóm DTI: NT, TC, HT, …")
    ap.add_argument("--nam", type=int, help="năm mục tiêu")
    ap.add_argument("--chi-tieu", dest="chi_tieu",
                    help="mã chỉ tiêu cho trang so sánh các xã (mặc định: chỉ tiêu phổ biến nhất)")
    ap.add_argument("--lang", choices=("vi", "en"), default="vi")
    a = ap.parse_args(argv)
    if not a.db.exists():
        print(f"Không có cơ sở dữ liệu {a.db}", file=sys.stderr)
        return 2
    f = Q.Filters(provinces=tuple(sorted(a.tinh)), communes=tuple(sorted(a.xa)),
                  pillars=tuple(sorted(a.nhom)), target_year=a.nam, indicator=a.chi_tieu)
    data = build_from_db(a.db, f, a.lang)
    if a.out.suffix.lower() == ".pdf":
        try:
            data = to_pdf(data, lang=a.lang)
        except RuntimeError as e:
            print(e, file=sys.stderr)
            return 3
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_bytes(data)
    print(f"{a.out}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
