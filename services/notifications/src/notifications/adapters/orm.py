"""Database tables of the notifications service."""
from __future__ import annotations

import uuid
from datetime import datetime, time

from sqlalchemy import (Boolean, DateTime, Index, Integer, String, Text, Time, UniqueConstraint, func, text)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from fibreflow_shared.messaging.tables import add_messaging_tables


class Base(DeclarativeBase):
    pass


def _uuid() -> str:
    return str(uuid.uuid4())


class NotificationRow(Base):
    """The notification log and the durable send queue in one: a row per event × recipient × channel."""

    __tablename__ = "notifications"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True, default=_uuid)
    trigger_event_id: Mapped[str] = mapped_column(String(64), nullable=False)
    trigger_event_type: Mapped[str] = mapped_column(String(100), nullable=False)
    ticket_id: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    ticket_uid: Mapped[str | None] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(20), nullable=False)
    recipient: Mapped[str] = mapped_column(String(320), nullable=False)
    recipient_user_id: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    template: Mapped[str] = mapped_column(String(100), nullable=False)
    subject: Mapped[str] = mapped_column(Text, nullable=False, default="")
    body: Mapped[str] = mapped_column(Text, nullable=False)
    critical: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="queued")
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    provider: Mapped[str | None] = mapped_column(String(30))
    provider_id: Mapped[str | None] = mapped_column(String(100))
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    failed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Extra email headers a requesting service asked for (notification.email_requested), else None.
    headers: Mapped[dict | None] = mapped_column(JSONB)

    __table_args__ = (
        UniqueConstraint("trigger_event_id", "recipient", "channel", name="uq_notifications_event_recipient_channel"),
        # The sender only looks at due queued rows: keep that index small.
        Index("ix_notifications_due", "next_attempt_at", postgresql_where=text("status = 'queued'")),
        Index("ix_notifications_inbox", "recipient_user_id", "created_at",
              postgresql_where=text("channel = 'in_app'")),
        Index("ix_notifications_unread", "recipient_user_id",
              postgresql_where=text("channel = 'in_app' AND read_at IS NULL")),
        Index("ix_notifications_provider_id", "provider_id", postgresql_where=text("provider_id IS NOT NULL")),
        Index("ix_notifications_ticket_uid", "ticket_uid", "created_at"),
        Index("ix_notifications_created_at", "created_at"),
        Index("ix_notifications_channel_status", "channel", "status", "created_at"),
    )


class UserRow(Base):
    """The directory of users, kept from the gateway's user.* events."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True)
    username: Mapped[str] = mapped_column(String(100), nullable=False)
    display_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(20))
    roles: Mapped[list[str]] = mapped_column(ARRAY(String(30)), nullable=False, default=list)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())

    __table_args__ = (Index("ix_users_roles", "roles", postgresql_using="gin"),)


class TeamRow(Base):
    """Teams and members (with leads), kept from ticket-core's team.updated events."""

    __tablename__ = "teams"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    lead_ids: Mapped[list[str]] = mapped_column(ARRAY(String(36)), nullable=False, default=list)
    member_ids: Mapped[list[str]] = mapped_column(ARRAY(String(36)), nullable=False, default=list)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class TicketRow(Base):
    """What the rules need to know about a ticket, from ticket.* events. The client's phone is
    kept only as a keyed hash: enough to check who may ask for a ticket's status by SMS."""

    __tablename__ = "tickets"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True)
    ticket_uid: Mapped[str] = mapped_column(String(40), nullable=False, unique=True)
    title: Mapped[str] = mapped_column(Text, nullable=False, default="")
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    type: Mapped[str | None] = mapped_column(String(20))
    priority: Mapped[str | None] = mapped_column(String(10))
    source: Mapped[str | None] = mapped_column(String(20))
    source_reference: Mapped[str | None] = mapped_column(String(100))
    assigned_to: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    assigned_team: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    created_by: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    client_phone_hash: Mapped[str | None] = mapped_column(String(64))
    deleted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    ticket_updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ProviderCallbackRow(Base):
    """Every provider status callback, kept so one that outruns our own record of the send
    (the provider answered, we have not stored its id yet) is applied when we do."""

    __tablename__ = "provider_callbacks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    provider_id: Mapped[str] = mapped_column(String(100), nullable=False, index=True)
    status: Mapped[str] = mapped_column(String(30), nullable=False)
    error_code: Mapped[str | None] = mapped_column(String(20))
    applied: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class TemplateRow(Base):
    """An admin's override of a default template."""

    __tablename__ = "templates"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    subject: Mapped[str] = mapped_column(Text, nullable=False, default="")
    body: Mapped[str] = mapped_column(Text, nullable=False)
    updated_by: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class PreferenceRow(Base):
    """A user's channel switches and quiet hours (non-critical email/SMS/WhatsApp wait them out)."""

    __tablename__ = "preferences"

    user_id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True)
    channels: Mapped[dict[str, bool]] = mapped_column(JSONB, nullable=False, default=dict)
    quiet_hours_start: Mapped[time | None] = mapped_column(Time)
    quiet_hours_end: Mapped[time | None] = mapped_column(Time)
    timezone: Mapped[str] = mapped_column(String(60), nullable=False, default="Africa/Johannesburg")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())



class WaSessionAlertRow(Base):
    """Per WhatsApp session: the status admins were last alerted about (None once it is WORKING
    again), so a flapping session raises one alert per status change, not one per report."""

    __tablename__ = "wa_session_alerts"

    session_name: Mapped[str] = mapped_column(String(100), primary_key=True)
    alerted_status: Mapped[str | None] = mapped_column(String(20))
    last_status: Mapped[str] = mapped_column(String(20), nullable=False)
    status_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


OUTBOX, PROCESSED_EVENTS = add_messaging_tables(Base.metadata)
