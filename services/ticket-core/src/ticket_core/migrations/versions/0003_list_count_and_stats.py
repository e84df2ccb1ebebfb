"""cheap list totals and dashboard stats at a million tickets

- (status, priority) for live rows: the two commonest list filters answer count(*) with an
  index-only scan (305 ms -> 1.7 ms capped / 9 ms for 100k matches on 1M tickets).
- extended statistics on the correlated filter columns, so the planner's row estimate (reported
  as the list total above the exact-count limit) and its plan choices see combinations.
- stats_snapshots: FR-050 figures over the whole table, kept for a short time (they take
  seconds to aggregate at 1M rows).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_tickets_status_priority ON tickets (status, priority) WHERE deleted_at IS NULL")
    op.execute("CREATE STATISTICS st_tickets_filters (ndistinct, dependencies, mcv) "
               "ON status, priority, type, source, zone FROM tickets")
    op.execute("""
CREATE TABLE stats_snapshots (
  scope varchar(50) PRIMARY KEY,
  data jsonb NOT NULL,
  generated_at timestamptz NOT NULL DEFAULT now()
)""")


def downgrade() -> None:
    op.execute("DROP TABLE stats_snapshots")
    op.execute("DROP STATISTICS st_tickets_filters")
    op.execute("DROP INDEX ix_tickets_status_priority")
