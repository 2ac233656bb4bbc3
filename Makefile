# Portail PLIE – the two commands: `make run` and `make test`.
# The first Python >= 3.11 found, unless given: make run PY=python3.12
PY ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then echo $$p; break; fi; done)
VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python
HOST ?= 127.0.0.1:8000

.PHONY: run test worker beat lint format messages venv clean-venv bench bench-echelle captures

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@$(or $(PY),python3) scripts/check_prerequisites.py
	$(PY) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements-dev.txt
	@touch $@

## make run: set everything up (venv, dependencies, migrations, communes, demo data) and serve on $(HOST)
run: venv
	DEBUG=1 $(PYTHON) manage.py migrate --noinput
	DEBUG=1 $(PYTHON) manage.py load_communes
	DEBUG=1 $(PYTHON) manage.py seed_demo
	@echo ""
	@echo "Portail PLIE : http://$(HOST)/ (Ctrl+C pour arrêter)"
	DEBUG=1 PLIE_TACHES_EN_FIL=1 PORTAIL_URL=$${PORTAIL_URL:-http://$(HOST)} $(PYTHON) manage.py runserver $(HOST)

## make captures: screenshots of the main pages into docs/captures/ (the portal served by `make run`)
captures: venv
	$(PYTHON) scripts/captures.py --url http://$(HOST)

## make test: set up and run the whole test suite, on every core (pytest-xdist, JOBS=1 for one
## process); the `services` tests (a real worker, PostgreSQL and Redis restarted) share one broker
## and one server, so they run afterwards in a single process. Exit code 5: nothing selected.
JOBS ?= auto
test: venv
	$(PYTHON) -m pytest -n $(JOBS) -m "not services" $(PYTEST_ARGS)
	$(PYTHON) -m pytest -m services $(PYTEST_ARGS) || [ $$? -eq 5 ]

## make worker / make beat: Celery with CELERY_BROKER_URL set (exactly one beat per deployment)
worker: venv
	$(BIN)/celery -A plie_portal worker --loglevel=INFO

beat: venv
	$(BIN)/celery -A plie_portal beat --loglevel=INFO

## make bench: migrate, then measurements at 25,000 participants on PostgreSQL (DATABASE_URL; scripts/services.sh starts one)
bench: venv
	$(PYTHON) -m pip install --quiet -r requirements-bench.txt
	DEBUG=1 $(PYTHON) manage.py migrate --noinput -v 0
	DEBUG=1 $(PYTHON) manage.py load_communes -v 0
	$(PYTHON) bench/run.py $(BENCH_ARGS)

## make bench-echelle: the same pages at 25,000, 250,000 and 1,000,000 participants (bench/echelle.py)
bench-echelle: venv
	$(PYTHON) -m pip install --quiet -r requirements-bench.txt
	$(PYTHON) bench/echelle.py $(BENCH_ARGS)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## make messages: French plural forms of the texts (needs GNU gettext: apt install gettext)
messages: venv
	rm -f locale/fr/LC_MESSAGES/django.po
	DEBUG=1 $(PYTHON) manage.py makemessages -l fr --no-obsolete --no-location --ignore=".venv/*" --ignore="bench/*" --ignore="static/*"
	$(PYTHON) scripts/pluriels.py
	DEBUG=1 $(PYTHON) manage.py compilemessages -l fr --ignore=".venv/*"

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean-venv:
	rm -rf $(VENV)
