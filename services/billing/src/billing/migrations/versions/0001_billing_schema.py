"""billing schema: clients, contracts (+ versions), guarantees, fee schedule, ticket billing,
invoice jobs and attempts, audit, webhook receipts, outbox and processed events

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # btree_gist lets an exclusion constraint mix "=" on text with "&&" on date ranges.
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    op.create_table('billable_fee_schedule',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('ticket_type', sa.String(length=20), nullable=False),
    sa.Column('priority', sa.String(length=10), nullable=False),
    sa.Column('fixed_fee', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('hourly_rate', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('effective_until', sa.Date(), nullable=True),
    sa.Column('created_by', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('effective_until IS NULL OR effective_until >= effective_from', name='ck_fee_range'),
    sa.CheckConstraint('fixed_fee IS NOT NULL OR hourly_rate IS NOT NULL', name='ck_fee_has_amount'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('ticket_type', 'priority', 'effective_from', name='uq_fee_type_priority_from')
    )
    op.create_index('ix_fee_schedule_lookup', 'billable_fee_schedule', ['ticket_type', 'priority', 'effective_from'], unique=False)
    op.create_table('billing_audit',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('ticket_uid', sa.String(length=50), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=True),
    sa.Column('details', postgresql.JSONB(astext_type=sa.Text()), server_default='{}', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_billing_audit_ticket_uid'), 'billing_audit', ['ticket_uid'], unique=False)
    op.create_table('clients',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('name_enc', sa.LargeBinary(), nullable=False),
    sa.Column('phone_enc', sa.LargeBinary(), nullable=True),
    sa.Column('email_enc', sa.LargeBinary(), nullable=True),
    sa.Column('phone_index', sa.String(length=64), nullable=True),
    sa.Column('email_index', sa.String(length=64), nullable=True),
    sa.Column('name_tokens', postgresql.ARRAY(sa.String(length=32)), server_default='{}', nullable=False),
    sa.Column('account_id', sa.String(length=50), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('account_id')
    )
    op.create_index('ix_clients_account_id_prefix', 'clients', ['account_id'], unique=False, postgresql_ops={'account_id': 'varchar_pattern_ops'})
    op.create_index(op.f('ix_clients_email_index'), 'clients', ['email_index'], unique=False)
    op.create_index('ix_clients_name_tokens', 'clients', ['name_tokens'], unique=False, postgresql_using='gin')
    op.create_index(op.f('ix_clients_phone_index'), 'clients', ['phone_index'], unique=False)
    op.create_table('invoice_attempts',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('ticket_uid', sa.String(length=50), nullable=False),
    sa.Column('attempt', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('http_status', sa.Integer(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('invoice_id', sa.String(length=50), nullable=True),
    sa.Column('duration_ms', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_invoice_attempts_ticket_uid'), 'invoice_attempts', ['ticket_uid'], unique=False)
    op.create_table('invoice_jobs',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('ticket_uid', sa.String(length=50), nullable=False),
    sa.Column('idempotency_key', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=20), server_default='pending', nullable=False),
    sa.Column('attempts', sa.Integer(), server_default='0', nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("status IN ('pending', 'succeeded', 'failed')", name='ck_invoice_job_status'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('ticket_uid')
    )
    op.create_index('ix_invoice_jobs_due', 'invoice_jobs', ['next_attempt_at'], unique=False, postgresql_where=sa.text("status = 'pending'"))
    op.create_table('outbox',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('event_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('event_type', sa.String(length=100), nullable=False),
    sa.Column('payload', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), server_default='0', nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id')
    )
    op.create_index('ix_outbox_published_at', 'outbox', ['published_at'], unique=False, postgresql_where=sa.text('published_at IS NOT NULL'))
    op.create_index('ix_outbox_unpublished', 'outbox', ['id'], unique=False, postgresql_where=sa.text('published_at IS NULL'))
    op.create_table('processed_events',
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('event_type', sa.String(length=100), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('event_id')
    )
    op.create_table('project_guarantees',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('project_id', sa.String(length=64), nullable=False),
    sa.Column('project_name', sa.String(length=255), nullable=True),
    sa.Column('guarantee_period_days', sa.Integer(), nullable=False),
    sa.Column('applies_to_ticket_types', postgresql.ARRAY(sa.String(length=20)), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint('guarantee_period_days > 0', name='ck_guarantee_period_positive'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('project_id')
    )
    op.create_table('webhook_receipts',
    sa.Column('webhook_id', sa.String(length=100), nullable=False),
    sa.Column('event', sa.String(length=50), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('webhook_id')
    )
    op.create_index(op.f('ix_webhook_receipts_received_at'), 'webhook_receipts', ['received_at'], unique=False)
    op.create_table('client_contracts',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('client_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('contract_number', sa.String(length=50), nullable=False),
    sa.Column('contract_type', sa.String(length=20), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('monthly_fee', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('sla_response_hours', sa.Integer(), nullable=True),
    sa.Column('sla_resolution_hours', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), server_default='active', nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_by', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("contract_type IN ('retainer', 'per_incident', 'mixed')", name='ck_contract_type'),
    sa.CheckConstraint("status IN ('active', 'expired', 'terminated')", name='ck_contract_status'),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('contract_number')
    )
    op.create_index('ix_client_contracts_active_end', 'client_contracts', ['end_date'], unique=False, postgresql_where=sa.text("status = 'active'"))
    op.create_index(op.f('ix_client_contracts_client_id'), 'client_contracts', ['client_id'], unique=False)
    op.create_index(op.f('ix_client_contracts_status'), 'client_contracts', ['status'], unique=False)
    op.create_table('contract_versions',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('contract_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('terms', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('changed_by', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('applied_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['contract_id'], ['client_contracts.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('contract_id', 'version', name='uq_contract_versions_version')
    )
    op.create_index('ix_contract_versions_contract_effective', 'contract_versions', ['contract_id', 'effective_from'], unique=False)
    op.create_index('ix_contract_versions_pending', 'contract_versions', ['effective_from'], unique=False, postgresql_where=sa.text('applied_at IS NULL'))
    op.create_table('ticket_billing',
    sa.Column('id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('ticket_id', sa.UUID(as_uuid=False), nullable=False),
    sa.Column('ticket_uid', sa.String(length=50), nullable=False),
    sa.Column('title', sa.String(length=255), nullable=True),
    sa.Column('ticket_type', sa.String(length=20), nullable=False),
    sa.Column('priority', sa.String(length=10), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('ticket_status', sa.String(length=20), nullable=True),
    sa.Column('project_id', sa.String(length=64), nullable=True),
    sa.Column('project_name', sa.String(length=255), nullable=True),
    sa.Column('install_dr_number', sa.String(length=20), nullable=True),
    sa.Column('install_date', sa.Date(), nullable=True),
    sa.Column('client_account_id', sa.String(length=50), nullable=True),
    sa.Column('client_id', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('assigned_to', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('assigned_team', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('ticket_created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ticket_updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ticket_deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('billing_type', sa.String(length=20), nullable=False),
    sa.Column('classification_reason', sa.Text(), nullable=False),
    sa.Column('classification_inputs', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('classified_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('guarantee_expires_at', sa.Date(), nullable=True),
    sa.Column('contract_id', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('sla_response_hours', sa.Integer(), nullable=True),
    sa.Column('sla_resolution_hours', sa.Integer(), nullable=True),
    sa.Column('requires_approval', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('billing_status', sa.String(length=20), nullable=False),
    sa.Column('estimated_cost', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('actual_cost', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('fee_source', sa.String(length=20), nullable=True),
    sa.Column('fee_schedule_id', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('manual_fee_amount', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('manual_fee_reason', sa.Text(), nullable=True),
    sa.Column('hours_worked', sa.Numeric(precision=5, scale=2), nullable=True),
    sa.Column('billing_notes', sa.Text(), nullable=True),
    sa.Column('approved_by', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('rejected_by', sa.UUID(as_uuid=False), nullable=True),
    sa.Column('rejected_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('rejection_reason', sa.Text(), nullable=True),
    sa.Column('approval_requested_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('invoice_id', sa.String(length=50), nullable=True),
    sa.Column('line_item_id', sa.String(length=50), nullable=True),
    sa.Column('invoiced_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('invoice_amount', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('paid_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('paid_amount', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("billing_status IN ('not_required', 'pending_approval', 'approved', 'rejected', 'invoiced', 'failed', 'paid')", name='ck_tb_billing_status'),
    sa.CheckConstraint("billing_type IN ('guarantee', 'sla', 'billable', 'internal')", name='ck_tb_billing_type'),
    sa.CheckConstraint("fee_source IS NULL OR fee_source IN ('fixed_fee', 'manual', 'hourly')", name='ck_tb_fee_source'),
    sa.ForeignKeyConstraint(['contract_id'], ['client_contracts.id'], ),
    sa.ForeignKeyConstraint(['fee_schedule_id'], ['billable_fee_schedule.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('ticket_id'),
    sa.UniqueConstraint('ticket_uid')
    )
    op.create_index(op.f('ix_ticket_billing_billing_status'), 'ticket_billing', ['billing_status'], unique=False)
    op.create_index(op.f('ix_ticket_billing_billing_type'), 'ticket_billing', ['billing_type'], unique=False)
    op.create_index(op.f('ix_ticket_billing_contract_id'), 'ticket_billing', ['contract_id'], unique=False)
    op.create_index('ix_ticket_billing_created', 'ticket_billing', ['ticket_created_at'], unique=False)
    op.create_index('ix_ticket_billing_invoice_id', 'ticket_billing', ['invoice_id'], unique=False)
    op.create_index(op.f('ix_ticket_billing_invoiced_at'), 'ticket_billing', ['invoiced_at'], unique=False)
    op.create_index('ix_ticket_billing_pending', 'ticket_billing', ['approval_requested_at'], unique=False, postgresql_where=sa.text("billing_status = 'pending_approval'"))
    op.create_index(op.f('ix_ticket_billing_project_id'), 'ticket_billing', ['project_id'], unique=False)

    # The database itself refuses overlapping fee ranges for one type x priority (inclusive ends).
    op.execute(
        "ALTER TABLE billable_fee_schedule ADD CONSTRAINT ex_fee_no_overlap EXCLUDE USING gist "
        "(ticket_type WITH =, priority WITH =, daterange(effective_from, effective_until, '[]') WITH &&)"
    )


def downgrade() -> None:
    op.execute("ALTER TABLE billable_fee_schedule DROP CONSTRAINT IF EXISTS ex_fee_no_overlap")

    op.drop_index(op.f('ix_ticket_billing_project_id'), table_name='ticket_billing')
    op.drop_index('ix_ticket_billing_pending', table_name='ticket_billing', postgresql_where=sa.text("billing_status = 'pending_approval'"))
    op.drop_index(op.f('ix_ticket_billing_invoiced_at'), table_name='ticket_billing')
    op.drop_index('ix_ticket_billing_invoice_id', table_name='ticket_billing')
    op.drop_index('ix_ticket_billing_created', table_name='ticket_billing')
    op.drop_index(op.f('ix_ticket_billing_contract_id'), table_name='ticket_billing')
    op.drop_index(op.f('ix_ticket_billing_billing_type'), table_name='ticket_billing')
    op.drop_index(op.f('ix_ticket_billing_billing_status'), table_name='ticket_billing')
    op.drop_table('ticket_billing')
    op.drop_index('ix_contract_versions_pending', table_name='contract_versions', postgresql_where=sa.text('applied_at IS NULL'))
    op.drop_index('ix_contract_versions_contract_effective', table_name='contract_versions')
    op.drop_table('contract_versions')
    op.drop_index(op.f('ix_client_contracts_status'), table_name='client_contracts')
    op.drop_index(op.f('ix_client_contracts_client_id'), table_name='client_contracts')
    op.drop_index('ix_client_contracts_active_end', table_name='client_contracts', postgresql_where=sa.text("status = 'active'"))
    op.drop_table('client_contracts')
    op.drop_index(op.f('ix_webhook_receipts_received_at'), table_name='webhook_receipts')
    op.drop_table('webhook_receipts')
    op.drop_table('project_guarantees')
    op.drop_table('processed_events')
    op.drop_index('ix_outbox_unpublished', table_name='outbox', postgresql_where=sa.text('published_at IS NULL'))
    op.drop_index('ix_outbox_published_at', table_name='outbox', postgresql_where=sa.text('published_at IS NOT NULL'))
    op.drop_table('outbox')
    op.drop_index('ix_invoice_jobs_due', table_name='invoice_jobs', postgresql_where=sa.text("status = 'pending'"))
    op.drop_table('invoice_jobs')
    op.drop_index(op.f('ix_invoice_attempts_ticket_uid'), table_name='invoice_attempts')
    op.drop_table('invoice_attempts')
    op.drop_index(op.f('ix_clients_phone_index'), table_name='clients')
    op.drop_index('ix_clients_name_tokens', table_name='clients', postgresql_using='gin')
    op.drop_index(op.f('ix_clients_email_index'), table_name='clients')
    op.drop_index('ix_clients_account_id_prefix', table_name='clients', postgresql_ops={'account_id': 'varchar_pattern_ops'})
    op.drop_table('clients')
    op.drop_index(op.f('ix_billing_audit_ticket_uid'), table_name='billing_audit')
    op.drop_table('billing_audit')
    op.drop_index('ix_fee_schedule_lookup', table_name='billable_fee_schedule')
    op.drop_table('billable_fee_schedule')
