"""notification log/send queue, directory copies, templates, preferences, outbox

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

from fibreflow_shared.messaging.tables import create_messaging_tables_op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

UUID = pg.UUID(as_uuid=False)
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "notifications",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("trigger_event_id", sa.String(64), nullable=False),
        sa.Column("trigger_event_type", sa.String(100), nullable=False),
        sa.Column("ticket_id", UUID),
        sa.Column("ticket_uid", sa.String(40)),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("recipient", sa.String(320), nullable=False),
        sa.Column("recipient_user_id", UUID),
        sa.Column("template", sa.String(100), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("critical", sa.Boolean, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", TS),
        sa.Column("provider", sa.String(30)),
        sa.Column("provider_id", sa.String(100)),
        sa.Column("error", sa.Text),
        sa.Column("created_at", TS, nullable=False, server_default=sa.func.now()),
        sa.Column("updated_at", TS, nullable=False, server_default=sa.func.now()),
        sa.Column("sent_at", TS),
        sa.Column("delivered_at", TS),
        sa.Column("failed_at", TS),
        sa.Column("read_at", TS),
        sa.UniqueConstraint("trigger_event_id", "recipient", "channel",
                            name="uq_notifications_event_recipient_channel"),
    )
    op.create_index("ix_notifications_due", "notifications", ["next_attempt_at"],
                    postgresql_where=sa.text("status = 'queued'"))
    op.create_index("ix_notifications_inbox", "notifications", ["recipient_user_id", "created_at"],
                    postgresql_where=sa.text("channel = 'in_app'"))
    op.create_index("ix_notifications_unread", "notifications", ["recipient_user_id"],
                    postgresql_where=sa.text("channel = 'in_app' AND read_at IS NULL"))
    op.create_index("ix_notifications_provider_id", "notifications", ["provider_id"],
                    postgresql_where=sa.text("provider_id IS NOT NULL"))
    op.create_index("ix_notifications_ticket_uid", "notifications", ["ticket_uid", "created_at"])
    op.create_index("ix_notifications_created_at", "notifications", ["created_at"])
    op.create_index("ix_notifications_channel_status", "notifications", ["channel", "status", "created_at"])
    op.create_table(
        "users",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320)),
        sa.Column("phone", sa.String(20)),
        sa.Column("roles", pg.ARRAY(sa.String(30)), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("updated_at", TS, nullable=False, server_default=sa.func.now()),
    )
    op.create_index("ix_users_roles", "users", ["roles"], postgresql_using="gin")
    op.create_table(
        "teams",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("lead_ids", pg.ARRAY(sa.String(36)), nullable=False),
        sa.Column("member_ids", pg.ARRAY(sa.String(36)), nullable=False),
        sa.Column("updated_at", TS, nullable=False, server_default=sa.func.now()),
    )
    op.create_table(
        "tickets",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("ticket_uid", sa.String(40), nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("type", sa.String(20)),
        sa.Column("priority", sa.String(10)),
        sa.Column("source", sa.String(20)),
        sa.Column("source_reference", sa.String(100)),
        sa.Column("assigned_to", UUID),
        sa.Column("assigned_team", UUID),
        sa.Column("created_by", UUID),
        sa.Column("client_phone_hash", sa.String(64)),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("ticket_updated_at", TS),
    )
    op.create_table(
        "provider_callbacks",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("provider_id", sa.String(100), nullable=False),
        sa.Column("status", sa.String(30), nullable=False),
        sa.Column("error_code", sa.String(20)),
        sa.Column("applied", sa.Boolean, nullable=False),
        sa.Column("received_at", TS, nullable=False, server_default=sa.func.now()),
    )
    op.create_index("ix_provider_callbacks_provider_id", "provider_callbacks", ["provider_id"])
    op.create_table(
        "templates",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("updated_by", UUID),
        sa.Column("updated_at", TS, nullable=False, server_default=sa.func.now()),
    )
    op.create_table(
        "preferences",
        sa.Column("user_id", UUID, primary_key=True),
        sa.Column("channels", pg.JSONB, nullable=False),
        sa.Column("quiet_hours_start", sa.Time),
        sa.Column("quiet_hours_end", sa.Time),
        sa.Column("timezone", sa.String(60), nullable=False),
        sa.Column("updated_at", TS, nullable=False, server_default=sa.func.now()),
    )
    create_messaging_tables_op()


def downgrade() -> None:
    for name in ("processed_events", "outbox", "preferences", "templates", "provider_callbacks", "tickets", "teams",
                 "users", "notifications"):
        op.drop_table(name)
