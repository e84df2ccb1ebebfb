"""Emails other services ask for (``notification.email_requested``): email-intake's
acknowledgements, which need their own threading and loop-defence headers.

The request names its recipient address directly (no user, so no preferences or quiet hours:
an acknowledgement answers mail the person just sent). It is queued once per ``request_id``
(the unique event × recipient × channel key) and sent by the ordinary sender loop.
"""
from __future__ import annotations

from typing import Any

from fibreflow_shared.timeutil import utc_now
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from notifications.adapters.channels import REQUESTABLE_HEADERS
from notifications.adapters.orm import NotificationRow
from notifications.service_layer.deps import Deps


def email_requested(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """Queue the requested email with its headers (a repeated request adds nothing)."""
    d = event["data"]
    headers = {k: str(v) for k, v in (d.get("headers") or {}).items() if k in REQUESTABLE_HEADERS and v}
    if d.get("from"):
        headers["From"] = str(d["from"])
    session.execute(insert(NotificationRow).values(
        trigger_event_id=f"request:{d['request_id']}"[:64], trigger_event_type=event["type"], ticket_id=None,
        ticket_uid=d.get("ticket_uid"), channel="email", recipient=str(d["to"])[:320], recipient_user_id=None,
        template=(d.get("template") or "requested.email")[:100], subject=str(d.get("subject") or "")[:998],
        body=str(d["body"]), critical=False, status="queued", next_attempt_at=utc_now(), headers=headers or None,
    ).on_conflict_do_nothing(constraint="uq_notifications_event_recipient_channel"))
