-- DuckDB schema. Base tables hold every row ever loaded, tagged with the import and dataset
-- that brought it; the contract views (targets, actuals, budget_lines, progress) show only
-- active datasets. Replacing or undoing an import flips `datasets.active`, so nothing is
-- deleted and an undo restores the previous state exactly.

CREATE SEQUENCE IF NOT EXISTS import_seq START 1;
CREATE SEQUENCE IF NOT EXISTS dataset_seq START 1;

CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS imports (
    import_id INTEGER PRIMARY KEY,
    file_name VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    loaded_at TIMESTAMP NOT NULL,
    loaded_by VARCHAR,
    commune VARCHAR,
    province VARCHAR,
    status VARCHAR NOT NULL,            -- active | undone
    n_targets INTEGER, n_actuals INTEGER, n_budget INTEGER,
    n_replaced INTEGER, n_warnings INTEGER,
    synthetic BOOLEAN DEFAULT FALSE,
    undone_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS datasets (
    dataset_id INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL,
    commune VARCHAR NOT NULL,
    province VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,              -- targets | actuals | budget
    period_key VARCHAR NOT NULL,        -- target year, result period or plan year
    active BOOLEAN NOT NULL,
    replaced_by INTEGER                 -- import_id that replaced it
);

CREATE TABLE IF NOT EXISTS target_rows (
    dataset_id INTEGER NOT NULL, import_id INTEGER NOT NULL,
    commune VARCHAR, province VARCHAR, indicator_code VARCHAR, pillar VARCHAR,
    label VARCHAR, target_year INTEGER, target_text VARCHAR, value_kind VARCHAR, op VARCHAR,
    value_low DOUBLE, value_high DOUBLE, unit VARCHAR, lead_unit VARCHAR, partner_unit VARCHAR,
    section VARCHAR, line_no VARCHAR, match_method VARCHAR, match_confidence DOUBLE,
    suggested_code VARCHAR, note VARCHAR, source_ref VARCHAR, flags VARCHAR,
    source_file VARCHAR, source_sheet VARCHAR, source_row INTEGER, source_col VARCHAR,
    synthetic BOOLEAN DEFAULT FALSE
);

CREATE TABLE IF NOT EXISTS actual_rows (
    dataset_id INTEGER NOT NULL, import_id INTEGER NOT NULL,
    commune VARCHAR, province VARCHAR, indicator_code VARCHAR, pillar VARCHAR,
    label VARCHAR, period VARCHAR, period_year INTEGER, value DOUBLE, value_text VARCHAR,
    value_kind VARCHAR, op VARCHAR, value_low DOUBLE, value_high DOUBLE, unit VARCHAR,
    numerator DOUBLE, denominator DOUBLE, stated_percent DOUBLE, assessment VARCHAR,
    section VARCHAR, line_no VARCHAR, match_method VARCHAR, match_confidence DOUBLE,
    suggested_code VARCHAR, note VARCHAR, source_ref VARCHAR, flags VARCHAR,
    source_file VARCHAR, source_sheet VARCHAR, source_row INTEGER, source_col VARCHAR,
    synthetic BOOLEAN DEFAULT FALSE
);

CREATE TABLE IF NOT EXISTS budget_rows (
    dataset_id INTEGER NOT NULL, import_id INTEGER NOT NULL,
    commune VARCHAR, province VARCHAR, plan_year INTEGER, line_no VARCHAR, task VARCHAR,
    objective VARCHAR, expected_result VARCHAR, pillar VARCHAR, lead_unit VARCHAR,
    amount_million_vnd DOUBLE, amount_text VARCHAR, funding_source VARCHAR, status VARCHAR,
    note VARCHAR, flags VARCHAR,
    source_file VARCHAR, source_sheet VARCHAR, source_row INTEGER, source_col VARCHAR,
    synthetic BOOLEAN DEFAULT FALSE
);

-- The official register of commune-level units since 1 July 2025 (34 provinces, 3,321
-- units; data/catalog/admin_units.csv, see etl/admin_units.py). Every loaded commune resolves
-- to one: commune_code on the base tables (and so on the contract views). A commune that no
-- longer exists (a document from before the reform) keeps its own name; commune_code is the
-- unit it merged into and legacy_commune_code its own pre-2025 code. Synthetic (fictional)
-- communes have no code.
CREATE TABLE IF NOT EXISTS admin_units (
    code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, type VARCHAR NOT NULL,
    province_code VARCHAR NOT NULL, province VARCHAR NOT NULL
);
ALTER TABLE imports ADD COLUMN IF NOT EXISTS commune_code VARCHAR;
ALTER TABLE imports ADD COLUMN IF NOT EXISTS legacy_commune_code VARCHAR;
ALTER TABLE datasets ADD COLUMN IF NOT EXISTS commune_code VARCHAR;
ALTER TABLE target_rows ADD COLUMN IF NOT EXISTS commune_code VARCHAR;
ALTER TABLE target_rows ADD COLUMN IF NOT EXISTS legacy_commune_code VARCHAR;
ALTER TABLE actual_rows ADD COLUMN IF NOT EXISTS commune_code VARCHAR;
ALTER TABLE actual_rows ADD COLUMN IF NOT EXISTS legacy_commune_code VARCHAR;
ALTER TABLE budget_rows ADD COLUMN IF NOT EXISTS commune_code VARCHAR;
ALTER TABLE budget_rows ADD COLUMN IF NOT EXISTS legacy_commune_code VARCHAR;
-- A synthetic database's register is the generator's own fictional units (etl/synth.py),
-- flagged here; the official list and synthetic units are never in the same database unless a
-- real file is loaded into a synthetic one (then both are there, each flagged).
ALTER TABLE admin_units ADD COLUMN IF NOT EXISTS synthetic BOOLEAN DEFAULT FALSE;


CREATE TABLE IF NOT EXISTS import_problems (
    import_id INTEGER, code VARCHAR, severity VARCHAR, message VARCHAR,
    source_sheet VARCHAR, source_row INTEGER, source_col VARCHAR
);

-- Analyst-confirmed mappings (label -> canonical code, '' = commune-specific), remembered
-- for the next upload.
CREATE TABLE IF NOT EXISTS user_aliases (
    alias VARCHAR PRIMARY KEY, indicator_code VARCHAR, created_at TIMESTAMP, created_by VARCHAR
);

-- Analyst-chosen column roles (issue 8), remembered per table layout: layout_key is a hash of
-- the table's column letters and folded header texts, so the next file with the same header
-- (upload page or CLI) is read the same way. year: the column's year, NULL = from the file.
CREATE TABLE IF NOT EXISTS user_column_roles (
    layout_key VARCHAR NOT NULL, column_letter VARCHAR NOT NULL, header VARCHAR,
    role VARCHAR NOT NULL, year INTEGER, created_at TIMESTAMP, created_by VARCHAR,
    PRIMARY KEY (layout_key, column_letter)
);

CREATE TABLE IF NOT EXISTS catalog_pillars (
    code VARCHAR PRIMARY KEY, sort_order INTEGER, name_vi VARCHAR, name_en VARCHAR
);
CREATE TABLE IF NOT EXISTS catalog_indicators (
    code VARCHAR PRIMARY KEY, pillar VARCHAR, name_vi VARCHAR, name_en VARCHAR, unit VARCHAR,
    direction VARCHAR, value_type VARCHAR
);
-- The catalogue as a reference (data/catalog/README.md): what each indicator counts, over
-- what, its canonical scope and the national document its wording comes from. The catalogue's
-- version and effective date are in meta (catalog_version, catalog_effective_date).
ALTER TABLE catalog_indicators ADD COLUMN IF NOT EXISTS numerator VARCHAR;
ALTER TABLE catalog_indicators ADD COLUMN IF NOT EXISTS denominator VARCHAR;
ALTER TABLE catalog_indicators ADD COLUMN IF NOT EXISTS scope VARCHAR;
ALTER TABLE catalog_indicators ADD COLUMN IF NOT EXISTS source VARCHAR;
ALTER TABLE catalog_indicators ADD COLUMN IF NOT EXISTS description VARCHAR;
-- Every wording of aliases.csv with its code, commune, place in the document and scope.
CREATE TABLE IF NOT EXISTS catalog_aliases (
    alias VARCHAR, indicator_code VARCHAR, commune VARCHAR, source_ref VARCHAR, scope VARCHAR,
    ord INTEGER
);
-- The scope qualifier of the wording a target or result was matched by (from aliases.csv:
-- "từ 16 tuổi", "chỉ lãnh đạo", "kỹ năng số nâng cao"): shown next to the value so that
-- unlike scopes are never compared silently. '' = the wording states no scope of its own.
ALTER TABLE target_rows ADD COLUMN IF NOT EXISTS scope VARCHAR;
ALTER TABLE actual_rows ADD COLUMN IF NOT EXISTS scope VARCHAR;

CREATE OR REPLACE VIEW targets AS
    SELECT t.* EXCLUDE (dataset_id) , t.dataset_id
    FROM target_rows t JOIN datasets d USING (dataset_id) WHERE d.active;

CREATE OR REPLACE VIEW actuals AS
    SELECT a.* EXCLUDE (dataset_id), a.dataset_id
    FROM actual_rows a JOIN datasets d USING (dataset_id) WHERE d.active;

CREATE OR REPLACE VIEW budget_lines AS
    SELECT b.* EXCLUDE (dataset_id), b.dataset_id
    FROM budget_rows b JOIN datasets d USING (dataset_id) WHERE d.active;

-- coverage: who has reported. One row per unit of the register x year, where the years are
-- those present in the active data (target years, result years, budget plan years) and the
-- current calendar year. Data joins the register by commune_code (rows without a code are
-- not in the register and are counted by dashboard/coverage.py, not hidden).
--   has_plan: the unit has at least one active target for that year (n_targets: distinct
--   indicators with a target for the year); has_results: at least one active result whose
--   period lies in that year (n_results: distinct indicators with a result in that year;
--   latest_period: its latest period, quarters before the whole year); n_budget_lines: active
--   budget lines of that plan year; last_import_at: the latest import that brought any active
--   data for that year (NULL: silent).
CREATE OR REPLACE VIEW coverage AS
WITH ds AS (
    SELECT d.commune_code, TRY_CAST(left(d.period_key, 4) AS INTEGER) AS year, i.loaded_at
    FROM datasets d JOIN imports i USING (import_id)
    WHERE d.active AND d.commune_code IS NOT NULL
), years AS (
    SELECT DISTINCT year FROM ds WHERE year IS NOT NULL
    UNION SELECT CAST(year(current_date) AS INTEGER)
), t AS (
    SELECT commune_code, target_year AS year, count(DISTINCT indicator_code) AS n_targets
    FROM targets WHERE commune_code IS NOT NULL GROUP BY ALL
), a AS (
    SELECT commune_code, period_year AS year, count(DISTINCT indicator_code) AS n_results,
           arg_max(period, period_year * 10 + coalesce(
               TRY_CAST(regexp_extract(period, '[Qq]([1-4])', 1) AS INTEGER), 5)) AS latest_period
    FROM actuals WHERE commune_code IS NOT NULL GROUP BY ALL
), b AS (
    SELECT commune_code, plan_year AS year, count(*) AS n_budget_lines
    FROM budget_lines WHERE commune_code IS NOT NULL GROUP BY ALL
), l AS (
    SELECT commune_code, year, max(loaded_at) AS last_import_at FROM ds GROUP BY ALL
)
SELECT u.code AS commune_code, u.name AS commune, u.type AS unit_type, u.province_code,
       u.province, y.year AS plan_year,
       coalesce(t.n_targets, 0) > 0 AS has_plan, coalesce(a.n_results, 0) > 0 AS has_results,
       a.latest_period, coalesce(t.n_targets, 0) AS n_targets,
       coalesce(a.n_results, 0) AS n_results, coalesce(b.n_budget_lines, 0) AS n_budget_lines,
       l.last_import_at, coalesce(u.synthetic, FALSE) AS synthetic
FROM admin_units u CROSS JOIN years y
LEFT JOIN t ON t.commune_code = u.code AND t.year = y.year
LEFT JOIN a ON a.commune_code = u.code AND a.year = y.year
LEFT JOIN b ON b.commune_code = u.code AND b.year = y.year
LEFT JOIN l ON l.commune_code = u.code AND l.year = y.year;

-- progress_live: one row per commune, indicator and target year: the target, the latest
-- result reported for a period up to that year, the gap and a status.
--   gap > 0: behind by that much, in the indicator's unit (percentage points for %, ranks
--   for a rank); gap <= 0: achieved. Direction-aware: for a rank (lower is better) the gap
--   is actual - target ceiling; otherwise target floor - actual.
--   status: achieved | behind | no_data | not_comparable.
-- The latest result is found with an ASOF join on period_order (year*10 + quarter, 5 for a
-- whole-year figure), so there is no fan-out over every earlier period.
-- The loader materialises it into progress_snapshot at the end of every write session
-- (etl.store.refresh_derived); `progress` reads the snapshot.
CREATE OR REPLACE VIEW progress_live AS
WITH t AS (
    SELECT commune, province, indicator_code, target_year,
           target_year * 10 + 9 AS target_order,
           arg_min(pillar, source_row) AS pillar,
           arg_min(label, source_row) AS label,
           arg_min(target_text, source_row) AS target_text,
           arg_min(value_kind, source_row) AS target_kind,
           arg_min(op, source_row) AS target_op,
           arg_min(value_low, source_row) AS target_low,
           arg_min(value_high, source_row) AS target_high,
           arg_min(unit, source_row) AS unit,
           arg_min(lead_unit, source_row) AS lead_unit,
           arg_min(source_file, source_row) AS target_source_file,
           arg_min(source_sheet, source_row) AS target_source_sheet,
           min(source_row) AS target_source_row,
           bool_or(synthetic) AS synthetic
    FROM targets
    GROUP BY commune, province, indicator_code, target_year
), a AS (
    -- Per period, the row whose unit is the indicator's own comes first ("100%" before
    -- "6.876 hồ sơ"), then document order. A conflict is two different values of one kind
    -- and unit for the same indicator and period.
    SELECT x.commune, x.province, x.indicator_code, x.period,
           any_value(x.period_year) AS period_year,
           any_value(x.period_year) * 10
             + coalesce(TRY_CAST(regexp_extract(x.period, '[Qq]([1-4])', 1) AS INTEGER), 5)
             AS period_order,
           arg_min({'value': x.value, 'text': x.value_text, 'kind': x.value_kind, 'op': x.op,
                    'unit': x.unit, 'file': x.source_file, 'sheet': x.source_sheet,
                    'row': x.source_row},
                   CASE WHEN coalesce(ci.unit, '') IN ('', coalesce(x.unit, '')) THEN 0 ELSE 1 END
                   * 100000000 + x.source_row) AS pick,
           count(DISTINCT x.value_kind || '|' || coalesce(x.unit, '') || '|'
                 || coalesce(CAST(x.value AS VARCHAR), x.value_text))
             > count(DISTINCT x.value_kind || '|' || coalesce(x.unit, '')) AS actual_conflict
    FROM actuals x LEFT JOIN catalog_indicators ci ON ci.code = x.indicator_code
    GROUP BY x.commune, x.province, x.indicator_code, x.period
), joined AS (
    SELECT t.*, a.period AS actual_period, a.period_year AS actual_year,
           a.pick.value AS actual_value, a.pick.text AS actual_text, a.pick.kind AS actual_kind,
           a.pick.op AS actual_op, a.pick.unit AS actual_unit,
           a.pick.file AS actual_source_file, a.pick.sheet AS actual_source_sheet,
           a.pick.row AS actual_source_row,
           coalesce(a.actual_conflict, FALSE) AS actual_conflict
    FROM t ASOF LEFT JOIN a
      ON a.commune = t.commune AND a.province = t.province
     AND a.indicator_code = t.indicator_code AND t.target_order >= a.period_order
), scored AS (
    SELECT j.*,
        coalesce(ci.direction,
                 CASE WHEN j.target_kind = 'rank' THEN 'lower'
                      WHEN j.target_kind = 'done' THEN 'done' ELSE 'higher' END) AS direction,
        CASE WHEN j.target_kind IN ('percent', 'number', 'rank')
                  AND j.actual_kind IN ('percent', 'number', 'rank')
                  AND (j.unit IS NULL OR j.actual_unit IS NULL OR j.unit = j.actual_unit)
             THEN CASE WHEN coalesce(ci.direction,
                                     CASE WHEN j.target_kind = 'rank' THEN 'lower' END) = 'lower'
                       THEN coalesce(j.target_high, j.target_low)
                       ELSE coalesce(j.target_low, j.target_high) END
        END AS threshold
    FROM joined j LEFT JOIN catalog_indicators ci ON ci.code = j.indicator_code
)
SELECT commune, province, indicator_code, pillar, label, target_year, target_text, target_kind,
       target_op, target_low, target_high, unit, lead_unit, direction,
       actual_period, actual_year, actual_value, actual_text, actual_kind, actual_conflict,
       CASE WHEN threshold IS NULL OR actual_value IS NULL THEN NULL
            WHEN direction = 'lower' THEN actual_value - threshold
            ELSE threshold - actual_value END AS gap,
       CASE
         WHEN actual_kind IS NULL THEN 'no_data'
         WHEN actual_kind = 'status' THEN
              CASE actual_op WHEN 'achieved' THEN 'achieved' WHEN 'not_achieved' THEN 'behind'
                   ELSE 'not_comparable' END
         WHEN actual_kind = 'done' THEN
              CASE WHEN actual_op = 'not_done' THEN 'behind'
                   WHEN target_kind = 'done' AND actual_op = 'done' THEN 'achieved'
                   ELSE 'not_comparable' END
         WHEN target_kind = 'done' AND actual_kind = 'percent' AND actual_value >= 100 THEN 'achieved'
         WHEN threshold IS NULL THEN 'not_comparable'
         WHEN direction = 'lower' THEN
              CASE WHEN actual_value < threshold
                     OR (actual_value = threshold AND coalesce(target_op, '=') <> '<')
                   THEN 'achieved' ELSE 'behind' END
         ELSE CASE WHEN actual_value > threshold
                     OR (actual_value = threshold AND (coalesce(target_op, '=') <> '>'
                                                      OR actual_op = '>'))
                   THEN 'achieved' ELSE 'behind' END
       END AS status,
       target_source_file, target_source_sheet, target_source_row,
       actual_source_file, actual_source_sheet, actual_source_row, synthetic
FROM scored;

CREATE TABLE IF NOT EXISTS progress_snapshot AS SELECT * FROM progress_live LIMIT 0;
CREATE OR REPLACE VIEW progress AS SELECT * FROM progress_snapshot;
