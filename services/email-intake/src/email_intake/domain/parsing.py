"""MIME parsing: raw bytes → a ``ParsedEmail`` (headers, clean text, attachments).

The standard library's ``email`` package with the modern policy does the MIME work. Where it
does less well we use small, well-kept libraries: ``inscriptis`` (Apache-2.0) turns HTML into
readable text, ``tnefparse`` (LGPL-3.0, imported unmodified) opens Outlook's ``winmail.dat``.
Malformed input never raises: whatever cannot be read is reported in ``defects`` and the
caller keeps the raw message for review.
"""
from __future__ import annotations

import email
import email.policy
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from email.utils import getaddresses, parseaddr

log = logging.getLogger(__name__)

# Charsets mail clients announce that Python knows under another name (or not at all).
CHARSET_ALIASES = {"windows-874": "cp874", "x-mac-roman": "mac_roman", "ks_c_5601-1987": "cp949",
                   "x-user-defined": "latin-1", "unknown-8bit": "latin-1", "gb2312": "gb18030",
                   "iso-8859-8-i": "iso-8859-8", "utf8": "utf-8", "cp-850": "cp850"}
_MSGID = re.compile(r"<([^<>\s]+)>")


@dataclass
class Attachment:
    filename: str
    content_type: str
    data: bytes
    content_id: str | None = None
    inline: bool = False


@dataclass
class ParsedEmail:
    """What the pipeline reads from one message; every field is plain, decoded text."""

    message_id: str | None
    subject: str
    from_name: str
    from_address: str
    reply_to: str | None
    to: list[str]
    cc: list[str]
    in_reply_to: list[str]
    references: list[str]
    date: str | None
    headers: dict[str, str]
    text: str
    html_text: bool
    content_type: str
    attachments: list[Attachment] = field(default_factory=list)
    forwarded: list[ParsedEmail] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)

    def header(self, name: str) -> str:
        """A header's decoded value ('' when absent); names are case-insensitive."""
        return self.headers.get(name.lower(), "")


def message_ids(value: str | None) -> list[str]:
    """The ``<id>`` tokens of an In-Reply-To/References header, lower-cased, in order."""
    if not value:
        return []
    found = _MSGID.findall(value)
    if not found and value.strip() and " " not in value.strip():
        found = [value.strip().strip("<>")]  # some clients omit the brackets
    return [m.lower() for m in found]


def _safe_header(msg: Message, name: str) -> str:
    try:
        value = msg.get(name)
    except Exception as exc:  # noqa: BLE001 - a header the policy cannot parse is read raw
        log.debug("unparseable header %s: %s", name, exc)
        raw = msg.get_all(name, failobj=[])
        return str(raw[0]) if raw else ""
    if value is None:
        return ""
    try:
        return str(value)
    except Exception:  # noqa: BLE001
        return repr(value)


_SURROGATES = re.compile("[\udc80-\udcff]")


def _eight_bit(raw: str) -> str:
    """A header sent as raw 8-bit bytes (no encoded-words): UTF-8 if it is, else windows-1252."""
    data = raw.encode("ascii", "surrogateescape")
    for charset in ("utf-8", "windows-1252"):
        try:
            return data.decode(charset)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _headers(msg: Message) -> dict[str, str]:
    out: dict[str, str] = {}
    raw_values = {k.lower(): v for k, v in reversed(list(msg.raw_items()))} if hasattr(msg, "raw_items") else {}
    for key in msg.keys():
        lowered = key.lower()
        if lowered in out:
            if lowered == "authentication-results":  # every one counts (spam.collect)
                out["x-all-authentication-results"] = "\n".join(
                    " ".join(str(v).split()) for v in (msg.get_all(key) or [])[1:])
            continue
        raw = raw_values.get(lowered)
        if isinstance(raw, str) and _SURROGATES.search(raw):
            out[lowered] = " ".join(_eight_bit(raw).split())
        else:
            out[lowered] = " ".join(_safe_header(msg, key).split())
    return out


def decode_part(part: Message) -> str:
    """The text of a text/* part in its declared charset; unknown or wrong charsets fall back
    through utf-8 to windows-1252 (what mislabelled mail nearly always is)."""
    payload = part.get_payload(decode=True)
    if payload is None:
        payload = b""
    if isinstance(payload, str):
        return payload
    declared = (part.get_content_charset() or "").lower()
    candidates = [CHARSET_ALIASES.get(declared, declared)] if declared else []
    candidates += ["utf-8", "windows-1252"]
    for charset in candidates:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("latin-1")


def html_to_text(html: str) -> str:
    """Readable text from HTML (inscriptis keeps list and table layout)."""
    try:
        from inscriptis import get_text

        return get_text(html)
    except Exception as exc:  # noqa: BLE001 - broken HTML: strip tags rather than lose the mail
        log.debug("inscriptis failed: %s", exc)
        return re.sub(r"<[^>]+>", " ", html)


def normalise_text(text: str) -> str:
    """Unix newlines, no trailing blanks, no runs of blank lines (Outlook's doubled newlines)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    # Outlook's plain text often doubles every newline: if nearly every other line is blank,
    # collapse the doubling before collapsing runs.
    nonblank = [i for i, line in enumerate(lines) if line]
    if len(nonblank) >= 4:
        doubled = sum(1 for a, b in zip(nonblank, nonblank[1:]) if b - a == 2)
        if doubled >= 0.8 * (len(nonblank) - 1):
            lines = [line for line in lines if line]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out).strip()


def _filename(part: Message) -> str:
    try:
        name = part.get_filename()
    except Exception:  # noqa: BLE001
        name = None
    return (name or "").strip().replace("/", "_").replace("\\", "_")[:200]


def _tnef(data: bytes) -> tuple[str, list[Attachment], list[str]]:
    """Body text and attachments of a winmail.dat (TNEF) blob."""
    try:
        from tnefparse import TNEF

        tnef = TNEF(data)
    except Exception as exc:  # noqa: BLE001 - corrupt TNEF is a defect, not a crash
        return "", [], [f"winmail.dat unreadable: {type(exc).__name__}"]
    body = ""
    raw_body = getattr(tnef, "body", None)
    if raw_body:
        body = raw_body.decode("cp1252", "replace") if isinstance(raw_body, bytes) else str(raw_body)
    html = getattr(tnef, "htmlbody", None)
    if not body and html:
        body = html_to_text(html.decode("cp1252", "replace") if isinstance(html, bytes) else str(html))
    attachments = []
    for att in tnef.attachments:
        name = att.long_filename() if hasattr(att, "long_filename") else att.name
        if isinstance(name, bytes):
            name = name.decode("cp1252", "replace")
        attachments.append(Attachment(str(name or "attachment").strip("\x00")[:200], "application/octet-stream",
                                      bytes(att.data or b"")))
    return body, attachments, []


def _walk(msg: Message, texts: list[str], htmls: list[str], attachments: list[Attachment],
          forwarded: list[ParsedEmail], defects: list[str], depth: int = 0) -> None:
    if depth > 20:
        defects.append("MIME nesting deeper than 20 levels (ignored below)")
        return
    ctype = msg.get_content_type()
    if ctype == "message/rfc822":
        inner = msg.get_payload()
        inner_msg = inner[0] if isinstance(inner, list) and inner else None
        if isinstance(inner_msg, Message):
            forwarded.append(_parse_message(inner_msg, depth + 1))
        return
    if msg.is_multipart():
        if ctype == "multipart/alternative":
            parts = msg.get_payload()
            plain = [p for p in parts if isinstance(p, Message) and p.get_content_type() == "text/plain"]
            html = [p for p in parts if isinstance(p, Message) and p.get_content_type() == "text/html"]
            other = [p for p in parts if isinstance(p, Message) and p not in plain and p not in html]
            if plain:
                texts.append(decode_part(plain[0]))
            elif html:
                htmls.append(decode_part(html[0]))
            for p in other:
                _walk(p, texts, htmls, attachments, forwarded, defects, depth + 1)
            return
        payload = msg.get_payload()
        if not isinstance(payload, list):
            defects.append(f"{ctype} without parts")
            return
        for part in payload:
            if isinstance(part, Message):
                _walk(part, texts, htmls, attachments, forwarded, defects, depth + 1)
        return
    disposition = (msg.get_content_disposition() or "").lower()
    name = _filename(msg)
    is_attachment = disposition == "attachment" or (bool(name) and ctype not in ("text/plain", "text/html"))
    if ctype in ("application/ms-tnef", "application/vnd.ms-tnef") or name.lower() == "winmail.dat":
        body, found, problems = _tnef(msg.get_payload(decode=True) or b"")
        if body and not any(t.strip() for t in texts):  # Outlook also sends the body as text/plain
            texts.append(body)
        attachments.extend(found)
        defects.extend(problems)
        return
    if not is_attachment and ctype == "text/plain":
        texts.append(decode_part(msg))
        return
    if not is_attachment and ctype == "text/html":
        htmls.append(decode_part(msg))
        return
    data = msg.get_payload(decode=True) or b""
    if not isinstance(data, bytes):
        data = str(data).encode()
    cid = msg.get("Content-ID")
    attachments.append(Attachment(name or f"part-{len(attachments) + 1}", ctype, data,
                                  str(cid).strip("<> ") if cid else None, inline=disposition == "inline"))


def _addresses(value: str) -> list[str]:
    return [addr.lower() for _, addr in getaddresses([value]) if addr and "@" in addr]


def _parse_message(msg: Message, depth: int = 0) -> ParsedEmail:
    defects = [type(d).__name__ for d in getattr(msg, "defects", [])]
    headers = _headers(msg)
    texts: list[str] = []
    htmls: list[str] = []
    attachments: list[Attachment] = []
    forwarded: list[ParsedEmail] = []
    try:
        _walk(msg, texts, htmls, attachments, forwarded, defects, depth)
    except Exception as exc:  # noqa: BLE001 - keep whatever was read
        defects.append(f"body unreadable: {type(exc).__name__}: {exc}")
    try:  # decoding registers defects (bad base64, …) on the parts, so collect them afterwards
        defects += [type(d).__name__ for part in msg.walk() if part is not msg for d in getattr(part, "defects", [])]
    except Exception:  # noqa: BLE001
        pass
    html_only = not any(t.strip() for t in texts) and bool(htmls)
    body = "\n\n".join(t for t in texts if t.strip()) if not html_only else "\n\n".join(html_to_text(h) for h in htmls)
    from_name, from_address = parseaddr(headers.get("from", ""))
    reply_to = _addresses(headers.get("reply-to", ""))
    return ParsedEmail(
        message_id=(message_ids(headers.get("message-id")) or [None])[0],
        subject=headers.get("subject", "").strip(),
        from_name=from_name.strip(), from_address=from_address.strip().lower(),
        reply_to=reply_to[0] if reply_to else None,
        to=_addresses(headers.get("to", "")), cc=_addresses(headers.get("cc", "")),
        in_reply_to=message_ids(headers.get("in-reply-to")), references=message_ids(headers.get("references")),
        date=headers.get("date") or None, headers=headers, text=normalise_text(body), html_text=html_only,
        content_type=msg.get_content_type(), attachments=attachments, forwarded=forwarded, defects=defects)


def parse(raw: bytes) -> ParsedEmail:
    """Parse one RFC 5322 message. Never raises: a message that cannot be read at all comes
    back empty with the reason in ``defects``."""
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        return _parse_message(msg)
    except Exception as exc:  # noqa: BLE001 - the raw message is kept; the pipeline reviews it
        return ParsedEmail(None, "", "", "", None, [], [], [], [], None, {}, "", False, "text/plain",
                           defects=[f"unparseable message: {type(exc).__name__}: {exc}"])


def iter_addresses(parsed: ParsedEmail) -> Iterator[str]:
    """Every recipient address (To, Cc, and the envelope's later)."""
    yield from parsed.to
    yield from parsed.cc


def as_message(raw: bytes) -> EmailMessage:
    """The stdlib message object (for the SMTP listener's header checks)."""
    return email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[return-value]
