"""Figures built once per server process and shared by every session that shows them.

Building a Plotly figure (``dashboard.charts``: validation of every layout property on each
``update_layout``) is most of what a page run costs the server: on the national data the
overview's two figures took ~45 % of a page run's CPU (py-spy, README "Performance"). Twenty
people opening the same page with the same filters asked for the same two figures twenty
times.

:func:`figure` ``(builder, *args, **kw)`` returns ``builder(*args, **kw)`` from a process-wide
cache (``st.cache_resource``). The key is the content of the arguments, not their identity:
a digest of their pickle (the data frames, the chart's frame ``ChartMeta`` with its language,
title, scope, data date and synthetic mark, every option). So

* the same rows and the same frame give the same figure, whoever asks;
* anything that changes what the figure would show changes the key: an upload or an undo
  changes the rows the cached queries return (``dashboard.db``: keyed by the data version)
  and the data date in ``ChartMeta``, so the next page run builds a new figure; nothing has
  to be invalidated by hand, and a stale figure cannot be drawn;
* equal inputs whose pickles differ only cost a miss, never a wrong figure.

The builders are pure (``dashboard/charts.py``: a DataFrame and a ``ChartMeta`` in, a figure
out; the language comes in ``ChartMeta.lang``, never from the session). The cached figure is
shared, so **nobody may change it**: ``st.plotly_chart`` copies it (``Figure.to_dict``) before
serialising, ``charts.config`` only reads it. Code that wants to modify a figure calls the
builder itself (the briefing pack does). tests/test_figcache.py checks the sharing, the key
and that a page run leaves the cached figure as it was.
"""
from __future__ import annotations

import hashlib
import pickle
from typing import Callable

import streamlit as st

MAX_FIGURES = 128  # figures kept (least recently used dropped): ~0.2 MB each in memory


def key_of(builder: Callable, args: tuple, kw: dict) -> str:
    """A digest of what the figure is built from (the builder's name and the arguments)."""
    payload = (builder.__module__, builder.__qualname__, args, sorted(kw.items()))
    return hashlib.blake2b(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL),
                           digest_size=20).hexdigest()


@st.cache_resource(max_entries=MAX_FIGURES, show_spinner=False)
def _built(key: str, _builder: Callable, _args: tuple, _kw: dict):
    return _builder(*_args, **_kw)


def figure(builder: Callable, *args, **kw):
    """``builder(*args, **kw)``, built once per distinct content of the arguments (shared:
    never modify the returned figure)."""
    return _built(key_of(builder, args, kw), builder, args, kw)
