# Two commands do everything on a fresh machine:
#   make run   - install, build the DuckDB file from data/seed/*.xlsx, serve the dashboard
#   make test  - install (incl. Debian chromium for browser tests), run the whole suite
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= data/dashboard.duckdb
STAMP := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)

SYNTH_DB ?= data/synthetic.duckdb

.PHONY: run test install db rebuild-db browser-deps pdf-deps bench bench-quick synth-db run-synth clean

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

# Loading is idempotent: seed files already loaded are skipped, uploads are kept.
db: $(STAMP)
	$(BIN)/python -m etl load data/seed/*.xlsx --db $(DB)

rebuild-db: $(STAMP)
	rm -f $(DB)
	$(BIN)/python -m etl load data/seed/*.xlsx --db $(DB)

# Trial mode (uploads without a password) listens on 127.0.0.1 only unless told otherwise.
run: db
	@addr=$${STREAMLIT_SERVER_ADDRESS:-127.0.0.1}; \
	echo "Dashboard: http://$$addr:$${STREAMLIT_SERVER_PORT:-8501} - listening on $$addr only (trial mode: uploads without a password). For a network: STREAMLIT_SERVER_ADDRESS=0.0.0.0 with ANALYST_PASSWORD_HASH set."; \
	DASHBOARD_DB=$(abspath $(DB)) DASHBOARD_OPEN_UPLOADS=$${DASHBOARD_OPEN_UPLOADS:-1} \
	  $(BIN)/streamlit run streamlit_app.py --server.address $$addr

# Browser tests drive Debian's Chromium (a Playwright browser download is not possible here).
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-core >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will fail"; \
	  else echo "note: install Debian's chromium for the browser tests (apt-get install chromium)"; fi; \
	fi

# The briefing pack's PDF is the PPTX converted by LibreOffice; the test looks at its pages
# through pdftoppm. Optional: without them the PDF button and test say so / skip.
pdf-deps:
	@if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-impress poppler-utils >/dev/null) \
	      || echo "warning: could not install LibreOffice; the PDF pack test will be skipped"; \
	  else echo "note: apt-get install libreoffice-impress poppler-utils for the PDF briefing pack"; fi; \
	fi

test: $(STAMP) browser-deps pdf-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m bench

bench-quick: $(STAMP)
	$(BIN)/python -m bench --quick

# Synthetic national data (3,321 fictional communes, flagged synthetic on every page).
synth-db: $(STAMP)
	$(BIN)/python -m etl synth --communes 3321 --db $(SYNTH_DB)

run-synth: synth-db
	DASHBOARD_DB=$(abspath $(SYNTH_DB)) $(BIN)/streamlit run streamlit_app.py

clean:
	rm -rf $(VENV) $(DB) $(DB).lock $(SYNTH_DB) test-artifacts bench-out
