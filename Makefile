# FibreFlow Ticketing: the two commands are `make run` and `make test`.
PYTHON ?= python3
UV_VERSION := 0.13.8
UV := $(PYTHON) -m uv
PYTEST_ARGS ?=

.PHONY: run test test-faults install contracts bench clean

## install: the workspace venv (.venv) with every package and pinned dependency
install: .venv/.installed

.venv/.installed: pyproject.toml uv.lock shared/pyproject.toml gateway/pyproject.toml services/*/pyproject.toml simulators/pyproject.toml
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet "uv==$(UV_VERSION)" \
		|| $(PYTHON) -m pip install --quiet --user "uv==$(UV_VERSION)"
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

## run: create databases, migrate, declare topology, start everything, print how to log in
run: install
	.venv/bin/python deploy/dev/run.py

## test: every suite (unit, integration on the local PostgreSQL/RabbitMQ, end-to-end)
test: install
	.venv/bin/pytest shared/tests gateway/tests services deploy/tests tests-e2e -n 2 --dist loadgroup \
		-m "not faults" $(PYTEST_ARGS)

## test-faults: the fault, load and abuse suites (broker/database cuts, kill -9, duplicates, poison, schemathesis)
test-faults: install
	.venv/bin/pytest shared/tests gateway/tests services deploy/tests tests-e2e -n 1 --dist loadgroup \
		-m faults -p no:cacheprovider $(PYTEST_ARGS)

## contracts: regenerate contracts/openapi from the code (tests fail when they drift)
contracts: install
	for svc in gateway ticket-core sla billing notifications; do \
		.venv/bin/fibreflow-$$svc openapi > contracts/openapi/$$svc.json || exit 1; done

## bench: the benchmarks named in the issues (each starts its own stack and databases)
bench: install
	.venv/bin/python bench/gateway_overhead.py
	.venv/bin/python bench/sla/bench_sla.py
	.venv/bin/python bench/ticket_core/bench.py

clean:
	rm -rf .venv var
