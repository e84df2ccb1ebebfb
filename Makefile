# FibreFlow Ticketing: the two commands are `make run` and `make test`.
PYTHON ?= python3
UV_VERSION := 0.13.8
UV := $(PYTHON) -m uv
PYTEST_ARGS ?=

.PHONY: run test test-faults install browser system-packages deploy-manifests contracts bench clean

## install: the workspace venv (.venv) with every package and pinned dependency, and Chromium
install: .venv/.installed browser system-packages

# Debian packages the suites start privately: pgbouncer (the transaction-pooling e2e test) and
# redis-server (the gateway's shared rate limits). PostgreSQL and RabbitMQ are installed by
# deploy/dev/servers.py only when none answers on the configured URLs.
SYSTEM_PACKAGES := pgbouncer:/usr/sbin/pgbouncer redis-server:/usr/bin/redis-server
system-packages:
	@missing=""; for entry in $(SYSTEM_PACKAGES); do [ -x "$${entry#*:}" ] || missing="$$missing $${entry%%:*}"; done; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	else echo "missing Debian packages (tests need them): sudo apt-get install -y$$missing"; fi

# The console's browser tests drive Debian's Chromium (Playwright never downloads a browser).
CHROMIUM ?= /usr/bin/chromium
browser:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	else echo "Chromium is missing (the console's browser tests need it): sudo apt-get install -y chromium"; fi

.venv/.installed: pyproject.toml uv.lock shared/pyproject.toml gateway/pyproject.toml services/*/pyproject.toml simulators/pyproject.toml clients/python/pyproject.toml
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet "uv==$(UV_VERSION)" \
		|| $(PYTHON) -m pip install --quiet --user "uv==$(UV_VERSION)"
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

## run: create databases, migrate, declare topology, start everything, print how to log in
run: install
	.venv/bin/python deploy/dev/run.py

## test: every suite (unit, integration on the local PostgreSQL/RabbitMQ, end-to-end)
test: install
	.venv/bin/python deploy/dev/servers.py exec -- .venv/bin/pytest shared/tests gateway/tests services clients/python/tests deploy/tests tests-e2e -n 2 --dist loadgroup \
		-m "not faults" $(PYTEST_ARGS)

## test-faults: the fault, load and abuse suites (broker/database cuts, kill -9, duplicates, poison, schemathesis)
test-faults: install
	.venv/bin/python deploy/dev/servers.py exec -- .venv/bin/pytest shared/tests gateway/tests services clients/python/tests deploy/tests tests-e2e -n 1 --dist loadgroup \
		-m faults -p no:cacheprovider $(PYTEST_ARGS)

## contracts: regenerate contracts/openapi from the code (tests fail when they drift)
contracts: install
	for svc in gateway ticket-core sla billing notifications email-intake wa-bridge qcontact-sync; do \
		.venv/bin/fibreflow-$$svc openapi > contracts/openapi/$$svc.json || exit 1; done
	.venv/bin/python clients/python/generate.py  # the Python client, from the merged document

## bench: the benchmarks named in the issues (each starts its own stack and databases)
bench: install
	.venv/bin/python bench/gateway_overhead.py
	.venv/bin/python bench/sla/bench_sla.py
	.venv/bin/python bench/ticket_core/bench.py
	.venv/bin/python bench/webhooks/bench_webhooks.py
	.venv/bin/python bench/console/bench.py
	.venv/bin/python bench/email_intake/bench_email_intake.py

## deploy-manifests: regenerate deploy/k8s/base, docker-compose.yml and .env.example from deploy/catalog.py
deploy-manifests: install
	.venv/bin/python deploy/generate.py

clean:
	rm -rf .venv var
