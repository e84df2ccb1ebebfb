from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from sqlalchemy import text

from fibreflow_shared.db import run_migrations
from fibreflow_shared.testing.tokens import TestSigner
from sla.bootstrap import MIGRATIONS_DIR, Container, bootstrap
from sla.config import load
from sla.entrypoints.http import create_app



@pytest.fixture(scope="session")
def sla_db_url(make_database: Callable[[str], str]) -> str:
    url = make_database("sla")
    run_migrations(MIGRATIONS_DIR, url)
    return url


@pytest.fixture(scope="session")
def container(sla_db_url: str, broker_url: str) -> Iterator[Container]:
    c = bootstrap(load(database_url=sla_db_url, broker_url=broker_url))
    yield c
    c.engine.dispose()


@pytest.fixture()
def clean(container: Container) -> None:
    with container.engine.begin() as conn:
        conn.execute(text("TRUNCATE sla_clocks, outbox, processed_events"))


@pytest.fixture()
def client(container: Container, signer: TestSigner, clean: None) -> Any:
    return create_app(container.settings, verifier=signer.verifier(), container=container).test_client()
