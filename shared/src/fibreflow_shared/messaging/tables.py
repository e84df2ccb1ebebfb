"""The outbox and processed-events tables every service keeps in its own database."""
from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Identity, Index, Integer, MetaData, String, Table, Text, func, text
from sqlalchemy.dialects.postgresql import JSONB, UUID

OUTBOX_NOTIFY_CHANNEL = "fibreflow_outbox"


def add_messaging_tables(metadata: MetaData) -> tuple[Table, Table]:
    """Attach ``outbox`` and ``processed_events`` to a service's metadata."""
    outbox = Table(
        "outbox", metadata,
        Column("id", BigInteger, Identity(always=False), primary_key=True),
        Column("event_id", UUID(as_uuid=False), nullable=False, unique=True),
        Column("event_type", String(100), nullable=False),
        Column("payload", JSONB, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("published_at", DateTime(timezone=True)),
        Column("attempts", Integer, nullable=False, server_default="0"),
        Column("last_error", Text),
        # The relay only ever looks at unpublished rows: keep that index tiny.
        Index("ix_outbox_unpublished", "id", postgresql_where=text("published_at IS NULL")),
        Index("ix_outbox_published_at", "published_at", postgresql_where=text("published_at IS NOT NULL")),
    )
    processed = Table(
        "processed_events", metadata,
        Column("event_id", String(64), primary_key=True),
        Column("event_type", String(100), nullable=False),
        Column("processed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    return outbox, processed


def create_messaging_tables_op() -> None:
    """Alembic helper for a service's first migration: create both tables."""
    from alembic import op

    md = MetaData()
    outbox, processed = add_messaging_tables(md)
    md.create_all(op.get_bind(), tables=[outbox, processed])
