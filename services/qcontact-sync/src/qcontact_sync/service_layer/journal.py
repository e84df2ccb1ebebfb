"""The sync log, the failure queue and the small state rows: written by every use case."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from fibreflow_shared.timeutil import utc_now
from qcontact_sync import metrics
from qcontact_sync.adapters.orm import FailureRow, StateRow, SyncLogRow

QC_TO_FF, FF_TO_QC = "qc_to_ff", "ff_to_qc"
FF_TO_FIBERTIME, FIBERTIME_TO_FF = "ff_to_fibertime", "fibertime_to_ff"


def log(session: Session, action: str, direction: str, *, case_id: str | None = None, ticket_uid: str | None = None,
        old: dict[str, Any] | None = None, new: dict[str, Any] | None = None, success: bool = True,
        error: str | None = None) -> None:
    """One row of ``qcontact_sync_log`` (values only of non-PII fields: statuses, priorities, names)."""
    session.add(SyncLogRow(case_id=case_id, ticket_uid=ticket_uid, action=action, direction=direction,
                           old_value=old, new_value=new, success=success, error_message=(error or None)))
    metrics.SYNCS.labels(direction, "ok" if success else "failed").inc()


def get_state(session: Session, key: str, *, for_update: bool = False) -> dict[str, Any]:
    query = select(StateRow.value).where(StateRow.key == key)
    value = session.scalars(query.with_for_update() if for_update else query).first()
    return dict(value or {})


def put_state(session: Session, key: str, value: dict[str, Any]) -> None:
    stmt = insert(StateRow).values(key=key, value=value)
    session.execute(stmt.on_conflict_do_update(index_elements=["key"],
                                               set_={"value": stmt.excluded.value, "updated_at": func.now()}))


def record_failure(session: Session, operation: str, subject: str, error: str, *, direction: str,
                   transient: bool, backoff: tuple[float, ...], max_attempts: int, probe_seconds: float,
                   case_id: str | None = None, ticket_uid: str | None = None) -> FailureRow:
    """Open (or advance) the failure of ``operation`` on ``subject``.

    A transient error (QContact unreachable) does not use up an attempt: the item waits for
    QContact to answer again. Any other failure counts; after ``max_attempts`` the failure
    stays open with ``gave_up_at`` set until someone retries it by hand."""
    now = utc_now()
    row = session.scalars(select(FailureRow).where(FailureRow.operation == operation, FailureRow.subject == subject,
                                                   FailureRow.resolved_at.is_(None)).with_for_update()).first()
    if row is None:
        row = FailureRow(direction=direction, operation=operation, subject=subject, case_id=case_id,
                         ticket_uid=ticket_uid, retry_count=0, max_attempts=max_attempts, created_at=now)
        session.add(row)
    row.error_message = error[:2000]
    row.updated_at = now
    if transient:
        row.next_retry_at = now + timedelta(seconds=probe_seconds)
    else:
        row.retry_count = (row.retry_count or 0) + 1
        if row.retry_count >= row.max_attempts:
            row.gave_up_at, row.next_retry_at = now, None
        else:
            row.next_retry_at = now + timedelta(seconds=backoff[min(row.retry_count, len(backoff)) - 1])
    session.flush()
    return row


def resolve_failure(session: Session, operation: str, subject: str) -> None:
    """The item synced: its open failure (if any) is resolved."""
    session.execute(update(FailureRow).where(FailureRow.operation == operation, FailureRow.subject == subject,
                                             FailureRow.resolved_at.is_(None))
                    .values(resolved_at=utc_now(), updated_at=utc_now(), next_retry_at=None))
