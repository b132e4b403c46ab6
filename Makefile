# Two commands do all set-up on a fresh machine with Python 3.11+ and make:
#   make run   - venv, dependencies, migrations, demo content, admin login, site on 127.0.0.1:$(PORT)
#   make test  - venv, dependencies, the whole test suite
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: run test install install-dev migrate demo logins lint format messages bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.runtime

install: $(VENV)/.runtime

install-dev: $(VENV)/.dev

migrate: install-dev
	$(MANAGE) migrate --noinput -v 0

demo: migrate
	PUBLIC_BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) load_demo

logins: install
	$(MANAGE) show_logins --port $(PORT)

run: demo
	$(MANAGE) ensure_admin --port $(PORT)
	PUBLIC_BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) runserver 127.0.0.1:$(PORT)

# Tests run on every core (pytest-xdist); TEST_WORKERS=0 runs them in one process.
TEST_WORKERS ?= auto

test: install-dev
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# Style, formatting, the apps' import contracts (pyproject.toml) and the templates.
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/djlint --lint --quiet site/templates home disclosure integrity training screens

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Needs GNU gettext; the compiled .mo is committed so set-up does not.
messages: install
	$(MANAGE) makemessages -l zh_Hans --ignore=.venv --ignore=var --ignore=tests --no-obsolete
	$(MANAGE) compilemessages -l zh_Hans --ignore=.venv


clean:
	rm -rf $(VENV) var

bench: install-dev
	$(BIN)/python bench/pages.py
