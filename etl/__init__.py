"""ETL: commune appendix workbooks -> DuckDB.

extract (read.py, detect.py, context.py) -> parse (values.py) -> map (catalog.py) -> validate
(the checks in pipeline.py, which runs the middle steps; problems.py lists every problem code)
-> load (load.py, store.py, ingest.py; schema.sql and migrations/). Only read.py and
load.py/store.py touch files or the database; the middle is pure and tested with inline rows.
"""
