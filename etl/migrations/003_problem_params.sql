-- Problems keep their code's named params (JSON), so the UI renders each stored problem in its
-- own language (etl/problems.py render). Rows stored before have NULL params: their stored
-- Vietnamese message is shown as it is.
ALTER TABLE import_problems ADD COLUMN IF NOT EXISTS params VARCHAR;
