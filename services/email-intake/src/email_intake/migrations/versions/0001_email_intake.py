"""emails (raw, decisions), attachments, threads, message refs, webhook tokens, IMAP state, outbox

Revision ID: 0001
Revises:
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op
from fibreflow_shared.messaging.tables import create_messaging_tables_op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('emails',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('dedupe_key', sa.String(length=300), nullable=False),
    sa.Column('message_id', sa.Text(), nullable=True),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('raw_enc', sa.Text(), nullable=False),
    sa.Column('raw_size', sa.Integer(), nullable=False),
    sa.Column('envelope_from_enc', sa.Text(), nullable=True),
    sa.Column('has_envelope_from', sa.Boolean(), nullable=False),
    sa.Column('recipients', postgresql.ARRAY(sa.Text()), nullable=False),
    sa.Column('provider', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('deliveries', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('rule', sa.String(length=40), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('sender_enc', sa.Text(), nullable=True),
    sa.Column('sender_index', sa.String(length=64), nullable=True),
    sa.Column('fields_enc', sa.Text(), nullable=True),
    sa.Column('verdicts', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('thread_key', sa.String(length=120), nullable=True),
    sa.Column('ticket_uid', sa.String(length=40), nullable=True),
    sa.Column('acknowledge', sa.Boolean(), nullable=False),
    sa.Column('ack_message_id', sa.Text(), nullable=True),
    sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reviewed_by', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('review_note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('dedupe_key')
    )
    op.create_index('ix_emails_outcome', 'emails', ['outcome', 'received_at'], unique=False)
    op.create_index('ix_emails_pending', 'emails', ['received_at'], unique=False, postgresql_where=sa.text("status = 'received'"))
    op.create_index('ix_emails_received_at', 'emails', ['received_at'], unique=False)
    op.create_index('ix_emails_sender', 'emails', ['sender_index', 'received_at'], unique=False)
    op.create_index('ix_emails_ticket_uid', 'emails', ['ticket_uid'], unique=False)
    op.create_table('imap_state',
    sa.Column('mailbox', sa.String(length=400), nullable=False),
    sa.Column('uidvalidity', sa.BigInteger(), nullable=False),
    sa.Column('last_uid', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('mailbox')
    )
    op.create_table('message_refs',
    sa.Column('message_id', sa.String(length=998), nullable=False),
    sa.Column('thread_key', sa.String(length=120), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('message_id')
    )
    op.create_index(op.f('ix_message_refs_thread_key'), 'message_refs', ['thread_key'], unique=False)
    op.create_table('threads',
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('ticket_id', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('ticket_uid', sa.String(length=40), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('participants', postgresql.ARRAY(sa.String(length=64)), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('key'),
    sa.UniqueConstraint('ticket_uid')
    )
    op.create_table('webhook_tokens',
    sa.Column('token', sa.String(length=200), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('token')
    )
    op.create_table('attachments',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('email_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=200), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('accepted', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(['email_id'], ['emails.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_attachments_email_id'), 'attachments', ['email_id'], unique=False)
    create_messaging_tables_op()


def downgrade() -> None:
    for name in ("processed_events", "outbox", "attachments", "webhook_tokens", "threads", "message_refs",
                 "imap_state", "emails"):
        op.drop_table(name)
