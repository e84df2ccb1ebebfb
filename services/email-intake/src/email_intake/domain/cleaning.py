"""The description of a ticket or a note: the newest reply only, without quotes or signature.

``mail-parser-reply`` (MIT) splits a body into replies by the quote headers of many clients and
languages ("On … wrote:", Outlook's "From: … Sent: …" block, "-----Original Message-----");
we then cut the signature at the RFC 3676 delimiter ("-- ") and mobile footers. The original
text is always kept beside the cleaned one.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

log = logging.getLogger(__name__)
LANGUAGES = ("en", "de", "fr", "nl", "es", "pt")
_SIGNATURE = re.compile(
    r"^(?:-- ?|__+|Sent from my [\w ]+|Sent from (?:Mail|Outlook) for \w+|Get Outlook for \w+.*"
    r"|Sent from Yahoo Mail.*|Verstuurd vanaf mijn \w+)$", re.IGNORECASE)
_QUOTE_HEADERS = re.compile(
    r"^(?:On .{4,200} wrote:|-{2,}\s*Original Message\s*-{2,}|_{10,}|From: .+|-{5,} ?Forwarded message ?-{5,}"
    r"|Begin forwarded message:)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _parser():  # type: ignore[no-untyped-def]
    from mailparser_reply import EmailReplyParser

    return EmailReplyParser(languages=list(LANGUAGES))


def strip_signature(text: str) -> str:
    """Everything above the first signature delimiter line (or the whole text)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i > 0 and _SIGNATURE.match(line.strip()):
            return "\n".join(lines[:i]).rstrip()
    return text


def _manual_cut(text: str) -> str:
    """Fallback cut at the first quote header or ``>`` block."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        stripped = line.strip()
        if i > 0 and (_QUOTE_HEADERS.match(stripped) or (stripped.startswith(">") and
                                                         all(l.strip().startswith(">") or not l.strip()
                                                             for l in lines[i:]))):
            return "\n".join(lines[:i]).rstrip()
    return text


def latest_reply(text: str) -> str:
    """The newest part of a reply: quoted history and signature removed. Never empty when
    ``text`` has content (an all-quote body keeps the original)."""
    if not text.strip():
        return ""
    try:
        reply = _parser().parse_reply(text=text) or ""
    except Exception as exc:  # noqa: BLE001 - the library failing must not lose the mail
        log.debug("reply parser failed: %s", exc)
        reply = text
    reply = _manual_cut(reply)
    reply = strip_signature(reply).strip()
    return reply or text.strip()
