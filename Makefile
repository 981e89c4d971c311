PY ?= .venv/bin/python

.PHONY: test lint bench
test:
	$(PY) -m pytest

lint:
	$(PY) -m ruff check src tests benchmarks scripts
	$(PY) -m ruff format --check src tests benchmarks scripts
	$(PY) -m mypy

bench:
	$(PY) benchmarks/run.py
