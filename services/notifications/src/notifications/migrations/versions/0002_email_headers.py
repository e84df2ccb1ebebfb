"""notifications.headers: extra email headers asked for by another service (notification.email_requested)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("notifications", sa.Column("headers", pg.JSONB(), nullable=True))


def downgrade() -> None:
    op.drop_column("notifications", "headers")
