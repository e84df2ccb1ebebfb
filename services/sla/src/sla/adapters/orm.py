"""Database tables of the sla service."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (BigInteger, Boolean, Date, DateTime, Identity, Index, Integer, Numeric, SmallInteger, String,
                        UniqueConstraint, func, text)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from fibreflow_shared.messaging.tables import add_messaging_tables


class Base(DeclarativeBase):
    pass


class ClockRow(Base):
    """One clock (resolution or response) of one ticket."""

    __tablename__ = "sla_clocks"
    __table_args__ = (
        UniqueConstraint("ticket_id", "kind", name="uq_sla_clocks_ticket_kind"),
        Index("ix_sla_clocks_ticket_uid", "ticket_uid"),
        # The scanner reads only clocks with a pending threshold crossing: keep that index small.
        Index("ix_sla_clocks_next_event_at", "next_event_at", postgresql_where=text("next_event_at IS NOT NULL")),
        Index("ix_sla_clocks_stopped", "kind", "stopped_at", postgresql_where=text("stopped_at IS NOT NULL")),
        Index("ix_sla_clocks_breached_open", "kind", "due_at", postgresql_where=text("alert_level >= 3")),
    )

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True, default=lambda: str(uuid.uuid4()))
    ticket_id: Mapped[str] = mapped_column(UUID(as_uuid=False), nullable=False)
    ticket_uid: Mapped[str] = mapped_column(String(20), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False, server_default="resolution")
    ticket_type: Mapped[str] = mapped_column(String(20), nullable=False)
    priority: Mapped[str] = mapped_column(String(10), nullable=False)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    target_minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    state: Mapped[str] = mapped_column(String(20), nullable=False, server_default="running")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())
    business_hours: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default="false")
    warning_percent: Mapped[int] = mapped_column(SmallInteger, nullable=False, server_default="75")
    critical_percent: Mapped[int] = mapped_column(SmallInteger, nullable=False, server_default="90")
    pauses: Mapped[list[Any]] = mapped_column(JSONB, nullable=False, server_default=text("'[]'::jsonb"))
    paused_seconds: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    alert_level: Mapped[int] = mapped_column(SmallInteger, nullable=False, server_default="0")
    cycle: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")
    next_event_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    stopped_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    met: Mapped[bool | None] = mapped_column(Boolean)
    target_source: Mapped[str] = mapped_column(String(20), nullable=False, server_default="default")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class TicketRow(Base):
    """What sla knows of a ticket (from ticket.* snapshots and billing.classified)."""

    __tablename__ = "sla_tickets"

    ticket_id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True)
    ticket_uid: Mapped[str] = mapped_column(String(20), nullable=False, unique=True)
    ticket_type: Mapped[str | None] = mapped_column(String(20))
    priority: Mapped[str | None] = mapped_column(String(10))
    status: Mapped[str | None] = mapped_column(String(20))
    assigned_to: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    assigned_team: Mapped[str | None] = mapped_column(UUID(as_uuid=False), index=True)
    created_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    deleted: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default="false")
    contract_id: Mapped[str | None] = mapped_column(String(64))
    contract_response_hours: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    contract_resolution_hours: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    first_response_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # updated_at of the newest snapshot applied: older (redelivered, reordered) ones do not win.
    snapshot_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class ClockHistoryRow(Base):
    """Every change of a clock, in order."""

    __tablename__ = "sla_clock_history"
    __table_args__ = (Index("ix_sla_clock_history_clock", "clock_id", "id"),)

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=False), primary_key=True)
    clock_id: Mapped[str] = mapped_column(UUID(as_uuid=False), nullable=False)
    ticket_id: Mapped[str] = mapped_column(UUID(as_uuid=False), nullable=False)
    action: Mapped[str] = mapped_column(String(30), nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    state: Mapped[str] = mapped_column(String(20), nullable=False)
    sla_state: Mapped[str] = mapped_column(String(20), nullable=False)
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    target_minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    percent_elapsed: Mapped[Decimal] = mapped_column(Numeric(9, 2), nullable=False)
    cycle: Mapped[int] = mapped_column(Integer, nullable=False)
    detail: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False, server_default=text("'{}'::jsonb"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class TypeConfigRow(Base):
    """Base hours per ticket type (FR-004, FR-010.1) and its defaults for every priority."""

    __tablename__ = "sla_type_configs"

    ticket_type: Mapped[str] = mapped_column(String(20), primary_key=True)
    base_hours: Mapped[Decimal] = mapped_column(Numeric(8, 2), nullable=False)
    response_hours: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    business_hours_only: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default="false")
    warning_threshold_percent: Mapped[int] = mapped_column(SmallInteger, nullable=False, server_default="75")
    critical_threshold_percent: Mapped[int] = mapped_column(SmallInteger, nullable=False, server_default="90")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class PriorityMultiplierRow(Base):
    """FR-006 / FR-010.2 multipliers."""

    __tablename__ = "sla_priority_multipliers"

    priority: Mapped[str] = mapped_column(String(10), primary_key=True)
    multiplier: Mapped[Decimal] = mapped_column(Numeric(6, 3), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class OverrideRow(Base):
    """PRD §8 ``sla_configs``: a target for one type × priority replacing base × multiplier."""

    __tablename__ = "sla_configs"
    __table_args__ = (UniqueConstraint("ticket_type", "priority", name="uq_sla_configs_type_priority"),)

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True, default=lambda: str(uuid.uuid4()))
    ticket_type: Mapped[str] = mapped_column(String(20), nullable=False)
    priority: Mapped[str] = mapped_column(String(10), nullable=False)
    base_hours: Mapped[Decimal] = mapped_column(Numeric(8, 2), nullable=False)
    response_hours: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    business_hours_only: Mapped[bool | None] = mapped_column(Boolean)
    warning_threshold_percent: Mapped[int | None] = mapped_column(SmallInteger)
    critical_threshold_percent: Mapped[int | None] = mapped_column(SmallInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class CalendarRow(Base):
    """The business calendar (one row)."""

    __tablename__ = "sla_calendar"

    id: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    timezone: Mapped[str] = mapped_column(String(64), nullable=False)
    country: Mapped[str | None] = mapped_column(String(8))
    subdivision: Mapped[str | None] = mapped_column(String(16))
    # {"0": ["08:00", "17:00"], ...}; weekday 0 = Monday; a missing day is closed.
    working_hours: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class ClosedDayRow(Base):
    """A custom closed day (company shutdown, local holiday)."""

    __tablename__ = "sla_closed_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


OUTBOX, PROCESSED_EVENTS = add_messaging_tables(Base.metadata)
