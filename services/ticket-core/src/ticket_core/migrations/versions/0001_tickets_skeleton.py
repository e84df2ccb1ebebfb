"""tickets, UID counters, outbox and processed events

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from fibreflow_shared.messaging.tables import create_messaging_tables_op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TYPES = ("build", "fault", "infrastructure", "preventative", "adhoc", "billing")
PRIORITIES = ("critical", "high", "medium", "low")
STATUSES = ("new", "triaged", "assigned", "in_progress", "blocked", "resolved", "closed")
SOURCES = ("qcontact", "wa_inbound", "email", "construction", "ff_internal", "adhoc", "billing")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    op.create_table(
        "tickets",
        sa.Column("id", postgresql.UUID(as_uuid=False), primary_key=True),
        sa.Column("ticket_uid", sa.String(20), nullable=False, unique=True),
        sa.Column("title", sa.String(255), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("source_reference", sa.String(100)),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("priority", sa.String(10), nullable=False, server_default="medium"),
        sa.Column("status", sa.String(20), nullable=False, server_default="new"),
        sa.Column("assigned_to", postgresql.UUID(as_uuid=False)),
        sa.Column("created_by", postgresql.UUID(as_uuid=False), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("due_at", sa.DateTime(timezone=True)),
        sa.Column("closed_at", sa.DateTime(timezone=True)),
        sa.Column("deleted_at", sa.DateTime(timezone=True)),
        sa.CheckConstraint(_in("type", TYPES), name="ck_tickets_type"),
        sa.CheckConstraint(_in("priority", PRIORITIES), name="ck_tickets_priority"),
        sa.CheckConstraint(_in("status", STATUSES), name="ck_tickets_status"),
        sa.CheckConstraint(_in("source", SOURCES), name="ck_tickets_source"),
    )
    op.create_index("ix_tickets_status", "tickets", ["status"])
    op.create_index("ix_tickets_assigned_to", "tickets", ["assigned_to"])
    op.create_index("ix_tickets_created_at", "tickets", ["created_at"])
    op.create_table(
        "uid_counters",
        sa.Column("scope", sa.String(32), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    create_messaging_tables_op()


def downgrade() -> None:
    op.drop_table("processed_events")
    op.drop_table("outbox")
    op.drop_table("uid_counters")
    op.drop_table("tickets")
