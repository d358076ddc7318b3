"""ETL: commune appendix workbooks -> DuckDB.

extract (read.py, detect.py) -> parse (values.py) -> map (catalog.py) -> validate
(pipeline.py) -> load (load.py, store.py). Only read.py and load.py touch files or the database; the
middle is pure and tested with inline rows.
"""
