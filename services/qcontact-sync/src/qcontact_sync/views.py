"""Reads only: the health summary and the lists the API answers with (never writes)."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fibreflow_shared.timeutil import iso, parse_time, utc_now
from qcontact_sync.adapters.orm import CaseRow, ExportRow, FailureRow, FibertimePostRow, StateRow, SyncLogRow
from qcontact_sync.config import Settings


def _state(session: Session, key: str) -> dict[str, Any]:
    return dict(session.scalars(select(StateRow.value).where(StateRow.key == key)).first() or {})


def health(session: Session, settings: Settings) -> dict[str, Any]:
    """PRD §11.4 monitoring and §15.3: what the sync has done and whether it is keeping up."""
    now = utc_now()
    hour_ago = now - timedelta(hours=1)
    mirrored, recent = session.execute(select(
        func.count(), func.count().filter(CaseRow.last_synced_at >= hour_ago))).one()
    open_failures, gave_up = session.execute(select(
        func.count(), func.count().filter(FailureRow.gave_up_at.is_not(None)))
        .where(FailureRow.resolved_at.is_(None))).one()
    pending_exports, oldest_export = session.execute(select(func.count(), func.min(ExportRow.created_at))
                                                     .where(ExportRow.state == "pending")).one()
    pending_posts = session.scalar(select(func.count()).where(FibertimePostRow.state == "pending"))
    conflicts = session.scalar(select(func.count()).where(SyncLogRow.action == "conflict",
                                                          SyncLogRow.created_at >= now - timedelta(hours=24)))
    synced_ok, synced_failed = session.execute(select(
        func.count().filter(SyncLogRow.success.is_(True)), func.count().filter(SyncLogRow.success.is_(False)))
        .where(SyncLogRow.created_at >= now - timedelta(hours=24))).one()
    poll, qc_session = _state(session, "poll"), _state(session, "session")
    last_ok = parse_time(poll.get("last_success_at"))
    reasons = []
    if qc_session.get("state") == "down":
        reasons.append(f"QContact session down: {qc_session.get('error') or 'unreachable'}")
    if poll.get("last_error"):
        reasons.append(f"last poll failed: {poll['last_error']}")
    if last_ok is not None and now - last_ok > timedelta(seconds=2 * settings.poll_seconds + 60):
        reasons.append("no successful poll in two poll intervals")
    if gave_up:
        reasons.append(f"{gave_up} failure(s) need a manual retry")
    if oldest_export is not None and now - oldest_export > timedelta(hours=1):
        reasons.append("an export has waited more than an hour")
    return {
        "status": "degraded" if reasons else "ok", "reasons": reasons,
        "cases_mirrored": mirrored, "synced_last_hour": recent, "open_failures": open_failures,
        "failures_needing_manual_retry": gave_up, "last_successful_poll": iso(last_ok),
        "last_poll_at": poll.get("last_poll_at"), "watermark": poll.get("watermark"),
        "next_poll_at": poll.get("next_poll_at"),
        "session": {"state": qc_session.get("state", "unknown"), "auth_style": settings.auth_style,
                    "expires_at": qc_session.get("expires_at"), "error": qc_session.get("error")},
        "pending_exports": pending_exports, "oldest_unsent_export": iso(oldest_export),
        "pending_fibertime_posts": pending_posts, "conflicts_last_24h": conflicts,
        "success_rate_24h": round(synced_ok / (synced_ok + synced_failed), 4) if synced_ok + synced_failed else None,
    }


def case_item(row: CaseRow) -> dict[str, Any]:
    synced = (row.synced or {}).get("qc") or {}
    return {"case_id": row.case_id, "ticket_uid": row.ticket_uid, "ticket_id": row.ticket_id, "origin": row.origin,
            "fibertime_reference": row.fibertime_reference, "queue": row.queue, "qc_status": row.qc_status,
            "ticket_status": row.ff_status, "synced_status": synced.get("status"),
            "synced_priority": synced.get("priority"), "qc_updated_at": iso(row.qc_updated_at),
            "first_seen_at": iso(row.first_seen_at), "last_import_at": iso(row.last_import_at),
            "last_export_at": iso(row.last_export_at), "last_synced_at": iso(row.last_synced_at)}


def _page(session: Session, query: Any, order: Any, page: int, limit: int) -> tuple[list[Any], int]:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    rows = session.scalars(query.order_by(*order).offset((page - 1) * limit).limit(limit)).all()
    return list(rows), total


def list_cases(session: Session, args: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    query = select(CaseRow)
    if args.get("qc_status"):
        query = query.where(CaseRow.qc_status.in_(args["qc_status"]))
    if args.get("origin"):
        query = query.where(CaseRow.origin == args["origin"])
    rows, total = _page(session, query, [CaseRow.qc_updated_at.desc().nullslast(), CaseRow.case_id],
                        args["page"], args["limit"])
    return [case_item(r) for r in rows], total


def get_case(session: Session, case_id: str) -> CaseRow | None:
    return session.get(CaseRow, case_id)


def log_item(row: SyncLogRow) -> dict[str, Any]:
    return {"id": row.id, "case_id": row.case_id, "ticket_uid": row.ticket_uid, "action": row.action,
            "direction": row.direction, "old_value": row.old_value, "new_value": row.new_value,
            "success": row.success, "error_message": row.error_message, "created_at": iso(row.created_at)}


def list_log(session: Session, args: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    query = select(SyncLogRow)
    for name in ("case_id", "ticket_uid"):
        if args.get(name):
            query = query.where(getattr(SyncLogRow, name) == args[name])
    if args.get("action"):
        query = query.where(SyncLogRow.action.in_(args["action"]))
    if args.get("direction"):
        query = query.where(SyncLogRow.direction.in_(args["direction"]))
    if args.get("success") is not None:
        query = query.where(SyncLogRow.success.is_(args["success"]))
    rows, total = _page(session, query, [SyncLogRow.id.desc()], args["page"], args["limit"])
    return [log_item(r) for r in rows], total


def failure_item(row: FailureRow) -> dict[str, Any]:
    state = "resolved" if row.resolved_at else ("gave_up" if row.gave_up_at else "retrying")
    return {"id": row.id, "direction": row.direction, "operation": row.operation, "subject": row.subject,
            "case_id": row.case_id, "ticket_uid": row.ticket_uid, "error_message": row.error_message,
            "retry_count": row.retry_count, "max_attempts": row.max_attempts, "state": state,
            "next_retry_at": iso(row.next_retry_at), "gave_up_at": iso(row.gave_up_at),
            "resolved_at": iso(row.resolved_at), "created_at": iso(row.created_at), "updated_at": iso(row.updated_at)}


def list_failures(session: Session, args: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    query = select(FailureRow)
    state = args.get("state") or ["retrying", "gave_up"]
    conditions = []
    if "resolved" in state:
        conditions.append(FailureRow.resolved_at.is_not(None))
    if "gave_up" in state:
        conditions.append(FailureRow.resolved_at.is_(None) & FailureRow.gave_up_at.is_not(None))
    if "retrying" in state:
        conditions.append(FailureRow.resolved_at.is_(None) & FailureRow.gave_up_at.is_(None))
    from sqlalchemy import or_

    query = query.where(or_(*conditions))
    if args.get("operation"):
        query = query.where(FailureRow.operation.in_(args["operation"]))
    rows, total = _page(session, query, [FailureRow.created_at.desc()], args["page"], args["limit"])
    return [failure_item(r) for r in rows], total
