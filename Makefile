# CareerPath: `make run` to use it, `make test` to check it. See README.md.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format serve bench chaos createsuperuser demo fixtures e2e check-deploy clean

$(BIN)/python:
	@command -v $(PY) >/dev/null || { echo "Python 3.11 is needed: apt-get install python3.11 python3.11-venv (or set PY=...)"; exit 1; }
	$(PY) -m venv $(VENV)

$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loaddata compensation
	$(BIN)/python manage.py seed_demo
	@echo ""
	@echo "  CareerPath is running at http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/  (create an admin with: make createsuperuser)"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check --no-cache .
	$(BIN)/ruff format --no-cache --check .

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
	DEBUG=0 $(BIN)/python manage.py migrate --noinput
	DEBUG=0 $(BIN)/gunicorn careerpath.wsgi --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-2} --no-control-socket --access-logfile -

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

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 artifacts
