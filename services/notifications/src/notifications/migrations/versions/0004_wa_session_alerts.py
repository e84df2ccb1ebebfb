"""wa_session_alerts: the WhatsApp session status admins were last alerted about (one alert per change)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "wa_session_alerts",
        sa.Column("session_name", sa.String(100), primary_key=True),
        sa.Column("alerted_status", sa.String(20)),
        sa.Column("last_status", sa.String(20), nullable=False),
        sa.Column("status_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    )


def downgrade() -> None:
    op.drop_table("wa_session_alerts")
