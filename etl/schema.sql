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
    undone_at TIMESTAMP,
    commune_code VARCHAR, legacy_commune_code VARCHAR   -- since schema 2 (migrations/002)
);

CREATE TABLE IF NOT EXISTS datasets (
    dataset_id INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL,
    commune VARCHAR NOT NULL,
    province VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,              -- targets | actuals | budget
    period_key VARCHAR NOT NULL,        -- target year, result period or plan year
    active BOOLEAN NOT NULL,
    replaced_by INTEGER,                -- import_id that replaced it
    commune_code VARCHAR                -- since schema 2
);

CREATE TABLE IF NOT EXISTS target_rows (
    dataset_id INTEGER NOT NULL, import_id INTEGER NOT NULL,
    commune VARCHAR, province VARCHAR, indicator_code VARCHAR, pillar VARCHAR,
    label VARCHAR, target_year INTEGER, target_text VARCHAR, value_kind VARCHAR, op VARCHAR,
    value_low DOUBLE, value_high DOUBLE, unit VARCHAR, lead_unit VARCHAR, partner_unit VARCHAR,
    section VARCHAR, line_no VARCHAR, match_method VARCHAR, match_confidence DOUBLE,
    suggested_code VARCHAR, note VARCHAR, source_ref VARCHAR, flags VARCHAR,
    source_file VARCHAR, source_sheet VARCHAR, source_row INTEGER, source_col VARCHAR,
    synthetic BOOLEAN DEFAULT FALSE,
    commune_code VARCHAR, legacy_commune_code VARCHAR, scope VARCHAR,  -- since schema 2
    lead_unit_norm VARCHAR  -- since schema 4 (etl/spellings.py)
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
    synthetic BOOLEAN DEFAULT FALSE,
    commune_code VARCHAR, legacy_commune_code VARCHAR, scope VARCHAR  -- since schema 2
);

CREATE TABLE IF NOT EXISTS budget_rows (
    dataset_id INTEGER NOT NULL, import_id INTEGER NOT NULL,
    commune VARCHAR, province VARCHAR, plan_year INTEGER, line_no VARCHAR, task VARCHAR,
    objective VARCHAR, expected_result VARCHAR, pillar VARCHAR, lead_unit VARCHAR,
    amount_million_vnd DOUBLE, amount_text VARCHAR, funding_source VARCHAR, status VARCHAR,
    note VARCHAR, flags VARCHAR,
    source_file VARCHAR, source_sheet VARCHAR, source_row INTEGER, source_col VARCHAR,
    synthetic BOOLEAN DEFAULT FALSE,
    commune_code VARCHAR, legacy_commune_code VARCHAR,  -- since schema 2
    lead_unit_norm VARCHAR, funding_source_norm VARCHAR  -- since schema 4 (etl/spellings.py)
);

-- The official register of commune-level units since 1 July 2025 (34 provinces, 3,321
-- units; data/catalog/admin_units.csv, see etl/admin_units.py). Every loaded commune resolves
-- to one: commune_code on the base tables (and so on the contract views). A commune that no
-- longer exists (a document from before the reform) keeps its own name; commune_code is the
-- unit it merged into and legacy_commune_code its own pre-2025 code. Synthetic (fictional)
-- communes have no code.
CREATE TABLE IF NOT EXISTS admin_units (
    code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, type VARCHAR NOT NULL,
    province_code VARCHAR NOT NULL, province VARCHAR NOT NULL,
    -- a synthetic database's register is the generator's own fictional units (synth/),
    -- flagged here; the official list and synthetic units are never in the same database
    -- unless a real file is loaded into a synthetic one (then both are there, each flagged)
    synthetic BOOLEAN DEFAULT FALSE
);


-- message: the Vietnamese text as made; params: the code's named params as JSON (NULL in rows
-- stored before migration 003), so the UI renders the problem in its language.
CREATE TABLE IF NOT EXISTS import_problems (
    import_id INTEGER, code VARCHAR, severity VARCHAR, message VARCHAR,
    source_sheet VARCHAR, source_row INTEGER, source_col VARCHAR, params VARCHAR
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
-- The catalogue as a reference (data/catalog/README.md): what each indicator counts, over
-- what (numerator, denominator), its canonical scope and the national document its wording
-- comes from (source). The catalogue's version and effective date are in meta
-- (catalog_version, catalog_effective_date).
CREATE TABLE IF NOT EXISTS catalog_indicators (
    code VARCHAR PRIMARY KEY, pillar VARCHAR, name_vi VARCHAR, name_en VARCHAR, unit VARCHAR,
    direction VARCHAR, value_type VARCHAR,
    numerator VARCHAR, denominator VARCHAR, scope VARCHAR, source VARCHAR,  -- since schema 2
    description VARCHAR
);
-- Every wording of aliases.csv with its code, commune, place in the document and scope.
CREATE TABLE IF NOT EXISTS catalog_aliases (
    alias VARCHAR, indicator_code VARCHAR, commune VARCHAR, source_ref VARCHAR, scope VARCHAR,
    ord INTEGER
);
-- target_rows.scope / actual_rows.scope: the scope qualifier of the wording a target or
-- result was matched by (from aliases.csv: "từ 16 tuổi", "chỉ lãnh đạo", "kỹ năng số nâng
-- cao"): shown next to the value so that unlike scopes are never compared silently. '' = the
-- wording states no scope of its own.

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

-- ------------------------------------------------------------------------------------------
-- progress: what a target means and where it stands, decided ONCE here (nothing downstream
-- recomputes direction, threshold, shape, gap or status). One row per target row.
--
-- The data's date (`as_of_period`): meta 'as_of' when an analyst set one ('2025', '2025-Q3'),
-- otherwise the latest result period among the active results. A target year Y is over
-- (`year_open` false) once the data holds its Q4 or whole-year report, or anything later.
-- The snapshot is recomputed by every write session (load, upload, undo), which are the
-- only events that change the data, so the date it states is always the data's own.
--
--   direction     a one-sided op decides first ('<', '<=' ceiling => lower; '>', '>=' floor
--                 => higher), then a rank (lower), then the catalogue, then higher;
--                 'done' for done/assessment/qualitative targets.
--   target_shape  floor | ceiling | band | level | rank | done | deadline | decrease | text
--   threshold     the bound that decides (floor: low; ceiling: high; band and rank: the end
--                 the direction needs; level: the value); strict when the op is '>' / '<'.
--   gap           > 0 behind by that much, in the target's unit, direction-aware; gap_kind
--                 exact | at_most | at_least (the result is itself a bound) | none.
--   status        achieved | not_achieved (target year over) | on_track | off_track (year
--                 still open, judged by the forecast) | no_data | not_comparable
--   status_rule   the rule applied (a code the "why this status" panel explains).
-- ------------------------------------------------------------------------------------------

-- Per commune, indicator and period, the result used: the row whose unit is the indicator's
-- own first ("100%" before "6.876 hồ sơ"), then document order. A conflict is two different
-- values of one kind and unit for the same indicator and period. period_order is
-- year*10 + quarter (5 for a whole-year figure).
-- The *_of macros take the relation they read (a table or view name) so the loader can run
-- the same SQL on the rows of the communes a write touched (etl.store.refresh_derived); the
-- views apply them to everything. Their actuals source is `progress_actuals` (the `actuals`
-- view with `_row`, the row's id in actual_rows) or rows of it.
-- (progress_results_of / progress_results, a GROUP BY per period with the pick as a struct,
-- were replaced by these: issue 15)
DROP VIEW IF EXISTS progress_results;
DROP MACRO TABLE IF EXISTS progress_results_of;
CREATE OR REPLACE VIEW progress_actuals AS
    SELECT a.*, a.rowid AS _row
    FROM actual_rows a JOIN datasets d USING (dataset_id) WHERE d.active;

-- One row per result row with its period_order and its place in the order the progress
-- join tries the rows of one commune x indicator (_k, larger = preferred): the latest period
-- first (period_order), within a period the indicator's own unit, then document order
-- (source_row; a row without one is never the pick, as arg_min skips it: _picked false).
-- _h: the commune x indicator as one integer (a hash; progress_base_of checks the strings).
CREATE OR REPLACE MACRO progress_result_rows_of(src) AS TABLE
SELECT x._row, x.commune, x.province, x.indicator_code, x.period, x.period_year,
       x.period_year * 10
         + coalesce(TRY_CAST(regexp_extract(x.period, '[Qq]([1-4])', 1) AS INTEGER), 5)
         AS period_order,
       x.value, x.value_text, x.value_kind, x.op, x.value_low, x.value_high, x.unit,
       x.source_file, x.source_sheet, x.source_row, x.source_col, x.scope, x.flags,
       x.source_row IS NOT NULL AS _picked,
       hash(x.commune, x.province, x.indicator_code) AS _h,
       -- period_order * 2^34 + (2^33 - (rank + 2^31)), rank = unit class * 1e8 + source_row
       -- (the order arg_min used); a row without source_row ranks last (0)
       CAST(x.period_year * 10
              + coalesce(TRY_CAST(regexp_extract(x.period, '[Qq]([1-4])', 1) AS INTEGER), 5)
            AS BIGINT) * 17179869184
         + coalesce(8589934592 - (CASE WHEN coalesce(ci.unit, '') IN ('', coalesce(x.unit, ''))
                                       THEN 0 ELSE 100000000 END
                                  + CAST(x.source_row AS BIGINT) + 2147483648), 0) AS _k
FROM query_table(src) x LEFT JOIN catalog_indicators ci ON ci.code = x.indicator_code;

-- The commune x indicator x periods with a conflict (two different values of one kind and
-- unit). Only a period with two or more rows can have one: those are found by an integer
-- GROUP BY on a hash of the four keys (a collision only adds a period to the exact check),
-- then checked on the strings themselves.
CREATE OR REPLACE MACRO progress_conflicts_of(src) AS TABLE
WITH r AS NOT MATERIALIZED (
    SELECT x.commune, x.province, x.indicator_code, x.period, x.value_kind, x.unit, x.value,
           x.value_text, hash(x.commune, x.province, x.indicator_code, x.period) AS _h
    FROM query_table(src) x
), multi AS (
    SELECT _h FROM r GROUP BY _h HAVING count(*) > 1
)
SELECT x.commune, x.province, x.indicator_code, x.period, TRUE AS actual_conflict
FROM r x SEMI JOIN multi USING (_h)
GROUP BY x.commune, x.province, x.indicator_code, x.period
HAVING count(DISTINCT x.value_kind || '|' || coalesce(x.unit, '') || '|'
             || coalesce(CAST(x.value AS VARCHAR), x.value_text))
       > count(DISTINCT x.value_kind || '|' || coalesce(x.unit, ''));

-- Numeric results, one per commune x indicator x period x unit: the forecast's points.
CREATE OR REPLACE MACRO progress_points_of(src) AS TABLE
SELECT x.commune, x.province, x.indicator_code, coalesce(x.unit, '') AS unit, x.period,
       any_value(x.period_year) * 10
         + coalesce(TRY_CAST(regexp_extract(x.period, '[Qq]([1-4])', 1) AS INTEGER), 5)
         AS period_order,
       arg_min(x.value, x.source_row) AS value
FROM query_table(src) x
WHERE x.value_kind IN ('percent', 'number', 'rank') AND x.value IS NOT NULL
GROUP BY x.commune, x.province, x.indicator_code, coalesce(x.unit, ''), x.period;
CREATE OR REPLACE VIEW progress_points AS SELECT * FROM progress_points_of('actuals');

CREATE OR REPLACE VIEW progress_as_of AS
SELECT coalesce(
         (SELECT TRY_CAST(regexp_extract(value, '^\s*(\d{4})', 1) AS INTEGER) * 10
                 + coalesce(TRY_CAST(regexp_extract(value, '[Qq]([1-4])', 1) AS INTEGER), 5)
          FROM meta WHERE key = 'as_of'),
         (SELECT max(period_year * 10
                     + coalesce(TRY_CAST(regexp_extract(period, '[Qq]([1-4])', 1) AS INTEGER), 5))
          FROM (SELECT DISTINCT period_year, period FROM actuals))) AS as_of_order;

-- Filled by etl.forecast from progress_base and progress_points at every refresh.
CREATE TABLE IF NOT EXISTS progress_forecast (
    target_ref VARCHAR PRIMARY KEY, forecast_method VARCHAR, forecast_points INTEGER,
    forecast_first_period VARCHAR, forecast_last_period VARCHAR, forecast_peers INTEGER,
    forecast_peer_scope VARCHAR, own_pace DOUBLE, peer_pace DOUBLE, required_pace DOUBLE,
    forecast_value DOUBLE, forecast_likelihood DOUBLE,
    forecast_horizon DOUBLE             -- since schema 2
);
-- The forecast's peer statistics over every series with a trend (etl.forecast.peer_stats),
-- stored at every refresh that recomputes the forecast of the whole country, so a write that
-- changes no result (a plan) forecasts only the rows of the communes it touched, with the
-- same peers a full recompute would use. Per indicator and unit: by province (n, sum and sum
-- of squares of the slopes) and for the country (the same, and the pooled residual noise).
CREATE TABLE IF NOT EXISTS progress_peers_province (
    indicator_code VARCHAR, unit VARCHAR, province VARCHAR, pn BIGINT, ps DOUBLE, pss DOUBLE
);
CREATE TABLE IF NOT EXISTS progress_peers_country (
    indicator_code VARCHAR, unit VARCHAR, cn BIGINT, cs DOUBLE, css DOUBLE, noise_var DOUBLE
);
-- Each series' fit on all its points (etl.forecast.series_fits: commune x indicator x unit;
-- max_order its latest period), stored with the peers: a write that changes the results of a
-- few communes refits their series only and recomputes the peers from these.
CREATE TABLE IF NOT EXISTS progress_series_fits (
    commune VARCHAR, province VARCHAR, indicator_code VARCHAR, unit VARCHAR, n BIGINT,
    t_first DOUBLE, t_last DOUBLE, first_period VARCHAR, last_period VARCHAR, y_last DOUBLE,
    v_last DOUBLE, slope DOUBLE, level DOUBLE, rss DOUBLE, suu DOUBLE, w DOUBLE,
    max_order BIGINT
);
-- The forecast's input rows (progress_base WHERE forecastable), kept with the snapshot so a
-- refresh of the whole country's forecast does not recompute progress_base for every commune.
CREATE TABLE IF NOT EXISTS progress_forecast_rows (
    target_ref VARCHAR, commune VARCHAR, province VARCHAR, indicator_code VARCHAR,
    unit VARCHAR, threshold DOUBLE, threshold_strict BOOLEAN, direction VARCHAR,
    target_shape VARCHAR, target_year INTEGER
);

-- The target rows progress is computed for. target_ref: the target row (its dataset and the
-- row's id in target_rows; rows are never deleted, an import is switched off), unique even
-- when one document plans an indicator twice for a year. Read from target_rows like the
-- `targets` view (active datasets).
CREATE OR REPLACE VIEW progress_targets AS
SELECT CAST(t.dataset_id AS VARCHAR) || '.' || CAST(t.rowid AS VARCHAR) AS target_ref,
       t.rowid AS _trow,
       t.commune, t.province, t.indicator_code, t.pillar, t.label, t.target_year,
       t.target_year * 10 + 9 AS target_order, t.target_text, t.value_kind AS target_kind,
       t.op AS target_op, t.value_low AS target_low, t.value_high AS target_high, t.unit,
       t.lead_unit, t.lead_unit_norm, t.source_file AS target_source_file,
       t.source_sheet AS target_source_sheet, t.source_row AS target_source_row,
       t.source_col AS target_source_col, t.synthetic, t.commune_code,
       t.scope AS target_scope, t.flags AS target_flags
FROM target_rows t JOIN datasets d USING (dataset_id) WHERE d.active;

-- progress_base_of(targets_src, actuals_src): progress_targets rows and the progress_actuals
-- rows of the same communes (the data's date is always the whole database's: progress_as_of).
-- Each target row gets the latest period up to its target year and, in it, the row
-- progress_result_rows_of orders first (the same pick a GROUP BY with arg_min made), found by
-- an ASOF join on integers; then that row's columns by its id, and its period's conflict flag.
CREATE OR REPLACE MACRO progress_base_of(targets_src, actuals_src) AS TABLE
WITH data_date AS (
    SELECT as_of_order,
           CAST(as_of_order // 10 AS VARCHAR)
             || CASE WHEN as_of_order % 10 BETWEEN 1 AND 4
                     THEN '-Q' || CAST(as_of_order % 10 AS VARCHAR) ELSE '' END AS as_of_period
    FROM progress_as_of
), t AS NOT MATERIALIZED (
    SELECT *, hash(commune, province, indicator_code) AS _h,
           CAST(target_order AS BIGINT) * 17179869184 + 17179869183 AS _k
    FROM query_table(targets_src)
), r AS NOT MATERIALIZED (
    SELECT * FROM progress_result_rows_of(actuals_src)
), pair AS (
    -- the latest period up to the target year, and in it the row tried first: an ASOF join
    -- on integers only (the commune x indicator's hash, the row's order _k)
    SELECT t._trow, r._row, r.period_order
    FROM (SELECT _trow, _h, _k FROM t) t
    ASOF LEFT JOIN (SELECT _row, _h, _k, period_order FROM r) r
      ON r._h = t._h AND t._k >= r._k
), matched AS (
    SELECT t.*,
           -- the strings are compared after the join: a row of another commune x indicator
           -- with the same 64-bit hash would stop the refresh here, never be shown
           CASE WHEN r._row IS NOT NULL AND NOT coalesce(r.commune = t.commune
                     AND r.province = t.province AND r.indicator_code = t.indicator_code, FALSE)
                THEN CAST(error('progress_base_of: the hash of commune x indicator ('
                                || t.commune || ', ' || t.province || ', ' || t.indicator_code
                                || ') is also the hash of (' || r.commune || ', ' || r.province
                                || ', ' || r.indicator_code || '): report this') AS VARCHAR)
                ELSE r.period END AS actual_period,
           r.period_year AS actual_year, p.period_order AS actual_order,
           r.source_row IS NOT NULL AS _picked,
           r.value, r.value_text, r.value_kind, r.op, r.value_low, r.value_high, r.unit AS _u,
           r.source_file, r.source_sheet, r.source_row, r.source_col, r.scope, r.flags
    -- the picked row's columns straight from the source by its id (no catalogue join there)
    FROM t JOIN pair p USING (_trow) LEFT JOIN query_table(actuals_src) r USING (_row)
), joined AS (
    SELECT m.* EXCLUDE (_h, _k, _trow, _picked, value, value_text, value_kind, op, value_low,
                        value_high, _u, source_file, source_sheet, source_row, source_col,
                        scope, flags),
           -- a period whose rows all lack a source row has no row to show (as arg_min)
           CASE WHEN m._picked THEN m.value END AS actual_value,
           CASE WHEN m._picked THEN m.value_text END AS actual_text,
           CASE WHEN m._picked THEN m.value_kind END AS actual_kind,
           CASE WHEN m._picked THEN m.op END AS actual_op,
           CASE WHEN m._picked THEN m.value_low END AS actual_low,
           CASE WHEN m._picked THEN m.value_high END AS actual_high,
           CASE WHEN m._picked THEN m._u END AS actual_unit,
           CASE WHEN m._picked THEN m.source_file END AS actual_source_file,
           CASE WHEN m._picked THEN m.source_sheet END AS actual_source_sheet,
           CASE WHEN m._picked THEN m.source_row END AS actual_source_row,
           CASE WHEN m._picked THEN m.source_col END AS actual_source_col,
           CASE WHEN m._picked THEN m.scope END AS actual_scope,
           CASE WHEN m._picked THEN m.flags END AS actual_flags,
           coalesce(c.actual_conflict, FALSE) AS actual_conflict
    FROM matched m LEFT JOIN progress_conflicts_of(actuals_src) c
      ON c.commune = m.commune AND c.province = m.province
     AND c.indicator_code = m.indicator_code AND c.period = m.actual_period
), shaped AS (
    SELECT j.*, dd.as_of_period,
        dd.as_of_order IS NULL OR dd.as_of_order < j.target_year * 10 + 4 AS year_open,
        CASE WHEN j.target_op IN ('<', '<=') THEN 'lower'
             WHEN j.target_op IN ('>', '>=') THEN 'higher'
             WHEN j.target_kind = 'rank' THEN 'lower'
             WHEN j.target_kind IN ('percent', 'number') AND ci.direction IN ('higher', 'lower')
                  THEN ci.direction
             WHEN j.target_kind IN ('percent', 'number') THEN 'higher'
             WHEN j.target_kind = 'decrease' THEN 'lower'
             WHEN j.target_kind IN ('text', 'empty') OR j.target_kind IS NULL
                  THEN coalesce(ci.direction, 'done')
             ELSE 'done' END AS direction,
        CASE WHEN j.target_kind = 'date' THEN 'deadline'
             WHEN j.target_kind = 'decrease' OR j.target_op = 'decrease' THEN 'decrease'
             WHEN j.target_kind = 'rank' AND coalesce(j.target_low, j.target_high) IS NOT NULL
                  THEN 'rank'
             WHEN j.target_kind IN ('percent', 'number')
                  AND coalesce(j.target_low, j.target_high) IS NOT NULL THEN
                  CASE WHEN j.target_op IN ('>', '>=') THEN 'floor'
                       WHEN j.target_op IN ('<', '<=') THEN 'ceiling'
                       WHEN j.target_op = 'between' AND j.target_high > j.target_low THEN 'band'
                       ELSE 'level' END
             WHEN j.target_kind IN ('done', 'status') THEN 'done'
             ELSE 'text' END AS target_shape
    FROM joined j CROSS JOIN data_date dd
    LEFT JOIN catalog_indicators ci ON ci.code = j.indicator_code
), thr AS (
    SELECT s.*,
        CASE WHEN target_shape IN ('floor', 'ceiling', 'band', 'level', 'rank') THEN
             CASE WHEN target_shape = 'floor' THEN coalesce(target_low, target_high)
                  WHEN target_shape = 'ceiling' THEN coalesce(target_high, target_low)
                  WHEN direction = 'lower' THEN coalesce(target_high, target_low)
                  ELSE coalesce(target_low, target_high) END END AS threshold,
        coalesce(target_op IN ('>', '<'), FALSE) AS threshold_strict,
        actual_kind IN ('percent', 'number', 'rank') AS actual_numeric,
        -- what the result says about the true value: [a_lo, a_hi] (NULL = unbounded)
        CASE WHEN actual_kind IN ('percent', 'number', 'rank') THEN
             CASE WHEN actual_op IN ('<', '<=') THEN NULL
                  ELSE coalesce(actual_low, actual_value) END END AS a_lo,
        CASE WHEN actual_kind IN ('percent', 'number', 'rank') THEN
             CASE WHEN actual_op IN ('>', '>=') THEN NULL
                  ELSE coalesce(actual_high, actual_value) END END AS a_hi
    FROM shaped s
), cmp AS (
    SELECT x.*,
        x.actual_numeric AND x.threshold IS NOT NULL
          AND coalesce(x.unit, '') = coalesce(x.actual_unit, '') AS comparable,
        CASE WHEN x.direction = 'lower' THEN
                  x.a_hi < x.threshold OR (x.a_hi = x.threshold
                      AND (NOT x.threshold_strict OR x.actual_op = '<'))
             ELSE x.a_lo > x.threshold OR (x.a_lo = x.threshold
                      AND (NOT x.threshold_strict OR x.actual_op = '>')) END AS meets,
        CASE WHEN x.direction = 'lower' THEN
                  x.a_lo > x.threshold OR (x.a_lo = x.threshold
                      AND (x.threshold_strict OR x.actual_op = '>'))
             ELSE x.a_hi < x.threshold OR (x.a_hi = x.threshold
                      AND (x.threshold_strict OR x.actual_op = '<')) END AS fails
    FROM thr x
)
SELECT c.* EXCLUDE (a_lo, a_hi, comparable, meets, fails, actual_numeric, target_order),
    CASE WHEN NOT c.comparable THEN NULL
         WHEN c.direction = 'lower' THEN coalesce(c.a_hi, c.a_lo) - c.threshold
         ELSE c.threshold - coalesce(c.a_lo, c.a_hi) END AS gap,
    CASE WHEN NOT c.comparable OR (c.a_lo IS NULL AND c.a_hi IS NULL) THEN 'none'
         WHEN c.a_lo = c.a_hi THEN 'exact'
         WHEN c.direction = 'lower' AND c.a_hi IS NOT NULL THEN 'at_most'
         WHEN c.direction = 'lower' THEN 'at_least'
         WHEN c.a_lo IS NOT NULL THEN 'at_most'
         ELSE 'at_least' END AS gap_kind,
    -- (status, rule) before the forecast; 'open' = still open and not met: the forecast decides
    CASE
      WHEN c.actual_kind IS NULL THEN {'s': 'no_data', 'r': 'no_result'}
      WHEN c.target_shape = 'decrease' THEN {'s': 'not_comparable', 'r': 'needs_baseline'}
      WHEN c.target_shape IN ('floor', 'ceiling', 'band', 'level', 'rank') THEN
        CASE
          WHEN c.actual_numeric THEN
            CASE WHEN coalesce(c.unit, '') <> coalesce(c.actual_unit, '')
                      THEN {'s': 'not_comparable', 'r': 'unit_mismatch'}
                 WHEN c.meets THEN {'s': 'achieved',
                                    'r': CASE WHEN c.actual_year < c.target_year
                                              THEN 'met_earlier' ELSE 'met' END}
                 WHEN c.fails AND NOT c.year_open THEN {'s': 'not_achieved', 'r': 'unmet_closed'}
                 WHEN c.fails THEN {'s': 'open', 'r': 'unmet_open'}
                 ELSE {'s': 'not_comparable', 'r': 'bound_undecidable'} END
          WHEN c.actual_kind IN ('status', 'done') AND c.actual_year < c.target_year
               AND c.actual_op IN ('achieved', 'done')
               THEN {'s': 'no_data', 'r': 'earlier_assessment'}
          WHEN c.actual_kind = 'status' AND c.actual_op = 'achieved'
               THEN {'s': 'achieved', 'r': 'assessed_achieved'}
          WHEN c.actual_op IN ('not_achieved', 'not_done') AND NOT c.year_open
               THEN {'s': 'not_achieved', 'r': 'assessed_not_achieved'}
          WHEN c.actual_op IN ('not_achieved', 'not_done')
               THEN {'s': 'off_track', 'r': 'assessed_not_yet'}
          WHEN c.actual_kind = 'done' THEN {'s': 'not_comparable', 'r': 'done_vs_number'}
          ELSE {'s': 'not_comparable', 'r': 'text_result'} END
      WHEN c.target_shape IN ('done', 'deadline') THEN
        CASE
          WHEN c.actual_kind = 'done' AND c.actual_op = 'done'
               THEN {'s': 'achieved', 'r': 'done'}
          WHEN c.actual_kind = 'status' AND c.actual_op = 'achieved'
               AND c.actual_year < c.target_year
               THEN {'s': 'no_data', 'r': 'earlier_assessment'}
          WHEN c.actual_kind = 'status' AND c.actual_op = 'achieved'
               THEN {'s': 'achieved', 'r': 'assessed_achieved'}
          WHEN c.actual_kind = 'percent' AND c.actual_value >= 100
               THEN {'s': 'achieved', 'r': 'done_100'}
          WHEN (c.actual_op IN ('not_done', 'not_achieved') OR c.actual_kind = 'percent')
               AND NOT c.year_open THEN {'s': 'not_achieved', 'r': 'overdue'}
          WHEN c.actual_op IN ('not_done', 'not_achieved') OR c.actual_kind = 'percent'
               THEN {'s': 'on_track', 'r': 'milestone_not_due'}
          ELSE {'s': 'not_comparable', 'r': 'text_result'} END
      ELSE  -- qualitative target
        CASE
          WHEN c.actual_kind IN ('status', 'done') AND c.actual_year < c.target_year
               THEN {'s': 'no_data', 'r': 'earlier_assessment'}
          WHEN c.actual_op IN ('achieved', 'done') THEN {'s': 'achieved', 'r': 'assessed_achieved'}
          WHEN c.actual_op IN ('not_achieved', 'not_done') AND NOT c.year_open
               THEN {'s': 'not_achieved', 'r': 'assessed_not_achieved'}
          WHEN c.actual_op IN ('not_achieved', 'not_done')
               THEN {'s': 'off_track', 'r': 'assessed_not_yet'}
          WHEN c.actual_numeric THEN {'s': 'not_comparable', 'r': 'qualitative_vs_number'}
          ELSE {'s': 'not_comparable', 'r': 'text_result'} END
    END AS pre,
    c.comparable AND c.target_shape IN ('floor', 'ceiling', 'band', 'level', 'rank')
      AS forecastable
FROM cmp c;

CREATE OR REPLACE VIEW progress_base AS
SELECT * FROM progress_base_of('progress_targets', 'progress_actuals');

-- progress_finish(base): a progress_base relation (the view, or the loader's temporary copy
-- of it) with the forecast's verdict for targets still open; progress_live applies it to
-- the view, etl.store.refresh_derived to the copy it computed the forecast from.
CREATE OR REPLACE MACRO progress_finish(base) AS TABLE
SELECT b.target_ref, b.commune, b.province, b.indicator_code, b.pillar, b.label,
       b.target_year, b.target_text, b.target_kind, b.target_op, b.target_low, b.target_high,
       b.unit, b.lead_unit, b.lead_unit_norm, b.direction, b.target_shape, b.threshold, b.threshold_strict,
       b.actual_period, b.actual_year, b.actual_value, b.actual_text, b.actual_kind,
       b.actual_op, b.actual_unit, b.actual_conflict, b.as_of_period, b.year_open,
       b.gap, b.gap_kind,
       CASE WHEN b.pre.s <> 'open' THEN b.pre.s
            WHEN f.forecast_likelihood >= 0.5 THEN 'on_track'
            ELSE 'off_track' END AS status,
       CASE WHEN b.pre.s <> 'open' THEN b.pre.r
            WHEN f.forecast_likelihood IS NULL THEN 'unmet_no_forecast'
            ELSE 'forecast' END AS status_rule,
       CASE WHEN b.target_shape IN ('done', 'deadline') AND b.pre.r = 'milestone_not_due'
            THEN 'milestone' ELSE f.forecast_method END AS forecast_method,
       f.forecast_points, f.forecast_first_period, f.forecast_last_period, f.forecast_peers,
       f.forecast_peer_scope, f.own_pace, f.peer_pace, f.required_pace, f.forecast_horizon,
       f.forecast_value, f.forecast_likelihood,
       CASE WHEN b.target_shape IN ('done', 'deadline')
            THEN make_date(b.target_year, 12, 31) END AS due_date,
       b.target_source_file, b.target_source_sheet, b.target_source_row, b.target_source_col,
       b.actual_source_file, b.actual_source_sheet, b.actual_source_row, b.actual_source_col,
       b.synthetic, b.commune_code, b.target_scope, b.target_flags, b.actual_scope,
       b.actual_flags
FROM query_table(base) b LEFT JOIN progress_forecast f USING (target_ref);

CREATE OR REPLACE VIEW progress_live AS SELECT * FROM progress_finish('progress_base');

CREATE TABLE IF NOT EXISTS progress_snapshot AS SELECT * FROM progress_live LIMIT 0;
CREATE OR REPLACE VIEW progress AS SELECT * FROM progress_snapshot;
