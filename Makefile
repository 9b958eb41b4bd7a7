# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Shared data (EFF Atlas export, local laws table) lives beside the repo; not committed.
export COUNTERWATCH_SHARED_DATA ?= $(abspath ../shared/data)

.PHONY: run test test-fast lint typecheck pytest bench lock clean catalogs catalog-init

# Every dependency (runtime and dev) from requirements.lock, each file checked against its hash
# and taken as a wheel (no build step that would fetch unchecked build tools); then the
# project itself, editable, without dependencies and without build isolation (its build
# backend, setuptools, is one of the locked packages). The venv's own pip does it: upgrading pip
# first would be an unchecked download.
$(BIN)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --only-binary :all: -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The gettext catalogs (docs/languages.md). The code's English is the source; `make catalogs`
# extracts every wrapped string into the template (.pot), merges it into each language's .po
# (new strings untranslated, changed ones marked fuzzy: tests/lexicon/i18n fails on either
# until a translator fills them) and compiles each .po into the .mo that ships as package
# data. The .mo are not committed: run, test and test-fast rebuild any older than its .po.
LOCALE_DIR := lexicon/i18n/locale
POT := $(LOCALE_DIR)/counterwatch.pot
PO_FILES := $(wildcard $(LOCALE_DIR)/*/LC_MESSAGES/counterwatch.po)
MO_FILES := $(PO_FILES:.po=.mo)
# Make reads a rule's prerequisites as it parses it: this one must follow MO_FILES.
.venv: $(BIN)/.installed $(MO_FILES)

# gettext's names, plus the declarations whose text /help and Discord's menu show.
EXTRACT_KEYWORDS := -k _ -k N_ -k ngettext:1,2 -k store_plural:1,2 -k command:2 -k declare:2 -k Opt:1 -k place_opt:1

catalogs: $(BIN)/.installed
	$(BIN)/pybabel -q extract -F babel.cfg $(EXTRACT_KEYWORDS) -c TRANSLATORS: \
		--add-location=file --sort-by-file --project=counterwatch \
		--copyright-holder=Counterwatch -o $(POT).new .
	@# Only a change of strings rewrites the template (not the creation date alone).
	@if diff -q -I '^"POT-Creation-Date' $(POT) $(POT).new >/dev/null 2>&1; \
		then rm $(POT).new; else mv $(POT).new $(POT); fi
	$(BIN)/pybabel -q update -i $(POT) -d $(LOCALE_DIR) -D counterwatch --ignore-obsolete \
		--ignore-pot-creation-date
	$(MAKE) --no-print-directory $(MO_FILES)

$(LOCALE_DIR)/%.mo: $(LOCALE_DIR)/%.po $(BIN)/.installed
	$(BIN)/pybabel -q compile -D counterwatch -i $< -o $@

# A new language: `make catalog-init LOCALE=fr`, then translate its .po (docs/languages.md).
catalog-init: $(BIN)/.installed
	$(BIN)/pybabel init -i $(POT) -d $(LOCALE_DIR) -D counterwatch -l $(LOCALE)

# On the very first start beside ../shared, the console comes with the real EFF Atlas snapshot
# and the table of local laws loaded, so a member can look up a city at once (the files
# themselves are never committed here).
ATLAS_EXPORT ?= $(COUNTERWATCH_SHARED_DATA)/eff_atlas_of_surveillance_2020-10-07.csv
LAWS_TABLE ?= $(COUNTERWATCH_SHARED_DATA)/us_facial_recognition_local_laws_iff_2021-05.csv
DB_FILE := $(or $(COUNTERWATCH_DB),counterwatch.db)

run: $(BIN)/.installed $(MO_FILES)
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

# Feedback in seconds: everything but the PostgreSQL, multi-process, browser and wheel-install
# tests (markers set in tests/pg_fixtures.py, tests/multiprocess/ and tests/browser/ conftests
# and by the modules themselves; docs/development.md says why), spread over the cores by
# pytest-xdist. `make test` stays the whole suite.
FAST_MARKERS := not postgres and not multiprocess and not browser and not install
# The tests' own files (a SQLite database each, some thousand in all, every commit an fsync)
# on tmpfs where the machine has one and TMPDIR names no other place; only a failed test's
# folder is kept (a run leaves some 700 MB, which on tmpfs is memory).
FAST_TMPDIR := $(or $(TMPDIR),$(wildcard /dev/shm))
test-fast: $(BIN)/.installed $(MO_FILES)
	$(BIN)/ruff check .
	TMPDIR=$(FAST_TMPDIR) $(BIN)/pytest -n auto --dist worksteal -m "$(FAST_MARKERS)" \
		-o tmp_path_retention_policy=failed

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo  # the house's floors and import rules (pyproject.toml)

typecheck: $(BIN)/.installed
	$(BIN)/mypy .

# The storage tests also run on a real PostgreSQL server: scripts/ensure-postgres makes sure
# its programs are here (installing Debian's package as root when missing) and says so in one
# line; the tests start a throwaway cluster of their own (testkit/pg_cluster.py). The browser
# tests likewise get Debian's Chromium and a local axe-core from scripts/ensure-chromium.
pytest: $(BIN)/.installed $(MO_FILES)
	@scripts/ensure-postgres
	@scripts/ensure-chromium  # Debian's Chromium and axe-core for tests/browser
	$(BIN)/pytest

bench: $(BIN)/.installed
	@scripts/ensure-postgres  # the PostgreSQL benchmarks start a throwaway cluster too
	$(BIN)/python -m bench

# Regenerate requirements.lock after changing a dependency in pyproject.toml (versions already
# locked stay unless pyproject asks otherwise; `make lock LOCK_FLAGS=--upgrade` moves them all).
# uv rather than pip-tools: it resolves for a stated target (CPython 3.11 on Linux) whatever
# machine runs it, in seconds, and it does not depend on pip's internals, which pip-tools
# breaks on when pip changes. Installing stays plain pip with --require-hashes, so a fresh
# machine needs nothing but python3.
lock: $(BIN)/.installed
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --quiet \
		--python-version 3.11 --python-platform linux \
		--custom-compile-command "make lock" $(LOCK_FLAGS) -o requirements.lock

clean:
	rm -rf $(VENV) counterwatch.db counterwatch.db-wal counterwatch.db-shm counterwatch-out
