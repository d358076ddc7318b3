"""Synthetic national data: N fictional communes over the 34 provinces (default 3,321).

    python -m etl synth --communes 3321 --db data/synthetic.duckdb
    python -m etl synth --communes 200 --out bench-out/workbooks [--seed 42] [--jobs 2]

Everything here is invented and labelled as such: every row of ``target_rows``,
``actual_rows``, ``budget_rows`` and ``imports`` carries ``synthetic = TRUE``, the table
``meta`` holds ``('synthetic', 'true')``, and each workbook says so in its ``Thông tin chung``
sheet. Commune names are built from syllables and checked against real names we know (the
seed communes and a list of well-known units); provinces are the real 34 (a synthetic commune
still belongs to a real province, so filters and roll-ups work as for real data).

What one commune gets (the same plan feeds both outputs, from ``--seed`` and its index):

* 20–40 catalogue indicators (labels: the catalogue's wording or one of the documents' own
  wordings from ``aliases.csv``), 0–2 commune-specific ones; unit, direction and value type
  follow ``indicators.csv``;
* targets for 2026 (always), 2030 (mostly) and some of 2027–2029, written as offices write
  them: ``85%``, ``≥ 80%``, ``Trên 90%``, ``Tối thiểu 70%``, ``50-80%``, ``Thứ 20-30``,
  ``Top 10``, ``1- 2 người``, ``Hoàn thành``, qualitative text, numbers formatted as %;
* results: ``--db`` stores quarterly reports (periods ``2025-Q1`` … ``2026-Q3``, one import
  per report); percentages follow each commune's own trajectory (:func:`synth.plans._trajectory`: a
  logit-scale pace from a national pace per indicator, a province effect, the commune's
  capacity and spread, noise, occasional lasting setbacks), so forecasts can be back-tested;
  with missing reports (whole communes, whole quarters, single indicators),
  fractions ``612/720``, ``85,5%``, ``Đạt``, ``Chưa thực hiện``, free text; the workbooks carry
  the annual view the loader understands (``Kết quả thực hiện / Năm 2025`` and
  ``… / 9 tháng năm 2026``, which the reader takes as ``2026-Q3``: the first nine months);
* budget lines for 2026 by DTI group (section rows) and funding source (one column each
  under a merged ``Dự toán kinh phí (triệu đồng)``), with status words in ``Ghi chú``.

``--db`` (:mod:`synth.build`) hands each commune's files — the plan, then one report per
quarter, as the records the pipeline produces (:mod:`synth.records`) — to the loader's own
:func:`etl.load.load_many`, so the rows, imports, datasets, provenance and synthetic flags are
written by the one writer of the base tables, and the contract views
``targets``/``actuals``/``budget_lines``/``progress`` work as for real data. Values go
through the ETL's own parser (:func:`etl.values.parse_value`) and labels through the
catalogue matcher, so kinds, ops, units, codes and scopes are the loader's. ``--out``
(:mod:`synth.workbook`) writes one workbook per commune that ``python -m etl load`` reads with
zero errors.

Modules: :mod:`synth.names` (fictional names, provinces, register codes), :mod:`synth.plans`
(one commune's plan), :mod:`synth.sheets` (where each part sits in a workbook),
:mod:`synth.records` (a plan as the loader's input), :mod:`synth.build` (the database),
:mod:`synth.workbook` (the workbooks), :mod:`synth.cli` (the ``etl synth`` subcommand).
The generator depends on :mod:`etl`; nothing in :mod:`etl` depends on it except the command
line, which registers the subcommand.
"""
from __future__ import annotations

# The names are loaded on first use (PEP 562): ``python -m etl`` imports synth.cli for its
# subcommand at every start, and the workbook writer and the builder are needed by `synth` only.
_EXPORTS = {"build_db": "build", "PROVINCE_UNITS": "names", "REAL_NAMES": "names",
            "commune_names": "names", "communes": "names", "is_acceptable_name": "names",
            "province_counts": "names", "synthetic_code": "names", "DEFAULT_COMMUNES": "plans",
            "SYNTH_VERSION": "plans", "CommunePlan": "plans", "plan_commune": "plans",
            "understandings": "records", "write_workbook": "workbook",
            "write_workbooks": "workbook"}


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'synth' has no attribute {name!r}")
    import importlib
    value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value


__all__ = ["DEFAULT_COMMUNES", "PROVINCE_UNITS", "REAL_NAMES", "SYNTH_VERSION", "CommunePlan",
           "build_db", "commune_names", "communes", "is_acceptable_name", "plan_commune",
           "province_counts", "synthetic_code", "understandings", "write_workbook",
           "write_workbooks"]
