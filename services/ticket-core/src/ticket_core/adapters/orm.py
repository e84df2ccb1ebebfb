"""Database tables of ticket-core (SQLAlchemy 2 declarative). Migrations are the source of the
schema; these mappings mirror them."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (BigInteger, Boolean, CheckConstraint, Computed, Date, DateTime, ForeignKey, Identity, Index,
                        Integer, Numeric, SmallInteger, String, Text, func, text)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSVECTOR, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from fibreflow_shared.messaging.tables import add_messaging_tables
from ticket_core.domain.model import PRIORITIES, SOURCES, STATUSES, TYPES


class Base(DeclarativeBase):
    pass


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _uuid() -> str:
    return str(uuid.uuid4())


def _rank(column: str, values: tuple[str, ...]) -> str:
    return "CASE " + column + " " + " ".join(f"WHEN '{v}' THEN {i}" for i, v in enumerate(values)) + " END"


SEARCH_VECTOR_SQL = ("setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
                     "setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')")
UUIDS = UUID(as_uuid=False)


class TicketRow(Base):
    __tablename__ = "tickets"

    id: Mapped[str] = mapped_column(UUIDS, primary_key=True, default=_uuid)
    ticket_uid: Mapped[str] = mapped_column(String(30), unique=True, nullable=False)
    title: Mapped[str] = mapped_column(String(255), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False)
    source_reference: Mapped[str | None] = mapped_column(String(100))
    external_uid: Mapped[str | None] = mapped_column(String(50))
    external_updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Deferred: written, never read in Python; loading and decoding it for every ticket cost CPU.
    reporter: Mapped[Any] = mapped_column(JSONB, deferred=True)
    type: Mapped[str] = mapped_column(String(20), nullable=False)
    category: Mapped[str | None] = mapped_column(String(100))
    priority: Mapped[str] = mapped_column(String(10), nullable=False, server_default="medium")
    status: Mapped[str] = mapped_column(String(20), nullable=False, server_default="new")
    priority_rank: Mapped[int] = mapped_column(SmallInteger, Computed(_rank("priority", PRIORITIES)))
    status_rank: Mapped[int] = mapped_column(SmallInteger, Computed(_rank("status", STATUSES)))
    # location (FR-001.4: filled from the drop when known)
    drop_number: Mapped[str | None] = mapped_column(String(50))
    drop_unknown: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=text("false"))
    project_id: Mapped[str | None] = mapped_column(UUIDS)
    project_name: Mapped[str | None] = mapped_column(String(255))
    pole_number: Mapped[str | None] = mapped_column(String(50))
    zone: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(Text)
    pon: Mapped[str | None] = mapped_column(String(50))
    latitude: Mapped[Decimal | None] = mapped_column(Numeric(10, 8))
    longitude: Mapped[Decimal | None] = mapped_column(Numeric(11, 8))
    install_date: Mapped[date | None] = mapped_column(Date)
    # assignment
    assigned_to: Mapped[str | None] = mapped_column(UUIDS)
    assigned_team: Mapped[str | None] = mapped_column(UUIDS)
    last_assigned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    assignment_count: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    escalated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    escalated_by: Mapped[str | None] = mapped_column(UUIDS)
    escalation_reason: Mapped[str | None] = mapped_column(Text)
    # workflow
    status_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status_changed_by: Mapped[str | None] = mapped_column(UUIDS)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # billing complaints (PII encrypted; *_index are keyed hashes for exact lookup)
    issue_type: Mapped[str | None] = mapped_column(String(30))
    client_name_enc: Mapped[str | None] = mapped_column(Text)
    client_phone_enc: Mapped[str | None] = mapped_column(Text)
    client_email_enc: Mapped[str | None] = mapped_column(Text)
    client_account_id: Mapped[str | None] = mapped_column(String(100))
    client_phone_index: Mapped[str | None] = mapped_column(String(64))
    client_name_index: Mapped[str | None] = mapped_column(String(64))
    # read models kept from billing.* and sla.* events
    billing_type: Mapped[str | None] = mapped_column(String(20))
    billing_status: Mapped[str | None] = mapped_column(String(20))
    requires_billing_approval: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=text("false"))
    billing_event_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    sla_state: Mapped[str | None] = mapped_column(String(20))
    sla_paused: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=text("false"))
    sla_breached: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=text("false"))
    sla_event_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # bookkeeping
    created_by: Mapped[str] = mapped_column(UUIDS, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())
    due_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    deleted_by: Mapped[str | None] = mapped_column(UUIDS)
    # Only ever used inside SQL (search); deferred so loading a ticket does not fetch and parse
    # two tsvectors (the largest columns of the row).
    search_vector: Mapped[Any] = mapped_column(TSVECTOR, Computed(SEARCH_VECTOR_SQL), deferred=True)
    notes_vector: Mapped[Any] = mapped_column(TSVECTOR, deferred=True)

    __table_args__ = (
        CheckConstraint(_in("type", TYPES), name="ck_tickets_type"),
        CheckConstraint(_in("priority", PRIORITIES), name="ck_tickets_priority"),
        CheckConstraint(_in("status", STATUSES), name="ck_tickets_status"),
        CheckConstraint(_in("source", SOURCES), name="ck_tickets_source"),
        Index("ix_tickets_status", "status"),
        Index("ix_tickets_assigned_to", "assigned_to"),
        Index("ix_tickets_created_at", "created_at"),
    )


class NoteRow(Base):
    __tablename__ = "ticket_notes"

    id: Mapped[str] = mapped_column(UUIDS, primary_key=True, default=_uuid)
    ticket_id: Mapped[str] = mapped_column(UUIDS, ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False)
    content: Mapped[str] = mapped_column(Text, nullable=False)
    is_internal: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=text("true"))
    created_by: Mapped[str] = mapped_column(UUIDS, nullable=False)
    author_name: Mapped[str | None] = mapped_column(String(255))
    channel: Mapped[str] = mapped_column(String(20), nullable=False, server_default="web")
    external_id: Mapped[str | None] = mapped_column(String(255))
    mentions: Mapped[list[str]] = mapped_column(ARRAY(UUIDS), nullable=False, server_default="{}")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class AttachmentRow(Base):
    __tablename__ = "ticket_attachments"

    id: Mapped[str] = mapped_column(UUIDS, primary_key=True, default=_uuid)
    ticket_id: Mapped[str] = mapped_column(UUIDS, ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False)
    file_url: Mapped[str] = mapped_column(Text, nullable=False)
    file_name: Mapped[str] = mapped_column(String(255), nullable=False)
    file_type: Mapped[str] = mapped_column(String(100), nullable=False)
    file_size: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    storage: Mapped[str] = mapped_column(String(10), nullable=False)
    created_by: Mapped[str] = mapped_column(UUIDS, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class HistoryRow(Base):
    __tablename__ = "ticket_history"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    ticket_id: Mapped[str] = mapped_column(UUIDS, ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False)
    field_changed: Mapped[str] = mapped_column(String(50), nullable=False)
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(String(30))
    changed_by: Mapped[str] = mapped_column(UUIDS, nullable=False)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class AssignmentRow(Base):
    __tablename__ = "ticket_assignment_history"

    id: Mapped[str] = mapped_column(UUIDS, primary_key=True, default=_uuid)
    ticket_id: Mapped[str] = mapped_column(UUIDS, ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False)
    assigned_from_user_id: Mapped[str | None] = mapped_column(UUIDS)
    assigned_to_user_id: Mapped[str | None] = mapped_column(UUIDS)
    assigned_from_team_id: Mapped[str | None] = mapped_column(UUIDS)
    assigned_to_team_id: Mapped[str | None] = mapped_column(UUIDS)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    reason: Mapped[str | None] = mapped_column(Text)
    reassigned_by: Mapped[str] = mapped_column(UUIDS, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class TagRow(Base):
    __tablename__ = "tags"

    id: Mapped[str] = mapped_column(UUIDS, primary_key=True, default=_uuid)
    name: Mapped[str] = mapped_column(String(50), unique=True, nullable=False)
    color: Mapped[str] = mapped_column(String(7), nullable=False, server_default="#6B7280")


class TicketTagRow(Base):
    __tablename__ = "ticket_tags"

    ticket_id: Mapped[str] = mapped_column(UUIDS, ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[str] = mapped_column(UUIDS, ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)


class TeamRow(Base):
    __tablename__ = "teams"

    id: Mapped[str] = mapped_column(UUIDS, primary_key=True, default=_uuid)
    name: Mapped[str] = mapped_column(String(100), unique=True, nullable=False)
    zone: Mapped[str | None] = mapped_column(String(100))
    specialty_types: Mapped[list[str]] = mapped_column(ARRAY(String(20)), nullable=False, server_default="{}")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=text("true"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class TeamMemberRow(Base):
    __tablename__ = "team_members"

    team_id: Mapped[str] = mapped_column(UUIDS, ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[str] = mapped_column(UUIDS, primary_key=True)
    is_lead: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=text("false"))


class UserRow(Base):
    """The local copy of the gateway's users (user.created/updated) for @mentions and rules."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(UUIDS, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), nullable=False)
    display_name: Mapped[str | None] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(255))
    phone: Mapped[str | None] = mapped_column(String(30))
    roles: Mapped[list[str]] = mapped_column(ARRAY(String(20)), nullable=False, server_default="{}")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=text("true"))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class ProjectRow(Base):
    __tablename__ = "projects"

    id: Mapped[str] = mapped_column(UUIDS, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), nullable=False)
    code: Mapped[str | None] = mapped_column(String(50))
    zone: Mapped[str | None] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class PoleRow(Base):
    __tablename__ = "poles"

    pole_number: Mapped[str] = mapped_column(String(50), primary_key=True)
    project_id: Mapped[str | None] = mapped_column(UUIDS)
    zone: Mapped[str | None] = mapped_column(String(100))
    latitude: Mapped[Decimal | None] = mapped_column(Numeric(10, 8))
    longitude: Mapped[Decimal | None] = mapped_column(Numeric(11, 8))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class DropRow(Base):
    __tablename__ = "drops"

    drop_number: Mapped[str] = mapped_column(String(50), primary_key=True)
    project_id: Mapped[str | None] = mapped_column(UUIDS)
    pole_number: Mapped[str | None] = mapped_column(String(50))
    zone: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(Text)
    pon: Mapped[str | None] = mapped_column(String(50))
    latitude: Mapped[Decimal | None] = mapped_column(Numeric(10, 8))
    longitude: Mapped[Decimal | None] = mapped_column(Numeric(11, 8))
    install_date: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class AutoAssignRuleRow(Base):
    __tablename__ = "auto_assign_rules"

    id: Mapped[str] = mapped_column(UUIDS, primary_key=True, default=_uuid)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, server_default="100")
    match_zone: Mapped[str | None] = mapped_column(String(100))
    match_type: Mapped[str | None] = mapped_column(String(20))
    team_id: Mapped[str] = mapped_column(UUIDS, ForeignKey("teams.id", ondelete="CASCADE"), nullable=False)
    strategy: Mapped[str] = mapped_column(String(20), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=text("true"))
    last_user_id: Mapped[str | None] = mapped_column(UUIDS)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class UidCounter(Base):
    """One row per UID scope (FF, AH, EML, DR1234, BILL-20261122); incremented under a row lock."""

    __tablename__ = "uid_counters"

    scope: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, nullable=False)


OUTBOX, PROCESSED_EVENTS = add_messaging_tables(Base.metadata)
