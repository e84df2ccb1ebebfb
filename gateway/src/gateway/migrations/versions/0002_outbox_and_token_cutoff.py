"""Transactional outbox (user.* events) and users.tokens_valid_after.

Revision ID: 0002
Revises: 0001
Create Date: 2025-02-01
"""
import sqlalchemy as sa
from alembic import op

from fibreflow_shared.messaging.tables import create_messaging_tables_op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_messaging_tables_op()
    op.add_column("users", sa.Column("tokens_valid_after", sa.DateTime(timezone=True)))


def downgrade() -> None:
    op.drop_column("users", "tokens_valid_after")
    op.drop_table("processed_events")
    op.drop_table("outbox")
