"""pytest plugin loaded for every test run (see the root pyproject's addopts).

Fixtures give each run (and each xdist worker) its own databases and RabbitMQ vhost on
the local servers, so concurrent runs cannot collide.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator

import pytest

from fibreflow_shared.db import drop_database
from fibreflow_shared.testing import infra
from fibreflow_shared.testing.tokens import TestSigner


@pytest.fixture(scope="session")
def run_id() -> str:
    """Random per process, so parallel runs and xdist workers never share names."""
    return infra.unique_suffix()


@pytest.fixture(scope="session")
def make_database(run_id: str) -> Iterator[Callable[[str], str]]:
    """Factory: ``make_database("ticket_core")`` → URL of a fresh database for this run."""
    created: list[str] = []

    def make(name: str) -> str:
        url = infra.create_database(f"ff_t_{run_id}_{name}")
        created.append(url)
        return url

    yield make
    if not os.environ.get("FF_KEEP_TEST_DBS"):
        for url in created:
            drop_database(url)


@pytest.fixture(scope="session")
def migrated_database(make_database: Callable[[str], str]) -> Callable[[str], str]:
    """Factory: ``migrated_database("sla")`` → URL of a fresh database for this run with the
    migrations shipped in package ``sla`` applied (the one test-database fixture of every service)."""
    from fibreflow_shared.db import packaged_migrations, run_migrations

    def make(package: str, name: str | None = None) -> str:
        url = make_database(name or package)
        run_migrations(packaged_migrations(package), url)
        return url

    return make


@pytest.fixture(scope="session")
def broker_vhost(run_id: str) -> Iterator[str]:
    """A vhost of our own on the local RabbitMQ for this run."""
    vhost = f"ff_t_{run_id}"
    infra.create_vhost(vhost)
    yield vhost
    infra.delete_vhost(vhost)


@pytest.fixture(scope="session")
def broker_url(broker_vhost: str) -> str:
    """AMQP URL of this run's vhost."""
    return infra.broker_url(broker_vhost)


@pytest.fixture(scope="session")
def contracts_dir(pytestconfig: pytest.Config) -> Path:
    """The repository's contracts/ folder (OpenAPI documents and event schemas)."""
    for parent in (pytestconfig.rootpath, *pytestconfig.rootpath.parents):
        if (parent / "contracts" / "events").is_dir():
            return parent / "contracts"
    raise RuntimeError("contracts/ not found above the pytest root")


@pytest.fixture(scope="session")
def signer() -> TestSigner:
    """Issues access tokens that a service built with ``signer.verifier()`` accepts."""
    return TestSigner()
