from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from sqlalchemy import text

from fibreflow_shared.messaging.consumer import EventConsumer
from fibreflow_shared.messaging.envelope import make_event
from fibreflow_shared.testing.tokens import TestSigner
from ticket_core.adapters.storage import LocalStorage
from ticket_core.bootstrap import Container, bootstrap
from ticket_core.config import load
from ticket_core.entrypoints.http import create_app
from ticket_core.service_layer.consumers import make_handlers

TABLES = ("tickets, uid_counters, outbox, processed_events, ticket_notes, ticket_attachments, ticket_history, "
          "ticket_assignment_history, tags, ticket_tags, teams, team_members, users, projects, poles, drops, "
          "auto_assign_rules, stats_snapshots")


@pytest.fixture(scope="session")
def tc_db_url(migrated_database: Callable[[str], str]) -> str:
    return migrated_database("ticket_core")


@pytest.fixture(scope="session")
def container(tc_db_url: str, broker_url: str, contracts_dir: Path,
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[Container]:
    settings = load(database_url=tc_db_url, broker_url=broker_url, validate_event_schemas=True,
                    contracts_dir=str(contracts_dir / "events"))
    c = bootstrap(settings, storage=LocalStorage(tmp_path_factory.mktemp("attachments")))
    yield c
    c.engine.dispose()


@pytest.fixture()
def clean(container: Container) -> None:
    container.deps.auto_assign = False
    container.deps.exact_count_limit = container.settings.exact_count_limit
    container.deps.stats_live_below = container.settings.stats_live_below
    container.deps.stats_max_age_seconds = container.settings.stats_max_age_seconds
    with container.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {TABLES}"))


@pytest.fixture()
def client(container: Container, signer: TestSigner, clean: None) -> Any:
    app = create_app(container.settings, verifier=signer.verifier(), container=container)
    return app.test_client()


@pytest.fixture()
def consumer(container: Container, clean: None) -> EventConsumer:
    """The worker's consumer, driven directly with .process(event) (no broker needed)."""
    return EventConsumer("ticket-core", container.sessions, "amqp://unused", "x", make_handlers(container.deps))


@pytest.fixture()
def event() -> Callable[..., dict[str, Any]]:
    def make(event_type: str, data: dict[str, Any], producer: str = "test", **kw: Any) -> dict[str, Any]:
        return make_event(event_type, data, producer=producer, **kw)
    return make


@pytest.fixture()
def sql(container: Container) -> Callable[..., Any]:
    def run(statement: str, **params: Any) -> list[Any]:
        with container.engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return result.all() if result.returns_rows else []
    return run


@pytest.fixture()
def outbox(sql: Callable[..., Any]) -> Callable[..., list[dict[str, Any]]]:
    """Staged events (payloads), optionally of one type, oldest first."""
    def read(event_type: str | None = None) -> list[dict[str, Any]]:
        rows = sql("SELECT payload FROM outbox ORDER BY id")
        return [r[0] for r in rows if event_type is None or r[0]["type"] == event_type]
    return read


@pytest.fixture()
def as_role(signer: TestSigner) -> Callable[..., dict[str, str]]:
    """Headers for a caller with ``role`` (and a stable id when given)."""
    def make(role: str, user_id: str | None = None, username: str = "tester") -> dict[str, str]:
        return signer.headers(roles=[role], sub=user_id or str(uuid.uuid4()), username=username)
    return make
