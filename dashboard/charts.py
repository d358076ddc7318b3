"""Plotly figure builders: a DataFrame in, a ``go.Figure`` out, ready for a 16:9 slide.

Every figure carries its own title, a subtitle with the unit and the data date, and a source
caption, so a PNG pasted into a slide explains itself. Status is shown by colour (Okabe–Ito,
colour-blind safe) *and* by a symbol/marker shape/pattern. Targets are drawn as what they are:
a range is a band, a minimum is a tick with a right-open segment ending in an arrow, a rank is
drawn on a reversed axis (lower is better, so right is always better), a done/not-done or text
target is written out, never turned into a number.
"""
from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass, replace

import pandas as pd
import plotly.graph_objects as go

from . import fmt, safe_text
from . import status as ST
from .i18n import status_label, t
from .status import GREY, OI

# Every status's colour, marker, glyph, pattern and order: dashboard/status.py.
STATUS_ORDER = ST.ORDER
STATUS_SYMBOL = ST.SYMBOL
STATUS_COLOR = ST.COLOR
STATUS_MARKER = ST.MARKER
STATUS_GLYPH = ST.GLYPH
STATUS_PATTERN = ST.PATTERN
TARGET_COLOR = OI["blue"]
TARGET_COLOR_2 = OI["sky"]
FONT = "Noto Sans, DejaVu Sans, Liberation Sans, Arial, sans-serif"
BASE_FONT = 16
ROW_PX = 46
# target shapes drawn on a number line (the ETL decides the shape: progress.target_shape)
NUMERIC_SHAPES = ("floor", "ceiling", "band", "level", "rank")
OPEN_ARROW = 0.08  # a floor/ceiling's open arrow: this share of the axis from the threshold


@dataclass(frozen=True)
class ChartMeta:
    """What a chart says about itself."""
    title: str
    unit: str = ""                 # e.g. "Đơn vị: %"
    data_date: str = ""            # formatted date of the latest import
    sources: tuple[str, ...] = ()  # file names
    filename: str = "bieu_do"      # PNG download name
    lang: str = "vi"
    briefing: bool = False
    scope: str = ""                # "toàn quốc, 3.321 xã", "Nghệ An, 130 xã"
    period: str = ""               # "kế hoạch năm 2026 · kết quả đến quý III/2026"
    note: str = ""                 # "Hiển thị 6 / 38 dòng" (written in the footer)
    synthetic: bool = False        # any of the data shown is synthetic: mark inside the figure
    width_share: float = 1.0       # shown in a column (0.5: half the page): lines wrap shorter

    @property
    def font_size(self) -> int:
        return BASE_FONT + (3 if self.briefing else 0)


# --------------------------------------------------------------------------- helpers
def wrap(text, width: int = 38, max_lines: int = 3) -> str:
    """Wrap a (Vietnamese) label with <br> so long names never overlap.

    Every text a chart shows passes here, so this is where file-derived text is escaped
    for Plotly's HTML subset (a commune named ``<a href=…>`` is shown, not linked)."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    lines = textwrap.wrap(safe_text.display(text), width=width, break_long_words=False) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" ,.;") + "…"
    return "<br>".join(map(safe_text.plotly, lines))


def short(text, width: int = 48) -> str:
    text = "" if text is None or (isinstance(text, float) and math.isnan(text)) else str(text)
    return text if len(text) <= width else text[: width - 1].rstrip(" ,.;") + "…"


def slug(text: str) -> str:
    import unicodedata
    s = unicodedata.normalize("NFKD", str(text).replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9]+", "_", s).strip("_").lower()[:80] or "bieu_do"


def sources_text(files, lang: str = "vi", max_files: int = 6, max_chars: int = 170) -> str:
    """'Nguồn: a.xlsx; b.xlsx' — or, for many files, how many and one example. Plain text:
    a figure escapes it where it is placed (:func:`wrap`), a slide needs no escaping. Names
    are separated by '; ' because a file name may hold a comma."""
    files = sorted({f for f in files if isinstance(f, str) and f})
    if not files:
        return ""
    text = "; ".join(files)
    if len(files) > max_files or len(text) > max_chars:
        n = fmt.num(len(files), 0, lang)
        text = t("sources_many", lang, n=n, example=short(files[0], 60))
    return f"{t('source', lang)}: {text}"


def labels_of(df: pd.DataFrame, cols, lang: str, missing: str = "") -> list[str]:
    """Row labels from one or more columns (English names where the frame has them)."""
    cols = (cols,) if isinstance(cols, str) else tuple(cols)
    parts = []
    for c in cols:
        col = f"{c}_en" if lang == "en" and f"{c}_en" in df.columns else c
        parts.append(df[col].astype(object).where(df[col].notna(), missing or None))
    out = []
    for vals in zip(*parts):
        vals = [str(v) for v in vals if v is not None and str(v) != ""]
        out.append(" · ".join(vals) if vals else missing)
    return out


def distinct_labels(d: pd.DataFrame, labels: list[str], lang: str) -> list[str]:
    """Rows that would carry the same label (a commune with two targets of one indicator)
    are told apart by what differs between them: the wording's scope, the document's own
    wording of the row, the target, else the source row ('Can Lộc (Hà Tĩnh) · Tỷ lệ văn bản
    đến lãnh đạo duyệt trên phần mềm')."""
    labels = list(labels)
    s = pd.Series(labels)
    for lab in s[s.duplicated(keep=False)].unique():
        idx = [i for i, x in enumerate(labels) if x == lab]
        for col in ("target_scope", "doc_label", "target_text", "target_source_row"):
            if col not in d:
                continue
            vals = [d[col].iat[i] for i in idx]
            shown = ["" if v is None or (not isinstance(v, str) and pd.isna(v)) else
                     (t("row_n", lang, n=int(v)) if col == "target_source_row" else str(v))
                     for v in vals]
            if len(set(shown)) == len(shown) and all(shown):
                for i, extra in zip(idx, shown):
                    labels[i] = f"{lab} · {short(extra, 70)}"
                break
    return labels


def indicator_heading(rows: pd.DataFrame, lang: str) -> tuple[str, str]:
    """(name, unit in the UI language) of the indicator a frame is about."""
    col = "indicator_name_en" if lang == "en" and "indicator_name_en" in rows else "indicator_name"
    name = short(rows[col].iat[0], 110) if len(rows) else ""
    units = rows["unit"].fillna("") if "unit" in rows else pd.Series(dtype=object)
    return name, fmt.unit_name(units.mode().iat[0] if len(units) else "", lang)


def config(meta: ChartMeta, fig: go.Figure | None = None) -> dict:
    """``st.plotly_chart(config=...)``: the camera button's PNG is slide-shaped (16:9, at
    least 1920 px wide) with a meaningful name. A tall chart is exported wider rather than
    squashed; a short one gets taller rows."""
    img = {"format": "png", "scale": 3, "filename": meta.filename}
    h = getattr(getattr(fig, "layout", None), "height", None) if fig is not None else None
    if h:
        w = max(1280, int(round(h * 16 / 9)))
        img.update(width=w, height=int(round(w * 9 / 16)), scale=max(1.0, 1920 / w))
    return {"displaylogo": False,
            # briefing mode: the screen is the slide, Plotly's toolbar stays out of it
            "displayModeBar": False if meta.briefing else "hover",
            "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
            "toImageButtonOptions": img}


def _text_px(text: str, fs: float) -> float:
    """Rough rendered width of one line of text (Noto Sans, Vietnamese)."""
    return len(re.sub(r"<[^>]+>", "", text)) * fs * 0.56


def row_px(labels, fs: float, minimum: int = ROW_PX, briefing: bool = False) -> int:
    """Height of one row so the tallest wrapped label never touches its neighbours
    (roomier in briefing mode, where one chart fills a 16:9 screen)."""
    lines = max((str(x).count("<br>") + 1 for x in labels), default=1)
    px = max(minimum, lines * fs * 1.3 + 14)
    return int(px * (1.05 if briefing else 1))


def left_margin(labels, fs: float) -> int:
    """Room for wrapped y labels, so nothing is cut off and the caption can align left."""
    widest = max((_text_px(line, fs) for lab in labels for line in str(lab).split("<br>")),
                 default=0)
    return int(min(560, max(60, widest + 24)))


def _key_lines(fig: go.Figure, max_chars: int = 120) -> list[str]:
    """A colour key from the traces' ``meta`` glyphs: '● Đạt   ┃ Mục tiêu: mức ...'."""
    items, seen = [], set()
    for tr in fig.data:
        m = tr.meta if isinstance(tr.meta, dict) else None
        if not m or tr.showlegend is False or not tr.name or tr.name in seen:
            continue
        seen.add(tr.name)
        items.append((f"<span style='color:{m['color']}'><b>{m['glyph']}</b></span> {tr.name}",
                      len(m["glyph"]) + len(tr.name) + 4))
    lines, cur, width = [], [], 0
    for html, n in items:
        if cur and width + n > max_chars:
            lines.append("    ".join(cur))
            cur, width = [], 0
        cur.append(html)
        width += n
    if cur:
        lines.append("    ".join(cur))
    return lines


def _finish(fig: go.Figure, meta: ChartMeta, height: int, *, legend: bool = True,
            left: int = 80, right: int = 24, extra_top: int = 0, bottom: int = 64,
            annotations: list[dict] | tuple = ()) -> go.Figure:
    """Title, subtitle (scope, unit, data date), source caption, fonts, margins, legend.

    ``annotations`` (plain dicts) are set on the layout together with the source caption in
    one assignment: plotly re-validates every annotation on each ``add_annotation`` call,
    which made charts with a few hundred written-out cells take seconds."""
    fs = meta.font_size
    # Lines are wrapped for the narrowest width the figure is shown at (about 1,000 px in a
    # 1,400 px window beside the sidebar; 1,850 px in briefing mode): plotly does not wrap
    # titles or annotations, and an unwrapped line runs off the figure and the PNG.
    k = min(1.0, max(0.3, meta.width_share))
    title_chars = int((72 if not meta.briefing else 100) * max(k, 0.6))  # bold, fewer px
    if meta.synthetic:  # leave room for the badge in the top-right corner
        from .framing import synthetic_mark
        title_chars -= int(len(synthetic_mark(meta.lang)) * 0.8) + 4
    title_lines = wrap(meta.title, title_chars, 3 if meta.synthetic else 2)
    n_title = title_lines.count("<br>") + 1
    sub = " · ".join(x for x in (meta.scope, meta.period, meta.unit) if x)
    sub = wrap(sub, int((112 if not meta.briefing else 160) * k), 3)
    key_lines = _key_lines(fig) if legend else []
    if key_lines:
        sub = "<br>".join(([sub] if sub else []) + key_lines)
    n_sub = (sub.count("<br>") + 1) if sub else 0
    src = " · ".join(x for x in (sources_text(meta.sources, meta.lang), meta.data_date) if x)
    footer = [wrap(x, int((125 if not meta.briefing else 175) * k), 2)
              for x in (meta.note, src) if x]
    n_foot = sum(x.count("<br>") + 1 for x in footer)
    bottom += int((n_foot - 1) * (fs - 2) * 1.35) if n_foot > 1 else 0
    title_h = 14 + n_title * (fs + 6) * 1.3 + n_sub * fs * 1.4
    legend_h = 8
    top = int(title_h + legend_h + extra_top + 10)
    if meta.briefing:  # fill a 16:9 screen even when there are few rows
        height = max(height, 520)
    fig.update_layout(
        template="plotly_white",
        font=dict(family=FONT, size=fs, color="#222222"),
        # plotly lifts a multi-line title by ~15px: push it back so line one is not cut off
        title=dict(text=f"<b>{title_lines}</b>", x=0, xanchor="left", xref="container",
                   y=1 - (16 if n_title > 1 else 0) / (height + top), yanchor="top",
                   yref="container", pad=dict(t=12, l=10),
                   font=dict(size=fs + 6, color="#111111"),
                   subtitle=dict(text=sub, font=dict(size=fs - 1, color="#444444"))),
        height=int(height + top),
        margin=dict(t=top, b=bottom, l=left, r=right, pad=4),
        separators=",." if meta.lang == "vi" else ".,",
        hoverlabel=dict(font=dict(family=FONT, size=fs)),
        # the key is written under the subtitle (plotly wraps a horizontal legend at the
        # plot's width, which is narrow next to long Vietnamese labels)
        showlegend=False,
        paper_bgcolor="white", plot_bgcolor="white",
    )
    fig.update_xaxes(tickfont=dict(color="#222222", size=fs - 1),
                     title_font=dict(color="#333333", size=fs - 1))
    fig.update_yaxes(tickfont=dict(color="#222222"))
    notes = list(annotations)
    if footer:  # the "k of n" note, then sources and the load date: inside the PNG
        notes.append(dict(text="<br>".join(footer), xref="paper", yref="paper", x=0, y=0,
                          xshift=-left + 10, yshift=-bottom + 6, xanchor="left",
                          yanchor="bottom", showarrow=False, align="left",
                          font=dict(size=fs - 2, color="#444444")))
    if meta.synthetic:
        notes += synthetic_marks(meta, left=left, right=right, top=top)
    if notes:
        fig.update_layout(annotations=[*fig.layout.annotations, *notes])
    return fig


def synthetic_marks(meta: ChartMeta, *, left: int, right: int, top: int) -> list[dict]:
    """The synthetic-data mark inside the figure, so the PNG and any crop carry it: a badge
    in the top-right corner and a faint diagonal watermark across the plot area."""
    from .framing import synthetic_mark
    fs = meta.font_size
    text = synthetic_mark(meta.lang)
    return [dict(text=f"<b>{text}</b>", xref="paper", yref="paper", x=1, y=1,
                 xshift=right - 8, yshift=top - 8, xanchor="right", yanchor="top",
                 showarrow=False, bgcolor=OI["vermillion"], borderpad=4,
                 font=dict(size=fs - 2, color="white")),
            dict(text=f"<b>{synthetic_mark('vi')}</b>", xref="paper", yref="paper", x=0.5,
                 y=0.5, showarrow=False, textangle=-18, opacity=0.13,
                 font=dict(size=fs * 3, color=OI["vermillion"]))]


def empty_figure(meta: ChartMeta, message: str) -> go.Figure:
    """Never an empty chart: a titled frame that says what is missing."""
    fig = go.Figure()
    fig.add_annotation(text=wrap(message, 80, 3), x=0.5, y=0.5, xref="paper", yref="paper",
                       showarrow=False, font=dict(size=meta.font_size + 2, color="#444444"))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _finish(fig, meta, 220, legend=False)


# --------------------------------------------------------------------------- heatmap
BRIEFING_FLIP = 12  # units beyond which the briefing heatmap is transposed


def status_heatmap(df: pd.DataFrame, meta: ChartMeta, counts: bool = True,
                   order: list[str] | None = None, labels: dict[str, str] | None = None,
                   summary: pd.DataFrame | None = None) -> go.Figure:
    """Units (communes or provinces) x DTI groups. Colour = share achieved among targets
    with a result; grey = targets but no result yet; white = no target. Each cell writes the
    counts with their symbols (✓ achieved ✗ behind ◇ not comparable ○ no report).

    ``order``: the units to draw, in that order (a page of a province's communes, most
    behind first); default every unit in Vietnamese order. ``labels``: unit -> row label
    ("An Lĩnh · 5/31 đạt (16,1%)"). ``summary``: rows of the same shape (e.g. the province
    as a whole) drawn first, above a rule, writing the share achieved."""
    lang = meta.lang
    if df.empty:
        return empty_figure(meta, t("no_result_report", lang))
    fs = meta.font_size
    d = df.copy()
    if order is not None:
        d = d[d["unit"].isin(order)]
    n_summary = 0
    if summary is not None and len(summary):
        s_rows = summary.assign(unit="\0" + summary["unit"].astype(str), _summary=True)
        n_summary = s_rows["unit"].nunique()
        d = pd.concat([s_rows, d.assign(_summary=False)], ignore_index=True)
    else:
        d["_summary"] = False
    d["col"] = d["pillar_name" if lang == "vi" else "pillar_name_en"].fillna(t("no_pillar", lang))
    cols = d.drop_duplicates("pillar_code").sort_values("pillar_order")["col"].tolist()
    from .vn_order import sorted_vi  # rows in Vietnamese order (Cẩm before Châu, Đ- after D-)
    head = sorted_vi(d.loc[d["_summary"], "unit"].unique().tolist())
    units = head + (list(order) if order is not None
                    else sorted_vi(d.loc[~d["_summary"], "unit"].unique().tolist()))
    parts = [d[s].map(lambda n, s=s: f"{STATUS_SYMBOL[s]}{n}" if n else "")
             for s in STATUS_ORDER if s in d]
    joined = parts[0]
    for part in parts[1:]:
        joined = joined + " " + part
    # at most three counts a line (four on the wide briefing screen), so a busy cell
    # ("✓1 ↗1 ✓3 ↘3 ◇1 ○2") never spills into the next one when eight groups share a page
    n_cols = d["pillar_code"].nunique()
    per_line = 4 if meta.briefing else (2 if n_cols >= 7 else 3)
    d["text"] = joined.str.split().map(
        lambda ws: "<br>".join(" ".join(ws[i:i + per_line])
                               for i in range(0, len(ws), per_line)))
    share_text = d["share_achieved"].map(lambda v: "○" if pd.isna(v)
                                         else fmt.pct(100 * v, 0, lang))
    if not counts:  # roll-ups: the counts are too long for a cell, write the share achieved
        d["text"] = share_text
        d.loc[d["n"] == 0, "text"] = ""
    d.loc[d["_summary"], "text"] = share_text.where(d["n"] > 0, "")[d["_summary"]]

    # Briefing mode with many units (national roll-up: 34 provinces) would need 34 rows and
    # run far below a 16:9 screen: transpose, DTI groups as rows and the units as columns.
    flip = meta.briefing and len(units) > BRIEFING_FLIP
    rows_of, cols_of = ("col", "unit") if flip else ("unit", "col")
    row_keys, col_keys = (cols, units) if flip else (units, cols)

    def grid(col):
        return d.pivot(index=rows_of, columns=cols_of, values=col).reindex(
            index=row_keys, columns=col_keys)

    share = grid("share_achieved").astype(float)
    text = grid("text").fillna("")
    n = grid("n").fillna(0).astype(float)
    unassessed = (n > 0) & share.isna()
    dark = share.notna() & ((share >= 0.8) | (share <= 0.2))
    # Column headers: horizontal in briefing mode (wide screen); angled in normal mode so
    # they never run into each other however narrow the columns get.
    angled = flip or (not meta.briefing and len(cols) > 4)
    names = {u: (labels or {}).get(u.lstrip("\0"), u.lstrip("\0")) for u in units}
    if flip:
        xlab = [wrap(names[u].replace("\n", " · "), 24, 1) for u in units]
        ylab = [wrap(c, 30, 2) for c in cols]
    else:
        # angled: long lines, few of them ("Digital infrastructure and / platforms" whole,
        # not cut with …): a rotated label's extra line is what runs into its neighbour's
        xlab = [wrap(c, 26 if angled else 11, 2 if angled else 4) for c in cols]
        # a label's own lines ("An Lĩnh\n5/31 đạt (16,1%)") stay lines: narrow left margin
        ylab = ["<br>".join(wrap(part, 30, 2) for part in names[u].split("\n"))
                for u in units]
        ylab = [f"<b>{y}</b>" if u in head else y for y, u in zip(ylab, units)]
    common = dict(x=xlab, y=ylab, xgap=3, ygap=3)
    fig = go.Figure()
    fig.add_trace(go.Heatmap(z=unassessed.where(unassessed).astype(float).values,
                             colorscale=[[0, "#E3E3E3"], [1, "#E3E3E3"]], showscale=False,
                             hoverinfo="skip", **common))
    fig.add_trace(go.Heatmap(
        z=share.values, zmin=0, zmax=1,
        colorscale=[[0, OI["vermillion"]], [0.5, "#F7F0E6"], [1, OI["blue"]]],
        colorbar=dict(title=dict(text=t("tile_achieved", lang), side="right",
                                 font=dict(size=fs - 1)),
                      tickformat=".0%", tickvals=[0, 0.5, 1], len=0.7, thickness=14,
                      tickfont=dict(size=fs - 2)),
        hovertemplate="%{y}<br>%{x}<br>" + t("tile_achieved", lang) + ": %{z:.0%}<extra></extra>",
        **common))
    # eight groups beside the labels leave ~75 px a cell at 1400 px: a smaller cell font
    cell_fs = fs - (1 if flip else 0) - (2 if counts and not meta.briefing else 0)
    cell_lines = max((str(x).count("<br>") + 1 for x in d["text"]), default=1)
    for mask, color in ((dark, "white"), (~dark, "#111111")):
        fig.add_trace(go.Heatmap(
            z=n.where(n > 0).values * 0, text=text.where(mask, "").values,
            texttemplate="%{text}", textfont=dict(size=cell_fs, color=color),
            showscale=False,
            colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], hoverinfo="skip",
            **common))
    fig.update_yaxes(autorange="reversed", showgrid=False, tickfont=dict(size=fs))
    fig.update_xaxes(side="top", showgrid=False, tickangle=-45 if angled else 0,
                     tickfont=dict(size=fs - 1))
    lines = max(x.count("<br>") + 1 for x in xlab)
    label_h = int(lines * (fs + 2) * 1.25 + 8)
    if angled:  # the rotated labels' height: (length + depth) times sin(45°)
        widest = max(_text_px(line, fs - 1) for x in xlab for line in x.split("<br>"))
        label_h = int((widest + lines * (fs + 2) * 1.25) * 0.71 + 8)
    row = max(54, int(cell_lines * cell_fs * 1.25 + 12)) if not meta.briefing else 92
    if meta.briefing and len(units) > 6:  # a slide of the worst communes: rows fit 1080 px
        row = max(58, min(92, 480 // len(units)))
    height = 64 + row * len(units)
    if flip:  # rows sized so title, headers, all rows, colour bar and sources fit 1920x1080
        height = 40 + 56 * len(cols)
    elif n_summary:  # a rule under the province row(s)
        fig.add_shape(type="line", xref="paper", x0=-0.02, x1=1, yref="y",
                      y0=n_summary - 0.5, y1=n_summary - 0.5,
                      line=dict(color="#333333", width=2))
    return _finish(fig, meta, max(240, height), legend=False, left=left_margin(ylab, fs),
                   right=110, extra_top=label_h)


# --------------------------------------------------------------------------- target glyphs
def _axis_for(rows: pd.DataFrame, unit: str) -> tuple[float, float, bool]:
    """(low, high, reversed) for the value axis."""
    vals = pd.concat([rows["target_low"], rows["target_high"], rows["actual_value"]]).dropna()
    top = float(vals.max()) if len(vals) else 1.0
    if unit == "%":
        return 0.0, max(100.0, top), False
    if unit in ("hạng", "rank"):
        return 1.0, math.ceil(top * 1.25 + 1), True
    return 0.0, top * 1.15 + (1 if top < 5 else 0), False


def _glyphs(fig: go.Figure, rows: pd.DataFrame, ys, axis_lo: float, axis_hi: float,
            color: str, lang: str, *, legend_prefix: str = "", showlegend: bool = True,
            width: int = 12, reversed_axis: bool = False) -> None:
    """Draw targets for what the ETL decided they are (``target_shape``, ``threshold``):
    band -> a band; floor -> a tick at the threshold plus a short segment (``OPEN_ARROW`` of
    the axis) pointing towards the high end, ending in an arrow; ceiling -> the same towards
    the low end; rank -> a band (Thứ
    20-30) or a ceiling (Top 10); level -> a tick."""
    band_x, band_y, lvl_x, lvl_y = [], [], [], []
    sides = {"floor": ([], [], [], [], [], [], []), "ceiling": ([], [], [], [], [], [], [])}
    for y, r in zip(ys, rows.itertuples(index=False)):
        shape = r.target_shape
        if shape not in NUMERIC_SHAPES:
            continue
        lo = None if pd.isna(r.target_low) else float(r.target_low)
        hi = None if pd.isna(r.target_high) else float(r.target_high)
        thr = None if pd.isna(r.threshold) else float(r.threshold)
        if shape in ("band", "rank") and lo is not None and hi is not None and hi > lo:
            band_x += [lo, hi, None]
            band_y += [y, y, None]
        elif thr is not None and shape in ("floor", "ceiling", "rank"):
            side = "floor" if shape == "floor" else "ceiling"
            ox, oy, tx, ty, px, py, psym = sides[side]
            # a short open arrow from the threshold ("Trên 1%" is a floor at 1 %, not a
            # stroke across 1-100 % that reads as a range)
            reach = (axis_hi - axis_lo) * OPEN_ARROW
            end = min(axis_hi, thr + reach) if side == "floor" else max(axis_lo, thr - reach)
            ox += [thr, end, None]
            oy += [y, y, None]
            tx.append(thr)
            ty.append(y)
            px.append(end)
            py.append(y)
            up = (side == "floor") != reversed_axis
            psym.append("triangle-right" if up else "triangle-left")
        elif thr is not None:
            lvl_x.append(thr)
            lvl_y.append(y)

    def name(key):
        return f"{legend_prefix}: {t(key + '_short', lang)}" if legend_prefix else t(key, lang)
    if band_x:
        fig.add_trace(go.Scatter(x=band_x, y=band_y, mode="lines",
                                 name=name("target_range"), meta=dict(glyph="▬▬", color=color),
                                 line=dict(color=color, width=width), opacity=0.5,
                                 hoverinfo="skip", showlegend=showlegend))
    for side, key, glyph in (("floor", "target_threshold", "┃━━▶"),
                             ("ceiling", "target_ceiling", "◀━━┃")):
        open_x, open_y, thr_x, thr_y, tip_x, tip_y, tip_sym = sides[side]
        if not open_x:
            continue
        group = f"{legend_prefix}{side}"
        fig.add_trace(go.Scatter(x=open_x, y=open_y, mode="lines", legendgroup=group,
                                 name=name(key), meta=dict(glyph=glyph, color=color),
                                 line=dict(color=color, width=max(3, width // 3)), opacity=0.45,
                                 hoverinfo="skip", showlegend=showlegend))
        fig.add_trace(go.Scatter(x=tip_x, y=tip_y, mode="markers", legendgroup=group,
                                 showlegend=False, hoverinfo="skip", cliponaxis=False,
                                 marker=dict(symbol=tip_sym, size=13, color=color,
                                             opacity=0.7)))
        fig.add_trace(go.Scatter(x=thr_x, y=thr_y, mode="markers", legendgroup=group,
                                 showlegend=False, hoverinfo="skip", cliponaxis=False,
                                 marker=dict(symbol="line-ns", size=24,
                                             line=dict(color=color, width=4))))
    if lvl_x:
        fig.add_trace(go.Scatter(x=lvl_x, y=lvl_y, mode="markers",
                                 name=name("target_point"), hoverinfo="skip",
                                 meta=dict(glyph="┃", color=color),
                                 showlegend=showlegend, cliponaxis=False,
                                 marker=dict(symbol="line-ns", size=24,
                                             line=dict(color=color, width=4))))


def _result_text(r, lang: str) -> str:
    """The status symbol, the result as written and the period it is for: '✓ 100% (2025)'."""
    if r.status == "no_data" and not (isinstance(r.actual_text, str) and r.actual_text):
        return f"○ {ST.label('no_data', lang, symbol=False)}"
    txt = fmt.result_text(r, lang) if isinstance(r.actual_text, str) and r.actual_text else (
        fmt.value(r.actual_value, r.unit, lang))
    period = getattr(r, "actual_period", None)
    when = f" ({period})" if isinstance(period, str) and period else ""
    return f"{STATUS_SYMBOL.get(r.status, '')} {short(txt, 24)}{when}"


def _target_text(r, lang: str = "vi") -> str:
    """The target in the UI language (as written in Vietnamese) and its year:
    'Trên 80% (2026)' / 'above 80% (2026)'."""
    year = getattr(r, "target_year", None)
    when = f" ({int(year)})" if year is not None and not pd.isna(year) else ""
    return f"{fmt.target_text(r, lang)}{when}"


def _status_name(s: str, lang: str) -> str:
    """A status in a chart's key; ◇ says what it means, so "◇ Hoàn thành" is not misread."""
    if s == "not_comparable":
        return t("key_not_comparable", lang)
    return status_label(s, lang, symbol=False)


def _as_written(shown: str, raw, lang: str) -> str:
    """In English, the hover keeps the Vietnamese text as typed beside its rendering."""
    if lang != "vi" and isinstance(raw, str) and raw.strip() and raw.strip() not in shown:
        return f"{shown} — “{raw.strip()}”"
    return shown


def _hover_target(r, lang: str) -> str:
    return _as_written(_target_text(r, lang), getattr(r, "target_text", None), lang)


def _hover_result(r, lang: str) -> str:
    return _as_written(_result_text(r, lang), getattr(r, "actual_text", None), lang)


def _chars(px: int, fs: float) -> int:
    return max(8, int(px / (fs * 0.56)))


def _col_px(head: str, texts, fs: float, cap: int) -> int:
    """Width of a written-out column: its widest line or its bold header (so "Khoảng cách"
    is never cut at the figure's edge), plus a gutter; at most ``cap``."""
    widest = max((_text_px(line, fs) for x in texts for line in str(x).split("<br>")),
                 default=0)
    return int(min(cap, max(widest, _text_px(head, fs) * 1.1) + 16))


def _text_columns(heads: list[tuple[int, str]], cells: list[list[tuple]], fs: int,
                  cell_fs: float | None = None) -> tuple[int, list[dict]]:
    """Written-out columns in the right margin, placed in pixels so they never overlap
    whatever the figure's width: heads [(max width_px, title)], cells[col] = [(y, text,
    colour)]. Each column is as wide as its widest line or header (up to its width), so the
    plot keeps the room the text does not need. Returns the right margin they need and the
    annotations (dicts, for :func:`_finish` to set in one go)."""
    x0, notes = 14, []
    cfs = cell_fs or fs - 1
    for (cap, h), col in zip(heads, cells):
        w = max(_col_px(h, [], fs - 1, cap), _col_px("", [text for _, text, _ in col], cfs, cap))
        notes.append(dict(x=1, xshift=x0, y=1, yref="paper", yshift=4, xref="paper",
                          text=f"<b>{h}</b>", showarrow=False, xanchor="left",
                          yanchor="bottom", font=dict(size=fs - 1)))
        notes += [dict(x=1, xshift=x0, y=y, xref="paper", yref="y", showarrow=False,
                       xanchor="left", align="left", text=text,
                       font=dict(size=cfs, color=color)) for y, text, color in col]
        x0 += w
    return x0 + 6, notes


def status_checklist(df: pd.DataFrame, meta: ChartMeta, label_cols="commune_key"
                     ) -> go.Figure:
    """Done/not-done and text targets: a checklist, never a number line. One row per
    commune or indicator: the status as a symbol, the target and the result as written."""
    lang = meta.lang
    fs = meta.font_size
    d = df.reset_index(drop=True)
    labels = [wrap(v, 40 if not meta.briefing else 46, 3)
              for v in distinct_labels(d, labels_of(d, label_cols, lang), lang)]
    ys = list(range(len(d)))
    fig = go.Figure()
    for s in STATUS_ORDER:
        part = d[d["status"] == s]
        if part.empty:
            continue
        fig.add_trace(go.Scatter(
            x=[0] * len(part), y=list(part.index), mode="markers", cliponaxis=False,
            name=_status_name(s, lang),
            meta=dict(glyph=STATUS_GLYPH[s], color=STATUS_COLOR[s]),
            marker=dict(symbol=STATUS_MARKER[s], size=20, color=STATUS_COLOR[s],
                        line=dict(width=3, color=STATUS_COLOR[s])),
            # clicking a status opens "why this status" (customdata[3] is the target row)
            customdata=list(zip([labels[i] for i in part.index],
                                [_hover_target(r, lang) for r in part.itertuples()],
                                [_hover_result(r, lang) for r in part.itertuples()],
                                part["target_ref"] if "target_ref" in part
                                else [None] * len(part))),
            hovertemplate="%{customdata[1]}<br>%{customdata[2]}<extra></extra>"))
    c = _chars(300, fs - 1)
    fig.add_trace(go.Scatter(x=[0.3] * len(d), y=ys, mode="text", textposition="middle right",
                             text=[wrap(_target_text(r, lang), c, 2) for r in d.itertuples()],
                             hoverinfo="skip",
                             textfont=dict(size=fs - 1, color=TARGET_COLOR), cliponaxis=False))
    fig.add_trace(go.Scatter(x=[1.45] * len(d), y=ys, mode="text", textposition="middle right",
                             text=[wrap(_result_text(r, lang), c, 2) for r in d.itertuples()],
                             textfont=dict(size=fs - 1, color=[STATUS_COLOR.get(x, GREY)
                                                               for x in d["status"]]),
                             hoverinfo="skip", cliponaxis=False))
    fig.update_xaxes(range=[-0.25, 2.6], tickvals=[0, 0.3, 1.45],
                     ticktext=["", f"<b>{t('target', lang)}</b>", f"<b>{t('result', lang)}</b>"],
                     side="top", showgrid=False, zeroline=False, tickfont=dict(size=fs - 1),
                     ticklabelposition="outside right")
    fig.update_yaxes(tickvals=ys, ticktext=labels, range=[len(d) - 0.5, -0.6], showgrid=True,
                     gridcolor="#EEEEEE", zeroline=False, tickfont=dict(size=fs))
    height = 70 + row_px(labels, fs, briefing=meta.briefing) * len(d)
    return _finish(fig, meta, max(200, height), left=left_margin(labels, fs), extra_top=30,
                   bottom=56)


def target_vs_actual(df: pd.DataFrame, meta: ChartMeta, label_cols="commune_key",
                     show_gap: bool = False) -> go.Figure:
    """One row per commune or indicator: the target drawn for what it is, the latest result
    as a status-shaped marker, and on the right the target, result (and gap) written out.

    Rows whose target is not numeric in the chart's unit (done/not-done, text, another unit)
    are written out on the right only; their label is grey."""
    lang = meta.lang
    fs = meta.font_size
    if df.empty:
        return empty_figure(meta, t("no_result_report", lang))
    d = df.reset_index(drop=True)
    row_labels = distinct_labels(d, labels_of(d, label_cols, lang), lang)
    numeric = d["target_shape"].isin(NUMERIC_SHAPES)
    units = d.loc[numeric, "unit"].dropna()
    unit = units.mode().iat[0] if len(units) else "%"
    drawable = numeric & (d["unit"].fillna(unit) == unit)
    if drawable.mean() < 0.5:  # mostly done/not-done or text targets
        return status_checklist(d, meta, label_cols)
    ys = list(range(len(d)))
    lo, hi, rev = _axis_for(d[drawable], unit)
    fig = go.Figure()
    _glyphs(fig, d[drawable], [y for y, k in zip(ys, drawable) if k], lo, hi, TARGET_COLOR,
            lang, reversed_axis=rev)
    behind = d["status"].isin(ST.BEHIND)
    if show_gap:  # behind: a dotted line from the result to the threshold the ETL decided
        gx, gy = [], []
        sub = d[drawable & behind & d["actual_value"].notna() & d["threshold"].notna()]
        for y, r in zip(sub.index, sub.itertuples(index=False)):
            gx += [r.actual_value, r.threshold, None]
            gy += [y, y, None]
        if gx:
            fig.add_trace(go.Scatter(x=gx, y=gy, mode="lines", name=t("gap", lang),
                                     meta=dict(glyph="• • •", color=OI["vermillion"]),
                                     line=dict(color=OI["vermillion"], width=2.5, dash="dot"),
                                     hoverinfo="skip"))
    res = d[drawable & d["actual_value"].notna()]
    for s in STATUS_ORDER:
        part = res[res["status"] == s]
        if part.empty:
            continue
        fig.add_trace(go.Scatter(
            x=part["actual_value"], y=list(part.index), mode="markers", cliponaxis=False,
            name=_status_name(s, lang),
            meta=dict(glyph=STATUS_GLYPH[s], color=STATUS_COLOR[s]),
            marker=dict(symbol=STATUS_MARKER[s], size=18, color=STATUS_COLOR[s],
                        line=dict(width=3, color=STATUS_COLOR[s])),
            customdata=list(zip(*(map(safe_text.plotly, c) for c in (
                [row_labels[i] for i in part.index],
                [_hover_target(r, lang) for r in part.itertuples()],
                [_hover_result(r, lang) for r in part.itertuples()])),
                                part["target_ref"] if "target_ref" in part
                                else [None] * len(part))),
            hovertemplate="%{customdata[0]}<br>" + t("target", lang) + ": %{customdata[1]}<br>"
                          + t("result", lang) + ": %{customdata[2]}<extra></extra>"))
    # every symbol the written-out results use is in the key, even without a marker
    # ("◇ Hoàn thành" against a numeric target: a result, in another form than the target)
    drawn = set(res["status"])
    for s in STATUS_ORDER:
        if s in drawn or s == "no_data" or not (d["status"] == s).any():
            continue
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", hoverinfo="skip",
                                 name=_status_name(s, lang),
                                 meta=dict(glyph=STATUS_SYMBOL[s], color=STATUS_COLOR[s])))
    # target, result (and gap) written out in the right margin. Normal mode (a figure about
    # 1,000 px wide beside the sidebar) writes the gap under the result, so the plot keeps
    # about 40 % of the width; briefing mode (1,850 px) has room for a third column.
    w_t, w_r, w_g = (145, 165, 130) if not meta.briefing else (230, 290, 170)
    cfs = fs - 2 if not meta.briefing else fs - 1
    ct, cr = _chars(w_t - 16, cfs), _chars(w_r - 16, cfs)
    gap_col = show_gap and behind.any() and meta.briefing

    def gap_of(r) -> str:
        return fmt.gap_bound(r.gap, r.gap_kind, r.unit, lang) if r.status in ST.BEHIND else ""

    def result_cell(r) -> str:
        txt = wrap(_result_text(r, lang), cr, 2)
        g = gap_of(r) if show_gap and not gap_col else ""
        if g and g != "–":
            txt += "<br>" + wrap(t("gap_short_by", lang, g=g), cr + 4, 2)
        return txt
    heads = [(w_t, t("target", lang)), (w_r, t("result", lang))]
    cells = [[(y, wrap(_target_text(r, lang), ct, 2), TARGET_COLOR)
              for y, r in zip(ys, d.itertuples())],
             [(y, result_cell(r), STATUS_COLOR.get(r.status, GREY))
              for y, r in zip(ys, d.itertuples())]]
    if gap_col:
        heads.append((w_g, t("gap", lang)))
        cells.append([(y, gap_of(r), STATUS_COLOR.get(r.status, GREY))
                      for y, r in zip(ys, d.itertuples()) if r.status in ST.BEHIND])
    right, notes = _text_columns(heads, cells, fs, cfs)
    labels = [wrap(v, 30 if not meta.briefing else 46, 3) for v in row_labels]
    ticks = [lab if ok else f"<span style='color:#666666'>{lab}</span>"
             for lab, ok in zip(labels, drawable)]
    lab_fs = fs - 1 if not meta.briefing else fs
    fig.update_yaxes(tickvals=ys, ticktext=ticks, range=[len(d) - 0.5, -0.6],
                     showgrid=True, gridcolor="#EEEEEE", zeroline=False,
                     tickfont=dict(size=lab_fs), ticklabelstandoff=LABEL_STANDOFF)
    fig.update_layout(xaxis=_value_axis(lo, hi, rev, unit, lang, fs))
    lines = [str(x).count("<br>") + 1 for col in cells for _, x, _ in col]
    height = 90 + _row_h(labels, lines, fs, meta.briefing) * len(d) + (26 if unit != "%" else 0)
    return _finish(fig, meta, max(220, height), left=left_margin(labels, lab_fs) + LABEL_STANDOFF,
                   right=right, extra_top=26, bottom=64 + (26 if unit != "%" else 0),
                   annotations=notes)


LABEL_STANDOFF = 12  # px between the row labels and the plot: a marker at 0 % never sits on them


def _row_h(labels, cell_lines, fs: float, briefing: bool) -> int:
    """Row height for the taller of the label and the written-out cells."""
    cell = max(cell_lines, default=1)
    return max(row_px(labels, fs, briefing=briefing),
               int((cell * (fs - 1) * 1.3 + 14) * (1.05 if briefing else 1)))


def _value_axis(lo: float, hi: float, rev: bool, unit: str, lang: str, fs: float) -> dict:
    """The number line: padded so a marker at either end stays inside the plot, ticks
    horizontal (they stood vertical over the source line when the plot was narrow)."""
    pad = (hi - lo) * 0.05
    xaxis = dict(range=[hi + pad, lo - pad] if rev else [lo - pad, hi + pad], zeroline=False,
                 gridcolor="#E5E5E5", tickangle=0, automargin=False)
    if unit == "%":
        xaxis.update(ticksuffix="%", dtick=20 if hi <= 100 else None)
    else:
        xaxis.update(nticks=6, title=dict(
            text=(t("rank_note", lang) if rev else f"{t('unit', lang)}: {fmt.unit_name(unit, lang)}"),
            font=dict(size=fs - 1)))
    return xaxis


def ambition_chart(df: pd.DataFrame, meta: ChartMeta, label_cols="indicator_name"
                   ) -> go.Figure:
    """First vs last target year of the same plan (e.g. 2026 -> 2030): the two targets on
    one row (light = first year, dark = last year), an arrow between the levels, and both
    targets written out on the right."""
    lang = meta.lang
    fs = meta.font_size
    if df.empty:
        return empty_figure(meta, t("ambition_none", lang))
    d = df.reset_index(drop=True)
    y0s, y1s = int(d["y0"].min()), int(d["y1"].max())
    ys = list(range(len(d)))

    def side(k):
        return pd.DataFrame({"target_kind": d[f"kind{k}"], "target_op": d[f"op{k}"],
                             "target_low": d[f"low{k}"], "target_high": d[f"high{k}"],
                             "unit": d[f"unit{k}"], "target_shape": d[f"shape{k}"],
                             "threshold": d[f"thr{k}"], "direction": d[f"dir{k}"]})
    first, last = side(0), side(1)
    pct0 = (first["unit"] == "%") & first["target_shape"].isin(NUMERIC_SHAPES)
    pct1 = (last["unit"] == "%") & last["target_shape"].isin(NUMERIC_SHAPES)
    # a row whose two targets have different units ("1- 2 người" -> "100%") is not drawn on
    # the % axis: one of its glyphs alone would read as the other year's level
    num0 = first["target_shape"].isin(NUMERIC_SHAPES)
    num1 = last["target_shape"].isin(NUMERIC_SHAPES)
    mixed = (pct0 != pct1) & num0 & num1
    pct0, pct1 = pct0 & ~mixed, pct1 & ~mixed
    if mixed.any():
        note = t("ambition_mixed", lang, n=fmt.num(int(mixed.sum()), 0, lang))
        meta = replace(meta, note=" · ".join(x for x in (meta.note, note) if x))
    fig = go.Figure()
    off = 0.18
    _glyphs(fig, first[pct0], [y - off for y, k in zip(ys, pct0) if k], 0, 100,
            TARGET_COLOR_2, lang, legend_prefix=str(y0s), width=9)
    _glyphs(fig, last[pct1], [y + off for y, k in zip(ys, pct1) if k], 0, 100,
            TARGET_COLOR, lang, legend_prefix=str(y1s), width=9)
    arrows = []
    for y in [y for y, k in zip(ys, pct0 & pct1) if k]:
        a, b = first.at[y, "threshold"], last.at[y, "threshold"]
        if pd.notna(a) and pd.notna(b) and a != b:
            arrows.append(dict(x=b, y=y + off, ax=a, ay=y - off, xref="x", yref="y",
                               axref="x", ayref="y", showarrow=True, arrowhead=2,
                               arrowsize=1.2, arrowwidth=1.8, arrowcolor="#333333", text=""))
    w = 145 if not meta.briefing else 200
    cfs = fs - 2 if not meta.briefing else fs - 1
    c = _chars(w - 16, cfs)
    right, notes = _text_columns(
        [(w, str(y0s)), (w, str(y1s))],
        [[(y, wrap(fmt.spec_text(r.text0, r.kind0, r.op0, r.low0, r.high0, r.unit0, lang), c,
                   2), "#1F6FA3") for y, r in zip(ys, d.itertuples())],
         [(y, wrap(fmt.spec_text(r.text1, r.kind1, r.op1, r.low1, r.high1, r.unit1, lang), c,
                   2), TARGET_COLOR) for y, r in zip(ys, d.itertuples())]], fs, cfs)
    labels = [wrap(v, 30 if not meta.briefing else 46, 3)
              for v in labels_of(d, label_cols, lang)]
    ticks = [lab if (a or b) else f"<span style='color:#666666'>{lab}</span>"
             for lab, a, b in zip(labels, pct0, pct1)]
    lab_fs = fs - 1 if not meta.briefing else fs
    fig.update_yaxes(tickvals=ys, ticktext=ticks, range=[len(d) - 0.5, -0.6],
                     gridcolor="#EEEEEE", zeroline=False, tickfont=dict(size=lab_fs),
                     ticklabelstandoff=LABEL_STANDOFF)
    fig.update_layout(xaxis=_value_axis(0, 100, False, "%", lang, fs))
    height = 90 + row_px(labels, fs, ROW_PX + 8, meta.briefing) * len(d)
    return _finish(fig, meta, max(220, height),
                   left=left_margin(labels, lab_fs) + LABEL_STANDOFF, right=right,
                   extra_top=26, annotations=arrows + notes)


# --------------------------------------------------------------------------- bars
def status_bars(df: pd.DataFrame, meta: ChartMeta, label_cols, missing_label: str = ""
                ) -> go.Figure:
    """Stacked horizontal bars of how many targets (or communes) are in each status; colour,
    fill pattern and the symbol in each segment tell the statuses apart."""
    lang = meta.lang
    fs = meta.font_size
    if df.empty:
        return empty_figure(meta, t("no_result_report", lang))
    d = df.reset_index(drop=True)
    labels = [wrap(v, 42, 3) for v in labels_of(d, label_cols, lang, missing_label)]
    ys = list(range(len(d)))
    fig = go.Figure()
    for s in STATUS_ORDER:
        if s not in d or not d[s].any():
            continue
        vals = d[s]
        fig.add_trace(go.Bar(
            y=ys, x=vals, orientation="h", name=status_label(s, lang),
            meta=dict(glyph="■", color=STATUS_COLOR[s]),
            marker=dict(color=STATUS_COLOR[s], line=dict(color="white", width=1),
                        pattern=dict(shape=STATUS_PATTERN[s], fgcolor="rgba(255,255,255,0.45)",
                                     size=10, solidity=0.15)),
            text=[f"{STATUS_SYMBOL[s]} {fmt.num(v, 0, lang)}" if v else "" for v in vals],
            # horizontal always (plotly turned a label 90° in a narrow segment); one that
            # does not fit is hidden (uniformtext) and stays in the hover and the table
            textposition="inside", insidetextanchor="middle", textangle=0,
            textfont=dict(color="white" if s != "no_data" else "#111111", size=fs - 1),
            customdata=labels,
            hovertemplate="%{customdata}<br>" + status_label(s, lang) + ": %{x}<extra></extra>"))
    if "n" in d and (d["n"] == 0).any():  # say so instead of leaving an empty row
        zero = d.index[d["n"] == 0].tolist()
        fig.add_trace(go.Scatter(x=[0] * len(zero), y=zero, mode="text", hoverinfo="skip",
                                 text=[t("no_target", lang).lower()] * len(zero),
                                 textposition="middle right", cliponaxis=False,
                                 textfont=dict(size=fs - 1, color="#777777")))
    fig.update_layout(barmode="stack", bargap=0.3 if len(d) > 3 else 0.5,
                      uniformtext=dict(minsize=fs - 2, mode="hide"))
    fig.update_yaxes(tickvals=ys, ticktext=labels, autorange="reversed",
                     tickfont=dict(size=fs))
    top = d[[s for s in STATUS_ORDER if s in d]].sum(axis=1).max()
    # a count axis with a small top got half steps printed as integers ("0 1 1 2 2")
    fig.update_xaxes(gridcolor="#E5E5E5", rangemode="tozero", tickformat=",d",
                     dtick=1 if top <= 10 else None)
    height = 80 + row_px(labels, fs, briefing=meta.briefing) * len(d)
    return _finish(fig, meta, max(200, height), left=left_margin(labels, fs))


def money_scale(top_million: float, lang: str = "vi", whole: bool = True
                ) -> tuple[float, str, int]:
    """One unit and one precision for a whole chart (axis, bar labels and subtitle agree):
    (divisor, unit, decimals). Below 10,000 million VND: triệu đồng; above: tỷ đồng with
    0 decimals from 100 tỷ, 1 from 10 tỷ, else 2 (a national figure needs no more)."""
    top = abs(float(top_million or 0))
    if top < 10_000:
        return 1.0, t("money_unit", lang), 0 if whole else 1
    unit = t("money_unit_billion", lang)
    b = top / 1000
    return 1000.0, unit, 0 if b >= 100 else (1 if b >= 10 else 2)


def fixed(x, digits: int, lang: str = "vi") -> str:
    """A number with exactly ``digits`` decimals (bars of one chart share a precision)."""
    from babel.numbers import format_decimal
    if x is None or pd.isna(x):
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(x, format=pattern, locale="vi_VN" if lang == "vi" else "en_US")


def money_text(million_vnd, lang: str = "vi") -> str:
    """A total in the unit and precision :func:`money_scale` picks: '15.370 tỷ đồng',
    '3.150 triệu đồng'."""
    if million_vnd is None or pd.isna(million_vnd):
        return "–"
    div, unit, digits = money_scale(million_vnd, lang, float(million_vnd).is_integer())
    return f"{fixed(million_vnd / div, digits, lang)} {unit}"


def billions_tile(million_vnd, lang: str = "vi") -> tuple[str, str]:
    """(value in tỷ đồng for a tile labelled '(tỷ đồng)', the exact sum in triệu đồng):
    ('15.370', '15.370.090 triệu đồng'); ('3,15', '3.150 triệu đồng')."""
    if million_vnd is None or pd.isna(million_vnd):
        return "–", ""
    b = abs(float(million_vnd)) / 1000
    digits = 0 if b >= 100 else (1 if b >= 10 else 2)
    exact = fmt.num(million_vnd, 0 if float(million_vnd).is_integer() else 1, lang)
    return fixed(million_vnd / 1000, digits, lang), f"{exact} {t('money_unit', lang)}"


def money_bars(df: pd.DataFrame, meta: ChartMeta, label_cols, value_col: str = "total",
               color: str = OI["blue"], missing_label: str = "", empty_label: str = "",
               axis_max: float | None = None) -> go.Figure:
    """Horizontal bars of money: one unit for axis, labels and subtitle (triệu đồng, or tỷ
    đồng for large sums; :func:`money_scale`), Vietnamese number format (3.150; 1.927).
    ``axis_max``: the largest value of the whole list when this is one page of it, so every
    page has the same axis and unit (page 4's bars are not blown up to look like page 1's)."""
    lang = meta.lang
    fs = meta.font_size
    if df.empty:
        return empty_figure(meta, t("budget_none", lang))
    d = df.reset_index(drop=True)
    labels = [wrap(v, 36, 3) for v in labels_of(d, label_cols, lang, missing_label)]
    ys = list(range(len(d)))
    vals = d[value_col].fillna(0)
    top = float(vals.max()) if len(vals) else 1.0
    if axis_max is not None and pd.notna(axis_max):
        top = max(top, float(axis_max))
    div, unit, digits = money_scale(top, lang, bool((vals % 1 == 0).all()))
    meta = replace(meta, unit=f"{t('unit', lang)}: {unit}")
    shown = vals / div
    fig = go.Figure(go.Bar(
        y=ys, x=shown, orientation="h", marker=dict(color=color),
        text=[fixed(v, digits, lang) if v else empty_label for v in shown],
        textposition="outside", cliponaxis=False,
        textfont=dict(size=fs, color=["#222222" if v else "#777777" for v in vals]),
        customdata=labels,
        hovertemplate="%{customdata}<br>%{x:,." + str(digits) + "f} " + unit + "<extra></extra>"))
    fig.update_yaxes(tickvals=ys, ticktext=labels, autorange="reversed", tickfont=dict(size=fs))
    fig.update_xaxes(range=[0, (top / div or 1) * 1.3], gridcolor="#E5E5E5", tickformat=",.0f",
                     title=dict(text=unit, font=dict(size=fs - 1)))
    fig.update_layout(bargap=0.35 if len(d) > 3 else 0.55)
    height = 100 + row_px(labels, fs, ROW_PX + 4, meta.briefing) * len(d)
    # the axis title sits under the tick labels: room for it above a two-line footer
    return _finish(fig, meta, max(200, height), legend=False, left=left_margin(labels, fs),
                   bottom=100)
