"""Database tables of email-intake. Addresses and message content are PII: the raw message,
the sender and the extracted fields are encrypted (Fernet, ``fibreflow_shared.pii``); the sender
is found through a keyed hash (blind index)."""
from __future__ import annotations

import uuid
from datetime import datetime

from fibreflow_shared.messaging.tables import add_messaging_tables
from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


def _uuid() -> str:
    return str(uuid.uuid4())


class EmailRow(Base):
    """One inbound email: stored raw before anything else, then decided once."""

    __tablename__ = "emails"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True, default=_uuid)
    dedupe_key: Mapped[str] = mapped_column(String(300), nullable=False, unique=True)
    message_id: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(20), nullable=False)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())
    raw_enc: Mapped[str] = mapped_column(Text, nullable=False)
    raw_size: Mapped[int] = mapped_column(Integer, nullable=False)
    envelope_from_enc: Mapped[str | None] = mapped_column(Text)
    has_envelope_from: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    recipients: Mapped[list[str]] = mapped_column(ARRAY(Text), nullable=False, default=list)
    provider: Mapped[dict] = mapped_column(JSONB, nullable=False, default=dict)
    deliveries: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="received")
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(String(20))
    rule: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(Text, nullable=False, default="")
    sender_enc: Mapped[str | None] = mapped_column(Text)
    sender_index: Mapped[str | None] = mapped_column(String(64))
    fields_enc: Mapped[str | None] = mapped_column(Text)
    verdicts: Mapped[dict] = mapped_column(JSONB, nullable=False, default=dict)
    thread_key: Mapped[str | None] = mapped_column(String(120))
    ticket_uid: Mapped[str | None] = mapped_column(String(40))
    acknowledge: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    ack_message_id: Mapped[str | None] = mapped_column(Text)
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    processed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reviewed_by: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    review_note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_emails_received_at", "received_at"),
        Index("ix_emails_outcome", "outcome", "received_at"),
        Index("ix_emails_sender", "sender_index", "received_at"),
        Index("ix_emails_ticket_uid", "ticket_uid"),
        Index("ix_emails_pending", "received_at", postgresql_where=text("status = 'received'")),
    )


class AttachmentRow(Base):
    """An attachment of an email: kept (with its bytes) or refused (with the reason)."""

    __tablename__ = "attachments"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True, default=_uuid)
    email_id: Mapped[str] = mapped_column(UUID(as_uuid=False), ForeignKey("emails.id", ondelete="CASCADE"),
                                          nullable=False, index=True)
    filename: Mapped[str] = mapped_column(String(255), nullable=False)
    content_type: Mapped[str] = mapped_column(String(200), nullable=False)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    accepted: Mapped[bool] = mapped_column(Boolean, nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    data: Mapped[bytes | None] = mapped_column(LargeBinary)


class ThreadRow(Base):
    """A ticket as threading sees it: pending (requested, no UID yet) or known from ticket.created.
    ``key`` is the email id for our own tickets (the source_reference), ``ticket:<uuid>`` for others."""

    __tablename__ = "threads"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    ticket_id: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    ticket_uid: Mapped[str | None] = mapped_column(String(40), unique=True)
    source: Mapped[str] = mapped_column(String(20), nullable=False, default="email")
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="new")
    participants: Mapped[list[str]] = mapped_column(ARRAY(String(64)), nullable=False, default=list)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class MessageRefRow(Base):
    """A Message-ID we know (received or sent) and the thread it belongs to (none: dropped mail)."""

    __tablename__ = "message_refs"

    message_id: Mapped[str] = mapped_column(String(998), primary_key=True)
    thread_key: Mapped[str | None] = mapped_column(String(120), index=True)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class WebhookTokenRow(Base):
    """Mailgun tokens already accepted (replay cache; old ones are swept)."""

    __tablename__ = "webhook_tokens"

    token: Mapped[str] = mapped_column(String(200), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class ImapStateRow(Base):
    """The UID watermark of one IMAP mailbox; a new UIDVALIDITY starts it over."""

    __tablename__ = "imap_state"

    mailbox: Mapped[str] = mapped_column(String(400), primary_key=True)
    uidvalidity: Mapped[int] = mapped_column(BigInteger, nullable=False)
    last_uid: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


add_messaging_tables(Base.metadata)
