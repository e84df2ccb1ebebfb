"""wa-bridge's rules in plain Python: ack levels and delivery status (never backwards), chat ids,
ticket UIDs in text, field reports naming a drop, media limits, and chat routing."""
from __future__ import annotations

import re
from dataclasses import dataclass

# WAHA's ack levels (external-apis.md): ERROR=-1, PENDING=0, SERVER=1, DEVICE=2, READ=3, PLAYED=4.
ACK_ERROR, ACK_PENDING, ACK_SERVER, ACK_DEVICE, ACK_READ, ACK_PLAYED = -1, 0, 1, 2, 3, 4
ACK_NAMES = {-1: "ERROR", 0: "PENDING", 1: "SERVER", 2: "DEVICE", 3: "READ", 4: "PLAYED"}
# Our delivery statuses, in the only order they may move (failed ends a message not yet delivered).
STATUS_RANK = {"pending": 0, "sent": 1, "delivered": 2, "read": 3}
STATUSES = ("pending", "sent", "delivered", "read", "failed", "received")
KINDS = ("text", "image", "video", "audio", "document")
SESSION_STATUSES = ("STOPPED", "STARTING", "SCAN_QR_CODE", "WORKING", "FAILED")
# A session in one of these needs a person: admins are told at once.
ALERT_STATUSES = frozenset({"FAILED", "SCAN_QR_CODE"})
PRIORITIES_ONE_ON_ONE = frozenset({"high", "critical"})
MEDIA_NOT_AVAILABLE = "media not available"

# FF-0123, EML-0001, BILL-20261122-0001, DR1234-01, FT12345 (ticket-core's UID shapes).
UID_RE = re.compile(r"\b(FF-\d{4,}|EML-\d{4,}|BILL-\d{8}-\d{4,}|DR\d{1,12}-\d{2,}|FT\d{3,})\b", re.IGNORECASE)
# "DR1234", "dr 1234", "DR-1234" not followed by "-NN" (that is a ticket UID).
DROP_RE = re.compile(r"\bDR\s*-?\s*(\d{1,12})\b(?!-\d)", re.IGNORECASE)


def status_of_ack(ack: int) -> str | None:
    """The delivery status an ack level means (None for PENDING: nothing new)."""
    if ack <= ACK_ERROR:
        return "failed"
    return {ACK_SERVER: "sent", ACK_DEVICE: "delivered"}.get(ack, "read" if ack >= ACK_READ else None)


def advance(current: str, new: str) -> str | None:
    """The status after ``new`` arrives at a message in ``current``, or None when it changes nothing.

    A status never goes backwards (read stays read when a late "sent" ack arrives), and only a
    message not yet delivered can fail (an ERROR after DEVICE is a stale report)."""
    if current in ("failed", "received") or new == current:
        return None
    if new == "failed":
        return "failed" if STATUS_RANK.get(current, 9) < STATUS_RANK["delivered"] else None
    if STATUS_RANK.get(new, -1) > STATUS_RANK.get(current, 9):
        return new
    return None


def chat_id(raw: str) -> str:
    """WAHA's rule: a chat id without ``@`` is a person (``@c.us``); ``+27 82 ...`` → digits."""
    raw = raw.strip()
    if "@" in raw:
        return raw
    return re.sub(r"\D", "", raw) + "@c.us"


def is_group(jid: str) -> bool:
    return jid.endswith("@g.us")


def is_lid(jid: str | None) -> bool:
    return bool(jid) and jid.endswith("@lid")  # type: ignore[union-attr]


def phone_of(jid: str | None) -> str | None:
    """``27821234567@c.us`` → ``+27821234567`` (None for groups and hidden ids)."""
    if not jid or not jid.endswith("@c.us"):
        return None
    return "+" + jid.split("@", 1)[0]


def ticket_uids(text: str) -> list[str]:
    """Ticket UIDs named in a message, upper-cased, first mention first."""
    seen: list[str] = []
    for match in UID_RE.finditer(text or ""):
        uid = match.group(1).upper()
        if uid not in seen:
            seen.append(uid)
    return seen


def drop_number(text: str) -> str | None:
    """The drop a field report names (``DR1234 fibre cut at pole P-4521`` → ``DR1234``)."""
    match = DROP_RE.search(text or "")
    return f"DR{match.group(1)}" if match else None


@dataclass(frozen=True)
class FieldReport:
    """What a WhatsApp field report asks ticket-core for (``intake.ticket_requested``)."""

    drop_number: str
    title: str
    description: str


def field_report(text: str) -> FieldReport | None:
    """A message naming a drop (and no ticket UID) is a field report: a ticket is requested."""
    if ticket_uids(text):
        return None
    drop = drop_number(text)
    if drop is None:
        return None
    line = " ".join((text or "").split())
    return FieldReport(drop_number=drop, title=line[:255] or f"WhatsApp report for {drop}", description=text)


def media_kind(mimetype: str | None) -> str:
    """The message kind for a MIME type (image/*, video/*, audio/*, else document)."""
    major = (mimetype or "").split("/", 1)[0]
    return major if major in ("image", "video", "audio") else "document"


def route_target(priority: str | None, project_group: str | None, technician_chat: str | None) -> tuple[str | None, str]:
    """Where a ticket's message goes by default (PRD Phase 8): high/critical → 1-on-1 with the
    assigned technician; low/medium → the project group. Falls back to the other one."""
    if priority in PRIORITIES_ONE_ON_ONE:
        return (technician_chat, "technician") if technician_chat else (project_group, "project_group")
    return (project_group, "project_group") if project_group else (technician_chat, "technician")
