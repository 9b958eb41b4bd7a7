# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Shared data (EFF Atlas export, local laws table) lives beside the repo; not committed.
export COUNTERWATCH_SHARED_DATA ?= $(abspath ../shared/data)

.PHONY: run test lint typecheck pytest bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

.venv: $(BIN)/.installed

# On the very first start beside ../shared, the console comes with the real EFF Atlas snapshot
# and the table of local laws loaded, so a member can look up a city at once (the files
# themselves are never committed here).
ATLAS_EXPORT ?= $(COUNTERWATCH_SHARED_DATA)/eff_atlas_of_surveillance_2020-10-07.csv
LAWS_TABLE ?= $(COUNTERWATCH_SHARED_DATA)/us_facial_recognition_local_laws_iff_2021-05.csv
DB_FILE := $(or $(COUNTERWATCH_DB),counterwatch.db)

run: $(BIN)/.installed
	@if [ ! -e "$(DB_FILE)" ] && [ -f "$(ATLAS_EXPORT)" ]; then \
		echo "First start: importing $(ATLAS_EXPORT)"; \
		$(BIN)/python main.py import-atlas "$(ATLAS_EXPORT)" && \
		if [ -f "$(LAWS_TABLE)" ]; then \
			echo "First start: importing $(LAWS_TABLE)"; \
			$(BIN)/python main.py import-laws "$(LAWS_TABLE)"; \
		fi; \
	fi
	@# Published campaign pages (/campaign publish) are served at once, on 127.0.0.1 only.
	COUNTERWATCH_WEB_PORT=$${COUNTERWATCH_WEB_PORT:-8080} $(BIN)/python main.py run

test: lint typecheck pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo  # the house's floors and import rules (pyproject.toml)

typecheck: $(BIN)/.installed
	$(BIN)/mypy .

# The storage tests also run on a real PostgreSQL server: scripts/ensure-postgres makes sure
# its programs are here (installing Debian's package as root when missing) and says so in one
# line; the tests start a throwaway cluster of their own (tests/pg_cluster.py). The browser
# tests likewise get Debian's Chromium and a local axe-core from scripts/ensure-chromium.
pytest: $(BIN)/.installed
	@scripts/ensure-postgres
	@scripts/ensure-chromium  # Debian's Chromium and axe-core for tests/browser
	$(BIN)/pytest

bench: $(BIN)/.installed
	@scripts/ensure-postgres  # the PostgreSQL benchmarks start a throwaway cluster too
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) counterwatch.db counterwatch.db-wal counterwatch.db-shm counterwatch-out
