"""Staff's manual controls: re-sync everything or one case, retry a failure by hand."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fibreflow_shared.timeutil import utc_now
from qcontact_sync.adapters.orm import ExportRow, FailureRow, FibertimePostRow
from qcontact_sync.domain.errors import FailureNotFound, FailureNotRetryable
from qcontact_sync.service_layer import journal
from qcontact_sync.service_layer.syncer import ALL, request_sync


def resync(session: Session, case_id: str | None, by: str) -> dict[str, Any]:
    """Queue a re-import of one case (created if QContact has it, whatever its status) or of all."""
    request_sync(session, case_id or ALL, "manual")
    journal.log(session, "resync_requested", journal.QC_TO_FF, case_id=case_id, new={"by": by, "all": case_id is None})
    return {"case_id": case_id, "scope": "case" if case_id else "all", "queued": True}


def retry_failure(session: Session, failure_id: str, by: str) -> FailureRow:
    """Put a failure back in the queue now with its attempts reset (also after it gave up)."""
    row = session.get(FailureRow, failure_id, with_for_update=True)
    if row is None:
        raise FailureNotFound(f"No sync failure {failure_id}")
    if row.resolved_at is not None:
        raise FailureNotRetryable("This failure is resolved already")
    now = utc_now()
    row.retry_count, row.gave_up_at, row.next_retry_at, row.updated_at = 0, None, now, now
    if row.operation == "export":
        job = session.get(ExportRow, int(row.subject), with_for_update=True)
        if job is not None and job.state != "done":
            job.state, job.next_attempt_at = "pending", now
    elif row.operation == "fibertime_post":
        post = session.get(FibertimePostRow, int(row.subject), with_for_update=True)
        if post is not None and post.state != "sent":
            post.state, post.next_attempt_at = "pending", now
    elif row.operation == "poll":
        state = journal.get_state(session, "poll", for_update=True)
        state["next_poll_at"] = now.isoformat()
        journal.put_state(session, "poll", state)
    else:
        request_sync(session, row.subject, "retry")
    journal.log(session, "manual_retry", row.direction, case_id=row.case_id, ticket_uid=row.ticket_uid,
                new={"failure_id": row.id, "operation": row.operation, "by": by})
    return row


def failure_of(session: Session, failure_id: str) -> FailureRow | None:
    return session.scalars(select(FailureRow).where(FailureRow.id == failure_id)).first()
