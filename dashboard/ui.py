"""What the page bodies call as ``ui.…``, re-exported from the modules that own it — thin on
purpose, so pages written before the split keep working; new code imports the module:

* :mod:`dashboard.frame` — the page frame (filters, language, briefing, data) and the session keys
* :mod:`dashboard.url_state` — settings between the URL, the session and the widgets
* :mod:`dashboard.sidebar` — the entry script's widgets and CSS
* :mod:`dashboard.chart_meta` / :mod:`dashboard.render` — chart frames; charts, tables, downloads
* :mod:`dashboard.paging`, :mod:`dashboard.pickers` — long lists; page choices in the URL
"""
from __future__ import annotations

from .chart_meta import files_of, info, meta, period_info, pillar_names, shown_of  # noqa: F401
from .figcache import figure  # noqa: F401
from .frame import current as current_frame, start_page  # noqa: F401
from .paging import paged, pager  # noqa: F401
from .pickers import (briefing_choice, commune_picker, indicator_picker,  # noqa: F401
                      mode_picker)
from .render import chart, empty, gaps_block, headline, metric, table, why_panel  # noqa: F401
from .url_state import persist as _persist  # noqa: F401

LARGE = 40          # more communes than this, no province/commune chosen: roll up by province
BRIEFING_ROWS = 6   # rows that fit one 16:9 screen with wrapped Vietnamese labels


def lang() -> str:
    return current_frame().lang


def briefing() -> bool:
    return current_frame().briefing


def q(fn, f, **kw):
    """A cached query of the running page (:meth:`dashboard.frame.Frame.query`)."""
    return current_frame().query(fn, f, **kw)


def page_param(name: str) -> None:
    current_frame().use_param(name)
