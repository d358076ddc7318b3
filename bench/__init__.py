"""`make bench`: national-scale benchmark (see ``python -m bench --help``).

Modules: :mod:`bench.machine` (what we ran on), :mod:`bench.timing` (medians, min–max),
:mod:`bench.ingest` (workbooks → DuckDB through the real ETL), :mod:`bench.progress` (the
``progress`` view, the naive pandas way, and the computation behind a snapshot), :mod:`bench.pages`
(each Streamlit page through AppTest, in a subprocess that also reports its peak RSS).
"""
