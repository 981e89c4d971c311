PY ?= .venv/bin/python

.PHONY: test lint bench
test:
	$(PY) -m pytest

lint:
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m ruff format --check src tests benchmarks
	$(PY) -m mypy

bench:
	$(PY) benchmarks/run.py
