"""API keys for machine clients and the append-only audit trail.

``audit_records`` refuses UPDATE, DELETE and TRUNCATE with a trigger: a record, once written,
stays as written (the application role cannot change history even with a bug or an injection).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_keys",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("scopes", ARRAY(sa.String(64)), nullable=False, server_default="{}"),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("display_prefix", sa.String(16), nullable=False),
        sa.Column("rate_limit", sa.String(32)),
        sa.Column("created_by", UUID(as_uuid=True)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
        sa.Column("last_used_at", sa.DateTime(timezone=True)),
        sa.Column("rotated_from", UUID(as_uuid=True)),
    )
    op.create_table(
        "audit_records",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False, unique=True),
        sa.Column("service", sa.String(32), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.String(64)),
        sa.Column("actor_name", sa.String(200)),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target_type", sa.String(32), nullable=False),
        sa.Column("target_id", sa.String(128), nullable=False),
        sa.Column("before", JSONB),
        sa.Column("after", JSONB),
        sa.Column("request_id", sa.String(128)),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_audit_records_occurred_at", "audit_records", ["occurred_at"])
    op.create_index("ix_audit_records_actor_id", "audit_records", ["actor_id"])
    op.create_index("ix_audit_records_action", "audit_records", ["action"])
    op.execute("""
        CREATE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_records is append-only (% refused)', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END $$;
    """)
    op.execute("CREATE TRIGGER audit_records_no_update BEFORE UPDATE OR DELETE ON audit_records "
               "FOR EACH ROW EXECUTE FUNCTION audit_records_append_only()")
    op.execute("CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records "
               "FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only()")


def downgrade() -> None:
    op.execute("DROP TRIGGER audit_records_no_truncate ON audit_records")
    op.execute("DROP TRIGGER audit_records_no_update ON audit_records")
    op.execute("DROP FUNCTION audit_records_append_only()")
    op.drop_table("audit_records")
    op.drop_table("api_keys")
