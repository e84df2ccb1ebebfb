"""Reconciliation: WAHA never replays messages that arrived while the bridge or the session was
down, so after a restart or a reconnect we read every chat's recent messages from WAHA and store
what is missing (idempotent on the WAHA id, like the webhook). Our own sends' acks are caught up
the same way."""
from __future__ import annotations

import logging
from datetime import timedelta

from prometheus_client import Counter
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared.db import transaction
from fibreflow_shared.timeutil import utc_now
from wa_bridge.adapters.orm import ChatRow, MessageRow, SessionRow
from wa_bridge.adapters.waha import WahaError
from wa_bridge.service_layer import inbound
from wa_bridge.service_layer.deps import Deps
from wa_bridge.service_layer.outbound import apply_ack, lock_waha_id

log = logging.getLogger(__name__)
RECENT_DAYS = 7
RECOVERED = Counter("wa_bridge_reconciled_messages_total", "Messages stored by reconciliation (missed webhooks)")


def mark_all_for_reconcile(sessions: sessionmaker[Session]) -> None:
    """At worker start: whatever happened while we were down is read back from WAHA."""
    with transaction(sessions) as session:
        session.execute(update(SessionRow).values(needs_reconcile=True))


def reconcile_session(deps: Deps, sessions: sessionmaker[Session], name: str) -> int:
    """Read the recent messages of every chat of a WORKING session; store the missing. Returns how many."""
    limit = deps.settings.reconcile_limit
    try:
        remote_chats = [c.get("id") for c in deps.waha.chats(name)]
    except WahaError as exc:
        log.warning("reconcile: WAHA chats unavailable", extra={"session": name, "error": str(exc)})
        return 0
    with transaction(sessions) as session:
        # WAHA's most recent chats plus ours active lately: a reconnect does not read years of chats.
        known = list(session.scalars(select(ChatRow.jid).where(
            ChatRow.last_message_at >= utc_now() - timedelta(days=RECENT_DAYS))))
    jids = [j if isinstance(j, str) else (j or {}).get("_serialized") for j in remote_chats]
    stored = 0
    for jid in dict.fromkeys([j for j in jids + known if j]):
        try:
            messages = deps.waha.chat_messages(name, jid, limit)
        except WahaError as exc:
            log.warning("reconcile: chat unavailable", extra={"chat": jid, "error": str(exc)})
            continue
        for payload in reversed(messages):  # oldest first, so replies find what they quote
            with transaction(sessions) as session:
                if payload.get("fromMe"):
                    _catch_up_ack(session, deps, payload)
                elif inbound.store(session, deps, name, payload, origin="reconcile") == "stored":
                    stored += 1
    RECOVERED.inc(stored)
    return stored


def _catch_up_ack(session: Session, deps: Deps, payload: dict) -> None:
    waha_id, ack = str(payload.get("id") or ""), payload.get("ack")
    if not waha_id or not isinstance(ack, int):
        return
    lock_waha_id(session, waha_id)
    row = session.scalars(select(MessageRow).where(MessageRow.waha_id == waha_id).with_for_update()).first()
    if row is not None:
        apply_ack(session, deps, row, ack)


def reconcile_due(deps: Deps, sessions: sessionmaker[Session]) -> int:
    """Reconcile each WORKING session that asked for it (after a restart or reconnect)."""
    with transaction(sessions) as session:
        due = list(session.scalars(select(SessionRow.name).where(SessionRow.needs_reconcile.is_(True),
                                                                 SessionRow.status == "WORKING")))
    total = 0
    for name in due:
        total += reconcile_session(deps, sessions, name)
        with transaction(sessions) as session:
            session.execute(update(SessionRow).where(SessionRow.name == name)
                            .values(needs_reconcile=False, reconciled_at=utc_now()))
        log.info("reconciled WhatsApp session", extra={"session": name, "stored": total})
    return total
