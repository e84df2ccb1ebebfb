"""The corpus and the one thread state its expected-decision table assumes (``expected.csv``).

State: EML-0042 open, reported by thabo@example.co.za, known by its first email's Message-ID
``CAF=orig-42@mail.gmail.com`` and our acknowledgement ``ack.1@fibreflow.app``; EML-0007
closed (thabo); FF-0123 open, client lerato@example.com; ``newsletter-1@news.example.com`` is
a message we know that belongs to no ticket."""
from __future__ import annotations

import csv
from pathlib import Path

from email_intake.domain.decision import Policy
from email_intake.domain.spam import SpamPolicy
from email_intake.domain.threading import TicketRef

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
EXPECTED = CORPUS / "expected.csv"
POLICY = Policy(own_domains=("fibreflow.app", "fibreflow.local"), ticket_addresses=("tickets@fibreflow.app",),
                spam=SpamPolicy(threshold=5.0, authserv_ids=("mx.fibreflow.app",)), rate_limit=20)
EML42 = TicketRef("ref-42", "EML-0042", "new", frozenset({"thabo@example.co.za"}))
EML7 = TicketRef("ref-7", "EML-0007", "closed", frozenset({"thabo@example.co.za"}))
FF123 = TicketRef(None, "FF-0123", "assigned", frozenset({"lerato@example.com"}))


class StandardLookup:
    """The corpus' thread state, in memory (the service's SqlThreadLookup answers the same)."""

    messages = {"caf=orig-42@mail.gmail.com": EML42, "ack.1@fibreflow.app": EML42,
                "reply-1@mail.gmail.com": EML42, "newsletter-1@news.example.com": None}
    tickets = {"EML-0042": EML42, "EML-0007": EML7, "FF-0123": FF123}

    def by_message_ids(self, ids: list[str]) -> list[TicketRef]:
        found = [self.messages.get(i) for i in ids]
        return list({r.key: r for r in found if r is not None}.values())

    def by_uid(self, uid: str) -> TicketRef | None:
        return self.tickets.get(uid)


def expected_rows() -> list[dict[str, str]]:
    with EXPECTED.open(newline="") as f:
        return [row for row in csv.DictReader(f) if not row["file"].startswith("#")]


import pytest  # noqa: E402


@pytest.fixture(scope="session")
def lookup() -> StandardLookup:
    return StandardLookup()


@pytest.fixture(scope="session")
def policy() -> Policy:
    return POLICY


# -- integration: a migrated database, the container, the app, and event helpers ------------------
import uuid as _uuid  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from typing import Any

TABLES = "attachments, emails, threads, message_refs, webhook_tokens, imap_state, outbox, processed_events"


@pytest.fixture(scope="session")
def ei_db_url(migrated_database: Callable[[str], str]) -> str:
    return migrated_database("email_intake")


@pytest.fixture(scope="session")
def container(ei_db_url: str, broker_url: str, contracts_dir: Path) -> Iterator[Any]:
    from email_intake.bootstrap import bootstrap
    from email_intake.config import load

    settings = load(database_url=ei_db_url, broker_url=broker_url, validate_event_schemas=True,
                    contracts_dir=str(contracts_dir / "events"), consumer_retry_delay_ms=200, rate_limit=5,
                    ack_window_seconds=3600)
    c = bootstrap(settings)
    yield c
    c.close()


@pytest.fixture()
def clean(container: Any) -> None:
    from sqlalchemy import text

    with container.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {TABLES}"))


@pytest.fixture()
def client(container: Any, signer: Any, clean: None) -> Any:
    from email_intake.entrypoints.http import create_app

    return create_app(container.settings, verifier=signer.verifier(), container=container).test_client()


@pytest.fixture()
def staff(signer: Any) -> dict[str, str]:
    return signer.headers(roles=["team_lead"], sub=str(_uuid.uuid4()))


@pytest.fixture()
def deliver(container: Any, clean: None) -> Callable[[dict[str, Any]], str]:
    """Hand one event to the consumer's idempotent processing, as if it came off the queue."""
    from email_intake.service_layer.consumers import make_handlers
    from fibreflow_shared.messaging.consumer import EventConsumer

    return EventConsumer("email-intake", container.sessions, "amqp://unused", "x",
                         make_handlers(container.deps)).process


@pytest.fixture()
def outbox(container: Any) -> Callable[[str | None], list[dict[str, Any]]]:
    """The events staged so far (optionally of one type), oldest first."""
    from sqlalchemy import text

    def fetch(event_type: str | None = None) -> list[dict[str, Any]]:
        with container.engine.connect() as conn:
            rows = conn.execute(text("SELECT payload FROM outbox ORDER BY id")).scalars().all()
        return [r for r in rows if event_type is None or r["type"] == event_type]

    return fetch


@pytest.fixture()
def ticket_created(deliver: Callable[[dict[str, Any]], str]) -> Callable[..., dict[str, Any]]:
    """Play ticket-core: answer an intake.ticket_requested with the ticket.created it would publish."""
    from fibreflow_shared.messaging.envelope import make_event

    def answer(request: dict[str, Any] | None, uid: str, **over: Any) -> dict[str, Any]:
        d = request["data"] if request else {}
        ticket = {"id": str(_uuid.uuid4()), "ticket_uid": uid, "title": d.get("title", "x"), "description": "",
                  "source": d.get("source", "ff_internal"), "source_reference": d.get("source_reference"),
                  "type": d.get("type", "fault"), "priority": d.get("priority", "medium"), "status": "new",
                  "client_email": d.get("client_email"), "created_at": "2026-12-02T08:00:00+00:00",
                  "updated_at": "2026-12-02T08:00:00+00:00", "tags": []}
        ticket.update(over)
        event = make_event("ticket.created", {"ticket": ticket}, producer="ticket-core")
        deliver(event)
        return ticket

    return answer


def eml(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


@pytest.fixture(scope="session")
def corpus() -> Callable[[str], bytes]:
    return eml
