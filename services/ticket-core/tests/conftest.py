from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from sqlalchemy import text

from fibreflow_shared.db import run_migrations
from fibreflow_shared.testing.tokens import TestSigner
from ticket_core.bootstrap import MIGRATIONS_DIR, Container, bootstrap
from ticket_core.config import load
from ticket_core.entrypoints.http import create_app



@pytest.fixture(scope="session")
def tc_db_url(make_database: Callable[[str], str]) -> str:
    url = make_database("ticket_core")
    run_migrations(MIGRATIONS_DIR, url)
    return url


@pytest.fixture(scope="session")
def container(tc_db_url: str, broker_url: str, contracts_dir: Path) -> Iterator[Container]:
    settings = load(database_url=tc_db_url, broker_url=broker_url, validate_event_schemas=True,
                    contracts_dir=str(contracts_dir / "events"))
    c = bootstrap(settings)
    yield c
    c.engine.dispose()


@pytest.fixture()
def clean(container: Container) -> None:
    with container.engine.begin() as conn:
        conn.execute(text("TRUNCATE tickets, uid_counters, outbox, processed_events"))


@pytest.fixture()
def client(container: Container, signer: TestSigner, clean: None) -> Any:
    app = create_app(container.settings, verifier=signer.verifier(), container=container)
    return app.test_client()
