"""sla: two clocks per ticket, pauses, alerts, configs, business calendar, history

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BASE_HOURS = {"build": 48, "fault": 4, "infrastructure": 24, "preventative": 168, "adhoc": 24, "billing": 24}
MULTIPLIERS = {"critical": "0.25", "high": "0.5", "medium": "1", "low": "2"}
UUID = postgresql.UUID(as_uuid=False)
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    # -- clocks: one per ticket and kind, with pauses and alert state ---------------------
    op.drop_constraint("sla_clocks_ticket_uid_key", "sla_clocks", type_="unique")
    for column in (
        sa.Column("business_hours", sa.Boolean, nullable=False, server_default="false"),
        sa.Column("warning_percent", sa.SmallInteger, nullable=False, server_default="75"),
        sa.Column("critical_percent", sa.SmallInteger, nullable=False, server_default="90"),
        sa.Column("pauses", postgresql.JSONB, nullable=False, server_default=sa.text("'[]'::jsonb")),
        sa.Column("paused_seconds", sa.Integer, nullable=False, server_default="0"),
        sa.Column("alert_level", sa.SmallInteger, nullable=False, server_default="0"),
        sa.Column("cycle", sa.Integer, nullable=False, server_default="1"),
        sa.Column("next_event_at", TS),
        sa.Column("stopped_at", TS),
        sa.Column("met", sa.Boolean),
        sa.Column("target_source", sa.String(20), nullable=False, server_default="default"),
        sa.Column("updated_at", TS, nullable=False, server_default=sa.func.now()),
    ):
        op.add_column("sla_clocks", column)
    # Skeleton clocks were wall-clock and running: arm their first (75 %) alert.
    op.execute("UPDATE sla_clocks SET next_event_at = started_at + make_interval(secs => target_minutes * 45) "
               "WHERE state = 'running'")
    op.create_unique_constraint("uq_sla_clocks_ticket_kind", "sla_clocks", ["ticket_id", "kind"])
    op.create_index("ix_sla_clocks_ticket_uid", "sla_clocks", ["ticket_uid"])
    op.create_index("ix_sla_clocks_next_event_at", "sla_clocks", ["next_event_at"],
                    postgresql_where=sa.text("next_event_at IS NOT NULL"))
    op.create_index("ix_sla_clocks_stopped", "sla_clocks", ["kind", "stopped_at"],
                    postgresql_where=sa.text("stopped_at IS NOT NULL"))
    op.create_index("ix_sla_clocks_breached_open", "sla_clocks", ["kind", "due_at"],
                    postgresql_where=sa.text("alert_level >= 3"))

    op.create_table(
        "sla_tickets",
        sa.Column("ticket_id", UUID, primary_key=True),
        sa.Column("ticket_uid", sa.String(20), nullable=False, unique=True),
        sa.Column("ticket_type", sa.String(20)),
        sa.Column("priority", sa.String(10)),
        sa.Column("status", sa.String(20)),
        sa.Column("assigned_to", UUID),
        sa.Column("assigned_team", UUID),
        sa.Column("created_at", TS),
        sa.Column("deleted", sa.Boolean, nullable=False, server_default="false"),
        sa.Column("contract_id", sa.String(64)),
        sa.Column("contract_response_hours", sa.Numeric(8, 2)),
        sa.Column("contract_resolution_hours", sa.Numeric(8, 2)),
        sa.Column("first_response_at", TS),
        sa.Column("snapshot_at", TS),
        sa.Column("updated_at", TS, nullable=False, server_default=sa.func.now()),
    )
    op.create_index("ix_sla_tickets_assigned_team", "sla_tickets", ["assigned_team"])
    op.execute("INSERT INTO sla_tickets (ticket_id, ticket_uid, ticket_type, priority, status, created_at) "
               "SELECT ticket_id, ticket_uid, ticket_type, priority, 'new', started_at FROM sla_clocks "
               "ON CONFLICT DO NOTHING")

    op.create_table(
        "sla_clock_history",
        sa.Column("id", sa.BigInteger, sa.Identity(always=False), primary_key=True),
        sa.Column("clock_id", UUID, nullable=False),
        sa.Column("ticket_id", UUID, nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("sla_state", sa.String(20), nullable=False),
        sa.Column("due_at", TS, nullable=False),
        sa.Column("target_minutes", sa.Integer, nullable=False),
        sa.Column("percent_elapsed", sa.Numeric(9, 2), nullable=False),
        sa.Column("cycle", sa.Integer, nullable=False),
        sa.Column("detail", postgresql.JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
        sa.Column("created_at", TS, nullable=False, server_default=sa.func.now()),
    )
    op.create_index("ix_sla_clock_history_clock", "sla_clock_history", ["clock_id", "id"])

    # -- configuration, seeded with the PRD defaults (FR-004, FR-006, FR-010.4) ------------
    types = op.create_table(
        "sla_type_configs",
        sa.Column("ticket_type", sa.String(20), primary_key=True),
        sa.Column("base_hours", sa.Numeric(8, 2), nullable=False),
        sa.Column("response_hours", sa.Numeric(8, 2)),
        sa.Column("business_hours_only", sa.Boolean, nullable=False, server_default="false"),
        sa.Column("warning_threshold_percent", sa.SmallInteger, nullable=False, server_default="75"),
        sa.Column("critical_threshold_percent", sa.SmallInteger, nullable=False, server_default="90"),
        sa.Column("updated_at", TS, nullable=False, server_default=sa.func.now()),
    )
    op.bulk_insert(types, [{"ticket_type": t, "base_hours": h} for t, h in BASE_HOURS.items()])
    multipliers = op.create_table(
        "sla_priority_multipliers",
        sa.Column("priority", sa.String(10), primary_key=True),
        sa.Column("multiplier", sa.Numeric(6, 3), nullable=False),
        sa.Column("updated_at", TS, nullable=False, server_default=sa.func.now()),
    )
    op.bulk_insert(multipliers, [{"priority": p, "multiplier": m} for p, m in MULTIPLIERS.items()])
    op.create_table(
        "sla_configs",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("ticket_type", sa.String(20), nullable=False),
        sa.Column("priority", sa.String(10), nullable=False),
        sa.Column("base_hours", sa.Numeric(8, 2), nullable=False),
        sa.Column("response_hours", sa.Numeric(8, 2)),
        sa.Column("business_hours_only", sa.Boolean),
        sa.Column("warning_threshold_percent", sa.SmallInteger),
        sa.Column("critical_threshold_percent", sa.SmallInteger),
        sa.Column("created_at", TS, nullable=False, server_default=sa.func.now()),
        sa.Column("updated_at", TS, nullable=False, server_default=sa.func.now()),
        sa.UniqueConstraint("ticket_type", "priority", name="uq_sla_configs_type_priority"),
    )
    calendar = op.create_table(
        "sla_calendar",
        sa.Column("id", sa.SmallInteger, primary_key=True),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("subdivision", sa.String(16)),
        sa.Column("working_hours", postgresql.JSONB, nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("updated_at", TS, nullable=False, server_default=sa.func.now()),
    )
    op.bulk_insert(calendar, [{"id": 1, "timezone": "Africa/Johannesburg", "country": "ZA", "subdivision": None,
                               "working_hours": {str(d): ["08:00", "17:00"] for d in range(5)}}])
    op.create_table(
        "sla_closed_days",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("created_at", TS, nullable=False, server_default=sa.func.now()),
    )


def downgrade() -> None:
    for table in ("sla_closed_days", "sla_calendar", "sla_configs", "sla_priority_multipliers", "sla_type_configs",
                  "sla_clock_history", "sla_tickets"):
        op.drop_table(table)
    for index in ("ix_sla_clocks_breached_open", "ix_sla_clocks_stopped", "ix_sla_clocks_next_event_at",
                  "ix_sla_clocks_ticket_uid"):
        op.drop_index(index, table_name="sla_clocks")
    op.drop_constraint("uq_sla_clocks_ticket_kind", "sla_clocks", type_="unique")
    for column in ("business_hours", "warning_percent", "critical_percent", "pauses", "paused_seconds",
                   "alert_level", "cycle", "next_event_at", "stopped_at", "met", "target_source", "updated_at"):
        op.drop_column("sla_clocks", column)
    op.create_unique_constraint("sla_clocks_ticket_uid_key", "sla_clocks", ["ticket_uid"])
