"""A Twilio-compatible SMS provider simulator (Messages API + signed status callbacks).

Speaks the wire format of ``shared/external-apis.md`` (SMS section):
- ``POST /2010-04-01/Accounts/{AccountSid}/Messages.json`` with HTTP Basic
  ``AccountSid:AuthToken`` and form fields ``To``, ``From`` (or ``MessagingServiceSid``),
  ``Body``, ``StatusCallback`` → 201 JSON message resource (``sid`` "SM...", ``status``
  "queued", ``num_segments``, ...). Errors use Twilio's ``{code, message, more_info, status}``.
- ``GET .../Messages/{sid}.json`` fetches one message.
- Status callbacks: form POSTs (``MessageSid``, ``MessageStatus`` sent → delivered, or
  failed/undelivered with ``ErrorCode``) signed with ``X-Twilio-Signature``.

Test/dev control endpoints (not part of Twilio), under ``/_sim``:
- ``GET /_sim/messages[?to=]`` every message received; ``DELETE /_sim/messages`` resets.
- ``POST /_sim/fail {"count": n, "status": 503}`` answer the next n sends with that status
  (``{"mode": "always", "status": 500}`` until ``{"mode": "off"}``).
- ``POST /_sim/outcome {"status": "undelivered", "error_code": "30003"}`` final callback status.
- ``POST /_sim/inbound {"url", "from", "to", "body"}`` deliver a signed inbound SMS webhook.
- ``GET /_sim/callbacks`` the callbacks sent and the status code each got.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import logging
import os
import secrets
import threading
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Any, Iterable

import requests
from flask import Flask, Response, jsonify, request
from werkzeug.serving import BaseWSGIServer, make_server

log = logging.getLogger(__name__)

DEFAULT_ACCOUNT_SID = "AC00000000000000000000000000000000"
DEFAULT_AUTH_TOKEN = "dev-twilio-auth-token"
GSM7 = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
           "¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM7_EXT = set("^{}\\[~]|€\f")


def twilio_signature(auth_token: str, url: str, params: Iterable[tuple[str, str]]) -> str:
    """base64(HMAC-SHA1(AuthToken, URL + every POST param name+value, sorted by name))."""
    payload = url + "".join(f"{k}{v}" for k, v in sorted(params))
    digest = hmac.new(auth_token.encode(), payload.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def num_segments(body: str) -> int:
    """Segments as Twilio bills them: GSM-7 160/153, otherwise UCS-2 70/67."""
    if all(c in GSM7 or c in GSM7_EXT for c in body):
        units = sum(2 if c in GSM7_EXT else 1 for c in body)
        return 1 if units <= 160 else -(-units // 153)
    units = len(body.encode("utf-16-le")) // 2
    return 1 if units <= 70 else -(-units // 67)


def _error(status: int, code: int, message: str) -> Response:
    resp = jsonify({"code": code, "message": message, "more_info": f"https://www.twilio.com/docs/errors/{code}",
                    "status": status})
    resp.status_code = status
    return resp


class SmsSimulator:
    """State of one simulated account; thread-safe."""

    def __init__(self, account_sid: str = DEFAULT_ACCOUNT_SID, auth_token: str = DEFAULT_AUTH_TOKEN,
                 callback_delay: float = 0.05) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.callback_delay = callback_delay
        self.lock = threading.Lock()
        self.messages: list[dict[str, Any]] = []
        self.callbacks: list[dict[str, Any]] = []
        self.fail_count = 0
        self.fail_always = False
        self.fail_status = 503
        self.outcome = ("delivered", None)
        self.session = requests.Session()

    def reset(self) -> None:
        with self.lock:
            self.messages.clear()
            self.callbacks.clear()
            self.fail_count, self.fail_always, self.fail_status = 0, False, 503
            self.outcome = ("delivered", None)

    def _should_fail(self) -> bool:
        with self.lock:
            if self.fail_always:
                return True
            if self.fail_count > 0:
                self.fail_count -= 1
                return True
            return False

    def post_signed(self, url: str, params: dict[str, str]) -> int:
        """POST a form to ``url`` signed the way Twilio signs its webhooks."""
        headers = {"X-Twilio-Signature": twilio_signature(self.auth_token, url, params.items()),
                   "User-Agent": "TwilioProxy/1.1"}
        try:
            status = self.session.post(url, data=params, headers=headers, timeout=5).status_code
        except requests.RequestException as exc:
            log.warning("callback to %s failed: %s", url, exc)
            status = 0
        with self.lock:
            self.callbacks.append({"url": url, "params": params, "status": status})
        return status

    def _callbacks(self, message: dict[str, Any]) -> None:
        final, error_code = self.outcome
        for status in ("sent", final):
            threading.Event().wait(self.callback_delay)
            with self.lock:
                message["status"] = status
                if status in ("failed", "undelivered"):
                    message["error_code"] = int(error_code or 30003)
                    message["error_message"] = "Unreachable destination handset"
            params = {"AccountSid": self.account_sid, "MessageSid": message["sid"], "SmsSid": message["sid"],
                      "MessageStatus": status, "SmsStatus": status, "To": message["to"], "From": message["from"],
                      "ApiVersion": "2010-04-01"}
            if status in ("failed", "undelivered"):
                params["ErrorCode"] = str(error_code or 30003)
            self.post_signed(message["status_callback"], params)

    # -- the Twilio API ------------------------------------------------------------------
    def create_message(self, account_sid: str) -> Response:
        auth = request.authorization
        if auth is None or auth.username != self.account_sid or auth.password != self.auth_token \
                or account_sid != self.account_sid:
            return _error(401, 20003, "Authenticate")
        form = request.form
        to, sender, body = form.get("To", ""), form.get("From", ""), form.get("Body", "")
        if not to:
            return _error(400, 21604, "A 'To' phone number is required.")
        if not sender and not form.get("MessagingServiceSid"):
            return _error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message.")
        if not body:
            return _error(400, 21602, "Message body is required.")
        if not to.startswith("+") or not to[1:].isdigit():
            return _error(400, 21211, f"The 'To' number {to} is not a valid phone number.")
        if self._should_fail():
            return _error(self.fail_status, 20500, "Internal Server Error")
        now = format_datetime(datetime.now(timezone.utc), usegmt=True)
        sid = "SM" + secrets.token_hex(16)
        message = {
            "sid": sid, "account_sid": self.account_sid, "to": to, "from": sender or None,
            "messaging_service_sid": form.get("MessagingServiceSid"), "body": body, "status": "queued",
            "num_segments": str(num_segments(body)), "num_media": "0", "direction": "outbound-api",
            "api_version": "2010-04-01", "price": None, "price_unit": "USD", "error_code": None,
            "error_message": None, "date_created": now, "date_updated": now, "date_sent": None,
            "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}.json",
            "status_callback": form.get("StatusCallback"),
        }
        with self.lock:
            self.messages.append(message)
        if message["status_callback"]:
            threading.Thread(target=self._callbacks, args=(message,), daemon=True).start()
        public = {k: v for k, v in message.items() if k != "status_callback"}
        resp = jsonify(public)
        resp.status_code = 201
        return resp

    def get_message(self, account_sid: str, sid: str) -> Response:
        auth = request.authorization
        if auth is None or auth.username != self.account_sid or auth.password != self.auth_token:
            return _error(401, 20003, "Authenticate")
        with self.lock:
            found = next((m for m in self.messages if m["sid"] == sid), None)
        if found is None:
            return _error(404, 20404, f"The requested resource /Messages/{sid}.json was not found")
        return jsonify({k: v for k, v in found.items() if k != "status_callback"})


def create_app(sim: SmsSimulator | None = None) -> Flask:
    """The simulator's WSGI app (``app.extensions['sms_sim']`` is its state)."""
    sim = sim or SmsSimulator()
    app = Flask("sms-simulator")
    app.extensions["sms_sim"] = sim
    app.add_url_rule("/2010-04-01/Accounts/<account_sid>/Messages.json", "create", sim.create_message,
                     methods=["POST"])
    app.add_url_rule("/2010-04-01/Accounts/<account_sid>/Messages/<sid>.json", "get", sim.get_message)

    @app.get("/_sim/messages")
    def messages() -> Any:
        to = request.args.get("to")
        with sim.lock:
            items = [dict(m) for m in sim.messages if not to or m["to"] == to]
        return jsonify({"messages": items})

    @app.delete("/_sim/messages")
    def reset() -> Any:
        sim.reset()
        return "", 204

    @app.post("/_sim/fail")
    def fail() -> Any:
        body = request.get_json(force=True, silent=True) or {}
        with sim.lock:
            sim.fail_status = int(body.get("status", 503))
            mode = body.get("mode")
            if mode == "always":
                sim.fail_always = True
            elif mode == "off":
                sim.fail_always, sim.fail_count = False, 0
            else:
                sim.fail_count = int(body.get("count", 1))
        return jsonify({"fail_count": sim.fail_count, "fail_always": sim.fail_always, "status": sim.fail_status})

    @app.post("/_sim/outcome")
    def outcome() -> Any:
        body = request.get_json(force=True, silent=True) or {}
        status = body.get("status", "delivered")
        if status not in ("delivered", "undelivered", "failed"):
            return jsonify({"error": "status must be delivered, undelivered or failed"}), 400
        sim.outcome = (status, body.get("error_code"))
        return jsonify({"status": status})

    @app.post("/_sim/inbound")
    def inbound() -> Any:
        body = request.get_json(force=True, silent=True) or {}
        params = {"MessageSid": "SM" + secrets.token_hex(16), "AccountSid": sim.account_sid,
                  "From": body.get("from", ""), "To": body.get("to", ""), "Body": body.get("body", ""),
                  "NumMedia": "0", "ApiVersion": "2010-04-01"}
        params["SmsSid"] = params["MessageSid"]
        status = sim.post_signed(body["url"], params)
        return jsonify({"status": status, "message_sid": params["MessageSid"]})

    @app.get("/_sim/callbacks")
    def callbacks() -> Any:
        with sim.lock:
            return jsonify({"callbacks": list(sim.callbacks)})

    @app.get("/healthz")
    def healthz() -> Any:
        return jsonify({"status": "ok"})

    return app


def serve_in_thread(app: Flask, host: str = "127.0.0.1", port: int = 0) -> BaseWSGIServer:
    """Start ``app`` on a background thread (tests); ``server.shutdown()`` stops it."""
    server = make_server(host, port, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="fibreflow-sim-sms", description=__doc__.splitlines()[0])
    parser.add_argument("--bind", default=os.environ.get("SIM_SMS_BIND", "127.0.0.1:8092"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    sim = SmsSimulator(os.environ.get("SIM_SMS_ACCOUNT_SID", DEFAULT_ACCOUNT_SID),
                       os.environ.get("SIM_SMS_AUTH_TOKEN", DEFAULT_AUTH_TOKEN))
    host, _, port = args.bind.rpartition(":")
    server = make_server(host or "127.0.0.1", int(port), create_app(sim), threaded=True)
    log.info("SMS simulator on http://%s (account %s)", args.bind, sim.account_sid)
    server.serve_forever()
