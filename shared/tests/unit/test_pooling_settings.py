"""Settings for running behind PgBouncer in transaction mode: no server-side prepared statements
(DB_PREPARED_STATEMENTS=false), and the outbox relay's LISTEN on its own URL or off."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import text

from fibreflow_shared.db import make_engine
from fibreflow_shared.messaging.relay import OutboxRelay
from fibreflow_shared.settings import CommonSettings, load_settings
from fibreflow_shared.testing.infra import ADMIN_DB_URL


def test_the_settings_default_to_direct_connections_and_read_the_pooler_switches() -> None:
    base = {"DATABASE_URL": "postgresql://x@127.0.0.1/x"}
    default = load_settings(CommonSettings, base)
    assert default.db_prepared_statements is True and default.database_listen_url == ""
    pooled = load_settings(CommonSettings, {**base, "DB_PREPARED_STATEMENTS": "false", "DATABASE_LISTEN_URL": "off",
                                            "DB_POOL_SIZE": "3", "DB_MAX_OVERFLOW": "1"})
    assert pooled.db_prepared_statements is False and pooled.database_listen_url == "off"
    assert (pooled.db_pool_size, pooled.db_max_overflow) == (3, 1)


@pytest.mark.integration
@pytest.mark.parametrize("prepared, threshold", [(True, 5), (False, None)])
def test_prepared_statements_can_be_turned_off(prepared: bool, threshold: int | None) -> None:
    engine = make_engine(ADMIN_DB_URL, pool_size=1, max_overflow=0, prepared_statements=prepared)
    try:
        with engine.connect() as conn:
            for _ in range(7):  # past psycopg's threshold: it would prepare the statement server-side
                conn.execute(text("SELECT 1 WHERE 1 = :one"), {"one": 1})
            assert conn.connection.driver_connection.prepare_threshold == threshold
            prepared_count = conn.execute(text("SELECT count(*) FROM pg_prepared_statements")).scalar()
            assert (prepared_count > 0) is prepared
    finally:
        engine.dispose()


def test_the_relay_polls_without_listening_when_listen_is_off() -> None:
    engine = make_engine("postgresql://nobody@127.0.0.1:1/none")  # never connected
    relay = OutboxRelay(engine, "amqp://guest:guest@127.0.0.1:1/%2F", "x", "svc", listen_url="off")
    started = time.monotonic()
    assert relay._wait_slice(0.2) is False
    assert time.monotonic() - started >= 0.19 and relay._listener is None
