"""Outbox.add signals the relay with ONE NOTIFY per transaction, sent at commit."""
from __future__ import annotations

from typing import Any

import psycopg
import pytest
from sqlalchemy import event as sa_event, text

from fibreflow_shared.db import transaction
from fibreflow_shared.messaging.outbox import Outbox
from fibreflow_shared.messaging.relay import libpq_dsn
from fibreflow_shared.messaging.tables import OUTBOX_NOTIFY_CHANNEL

pytestmark = pytest.mark.integration


@pytest.fixture()
def notify_statements(engine: Any) -> list[str]:
    """Every NOTIFY statement the engine sends."""
    seen: list[str] = []

    def spy(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("NOTIFY"):
            seen.append(statement)

    sa_event.listen(engine, "before_cursor_execute", spy)
    yield seen
    sa_event.remove(engine, "before_cursor_execute", spy)


@pytest.fixture()
def listener(engine: Any) -> Any:
    conn = psycopg.connect(libpq_dsn(engine), autocommit=True)
    conn.execute(f"LISTEN {OUTBOX_NOTIFY_CHANNEL}")
    yield conn
    conn.close()


def received(listener: Any) -> int:
    return sum(1 for _ in listener.notifies(timeout=0.3))


def outbox_count(engine: Any) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM outbox")).scalar_one()


def test_many_events_in_one_transaction_send_one_notify(sessions, engine, notify_statements, listener) -> None:
    outbox = Outbox("test")
    with transaction(sessions) as session:
        for i in range(20):
            outbox.add(session, "thing.created", {"n": i})
        assert notify_statements == []  # nothing until the commit
    assert len(notify_statements) == 1
    assert received(listener) == 1
    assert outbox_count(engine) == 20


def test_each_transaction_of_a_session_notifies_once(sessions, engine, notify_statements, listener) -> None:
    outbox = Outbox("test")
    session = sessions()
    try:
        for tx in range(3):
            with session.begin():
                outbox.add(session, "thing.created", {"tx": tx})
                outbox.add(session, "thing.created", {"tx": tx})
        with session.begin():  # a transaction without events owes nothing
            session.execute(text("SELECT 1"))
    finally:
        session.close()
    assert len(notify_statements) == 3
    assert outbox_count(engine) == 6


def test_rolled_back_transaction_sends_no_notify(sessions, engine, notify_statements, listener) -> None:
    outbox = Outbox("test")
    with pytest.raises(RuntimeError):
        with transaction(sessions) as session:
            outbox.add(session, "thing.created", {"n": 1})
            raise RuntimeError("business failure")
    assert notify_statements == [] and received(listener) == 0
    with transaction(sessions) as session:  # the next transaction is not confused by the dead one
        session.execute(text("SELECT 1"))
    assert notify_statements == []


def test_savepoints_one_notify_and_a_rolled_back_first_event_does_not_swallow_it(
        sessions, engine, notify_statements, listener) -> None:
    """The consumer's batch mode: a savepoint per event, the first one rolled back."""
    outbox = Outbox("test")
    with transaction(sessions) as session:
        with pytest.raises(ValueError):
            with session.begin_nested():
                outbox.add(session, "thing.created", {"n": "rolled back"})
                raise ValueError("first event fails")
        for i in range(5):
            with session.begin_nested():
                outbox.add(session, "thing.created", {"n": i})
        assert notify_statements == []  # savepoint releases do not send it
    assert len(notify_statements) == 1
    assert received(listener) == 1
    assert outbox_count(engine) == 5
