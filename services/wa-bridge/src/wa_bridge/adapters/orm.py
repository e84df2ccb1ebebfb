"""Database tables of wa-bridge: sessions, contacts, chats, messages (the log and the durable send
queue in one), early acks, ticket routes, and read-model copies of tickets and users."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, func, text)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from fibreflow_shared.messaging.tables import add_messaging_tables
from wa_bridge.adapters.pii import EncryptedJson, EncryptedText


class Base(DeclarativeBase):
    pass


def _uuid() -> str:
    return str(uuid.uuid4())


TS = DateTime(timezone=True)


class SessionRow(Base):
    """A WAHA session as we last saw it (status, phone, health)."""

    __tablename__ = "wa_sessions"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="STOPPED")
    phone: Mapped[str | None] = mapped_column(String(40))
    push_name: Mapped[str | None] = mapped_column(EncryptedText)
    last_seen_at: Mapped[datetime | None] = mapped_column(TS)
    last_error: Mapped[str | None] = mapped_column(Text)
    reconnect_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    status_at_ms: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)  # when WAHA reported it
    alerted_status: Mapped[str | None] = mapped_column(String(20))  # the status admins were last told of
    needs_reconcile: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    reconciled_at: Mapped[datetime | None] = mapped_column(TS)
    created_at: Mapped[datetime] = mapped_column(TS, nullable=False, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(TS, nullable=False, server_default=func.now())


class ContactRow(Base):
    """One person, however WAHA names them: a phone JID (``@c.us``), a hidden id (``@lid``), or both."""

    __tablename__ = "wa_contacts"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True, default=_uuid)
    phone_jid: Mapped[str | None] = mapped_column(String(100), unique=True)
    lid: Mapped[str | None] = mapped_column(String(100), unique=True)
    name: Mapped[str | None] = mapped_column(EncryptedText)
    created_at: Mapped[datetime] = mapped_column(TS, nullable=False, server_default=func.now())


class ChatRow(Base):
    """A group or 1-on-1 chat, linked to a project and/or a ticket."""

    __tablename__ = "wa_chats"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True, default=_uuid)
    jid: Mapped[str] = mapped_column(String(100), nullable=False, unique=True)
    is_group: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    name: Mapped[str | None] = mapped_column(EncryptedText)
    contact_id: Mapped[str | None] = mapped_column(UUID(as_uuid=False), ForeignKey("wa_contacts.id"))
    project_id: Mapped[str | None] = mapped_column(String(64))
    project_name: Mapped[str | None] = mapped_column(String(255))
    ticket_uid: Mapped[str | None] = mapped_column(String(40), index=True)
    last_message_at: Mapped[datetime | None] = mapped_column(TS)
    created_at: Mapped[datetime] = mapped_column(TS, nullable=False, server_default=func.now())


class ParticipantRow(Base):
    __tablename__ = "wa_chat_participants"

    chat_id: Mapped[str] = mapped_column(UUID(as_uuid=False), ForeignKey("wa_chats.id"), primary_key=True)
    contact_id: Mapped[str] = mapped_column(UUID(as_uuid=False), ForeignKey("wa_contacts.id"), primary_key=True)
    first_seen_at: Mapped[datetime] = mapped_column(TS, nullable=False, server_default=func.now())


class MessageRow(Base):
    """Every WhatsApp message in and out; outbound rows are also the durable send queue."""

    __tablename__ = "wa_messages"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True, default=_uuid)
    waha_id: Mapped[str | None] = mapped_column(String(200), unique=True)
    client_ref: Mapped[str | None] = mapped_column(String(100), unique=True)  # caller's idempotency key
    session_name: Mapped[str] = mapped_column(String(100), nullable=False)
    chat_id: Mapped[str] = mapped_column(UUID(as_uuid=False), ForeignKey("wa_chats.id"), nullable=False)
    contact_id: Mapped[str | None] = mapped_column(UUID(as_uuid=False), ForeignKey("wa_contacts.id"))
    direction: Mapped[str] = mapped_column(String(3), nullable=False)  # in | out
    kind: Mapped[str] = mapped_column(String(20), nullable=False, default="text")
    body: Mapped[str] = mapped_column(EncryptedText, nullable=False, default="")
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    ack: Mapped[int | None] = mapped_column(Integer)
    reply_to_waha_id: Mapped[str | None] = mapped_column(String(200))
    reply_to_id: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    ticket_uid: Mapped[str | None] = mapped_column(String(40))
    link_method: Mapped[str | None] = mapped_column(String(20))  # uid | reply | chat | manual | report | sender
    media_status: Mapped[str] = mapped_column(String(20), nullable=False, default="none")
    media_key: Mapped[str | None] = mapped_column(String(300))
    media_url: Mapped[str | None] = mapped_column(Text)  # WAHA's download URL, until fetched
    media_mimetype: Mapped[str | None] = mapped_column(String(120))
    media_filename: Mapped[str | None] = mapped_column(String(255))
    media_size: Mapped[int | None] = mapped_column(BigInteger)
    media_error: Mapped[str | None] = mapped_column(Text)
    sender_user_id: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    sender_name: Mapped[str | None] = mapped_column(EncryptedText)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(TS)
    error: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(20), nullable=False, default="webhook")  # webhook|reconcile|api|notify
    waha_timestamp: Mapped[datetime | None] = mapped_column(TS)
    handed_at: Mapped[datetime | None] = mapped_column(TS)  # WAHA accepted the send
    sent_at: Mapped[datetime | None] = mapped_column(TS)
    delivered_at: Mapped[datetime | None] = mapped_column(TS)
    read_at: Mapped[datetime | None] = mapped_column(TS)
    failed_at: Mapped[datetime | None] = mapped_column(TS)
    created_at: Mapped[datetime] = mapped_column(TS, nullable=False, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(TS, nullable=False, server_default=func.now())

    __table_args__ = (
        Index("ix_wa_messages_ticket", "ticket_uid", "created_at"),
        Index("ix_wa_messages_chat", "chat_id", "created_at"),
        Index("ix_wa_messages_due", "next_attempt_at",
              postgresql_where=text("direction = 'out' AND status = 'pending' AND waha_id IS NULL")),
        Index("ix_wa_messages_unacked", "handed_at",
              postgresql_where=text("direction = 'out' AND status = 'pending' AND waha_id IS NOT NULL")),
        Index("ix_wa_messages_unlinked", "created_at",
              postgresql_where=text("direction = 'in' AND ticket_uid IS NULL")),
        Index("ix_wa_messages_media_due", "created_at", postgresql_where=text("media_status = 'pending'")),
    )


class EarlyAckRow(Base):
    """An ack for a WAHA id we have not recorded yet (the ack beat the send's answer); applied later."""

    __tablename__ = "wa_early_acks"

    waha_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    ack: Mapped[int] = mapped_column(Integer, primary_key=True)
    received_at: Mapped[datetime] = mapped_column(TS, nullable=False, server_default=func.now())


class TicketRouteRow(Base):
    """A manual override: this ticket's messages go to this chat."""

    __tablename__ = "wa_ticket_routes"

    ticket_uid: Mapped[str] = mapped_column(String(40), primary_key=True)
    chat_id: Mapped[str] = mapped_column(UUID(as_uuid=False), ForeignKey("wa_chats.id"), nullable=False)
    set_by: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    set_at: Mapped[datetime] = mapped_column(TS, nullable=False, server_default=func.now())


class TicketRow(Base):
    """Our copy of a ticket (from ticket.* events): routing and the chat sidebar read it."""

    __tablename__ = "tickets"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True)
    ticket_uid: Mapped[str] = mapped_column(String(40), nullable=False, unique=True)
    snapshot: Mapped[dict] = mapped_column(EncryptedJson, nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    priority: Mapped[str | None] = mapped_column(String(20))
    drop_number: Mapped[str | None] = mapped_column(String(40), index=True)
    project_id: Mapped[str | None] = mapped_column(String(64))
    assigned_to: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    deleted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    ticket_updated_at: Mapped[datetime | None] = mapped_column(TS)


class UserRow(Base):
    """Our copy of a user (from user.* events): a technician's phone for 1-on-1 routing."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True)
    display_name: Mapped[str] = mapped_column(EncryptedText, nullable=False, default="")
    phone: Mapped[str | None] = mapped_column(EncryptedText)
    roles: Mapped[list] = mapped_column(JSONB, nullable=False, default=list)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


OUTBOX, PROCESSED_EVENTS = add_messaging_tables(Base.metadata)
