"""wa-bridge: sessions, contacts, chats, participants, messages (log + send queue), early acks,
ticket routes, ticket/user read models, outbox

Revision ID: 0001
Revises:
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

from fibreflow_shared.messaging.tables import create_messaging_tables_op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('tickets',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('ticket_uid', sa.String(length=40), nullable=False),
    sa.Column('snapshot', sa.Text(), nullable=False),  # encrypted JSON
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('priority', sa.String(length=20), nullable=True),
    sa.Column('drop_number', sa.String(length=40), nullable=True),
    sa.Column('project_id', sa.String(length=64), nullable=True),
    sa.Column('assigned_to', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('ticket_updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('ticket_uid')
    )
    op.create_index(op.f('ix_tickets_drop_number'), 'tickets', ['drop_number'], unique=False)
    op.create_table('users',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('display_name', sa.Text(), nullable=False),  # encrypted
    sa.Column('phone', sa.Text(), nullable=True),  # encrypted
    sa.Column('roles', postgresql.JSONB(astext_type=Text()), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('wa_contacts',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('phone_jid', sa.String(length=100), nullable=True),
    sa.Column('lid', sa.String(length=100), nullable=True),
    sa.Column('name', sa.Text(), nullable=True),  # encrypted
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('lid'),
    sa.UniqueConstraint('phone_jid')
    )
    op.create_table('wa_early_acks',
    sa.Column('waha_id', sa.String(length=200), nullable=False),
    sa.Column('ack', sa.Integer(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('waha_id', 'ack')
    )
    op.create_table('wa_sessions',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('push_name', sa.Text(), nullable=True),  # encrypted
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('reconnect_count', sa.Integer(), nullable=False),
    sa.Column('status_at_ms', sa.BigInteger(), nullable=False),
    sa.Column('alerted_status', sa.String(length=20), nullable=True),
    sa.Column('needs_reconcile', sa.Boolean(), nullable=False),
    sa.Column('reconciled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('wa_chats',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('jid', sa.String(length=100), nullable=False),
    sa.Column('is_group', sa.Boolean(), nullable=False),
    sa.Column('name', sa.Text(), nullable=True),  # encrypted
    sa.Column('contact_id', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('project_id', sa.String(length=64), nullable=True),
    sa.Column('project_name', sa.String(length=255), nullable=True),
    sa.Column('ticket_uid', sa.String(length=40), nullable=True),
    sa.Column('last_message_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['wa_contacts.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('jid')
    )
    op.create_index(op.f('ix_wa_chats_ticket_uid'), 'wa_chats', ['ticket_uid'], unique=False)
    op.create_table('wa_chat_participants',
    sa.Column('chat_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('contact_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('first_seen_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['chat_id'], ['wa_chats.id'], ),
    sa.ForeignKeyConstraint(['contact_id'], ['wa_contacts.id'], ),
    sa.PrimaryKeyConstraint('chat_id', 'contact_id')
    )
    op.create_table('wa_messages',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('waha_id', sa.String(length=200), nullable=True),
    sa.Column('client_ref', sa.String(length=100), nullable=True),
    sa.Column('session_name', sa.String(length=100), nullable=False),
    sa.Column('chat_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('contact_id', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('direction', sa.String(length=3), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),  # encrypted
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('ack', sa.Integer(), nullable=True),
    sa.Column('reply_to_waha_id', sa.String(length=200), nullable=True),
    sa.Column('reply_to_id', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('ticket_uid', sa.String(length=40), nullable=True),
    sa.Column('link_method', sa.String(length=20), nullable=True),
    sa.Column('media_status', sa.String(length=20), nullable=False),
    sa.Column('media_key', sa.String(length=300), nullable=True),
    sa.Column('media_url', sa.Text(), nullable=True),
    sa.Column('media_mimetype', sa.String(length=120), nullable=True),
    sa.Column('media_filename', sa.String(length=255), nullable=True),
    sa.Column('media_size', sa.BigInteger(), nullable=True),
    sa.Column('media_error', sa.Text(), nullable=True),
    sa.Column('sender_user_id', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('sender_name', sa.Text(), nullable=True),  # encrypted
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('waha_timestamp', sa.DateTime(timezone=True), nullable=True),
    sa.Column('handed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('failed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['chat_id'], ['wa_chats.id'], ),
    sa.ForeignKeyConstraint(['contact_id'], ['wa_contacts.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('client_ref'),
    sa.UniqueConstraint('waha_id')
    )
    op.create_index('ix_wa_messages_chat', 'wa_messages', ['chat_id', 'created_at'], unique=False)
    op.create_index('ix_wa_messages_due', 'wa_messages', ['next_attempt_at'], unique=False, postgresql_where=sa.text("direction = 'out' AND status = 'pending' AND waha_id IS NULL"))
    op.create_index('ix_wa_messages_media_due', 'wa_messages', ['created_at'], unique=False, postgresql_where=sa.text("media_status = 'pending'"))
    op.create_index('ix_wa_messages_ticket', 'wa_messages', ['ticket_uid', 'created_at'], unique=False)
    op.create_index('ix_wa_messages_unacked', 'wa_messages', ['handed_at'], unique=False, postgresql_where=sa.text("direction = 'out' AND status = 'pending' AND waha_id IS NOT NULL"))
    op.create_index('ix_wa_messages_unlinked', 'wa_messages', ['created_at'], unique=False, postgresql_where=sa.text("direction = 'in' AND ticket_uid IS NULL"))
    op.create_table('wa_ticket_routes',
    sa.Column('ticket_uid', sa.String(length=40), nullable=False),
    sa.Column('chat_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('set_by', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('set_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['chat_id'], ['wa_chats.id'], ),
    sa.PrimaryKeyConstraint('ticket_uid')
    )
    create_messaging_tables_op()


def downgrade() -> None:
    for name in ("processed_events", "outbox", "wa_ticket_routes", "wa_messages", "wa_chat_participants", "wa_chats",
                 "wa_sessions", "wa_early_acks", "wa_contacts", "users", "tickets"):
        op.drop_table(name)
