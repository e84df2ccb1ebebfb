"""indexes for the FR-051 reports (ticket_core/reports.py)

- ix_tickets_report_done: resolved and closed live tickets by the instant they were resolved,
  ``coalesce(resolved_at, closed_at)`` (technician performance, zone analysis). Without it the
  planner has no statistics on that expression (it estimated 227 rows for 45,667) and reads
  every done ticket; the INCLUDE columns let the report run as an index-only scan.
- ix_tickets_report_created: live tickets by created_at with the narrow columns the summary,
  zone and trend reports group and count by, so a period is an index-only range scan instead of
  heap fetches for a quarter of the table.
- extended statistics on the reports' bucket expressions (``date_trunc(<period>,
  timezone('Africa/Johannesburg', created_at))`` with source and type, or zone; the same over
  the resolution instant): without them PostgreSQL guesses one group per row, sorts the whole
  period (spilling to disk) instead of hashing the few hundred groups.

Measured in bench/reports/RESULTS.md.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None
PERIODS = ("day", "week", "month")
TZ = "Africa/Johannesburg"
DONE_AT = "coalesce(resolved_at, closed_at)"


def _statistics() -> list[tuple[str, str]]:
    out = [("st_tickets_report_done_at", f"({DONE_AT})")]
    for period in PERIODS:
        created = f"(date_trunc('{period}', timezone('{TZ}', created_at)))"
        done = f"(date_trunc('{period}', timezone('{TZ}', {DONE_AT})))"
        out += [(f"st_tickets_report_{period}_source_type", f"{created}, source, type"),
                (f"st_tickets_report_{period}_zone", f"{created}, zone"),
                (f"st_tickets_report_{period}_done_zone", f"{done}, zone")]
    return out


def upgrade() -> None:
    op.execute("CREATE INDEX ix_tickets_report_done ON tickets ((coalesce(resolved_at, closed_at))) "
               "INCLUDE (resolved_at, closed_at, created_at, due_at, sla_breached, assigned_to, assigned_team, zone) "
               "WHERE deleted_at IS NULL AND status IN ('resolved', 'closed')")
    op.execute("CREATE INDEX ix_tickets_report_created ON tickets (created_at) "
               "INCLUDE (status, type, source, priority, zone, sla_breached, due_at, resolved_at, closed_at, "
               "assigned_to, assigned_team) WHERE deleted_at IS NULL")
    for name, columns in _statistics():
        op.execute(f"CREATE STATISTICS {name} ON {columns} FROM tickets")
    op.execute("ANALYZE tickets")


def downgrade() -> None:
    for name, _ in _statistics():
        op.execute(f"DROP STATISTICS {name}")
    op.execute("DROP INDEX ix_tickets_report_created")
    op.execute("DROP INDEX ix_tickets_report_done")
