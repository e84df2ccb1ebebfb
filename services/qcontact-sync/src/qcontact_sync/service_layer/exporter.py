"""Export (PRD Phase 9): FibreFlow's changes to FT tickets written to their QContact cases.

Per field, a three-way check against the value both sides last agreed on (the mirror's
``synced``): FibreFlow changed it and QContact did not → PATCH; QContact changed it too →
conflict, QContact wins (the case is re-imported, the conflict logged and counted for staff);
QContact already holds it → nothing to write. Every write is read back (a PATCH QContact
accepted without applying is a failure), and the agreed state is moved to what we wrote,
so our own change coming back on the next poll is recognised and not echoed.
"""
from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from fibreflow_shared.db import transaction
from fibreflow_shared.timeutil import utc_now
from qcontact_sync import metrics
from qcontact_sync.adapters.orm import CaseRow, ExportRow
from qcontact_sync.domain.errors import InvalidCase, QContactRejected, QContactUnavailable
from qcontact_sync.domain.model import Case, digest, plan_export
from qcontact_sync.service_layer import journal
from qcontact_sync.service_layer.importer import sync_case

if TYPE_CHECKING:
    from qcontact_sync.service_layer.syncer import Syncer

NOTE_MARK = "FibreFlow note"


def _agree(row: CaseRow, values: dict[str, Any], syncer: "Syncer") -> None:
    """Move the agreed state of the written fields to ``values`` (QContact terms)."""
    maps, key = syncer.deps.maps, syncer.deps.digest_key
    synced = {"qc": dict((row.synced or {}).get("qc") or {}), "digests": dict((row.synced or {}).get("digests") or {})}
    for name, value in values.items():
        synced["qc"][name] = value
        if name == "status":
            synced["digests"]["status"] = digest(key, "status", maps.statuses.get(value))
        elif name == "priority":
            synced["digests"]["priority"] = digest(key, "priority", maps.priorities.get(value, "medium"))
    row.synced = synced


def export_next(syncer: "Syncer") -> bool:
    """Send the next export due (oldest first, one case's exports in order). False if none."""
    from qcontact_sync.service_layer.syncer import pending_exports_query

    with transaction(syncer.sessions) as session:
        job = session.scalars(pending_exports_query()).first()
        if job is None:
            return False
        session.expunge(job)
    try:
        if job.kind == "note":
            _send_note(syncer, job)
        else:
            _send_fields(syncer, job)
    except QContactUnavailable as exc:
        _failed(syncer, job, exc)
        raise
    except (QContactRejected, InvalidCase) as exc:
        _failed(syncer, job, exc)
    return True


def _send_fields(syncer: "Syncer", job: ExportRow) -> None:
    case = syncer.parse(syncer.client.get_case(job.case_id))
    with transaction(syncer.sessions) as session:
        row = session.get(CaseRow, job.case_id)
        plan = plan_export(job.payload.get("desired") or {}, case, row.synced if row else None)
    after: Case = case
    if plan.send:
        after = syncer.parse(syncer.client.update_case(job.case_id, plan.send))
    with transaction(syncer.sessions) as session:
        row = session.get(CaseRow, job.case_id, with_for_update=True)
        if row is None:
            raise QContactRejected(f"case {job.case_id} is no longer mirrored")
        agreed_before = dict((row.synced or {}).get("qc") or {})
        _agree(row, {**plan.send, **plan.already}, syncer)
        row.last_export_at = utc_now()
        if plan.send:
            journal.log(session, "status_sync" if set(plan.send) == {"status"} else "export", journal.FF_TO_QC,
                        case_id=job.case_id, ticket_uid=job.ticket_uid,
                        old={k: agreed_before.get(k) for k in plan.send}, new=dict(plan.send))
        for name, values in plan.conflicts.items():
            metrics.CONFLICTS.inc()
            journal.log(session, "conflict", journal.FF_TO_QC, case_id=job.case_id, ticket_uid=job.ticket_uid,
                        old={name: values["last_synced"]}, new={name: values}, success=False,
                        error=f"{name} changed in QContact too: QContact wins ({values['qcontact']!r})")
        # Whatever QContact changed meanwhile (the conflicts among it) comes back as an import.
        sync_case(session, syncer.deps, after, reason="conflict" if plan.conflicts else "export")
        _done(session, job)


def _send_note(syncer: "Syncer", job: ExportRow) -> None:
    content = syncer.deps.cipher.decrypt(job.payload.get("content_enc")) or ""
    subtitle = f"{NOTE_MARK} {job.payload.get('note_id')}" + (f" by {job.payload['author']}"
                                                              if job.payload.get("author") else "")
    already = False
    if job.attempts:
        # A retry: the last try may have created the note before its answer was lost.
        already = any(str((e.get("note") or {}).get("subtitle", "")).startswith(f"{NOTE_MARK} {job.payload.get('note_id')}")
                      for e in syncer.client.timeline(job.case_id))
    if not already:
        syncer.client.add_note(job.case_id, subtitle, content)
    with transaction(syncer.sessions) as session:
        journal.log(session, "note", journal.FF_TO_QC, case_id=job.case_id, ticket_uid=job.ticket_uid,
                    new={"note_id": job.payload.get("note_id"), "already_there": already})
        _done(session, job)


def _done(session: Session, job: ExportRow) -> None:
    row = session.get(ExportRow, job.id, with_for_update=True)
    if row is not None:
        row.state, row.done_at, row.last_error = "done", utc_now(), None
        row.attempts += 1
    journal.resolve_failure(session, "export", str(job.id))


def _failed(syncer: "Syncer", job: ExportRow, exc: Exception) -> None:
    s = syncer.deps.settings
    transient = isinstance(exc, QContactUnavailable)
    with transaction(syncer.sessions) as session:
        failure = journal.record_failure(session, "export", str(job.id), f"{type(exc).__name__}: {exc}",
                                         direction=journal.FF_TO_QC, transient=transient, backoff=s.backoff,
                                         max_attempts=s.failure_max_attempts, probe_seconds=s.outage_probe_seconds,
                                         case_id=job.case_id, ticket_uid=job.ticket_uid)
        journal.log(session, "export" if job.kind == "fields" else "note", journal.FF_TO_QC, case_id=job.case_id,
                    ticket_uid=job.ticket_uid, success=False, error=f"{type(exc).__name__}: {exc}"[:2000])
        row = session.get(ExportRow, job.id, with_for_update=True)
        if row is None:
            return
        row.attempts += 1
        row.last_error = str(exc)[:2000]
        if failure.gave_up_at is not None:
            row.state = "parked"  # stays visible in the failures list for a manual retry
        else:
            row.next_attempt_at = failure.next_retry_at or utc_now() + timedelta(seconds=s.outage_probe_seconds)
