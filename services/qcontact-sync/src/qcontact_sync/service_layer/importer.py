"""Import (PRD Phase 3): QContact cases become FT tickets through ``intake.*``.

Decisions read only the mirror (``qcontact_cases``): a case never seen is requested as a new
ticket (when its status is one we import); a known case sends only the fields that differ
from the agreed state, so a poll that finds nothing new — or our own write coming back —
publishes nothing. The watermark is at-least-once: each poll reads from the watermark minus an
overlap with ``updated_at >=`` (a change at exactly the watermark is read again, never
skipped), and the mirror de-duplicates by case id and ``updated_at``.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from fibreflow_shared.timeutil import iso, parse_time, utc_now
from qcontact_sync import metrics
from qcontact_sync.adapters.orm import CaseRow
from qcontact_sync.domain.model import Case, import_changes, synced_state, ticket_fields
from qcontact_sync.service_layer import journal
from qcontact_sync.service_layer.deps import Deps

log = logging.getLogger(__name__)
SOURCE = "qcontact"


def qc_time(value: datetime) -> str:
    """A timestamp in QContact's own text form (UTC, milliseconds, ``Z``): filters compare it."""
    return value.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _reporter(case: Case) -> dict[str, Any] | None:
    return dict(case.contact) or None


def _lag(case: Case) -> None:
    metrics.LAG.observe(max(0.0, (utc_now() - case.updated_at).total_seconds()))


def sync_case(session: Session, deps: Deps, case: Case, *, reason: str, row: CaseRow | None = None,
              loaded: bool = False, origin: str = "qcontact", fibertime_reference: str | None = None) -> str:
    """Bring the FT ticket of ``case`` in line with it. Returns ``created``, ``updated``,
    ``unchanged``, ``stale`` (older than what we hold) or ``skipped`` (not a case we import)."""
    if not loaded:
        row = session.get(CaseRow, case.id, with_for_update=True)
    settings, maps = deps.settings, deps.maps
    now = utc_now()
    if row is None:
        wanted = reason in ("manual", "fibertime") or (
            case.status in settings.import_statuses and (not settings.queue or case.queue in (None, settings.queue)))
        if not wanted:
            return "skipped"
        fields = ticket_fields(case, maps)
        data = {"source": SOURCE, "source_reference": case.id, "external_uid": case.id,
                "external_updated_at": iso(case.updated_at), "reporter": _reporter(case), "origin": "qcontact",
                **fields}
        deps.outbox.add(session, "intake.ticket_requested", data)
        session.add(CaseRow(case_id=case.id, ticket_uid=f"FT{case.id}", origin=origin, queue=case.queue,
                            fibertime_reference=fibertime_reference, qc_status=case.status,
                            qc_updated_at=case.updated_at, payload_enc=deps.seal(case.raw),
                            synced=synced_state(case, maps, deps.digest_key), last_import_at=now,
                            last_synced_at=now))
        journal.log(session, "import", journal.QC_TO_FF if origin == "qcontact" else journal.FIBERTIME_TO_FF,
                    case_id=case.id, ticket_uid=f"FT{case.id}",
                    new={"status": case.status, "priority": case.priority, "reason": reason})
        _lag(case)
        return "created"
    if row.qc_updated_at is not None and case.updated_at < row.qc_updated_at:
        return "stale"
    changes = import_changes(case, row.synced, maps, deps.digest_key)
    if not changes and row.qc_updated_at == case.updated_at:
        return "unchanged"  # the same version again: nothing to write, nothing to publish
    row.payload_enc = deps.seal(case.raw)
    row.qc_updated_at, row.qc_status, row.queue, row.last_synced_at = case.updated_at, case.status, case.queue, now
    if not changes:
        return "unchanged"  # e.g. our own export read back on the next poll
    before = (row.synced or {}).get("qc") or {}
    deps.outbox.add(session, "intake.ticket_update_requested",
                    {"source": SOURCE, "source_reference": case.id, "fields": changes,
                     "external_updated_at": iso(case.updated_at), "origin": "qcontact"})
    row.synced = synced_state(case, maps, deps.digest_key)
    row.last_import_at = now
    journal.log(session, "update", journal.QC_TO_FF, case_id=case.id, ticket_uid=row.ticket_uid,
                old={k: before.get(k) for k in ("status", "priority") if k in changes},
                new={"fields": sorted(changes), "status": case.status if "status" in changes else None,
                     "priority": case.priority if "priority" in changes else None, "reason": reason})
    _lag(case)
    return "updated"


def sync_batch(session: Session, deps: Deps, cases: Iterable[Case], *, reason: str) -> dict[str, int]:
    """``sync_case`` for many cases with one query for their mirror rows (the poll's batches)."""
    cases = list(cases)
    rows = {r.case_id: r for r in session.scalars(select(CaseRow).where(
        CaseRow.case_id.in_([c.id for c in cases])).with_for_update())}
    counts: dict[str, int] = {}
    for case in cases:
        outcome = sync_case(session, deps, case, reason=reason, row=rows.get(case.id), loaded=True)
        counts[outcome] = counts.get(outcome, 0) + 1
        if outcome == "created":
            rows[case.id] = session.get(CaseRow, case.id)  # type: ignore[assignment]
    return counts


def poll_window(state: dict[str, Any], overlap_seconds: float, full: bool) -> str | None:
    """Where a poll starts: nothing (everything) for a first or full import, else the watermark
    minus the overlap (``>=``: a case stamped exactly at the watermark is read again)."""
    mark = parse_time(state.get("watermark")) if state.get("watermark") and not full else None
    return qc_time(mark - timedelta(seconds=overlap_seconds)) if mark else None
