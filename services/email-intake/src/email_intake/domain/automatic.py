"""Loop defence: recognise mail written by a machine (bounces, DSNs, out-of-office, lists).

Such mail never creates a ticket, never becomes a note and never gets an acknowledgement. The
rules, in the order they are checked (the first that applies is the recorded reason):

1. ``multipart/report`` (RFC 6522: delivery status notifications, read receipts)
2. null reverse path: ``Return-Path: <>`` or SMTP ``MAIL FROM:<>`` (RFC 5321 §4.5.5, bounces)
3. sender local part ``mailer-daemon`` or ``postmaster`` (bounces from older MTAs)
4. ``Auto-Submitted`` other than ``no`` (RFC 3834: auto-replied, auto-generated, auto-notified)
5. ``X-Autoreply`` / ``X-Autorespond`` / ``X-Auto-Response-Suppress`` (Exchange, vacation programs)
6. ``Precedence: bulk | junk | list`` (RFC 2076, honoured by every autoresponder)
7. ``List-Unsubscribe`` or ``List-Id`` (mailing lists and newsletters, RFC 2369/2919)
8. a ``Message-ID`` in one of our own domains (mail we sent coming back: a loop)
9. our own ``X-Loop`` marker (a system that copied our headers onto its answer)
10. an out-of-office subject ("Out of Office", "Automatic reply", "Autoreply", "Abwesenheit",
    "Undeliverable", "Delivery Status Notification") from a client that sets no header at all

Two autoresponders cannot loop through us: our own mail carries ``Auto-Submitted:
auto-replied`` (rule 4 on any RFC-conforming responder), its Message-ID is ours (rule 8), and
we acknowledge only new tickets, at most once per sender per window (``ack_window``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from email_intake.domain.parsing import ParsedEmail

AUTO_HEADERS = ("x-autoreply", "x-autorespond", "x-auto-response-suppress")
_OOO_SUBJECT = re.compile(
    r"^(?:(?:re|aw|fw|fwd):\s*)*(?:out of (?:the )?office|automatic reply|auto(?:matic)?[ -]?reply|autoreply"
    r"|auto-response|abwesenheit|absence|undeliverable|undelivered mail|delivery status notification"
    r"|returned mail|mail delivery failed|delivery failure)\b", re.IGNORECASE)


@dataclass(frozen=True)
class AutomaticVerdict:
    rule: str
    reason: str


def classify(parsed: ParsedEmail, *, envelope_from: str | None, own_domains: tuple[str, ...],
             loop_marker: str) -> AutomaticVerdict | None:
    """The first automatic-mail rule ``parsed`` matches, or None for mail written by a person."""
    h = parsed.header
    if parsed.content_type == "multipart/report":
        return AutomaticVerdict("multipart_report", "multipart/report (delivery status or read receipt)")
    return_path = h("return-path").strip()
    if return_path in ("<>", "") and "return-path" in parsed.headers or envelope_from == "":
        return AutomaticVerdict("null_sender", "null reverse path (Return-Path: <>): a bounce")
    local = parsed.from_address.split("@", 1)[0]
    if local in ("mailer-daemon", "postmaster"):
        return AutomaticVerdict("mailer_daemon", f"sender {local}: a bounce")
    auto = h("auto-submitted").strip().lower()
    if auto and not auto.startswith("no"):
        return AutomaticVerdict("auto_submitted", f"Auto-Submitted: {auto}")
    for name in AUTO_HEADERS:
        if name in parsed.headers:
            return AutomaticVerdict("autoreply_header", f"{name} header present")
    precedence = h("precedence").strip().lower()
    if precedence in ("bulk", "junk", "list"):
        return AutomaticVerdict("precedence", f"Precedence: {precedence}")
    if "list-unsubscribe" in parsed.headers or "list-id" in parsed.headers:
        return AutomaticVerdict("list_mail", "mailing list or newsletter (List-Unsubscribe/List-Id)")
    if parsed.message_id and "@" in parsed.message_id:
        domain = parsed.message_id.rsplit("@", 1)[1]
        if domain in own_domains:
            return AutomaticVerdict("own_message_id", f"Message-ID in our own domain {domain}: a loop")
    if loop_marker and loop_marker.lower() in h("x-loop").lower():
        return AutomaticVerdict("x_loop", "our X-Loop marker")
    if _OOO_SUBJECT.match(parsed.subject):
        return AutomaticVerdict("ooo_subject", "automatic-reply subject")
    return None
