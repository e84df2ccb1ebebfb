"""Inbound webhooks turned into one raw message each (the pipeline only ever sees MIME).

SendGrid Inbound Parse: raw mode posts the whole message in ``email``; parsed mode posts
``headers`` (the raw header block), ``text``/``html`` and files ``attachment1..N`` — we rebuild
a MIME message from them with the original header block, so the same parser and rules apply.
Mailgun: ``body-mime`` in raw mode; else ``message-headers`` (JSON pairs), ``body-plain``,
``body-html`` and ``attachment-1..N``. Provider verdicts (SPF, DKIM, spam score) travel beside.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from email import policy as email_policy
from email.message import EmailMessage
from email.parser import HeaderParser
from typing import Any

from fibreflow_shared.timeutil import utc_now

from email_intake.domain.errors import BadInboundMessage

SKIP_HEADERS = {"content-type", "content-transfer-encoding", "mime-version"}


def _rebuild(header_pairs: list[tuple[str, str]], text: str | None, html: str | None,
             files: list[tuple[str, str, bytes]]) -> bytes:
    msg = EmailMessage(policy=email_policy.SMTP)
    for name, value in header_pairs:
        if name.lower() in SKIP_HEADERS:
            continue
        try:
            msg[name] = value
        except (ValueError, TypeError):
            continue
    if text:
        msg.set_content(text)
        if html:
            msg.add_alternative(html, subtype="html")
    elif html:
        msg.set_content(html, subtype="html")
    else:
        msg.set_content("")
    for filename, ctype, data in files:
        maintype, _, subtype = (ctype or "application/octet-stream").partition("/")
        msg.add_attachment(data, maintype=maintype or "application", subtype=subtype or "octet-stream",
                           filename=filename or "attachment")
    return msg.as_bytes()


def sendgrid(form: Mapping[str, str], files: Mapping[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    """(raw message, provider verdicts, envelope) from a SendGrid Inbound Parse POST."""
    provider = {k: form[v] for k, v in (("spf", "SPF"), ("dkim", "dkim"), ("spam_score", "spam_score"))
                if form.get(v)}
    try:
        envelope = json.loads(form.get("envelope") or "{}")
    except ValueError:
        envelope = {}
    if not isinstance(envelope, dict):
        envelope = {}
    if form.get("email"):
        return form["email"].encode("utf-8", "surrogateescape"), provider, envelope
    if files.get("email") is not None:
        return files["email"].read(), provider, envelope
    if not form.get("headers"):
        raise BadInboundMessage("Neither email (raw mode) nor headers (parsed mode) was posted",
                                details={"email": ["Missing data for required field."]})
    headers = HeaderParser(policy=email_policy.compat32).parsestr(form["headers"])
    try:
        info = json.loads(form.get("attachment-info") or "{}")
    except ValueError:
        info = {}
    attached = []
    for key in sorted((k for k in files if k.startswith("attachment")), key=lambda k: int(k[10:] or 0)
                      if k[10:].isdigit() else 0):
        storage = files[key]
        meta = info.get(key, {}) if isinstance(info, dict) else {}
        attached.append((meta.get("filename") or storage.filename or key, meta.get("type") or storage.mimetype,
                         storage.read()))
    raw = _rebuild(list(headers.items()), form.get("text"), form.get("html"), attached)
    return raw, provider, envelope


def mailgun(form: Mapping[str, str], files: Mapping[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    """(raw message, provider verdicts, envelope) from a Mailgun route POST (signature checked before)."""
    envelope = {"to": [form["recipient"]] if form.get("recipient") else [], "from": form.get("sender")}
    provider: dict[str, str] = {}
    if form.get("body-mime"):
        raw = form["body-mime"].encode("utf-8", "surrogateescape")
    elif files.get("body-mime") is not None:
        raw = files["body-mime"].read()
    else:
        try:
            pairs = [(str(k), str(v)) for k, v in json.loads(form.get("message-headers") or "[]")]
        except (ValueError, TypeError):
            raise BadInboundMessage("message-headers is not a JSON list of pairs",
                                    details={"message-headers": ["Not a JSON list of [name, value] pairs."]})
        if not pairs:
            raise BadInboundMessage("Neither body-mime nor message-headers was posted",
                                    details={"body-mime": ["Missing data for required field."]})
        attached = [(f.filename or k, f.mimetype, f.read()) for k, f in sorted(files.items())
                    if k.startswith("attachment-")]
        raw = _rebuild(pairs, form.get("body-plain"), form.get("body-html"), attached)
    for name, key in (("X-Mailgun-Sscore", "spam_score"), ("X-Mailgun-Spf", "spf"), ("X-Mailgun-Dkim-Check-Result", "dkim")):
        for header_name, value in _headers_of(raw):
            if header_name.lower() == name.lower():
                provider[key] = value
    return raw, provider, envelope


def _headers_of(raw: bytes) -> list[tuple[str, str]]:
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    return list(HeaderParser(policy=email_policy.compat32).parsestr(head.decode("utf-8", "replace")).items())


def token_fresh_cutoff(tolerance_seconds: int) -> Any:
    from datetime import timedelta

    return utc_now() - timedelta(seconds=tolerance_seconds * 2)
