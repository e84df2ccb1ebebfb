"""the complete ticket domain: location, assignment, billing complaints (encrypted PII),
read models, notes, attachments, history, tags, teams, users, reference data, rules, search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

PRIORITY_RANK = "CASE priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 END"
STATUS_RANK = ("CASE status WHEN 'new' THEN 0 WHEN 'triaged' THEN 1 WHEN 'assigned' THEN 2 WHEN 'in_progress' THEN 3 "
               "WHEN 'blocked' THEN 4 WHEN 'resolved' THEN 5 WHEN 'closed' THEN 6 END")
SEARCH_VECTOR = ("setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
                 "setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')")

UPGRADE = f"""
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE tickets ALTER COLUMN ticket_uid TYPE varchar(30);
ALTER TABLE tickets
  ADD COLUMN external_uid varchar(50),
  ADD COLUMN external_updated_at timestamptz,
  ADD COLUMN reporter jsonb,
  ADD COLUMN category varchar(100),
  ADD COLUMN priority_rank smallint GENERATED ALWAYS AS ({PRIORITY_RANK}) STORED,
  ADD COLUMN status_rank smallint GENERATED ALWAYS AS ({STATUS_RANK}) STORED,
  ADD COLUMN drop_number varchar(50),
  ADD COLUMN drop_unknown boolean NOT NULL DEFAULT false,
  ADD COLUMN project_id uuid,
  ADD COLUMN project_name varchar(255),
  ADD COLUMN pole_number varchar(50),
  ADD COLUMN zone varchar(100),
  ADD COLUMN address text,
  ADD COLUMN pon varchar(50),
  ADD COLUMN latitude numeric(10, 8),
  ADD COLUMN longitude numeric(11, 8),
  ADD COLUMN install_date date,
  ADD COLUMN assigned_team uuid,
  ADD COLUMN last_assigned_at timestamptz,
  ADD COLUMN assignment_count integer NOT NULL DEFAULT 0,
  ADD COLUMN escalated_at timestamptz,
  ADD COLUMN escalated_by uuid,
  ADD COLUMN escalation_reason text,
  ADD COLUMN status_changed_at timestamptz,
  ADD COLUMN status_changed_by uuid,
  ADD COLUMN resolved_at timestamptz,
  ADD COLUMN issue_type varchar(30) CHECK (issue_type IN ('incorrect_bill', 'payment_not_reflected', 'service_suspension', 'other')),
  ADD COLUMN client_name_enc text,
  ADD COLUMN client_phone_enc text,
  ADD COLUMN client_email_enc text,
  ADD COLUMN client_account_id varchar(100),
  ADD COLUMN client_phone_index varchar(64),
  ADD COLUMN client_name_index varchar(64),
  ADD COLUMN billing_type varchar(20) CHECK (billing_type IN ('guarantee', 'sla', 'billable', 'internal')),
  ADD COLUMN billing_status varchar(20) CHECK (billing_status IN ('not_required', 'pending_approval', 'approved', 'rejected', 'invoiced', 'failed', 'paid')),
  ADD COLUMN requires_billing_approval boolean NOT NULL DEFAULT false,
  ADD COLUMN billing_event_at timestamptz,
  ADD COLUMN sla_state varchar(20) CHECK (sla_state IN ('on_track', 'warning', 'critical', 'breached', 'paused', 'met')),
  ADD COLUMN sla_paused boolean NOT NULL DEFAULT false,
  ADD COLUMN sla_breached boolean NOT NULL DEFAULT false,
  ADD COLUMN sla_event_at timestamptz,
  ADD COLUMN deleted_by uuid,
  ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({SEARCH_VECTOR}) STORED,
  ADD COLUMN notes_vector tsvector;

-- one ticket per integration reference: intake is idempotent on (source, source_reference)
CREATE UNIQUE INDEX ux_tickets_source_reference ON tickets (source, source_reference) WHERE source_reference IS NOT NULL;
-- list: filters + sort; most lists hide deleted tickets
CREATE INDEX ix_tickets_status_created ON tickets (status, created_at) WHERE deleted_at IS NULL;
CREATE INDEX ix_tickets_priority_created ON tickets (priority, created_at) WHERE deleted_at IS NULL;
CREATE INDEX ix_tickets_type ON tickets (type);
CREATE INDEX ix_tickets_source ON tickets (source);
CREATE INDEX ix_tickets_updated_at ON tickets (updated_at);
CREATE INDEX ix_tickets_due_at ON tickets (due_at);
CREATE INDEX ix_tickets_assigned_team ON tickets (assigned_team);
CREATE INDEX ix_tickets_project_id ON tickets (project_id);
CREATE INDEX ix_tickets_zone ON tickets (zone);
CREATE INDEX ix_tickets_drop_number ON tickets (drop_number);
CREATE INDEX ix_tickets_client_phone_index ON tickets (client_phone_index) WHERE client_phone_index IS NOT NULL;
CREATE INDEX ix_tickets_client_name_index ON tickets (client_name_index) WHERE client_name_index IS NOT NULL;
CREATE INDEX ix_tickets_billing_status ON tickets (billing_status) WHERE billing_status IS NOT NULL;
CREATE INDEX ix_tickets_sla_state ON tickets (sla_state) WHERE sla_state IS NOT NULL;
CREATE INDEX ix_tickets_deleted_at ON tickets (deleted_at) WHERE deleted_at IS NOT NULL;
-- search: full text over title/description (generated) and notes (maintained), trigram for partial DR/address
CREATE INDEX ix_tickets_search_vector ON tickets USING gin (search_vector);
CREATE INDEX ix_tickets_notes_vector ON tickets USING gin (notes_vector);
CREATE INDEX ix_tickets_drop_number_trgm ON tickets USING gin (drop_number gin_trgm_ops);
CREATE INDEX ix_tickets_address_trgm ON tickets USING gin (address gin_trgm_ops);

CREATE TABLE ticket_notes (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  content text NOT NULL,
  is_internal boolean NOT NULL DEFAULT true,
  created_by uuid NOT NULL,
  author_name varchar(255),
  channel varchar(20) NOT NULL DEFAULT 'web',
  external_id varchar(255),
  mentions uuid[] NOT NULL DEFAULT '{{}}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_ticket_notes_ticket ON ticket_notes (ticket_id, created_at);
CREATE UNIQUE INDEX ux_ticket_notes_external ON ticket_notes (channel, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE ticket_attachments (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  file_url text NOT NULL,
  file_name varchar(255) NOT NULL,
  file_type varchar(100) NOT NULL,
  file_size integer NOT NULL CHECK (file_size > 0),
  sha256 varchar(64) NOT NULL,
  storage varchar(10) NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_ticket_attachments_ticket ON ticket_attachments (ticket_id);

CREATE TABLE ticket_history (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  field_changed varchar(50) NOT NULL,
  old_value text,
  new_value text,
  reason text,
  origin varchar(30),
  changed_by uuid NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_ticket_history_ticket ON ticket_history (ticket_id, changed_at);

CREATE TABLE ticket_assignment_history (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  assigned_from_user_id uuid,
  assigned_to_user_id uuid,
  assigned_from_team_id uuid,
  assigned_to_team_id uuid,
  kind varchar(20) NOT NULL CHECK (kind IN ('assign', 'claim', 'escalate', 'auto')),
  reason text,
  reassigned_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_ticket_assignment_history_ticket ON ticket_assignment_history (ticket_id, created_at);

CREATE TABLE tags (
  id uuid PRIMARY KEY,
  name varchar(50) NOT NULL UNIQUE,
  color varchar(7) NOT NULL DEFAULT '#6B7280'
);
CREATE TABLE ticket_tags (
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  tag_id uuid NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (ticket_id, tag_id)
);
CREATE INDEX ix_ticket_tags_tag ON ticket_tags (tag_id);

CREATE TABLE teams (
  id uuid PRIMARY KEY,
  name varchar(100) NOT NULL UNIQUE,
  zone varchar(100),
  specialty_types varchar(20)[] NOT NULL DEFAULT '{{}}',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE team_members (
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  is_lead boolean NOT NULL DEFAULT false,
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX ix_team_members_user ON team_members (user_id);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  username varchar(100) NOT NULL,
  display_name varchar(255),
  email varchar(255),
  phone varchar(30),
  roles varchar(20)[] NOT NULL DEFAULT '{{}}',
  active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ux_users_username ON users (lower(username));

CREATE TABLE projects (
  id uuid PRIMARY KEY,
  name varchar(255) NOT NULL,
  code varchar(50),
  zone varchar(100),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE poles (
  pole_number varchar(50) PRIMARY KEY,
  project_id uuid,
  zone varchar(100),
  latitude numeric(10, 8),
  longitude numeric(11, 8),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE drops (
  drop_number varchar(50) PRIMARY KEY,
  project_id uuid,
  pole_number varchar(50),
  zone varchar(100),
  address text,
  pon varchar(50),
  latitude numeric(10, 8),
  longitude numeric(11, 8),
  install_date date,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE auto_assign_rules (
  id uuid PRIMARY KEY,
  name varchar(100) NOT NULL,
  position integer NOT NULL DEFAULT 100,
  match_zone varchar(100),
  match_type varchar(20),
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  strategy varchar(20) NOT NULL CHECK (strategy IN ('team', 'round_robin', 'least_loaded')),
  active boolean NOT NULL DEFAULT true,
  last_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
"""

DOWNGRADE = """
DROP TABLE auto_assign_rules, drops, poles, projects, users, team_members, teams, ticket_tags, tags,
  ticket_assignment_history, ticket_history, ticket_attachments, ticket_notes;
DROP INDEX ux_tickets_source_reference;
ALTER TABLE tickets
  DROP COLUMN external_uid, DROP COLUMN external_updated_at, DROP COLUMN reporter, DROP COLUMN category,
  DROP COLUMN priority_rank, DROP COLUMN status_rank, DROP COLUMN drop_number, DROP COLUMN drop_unknown,
  DROP COLUMN project_id, DROP COLUMN project_name, DROP COLUMN pole_number, DROP COLUMN zone, DROP COLUMN address,
  DROP COLUMN pon, DROP COLUMN latitude, DROP COLUMN longitude, DROP COLUMN install_date, DROP COLUMN assigned_team,
  DROP COLUMN last_assigned_at, DROP COLUMN assignment_count, DROP COLUMN escalated_at, DROP COLUMN escalated_by,
  DROP COLUMN escalation_reason, DROP COLUMN status_changed_at, DROP COLUMN status_changed_by,
  DROP COLUMN resolved_at, DROP COLUMN issue_type, DROP COLUMN client_name_enc, DROP COLUMN client_phone_enc,
  DROP COLUMN client_email_enc, DROP COLUMN client_account_id, DROP COLUMN client_phone_index,
  DROP COLUMN client_name_index, DROP COLUMN billing_type, DROP COLUMN billing_status,
  DROP COLUMN requires_billing_approval, DROP COLUMN billing_event_at, DROP COLUMN sla_state,
  DROP COLUMN sla_paused, DROP COLUMN sla_breached, DROP COLUMN sla_event_at, DROP COLUMN deleted_by,
  DROP COLUMN search_vector, DROP COLUMN notes_vector;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
