"""Delivery channels behind one interface: SMS (Twilio or BulkSMS), email (SMTP), in-app, WhatsApp.

A channel sends one message and answers with the provider's id, or raises
``TransientSendError`` (worth retrying: timeouts, 5xx, 429, SMTP 4xx) or
``PermanentSendError`` (retrying cannot help: 4xx, invalid number, SMTP 5xx). Which SMS
provider is used is configuration (``NOTIFICATIONS_SMS_PROVIDER``); rules never know.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Iterable, Protocol

import requests

from notifications.config import Settings

STATUS_CALLBACK_PATH = "/api/notifications/webhooks/sms/status"
INBOUND_SMS_PATH = "/api/notifications/webhooks/sms/inbound"


@dataclass(frozen=True)
class OutgoingMessage:
    id: str
    channel: str
    recipient: str
    subject: str
    body: str
    headers: dict[str, str] | None = None  # email only: extra headers a requesting service asked for


@dataclass(frozen=True)
class SendResult:
    provider: str
    provider_id: str | None
    status: str = "sent"  # "delivered" when the channel itself is the destination (in-app)


class TransientSendError(Exception):
    """The provider may accept the message later."""


class PermanentSendError(Exception):
    """The provider will never accept this message."""


class Channel(Protocol):
    name: str

    def send(self, message: OutgoingMessage) -> SendResult: ...


def twilio_signature(auth_token: str, url: str, params: Iterable[tuple[str, str]]) -> str:
    """Twilio's X-Twilio-Signature: base64(HMAC-SHA1(token, URL + sorted name+value pairs))."""
    payload = url + "".join(f"{k}{v}" for k, v in sorted(params))
    return base64.b64encode(hmac.new(auth_token.encode(), payload.encode("utf-8"), hashlib.sha1).digest()).decode()


def _http_error(provider: str, resp: requests.Response) -> Exception:
    try:
        detail = resp.json()
    except ValueError:
        detail = resp.text[:300]
    message = f"{provider} answered {resp.status_code}: {detail}"
    if resp.status_code >= 500 or resp.status_code in (408, 429):
        return TransientSendError(message)
    return PermanentSendError(message)


class TwilioSms:
    """Twilio Messages API (or anything that speaks it, like our simulator)."""

    name = "sms"
    provider = "twilio"

    def __init__(self, settings: Settings, session: requests.Session | None = None) -> None:
        self.url = (f"{settings.twilio_base_url.rstrip('/')}/2010-04-01/Accounts/"
                    f"{settings.twilio_account_sid}/Messages.json")
        self.auth = (settings.twilio_account_sid, settings.twilio_auth_token)
        self.sender = settings.sms_from
        self.messaging_service_sid = settings.twilio_messaging_service_sid
        self.callback_url = settings.public_base_url.rstrip("/") + STATUS_CALLBACK_PATH
        self.timeout = (3.05, settings.send_timeout_seconds)
        self.session = session or requests.Session()

    def send(self, message: OutgoingMessage) -> SendResult:
        form = {"To": message.recipient, "Body": message.body, "StatusCallback": self.callback_url}
        if self.messaging_service_sid:
            form["MessagingServiceSid"] = self.messaging_service_sid
        else:
            form["From"] = self.sender
        try:
            resp = self.session.post(self.url, data=form, auth=self.auth, timeout=self.timeout)
        except requests.RequestException as exc:
            raise TransientSendError(f"twilio unreachable: {type(exc).__name__}: {exc}") from exc
        if resp.status_code >= 300:
            raise _http_error("twilio", resp)
        return SendResult(self.provider, resp.json().get("sid"))


class BulkSms:
    """BulkSMS JSON API (the second SMS provider; delivery reports are not wired yet)."""

    name = "sms"
    provider = "bulksms"

    def __init__(self, settings: Settings, session: requests.Session | None = None) -> None:
        self.url = settings.bulksms_base_url.rstrip("/") + "/messages"
        self.auth = (settings.bulksms_username, settings.bulksms_password)
        self.sender = settings.sms_from
        self.timeout = (3.05, settings.send_timeout_seconds)
        self.session = session or requests.Session()

    def send(self, message: OutgoingMessage) -> SendResult:
        payload = {"to": message.recipient, "body": message.body, "userSuppliedId": message.id[:20],
                   "encoding": "TEXT"}
        if self.sender:
            payload["from"] = self.sender
        try:
            resp = self.session.post(self.url, json=payload, auth=self.auth, timeout=self.timeout)
        except requests.RequestException as exc:
            raise TransientSendError(f"bulksms unreachable: {type(exc).__name__}: {exc}") from exc
        if resp.status_code >= 300:
            raise _http_error("bulksms", resp)
        body = resp.json()
        first = body[0] if isinstance(body, list) and body else {}
        if (first.get("status") or {}).get("type") == "FAILED":
            raise PermanentSendError(f"bulksms refused: {first.get('status')}")
        return SendResult(self.provider, first.get("id"))


class SmtpEmail:
    """Email over SMTP: plain, STARTTLS or implicit TLS; optional AUTH; configurable sender."""

    name = "email"
    provider = "smtp"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        context = ssl.create_default_context()
        if s.smtp_security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout, context=context)
        else:
            smtp = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout)
            if s.smtp_security == "starttls":
                smtp.starttls(context=context)
        if s.smtp_username:
            smtp.login(s.smtp_username, s.smtp_password)
        return smtp

    def send(self, message: OutgoingMessage) -> SendResult:
        mail = EmailMessage()
        mail["From"] = self.settings.email_from
        mail["To"] = message.recipient
        mail["Subject"] = message.subject or "FibreFlow notification"
        mail["Date"] = formatdate(localtime=False)
        # Derived from our id, so a retried send carries the same Message-ID (receivers can dedupe).
        message_id = make_msgid(idstring=message.id.replace("-", ""), domain="fibreflow.local")
        mail["Message-ID"] = message_id
        if message.headers:
            message_id = apply_requested_headers(mail, message.headers) or message_id
        mail.set_content(message.body)
        try:
            with self._connect() as smtp:
                refused = smtp.send_message(mail)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            error = f"recipient refused: {exc.recipients}"
            raise (TransientSendError(error) if all(400 <= c < 500 for c in codes) else PermanentSendError(error))
        except smtplib.SMTPResponseException as exc:
            error = f"SMTP {exc.smtp_code}: {exc.smtp_error!r}"
            raise (TransientSendError(error) if 400 <= exc.smtp_code < 500 else PermanentSendError(error)) from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise TransientSendError(f"SMTP unreachable: {type(exc).__name__}: {exc}") from exc
        if refused:
            raise PermanentSendError(f"recipient refused: {refused}")
        return SendResult(self.provider, message_id.strip("<>"))


# Headers another service may set on an email it asks for (notification.email_requested):
# threading (Message-ID, In-Reply-To, References, Reply-To) and loop defence (RFC 3834).
REQUESTABLE_HEADERS = ("From", "Message-ID", "In-Reply-To", "References", "Auto-Submitted", "Reply-To",
                       "X-Auto-Response-Suppress", "X-Loop", "Precedence")


def apply_requested_headers(mail: EmailMessage, headers: dict[str, str]) -> str | None:
    """Set the requested headers on ``mail`` (replacing ours of the same name; CR/LF refused so
    no header can be injected). Returns the requested Message-ID, if one was given."""
    message_id = None
    for name in REQUESTABLE_HEADERS:
        value = headers.get(name)
        if not value or "\r" in value or "\n" in value:
            continue
        del mail[name]
        mail[name] = value
        if name == "Message-ID":
            message_id = value
    return message_id


class InApp:
    """The in-app inbox: the notification row is the message, so sending is storing."""

    name = "in_app"
    provider = "in_app"

    def send(self, message: OutgoingMessage) -> SendResult:
        return SendResult(self.provider, None, "delivered")


class WhatsAppBridge:
    """WhatsApp through our wa-bridge service (``POST /api/wa-bridge/notify`` with its service key).

    wa-bridge queues the message durably (idempotent on our notification id, so a retried send
    is not doubled) and delivers it through WAHA; its id is the provider id here."""

    name = "whatsapp"
    provider = "wa_bridge"

    def __init__(self, settings: Settings, session: requests.Session | None = None) -> None:
        self.url = settings.wa_bridge_url.rstrip("/") + "/api/wa-bridge/notify" if settings.wa_bridge_url else ""
        self.key = settings.wa_bridge_key
        self.timeout = (3.05, settings.send_timeout_seconds)
        self.session = session or requests.Session()

    def send(self, message: OutgoingMessage) -> SendResult:
        if not self.url:
            raise PermanentSendError("wa-bridge is not configured (NOTIFICATIONS_WA_BRIDGE_URL unset)")
        payload = {"to": message.recipient, "text": message.body, "client_ref": f"notification:{message.id}"}
        try:
            resp = self.session.post(self.url, json=payload, headers={"X-Service-Key": self.key},
                                     timeout=self.timeout)
        except requests.RequestException as exc:
            raise TransientSendError(f"wa-bridge unreachable: {type(exc).__name__}: {exc}") from exc
        if resp.status_code >= 300:
            raise _http_error("wa-bridge", resp)
        return SendResult(self.provider, str((resp.json().get("data") or {}).get("id") or "") or None)


def build_channels(settings: Settings) -> dict[str, Channel]:
    """The channel per name, with the SMS provider chosen by configuration."""
    sms: Channel = BulkSms(settings) if settings.sms_provider == "bulksms" else TwilioSms(settings)
    return {"sms": sms, "email": SmtpEmail(settings), "in_app": InApp(), "whatsapp": WhatsAppBridge(settings)}
