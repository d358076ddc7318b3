"""ETL: commune appendix workbooks -> DuckDB.

extract (read.py, detect.py, context.py) -> parse (values.py) -> map (catalog.py) -> validate
(the checks in pipeline.py, which runs the middle steps; problems.py lists every problem code)
-> load (load.py, store.py, ingest.py; schema.sql and migrations/). Only the ends touch a
workbook or the database: reading (read.py, read_calamine.py) and writing (load.py, store.py,
migrations.py, spellings.py; service.py and cli.py drive them for the upload page and the
command line; templates.py writes the blank templates). The middle (detect, context, values, catalog, pipeline) is pure, given the
catalogue and the register read once from data/catalog/, and tested with inline rows.
"""
