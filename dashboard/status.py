"""Every status of the ``progress`` contract in one place: its word (vi/en), symbol, colour
(Okabe & Ito 2008, safe for colour-blind readers), marker, fill pattern and order.

The ETL decides the status (``etl/schema.sql``, ``progress_base``/``progress_finish``); this
module only says how each one looks and reads. Charts, tables, tiles, exports and the
"why this status" panel take everything from here.
"""
from __future__ import annotations

from dataclasses import dataclass

# Okabe & Ito (2008) palette.
OI = {"black": "#000000", "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73",
      "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7"}
GREY = "#8C8C8C"


@dataclass(frozen=True)
class Status:
    code: str
    vi: str
    en: str
    symbol: str       # in text: tables, cells, headlines
    glyph: str        # in a chart's colour key
    color: str
    marker: str       # plotly marker symbol
    pattern: str      # plotly bar fill pattern
    text_color: str   # text written on a bar of this colour
    help_vi: str
    help_en: str

    def word(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi

    def help(self, lang: str) -> str:
        return self.help_en if lang == "en" else self.help_vi


_ALL = (
    Status("achieved", "Đạt", "Achieved", "✓", "●", OI["green"], "circle", "", "white",
           "Kết quả đã đạt mục tiêu.", "The result meets the target."),
    Status("on_track", "Đúng tiến độ", "On track", "↗", "▲", OI["blue"], "triangle-up", "+",
           "white",
           "Năm mục tiêu chưa kết thúc; dự báo có khả năng đạt (≥ 50%).",
           "The target year is still open; the forecast says it is likely (≥ 50%) to be met."),
    Status("off_track", "Chậm tiến độ", "Off track", "↘", "▼", OI["orange"], "triangle-down",
           "-", "#111111",
           "Năm mục tiêu chưa kết thúc; với tốc độ hiện nay khó đạt (< 50%).",
           "The target year is still open; at the current pace it is unlikely (< 50%)."),
    Status("not_achieved", "Không đạt", "Not achieved", "✗", "✖", OI["vermillion"], "x", "x",
           "white",
           "Năm mục tiêu đã qua và kết quả chưa đạt mục tiêu.",
           "The target year is over and the result falls short."),
    Status("not_comparable", "Không so sánh được", "Not comparable", "◇", "◇", OI["purple"],
           "diamond-open", "/", "white",
           "Kết quả không so được với mục tiêu (khác đơn vị, mục tiêu định tính, kết quả là một "
           "ngưỡng không đủ để kết luận).",
           "The result cannot be compared with the target (another unit, a qualitative target, "
           "a result that is a bound which cannot decide)."),
    Status("no_data", "Chưa có báo cáo", "No report yet", "○", "○", GREY, "circle-open", ".",
           "#111111",
           "Chưa có kết quả cho năm mục tiêu này.", "No result for this target year yet."),
)

STATUSES: dict[str, Status] = {s.code: s for s in _ALL}
ORDER: tuple[str, ...] = tuple(s.code for s in _ALL)
# statuses that say where a target stands against its number (the denominator of shares)
ASSESSED: tuple[str, ...] = ("achieved", "on_track", "off_track", "not_achieved")
# "behind": shown in gap lists, worst first
BEHIND: tuple[str, ...] = ("not_achieved", "off_track")

SYMBOL = {s.code: s.symbol for s in _ALL}
COLOR = {s.code: s.color for s in _ALL}
MARKER = {s.code: s.marker for s in _ALL}
GLYPH = {s.code: s.glyph for s in _ALL}
PATTERN = {s.code: s.pattern for s in _ALL}


def get(code) -> Status | None:
    return STATUSES.get(code) if isinstance(code, str) else None


def label(code, lang: str = "vi", symbol: bool = True) -> str:
    s = get(code)
    if s is None:
        return "" if code is None else str(code)
    return f"{s.symbol} {s.word(lang)}" if symbol else s.word(lang)


def color(code) -> str:
    s = get(code)
    return s.color if s else GREY


def legend_text(lang: str = "vi") -> str:
    """'✓ Đạt · ↗ Đúng tiến độ · …' for intros and captions."""
    return " · ".join(label(c, lang) for c in ORDER)
