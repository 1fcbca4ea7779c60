# CareerPath: `make run` to use it, `make test` to check it. See README.md.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The database, its WAL and backups hold emails, password hashes and pay: files made by the app are
# readable by its user only (ops/private_files.py also tightens the database at each connection).
PRIVATE := umask 077 &&

# `make restore FILE=...`: FILE taken as typed (`$(value)`: not even make expands a `$(shell ...)` in it),
# then handed to the recipe in the environment.
override FILE := $(value FILE)
export FILE

.PHONY: run test test-fast test-deps lint format serve bench chaos createsuperuser demo fixtures e2e check-deploy backup restore restore-needs-file clean

$(BIN)/python:
	@command -v $(PY) >/dev/null || { echo "Python 3.11 is needed: apt-get install python3.11 python3.11-venv (or set PY=...)"; exit 1; }
	$(PY) -m venv $(VENV)

$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	touch $@

install: $(VENV)/.installed

run: install
	$(PRIVATE) $(BIN)/python manage.py migrate --noinput
	$(PRIVATE) $(BIN)/python manage.py loaddata compensation
	$(PRIVATE) $(BIN)/python manage.py seed_demo
	@echo ""
	@echo "  CareerPath is running at http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/  (create an admin with: make createsuperuser)"
	@echo ""
	$(PRIVATE) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Debian packages the tests need (Chromium, a JRE, npm, Redis, PostgreSQL): installed when run as
# root, otherwise the one command to run is printed. Instant when nothing is missing.
test-deps:
	@PY=$(PY) bash scripts/install-test-deps.sh

# Two workers (pytest-xdist): the suite waits on browsers and real servers more than on the CPU.
test: test-deps install
	$(BIN)/python -m pytest -n 2

# Everything but the browser tests.
test-fast: install
	$(BIN)/python -m pytest -n 2 --ignore=tests/e2e

# Every hook in .pre-commit-config.yaml, on every file: ruff (lint and format), djLint on the templates, mypy --strict
# on the engine, the import layers, and no model change without its migration. `$(BIN)/pre-commit install` runs
# the same on each commit.
lint: install
	$(BIN)/pre-commit run --all-files

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# An admin who logs in by email (asks for the address and a password; no username).
createsuperuser: install
	$(BIN)/python manage.py createadmin

demo: install
	$(BIN)/python manage.py seed_demo

# Write the database's compensation data back to the fixture (after editing it in admin).
fixtures: install
	$(BIN)/python manage.py dumpdata compensation --natural-foreign --natural-primary --indent 2 \
		--exclude compensation.CatalogVersion -o fixtures/compensation.json

# Production-like server: gunicorn, DEBUG off. Needs SECRET_KEY and ALLOWED_HOSTS.
serve: install
	DEBUG=0 $(BIN)/python manage.py collectstatic --noinput
	$(PRIVATE) DEBUG=0 $(BIN)/python manage.py migrate --noinput
	$(PRIVATE) DEBUG=0 $(BIN)/gunicorn config.wsgi --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-2} --no-control-socket --access-logfile -

# Only the browser tests (they also run in `make test`).
e2e: install
	$(BIN)/python -m pytest tests/e2e

check-deploy: install
	DEBUG=0 SECRET_KEY=$${SECRET_KEY:-check-deploy-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz} ALLOWED_HOSTS=$${ALLOWED_HOSTS:-example.com} \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

bench: install
	bash scripts/bench.sh

chaos: install
	bash scripts/chaos.sh

# A copy of the database in backups/ (SQLite: online backup API; PostgreSQL: pg_dump), safe while serving.
backup: install
	$(PRIVATE) $(BIN)/python manage.py backup

# Replaces everything in the database with FILE (asks first). FILE reaches the command through the
# environment ("$$FILE"), never pasted into the recipe, so no shell reads what it holds (quotes, `...`, $(...)).
restore: restore-needs-file install
	$(PRIVATE) $(BIN)/python manage.py restore "$$FILE"

restore-needs-file:
	@test -n "$$FILE" || { echo "Usage: make restore FILE=backups/careerpath-<date>-<time>.sqlite3 (or .dump)"; \
		echo "It replaces everything in the database DATABASE_URL names (default: db.sqlite3) with that backup."; exit 2; }

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 artifacts
