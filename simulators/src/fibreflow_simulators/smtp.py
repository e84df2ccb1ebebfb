"""An SMTP sink (aiosmtpd) that keeps every message and shows them over a tiny HTTP API.

SMTP on ``SIM_SMTP_BIND`` (default 127.0.0.1:2525). With ``SIM_SMTP_USER`` and
``SIM_SMTP_PASSWORD`` set, AUTH PLAIN/LOGIN is required (allowed without TLS: dev only).

HTTP on ``SIM_SMTP_HTTP_BIND`` (default 127.0.0.1:8093):
- ``GET /messages[?to=]`` → ``{"messages": [{mail_from, rcpt_tos, from, to, subject, text, raw, received_at}]}``
- ``DELETE /messages`` forgets them all.
- ``POST /_sim/fail {"count": n, "code": 451}`` answers the next n DATA commands with that
  code (4xx = temporary, 5xx = permanent) so tests can exercise retries.
"""
from __future__ import annotations

import argparse
import email
import email.policy
import logging
import os
import threading
from datetime import datetime, timezone
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from flask import Flask, jsonify, request
from werkzeug.serving import make_server

log = logging.getLogger(__name__)


class Mailbox:
    """Messages received by the sink, plus the failure switch."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.messages: list[dict[str, Any]] = []
        self.fail_count = 0
        self.fail_code = 451

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd API
        with self.lock:
            if self.fail_count > 0:
                self.fail_count -= 1
                code = self.fail_code
                return f"{code} {'4.3.0 Temporary failure' if code < 500 else '5.7.1 Rejected'}"
        raw = envelope.content.decode("utf-8", "replace") if isinstance(envelope.content, bytes) else envelope.content
        parsed = email.message_from_string(raw, policy=email.policy.default)
        body = parsed.get_body(preferencelist=("plain", "html"))
        with self.lock:
            self.messages.append({
                "mail_from": envelope.mail_from, "rcpt_tos": list(envelope.rcpt_tos),
                "from": str(parsed.get("From", "")), "to": str(parsed.get("To", "")),
                "subject": str(parsed.get("Subject", "")),
                "text": body.get_content() if body is not None else "",
                "message_id": str(parsed.get("Message-ID", "")),
                "raw": raw, "received_at": datetime.now(timezone.utc).isoformat(),
            })
        return "250 OK"


class _Authenticator:
    def __init__(self, user: str, password: str) -> None:
        self.user, self.password = user, password

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == self.user \
            and auth_data.password.decode() == self.password
        return AuthResult(success=ok, handled=False)


def start_smtp(mailbox: Mailbox, host: str = "127.0.0.1", port: int = 2525, *, user: str = "",
               password: str = "") -> Controller:
    """Start the SMTP side on its own thread; ``controller.stop()`` stops it."""
    kwargs: dict[str, Any] = {}
    if user:
        kwargs.update(authenticator=_Authenticator(user, password), auth_required=True, auth_require_tls=False)
    controller = Controller(mailbox, hostname=host, port=port, **kwargs)
    controller.start()
    return controller


def create_http_app(mailbox: Mailbox) -> Flask:
    app = Flask("smtp-sink")

    @app.get("/messages")
    def messages() -> Any:
        to = request.args.get("to")
        with mailbox.lock:
            items = [m for m in mailbox.messages if not to or to in m["rcpt_tos"]]
        return jsonify({"messages": items})

    @app.delete("/messages")
    def clear() -> Any:
        with mailbox.lock:
            mailbox.messages.clear()
            mailbox.fail_count = 0
        return "", 204

    @app.post("/_sim/fail")
    def fail() -> Any:
        body = request.get_json(force=True, silent=True) or {}
        with mailbox.lock:
            mailbox.fail_count = int(body.get("count", 1))
            mailbox.fail_code = int(body.get("code", 451))
        return jsonify({"fail_count": mailbox.fail_count, "code": mailbox.fail_code})

    @app.get("/healthz")
    def healthz() -> Any:
        return jsonify({"status": "ok"})

    return app


def _split(bind: str) -> tuple[str, int]:
    host, _, port = bind.rpartition(":")
    return host or "127.0.0.1", int(port)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="fibreflow-sim-smtp", description=__doc__.splitlines()[0])
    parser.add_argument("--smtp-bind", default=os.environ.get("SIM_SMTP_BIND", "127.0.0.1:2525"))
    parser.add_argument("--http-bind", default=os.environ.get("SIM_SMTP_HTTP_BIND", "127.0.0.1:8093"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    mailbox = Mailbox()
    host, port = _split(args.smtp_bind)
    controller = start_smtp(mailbox, host, port, user=os.environ.get("SIM_SMTP_USER", ""),
                            password=os.environ.get("SIM_SMTP_PASSWORD", ""))
    http_host, http_port = _split(args.http_bind)
    log.info("SMTP sink on %s, HTTP on %s", args.smtp_bind, args.http_bind)
    try:
        make_server(http_host, http_port, create_http_app(mailbox), threaded=True).serve_forever()
    finally:
        controller.stop()
