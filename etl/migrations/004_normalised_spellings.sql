-- One name per lead unit and funding source (etl/spellings.py): the normalised name beside
-- the raw text, filled by every write session (etl.spellings.fill_normalised).
ALTER TABLE target_rows ADD COLUMN IF NOT EXISTS lead_unit_norm VARCHAR;
ALTER TABLE budget_rows ADD COLUMN IF NOT EXISTS lead_unit_norm VARCHAR;
ALTER TABLE budget_rows ADD COLUMN IF NOT EXISTS funding_source_norm VARCHAR;
