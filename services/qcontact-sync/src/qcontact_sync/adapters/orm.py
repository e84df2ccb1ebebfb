"""Database tables of qcontact-sync: the case mirror, the export and request queues, the sync
log, the failure queue, small state rows (watermark, session), webhook receipts, Fibertime posts."""
from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, DateTime, Identity, Index, Integer, String, Text, func, text
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from fibreflow_shared.messaging.tables import add_messaging_tables


class Base(DeclarativeBase):
    pass


def _uuid() -> str:
    return str(uuid.uuid4())


def _now() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class CaseRow(Base):
    """One QContact case ↔ its FT ticket: the single source of every sync decision."""

    __tablename__ = "qcontact_cases"

    case_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    ticket_uid: Mapped[str] = mapped_column(String(50), nullable=False, unique=True)
    ticket_id: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    origin: Mapped[str] = mapped_column(String(20), nullable=False, server_default="qcontact")
    fibertime_reference: Mapped[str | None] = mapped_column(String(100), unique=True)
    queue: Mapped[str | None] = mapped_column(String(200))
    qc_status: Mapped[str | None] = mapped_column(String(50))
    qc_updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    payload_enc: Mapped[str | None] = mapped_column(Text)  # last payload seen, Fernet-encrypted JSON
    synced: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False, server_default="{}")
    ff_status: Mapped[str | None] = mapped_column(String(20))
    first_seen_at: Mapped[datetime] = _now()
    last_import_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_export_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_synced_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)


class ExportRow(Base):
    """A FibreFlow change to write to QContact, sent in order (id) per case by the exporter."""

    __tablename__ = "qcontact_exports"
    __table_args__ = (Index("ix_exports_pending", "id", postgresql_where=text("state = 'pending'")),)

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=False), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    case_id: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    ticket_uid: Mapped[str] = mapped_column(String(50), nullable=False)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)  # fields | note
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    state: Mapped[str] = mapped_column(String(10), nullable=False, server_default="pending")
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    next_attempt_at: Mapped[datetime] = _now()
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = _now()
    done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class SyncRequestRow(Base):
    """Sync this case now (webhook, manual re-sync); ``*`` = a full re-import."""

    __tablename__ = "qcontact_sync_requests"

    case_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    reason: Mapped[str] = mapped_column(String(50), nullable=False)
    requested_at: Mapped[datetime] = _now()


class SyncLogRow(Base):
    """Every sync action, both directions (PRD §11.4 qcontact_sync_log)."""

    __tablename__ = "qcontact_sync_log"
    __table_args__ = (Index("ix_sync_log_case", "case_id", "id"), Index("ix_sync_log_action", "action", "id"))

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=False), primary_key=True)
    case_id: Mapped[str | None] = mapped_column(String(32))
    ticket_uid: Mapped[str | None] = mapped_column(String(50))
    action: Mapped[str] = mapped_column(String(50), nullable=False)
    direction: Mapped[str] = mapped_column(String(20), nullable=False)
    old_value: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    new_value: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    success: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default="true")
    error_message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = _now()


class FailureRow(Base):
    """A failed sync (PRD §11.4 qcontact_sync_failures): retried with backoff up to
    ``max_attempts``, then kept open for a manual retry until resolved."""

    __tablename__ = "qcontact_sync_failures"
    __table_args__ = (
        Index("ix_failures_retry", "next_retry_at", postgresql_where=text("resolved_at IS NULL")),
        Index("uq_failures_open", "operation", "subject", unique=True, postgresql_where=text("resolved_at IS NULL")),
    )

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True, default=_uuid)
    direction: Mapped[str] = mapped_column(String(20), nullable=False)
    operation: Mapped[str] = mapped_column(String(30), nullable=False)  # poll | case | export | fibertime_post
    subject: Mapped[str] = mapped_column(String(64), nullable=False)    # case id, export id, post id, "poll"
    case_id: Mapped[str | None] = mapped_column(String(32))
    ticket_uid: Mapped[str | None] = mapped_column(String(50))
    error_message: Mapped[str | None] = mapped_column(Text)
    retry_count: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    max_attempts: Mapped[int] = mapped_column(Integer, nullable=False, server_default="3")
    next_retry_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    gave_up_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = _now()
    updated_at: Mapped[datetime] = _now()


class StateRow(Base):
    """Small named state: ``poll`` (the watermark), ``session`` (QContact login state)."""

    __tablename__ = "qcontact_state"

    key: Mapped[str] = mapped_column(String(30), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    updated_at: Mapped[datetime] = _now()


class WebhookReceiptRow(Base):
    """Accepted webhook ids / signatures, kept past the timestamp window to refuse replays."""

    __tablename__ = "webhook_receipts"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    source: Mapped[str] = mapped_column(String(20), nullable=False)
    received_at: Mapped[datetime] = _now()


class FibertimePostRow(Base):
    """An outbound ``ticket.updated`` post to Fibertime (PRD §11.1), retried until sent."""

    __tablename__ = "fibertime_posts"
    __table_args__ = (Index("ix_fibertime_pending", "id", postgresql_where=text("state = 'pending'")),)

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=False), primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(100), nullable=False, unique=True)
    ticket_uid: Mapped[str] = mapped_column(String(50), nullable=False, index=True)
    body: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    state: Mapped[str] = mapped_column(String(10), nullable=False, server_default="pending")
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    next_attempt_at: Mapped[datetime] = _now()
    last_error: Mapped[str | None] = mapped_column(Text)
    response_status: Mapped[int | None] = mapped_column(Integer)
    created_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = _now()
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


add_messaging_tables(Base.metadata)
