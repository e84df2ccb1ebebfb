"""Index users.tokens_valid_after: the gateway publishes the recent cut-offs to the services.

Every token cut-off (disable, role or team change, password reset) now sets tokens_valid_after,
and the JWKS document lists the users whose cut-off lies within the last access-token lifetime;
the index keeps that a range scan. Recent password resets are copied in, so a reset made just
before the upgrade is published too.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-20
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE users SET tokens_valid_after = password_changed_at "
               "WHERE password_changed_at > now() - interval '1 day' "
               "AND (tokens_valid_after IS NULL OR tokens_valid_after < password_changed_at)")
    op.create_index("ix_users_tokens_valid_after", "users", ["tokens_valid_after"])


def downgrade() -> None:
    op.drop_index("ix_users_tokens_valid_after", table_name="users")
