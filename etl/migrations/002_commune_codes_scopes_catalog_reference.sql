-- Schema 2: the columns added after the first release, which etl/schema.sql used to add with
-- ALTER TABLE on every open. A new database gets them from the CREATE TABLE statements of
-- schema.sql; a database of an earlier release (schema version 1: no schema_version, or 1)
-- gets them here, appended in this order, so both end with the same columns in the same
-- order (tests/test_migrations.py compares them whole). Safe on a new database too: every
-- statement is IF NOT EXISTS, and IF EXISTS for the tables the first release did not have
-- (schema.sql then creates them whole).

-- the register's official code of the commune (etl/admin_units.py), and its own pre-2025
-- code for a unit that no longer exists
ALTER TABLE imports ADD COLUMN IF NOT EXISTS commune_code VARCHAR;
ALTER TABLE imports ADD COLUMN IF NOT EXISTS legacy_commune_code VARCHAR;
ALTER TABLE datasets ADD COLUMN IF NOT EXISTS commune_code VARCHAR;
ALTER TABLE target_rows ADD COLUMN IF NOT EXISTS commune_code VARCHAR;
ALTER TABLE target_rows ADD COLUMN IF NOT EXISTS legacy_commune_code VARCHAR;
ALTER TABLE actual_rows ADD COLUMN IF NOT EXISTS commune_code VARCHAR;
ALTER TABLE actual_rows ADD COLUMN IF NOT EXISTS legacy_commune_code VARCHAR;
ALTER TABLE budget_rows ADD COLUMN IF NOT EXISTS commune_code VARCHAR;
ALTER TABLE budget_rows ADD COLUMN IF NOT EXISTS legacy_commune_code VARCHAR;
-- a synthetic database's register is the generator's own fictional units
ALTER TABLE IF EXISTS admin_units ADD COLUMN IF NOT EXISTS synthetic BOOLEAN DEFAULT FALSE;
-- the catalogue as a reference (numerator, denominator, scope, source document, description)
ALTER TABLE catalog_indicators ADD COLUMN IF NOT EXISTS numerator VARCHAR;
ALTER TABLE catalog_indicators ADD COLUMN IF NOT EXISTS denominator VARCHAR;
ALTER TABLE catalog_indicators ADD COLUMN IF NOT EXISTS scope VARCHAR;
ALTER TABLE catalog_indicators ADD COLUMN IF NOT EXISTS source VARCHAR;
ALTER TABLE catalog_indicators ADD COLUMN IF NOT EXISTS description VARCHAR;
-- the scope qualifier of the wording a target or result was matched by
ALTER TABLE target_rows ADD COLUMN IF NOT EXISTS scope VARCHAR;
ALTER TABLE actual_rows ADD COLUMN IF NOT EXISTS scope VARCHAR;
-- the forecast's horizon (years left)
ALTER TABLE IF EXISTS progress_forecast ADD COLUMN IF NOT EXISTS forecast_horizon DOUBLE;
