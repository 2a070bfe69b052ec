# Two commands set everything up on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help demo demo-reset test load assets i18n wheel bench

help:
	@echo 'make demo        build the environment, seed the OEWG demo and serve it (uWSGI) on http://127.0.0.1:8000'
	@echo 'make demo-reset  throw the demo database and files away (the next `make demo` starts over)'
	@echo 'make test        build the environment and run the whole test suite against PostgreSQL and Redis'
	@echo 'make load        load test: concurrent registrations and readers against the demo'"'"'s production server'
	@echo 'make assets      rebuild the JavaScript bundle and the stylesheet in indico_oewg/static/dist'
	@echo 'make i18n        extract and compile the translation catalogues'
	@echo 'make wheel       build the wheel into dist/'
	@echo 'make bench       run the benchmarks against Indico'"'"'s own pages (BENCH="statements" for one)'

demo:
	@scripts/demo.sh

demo-reset:
	@scripts/demo.sh --reset

test:
	@scripts/test.sh $(PYTEST_ARGS)

load:
	@scripts/load.sh

# Registration: the OEWG delegation field's JavaScript (client/ -> indico_oewg/static/dist, committed)
assets:
	@scripts/assets.sh

i18n:
	@scripts/i18n.sh

wheel:
	@source scripts/lib.sh && ensure_venv && "$$PY" -m pip wheel --no-deps --ignore-requires-python -w dist .

bench:
	@scripts/bench.sh $(BENCH)
