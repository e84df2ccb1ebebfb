"""WhatsApp bridge alerts (issue #13): a session that needs a person, and a message that finally failed.

* ``wa.session_status`` FAILED / SCAN_QR_CODE → every active admin at once, in-app and by email
  (critical: preferences and quiet hours do not hold it back). We keep, per session, the status
  admins were last alerted about (``wa_session_alerts``), so a flapping session raises one alert
  per status change and a repeated report of the same status raises none; WORKING after an alert
  clears it and tells the admins in-app only that it recovered. Older reports than the last one
  applied are ignored (events may arrive out of order).
* ``wa.message_status`` failed (after wa-bridge's retries) → the staff user who sent it
  (``sender_user_id``), in-app, with the ticket and the error.

Both write queue rows through the Enqueuer like every other rule; a duplicated event inserts
nothing (the queue's unique key is event × recipient × channel).
"""
from __future__ import annotations

import logging
from typing import Any

from prometheus_client import Counter
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from fibreflow_shared.ids import is_uuid
from fibreflow_shared.timeutil import parse_time, utc_now
from notifications.adapters.directory import SqlDirectory
from notifications.adapters.orm import TicketRow, WaSessionAlertRow
from notifications.domain.model import Intent
from notifications.service_layer.deps import Deps
from notifications.service_layer.enqueue import Enqueuer

log = logging.getLogger(__name__)
ALERT_STATUSES = ("FAILED", "SCAN_QR_CODE")  # wa-bridge's model.ALERT_STATUSES: a person must act
WA_ALERTS = Counter("fibreflow_notifications_wa_alerts_total",
                    "WhatsApp bridge alerts raised, by kind (session_alert, session_recovered, message_failed)",
                    ["kind"])


def on_session_status(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """wa.session_status: alert every admin once per FAILED / SCAN_QR_CODE change; note a recovery."""
    data = event["data"]
    name, status, at = data["session"], data["status"], parse_time(data["at"])
    session.execute(insert(WaSessionAlertRow).values(session_name=name, alerted_status=None, last_status=status,
                                                     status_at=at).on_conflict_do_nothing())
    row = session.get(WaSessionAlertRow, name, with_for_update=True, populate_existing=True)
    assert row is not None  # inserted above or already there; the lock orders concurrent reports
    if at < row.status_at:
        return  # an older report than the one applied
    row.last_status, row.status_at, row.updated_at = status, at, utc_now()
    directory = SqlDirectory(session)
    context = {"session": name, "status": status, "previous_status": data.get("previous_status"),
               "last_error": data.get("last_error") or "", "phone": data.get("phone") or "", "at": data["at"],
               "reconnect_count": data.get("reconnect_count", 0)}
    if status in ALERT_STATUSES and row.alerted_status != status:
        row.alerted_status = status
        intents = [Intent("wa_session_alert", ("in_app", "email"), context, user_id=a, critical=True)
                   for a in directory.admins()]
        kind = "session_alert"
    elif status == "WORKING" and row.alerted_status is not None:
        intents = [Intent("wa_session_recovered", ("in_app",), {**context, "alerted_status": row.alerted_status},
                          user_id=a) for a in directory.admins()]
        row.alerted_status = None
        kind = "session_recovered"
    else:
        return
    if not intents:
        log.error("WhatsApp session alert with no active admin to tell", extra={"session": name, "status": status})
    if Enqueuer(session, deps, directory).add_all(event["id"], event["type"], intents):
        WA_ALERTS.labels(kind).inc()


def on_message_status(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """wa.message_status failed: tell the staff user who sent the message, in-app, with the ticket and error."""
    data = event["data"]
    if data.get("status") != "failed":
        return
    sender = data.get("sender_user_id")
    if not sender or not is_uuid(sender):
        log.info("failed WhatsApp message without a staff sender: nobody to tell",
                 extra={"message_id": data.get("message_id"), "origin": data.get("origin")})
        return
    ticket_uid = data.get("ticket_uid")
    ticket_id = session.scalar(select(TicketRow.id).where(TicketRow.ticket_uid == ticket_uid).limit(1)) \
        if ticket_uid else None
    context = {"ticket_uid": ticket_uid or "", "chat_jid": data.get("chat_jid") or "",
               "error": data.get("error") or "unknown error", "attempts": data.get("attempts", 0),
               "message_id": data["message_id"]}
    intent = Intent("wa_message_failed", ("in_app",), context, user_id=sender, critical=True,
                    ticket_id=ticket_id, ticket_uid=ticket_uid)
    if Enqueuer(session, deps, SqlDirectory(session)).add(event["id"], event["type"], intent):
        WA_ALERTS.labels("message_failed").inc()
