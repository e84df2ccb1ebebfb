"""Fibertime's side of PRD §11.1, mounted into the QContact simulator (one process, port 8094).

- ``POST /fibertime/webhooks/velocity``: receives FibreFlow's ``ticket.updated`` posts
  (``{"event", "reference", "status", "message", "updated_at"}``), checks ``X-FT-Signature``
  and records them; ``GET /_control/fibertime/received`` lists them; a fault
  ``POST /_control/fibertime/faults {"count": n, "status": 503}`` fails the next n posts.
- ``POST /_control/fibertime/send {"event": "ticket.created", "ticket": {...}, "target_url"?,
  "timestamp"?, "signature"?}``: signs the body as Fibertime does and posts it to our webhook
  (``/api/tickets/webhook/fibertime``); answers with the receiver's status and body.

``X-FT-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "{t}.{raw body}")>`` — the PRD
names only "an HMAC signature"; the timestamp inside it is what lets a receiver refuse stale
and replayed deliveries.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from typing import Any

import requests
from flask import Flask, jsonify, request


def ft_signature(secret: str, timestamp: int, body: bytes) -> str:
    """The ``X-FT-Signature`` header value for ``body`` sent at ``timestamp``."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def ft_valid(secret: str, header: str, body: bytes, tolerance: int = 300) -> bool:
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    try:
        ts = int(parts.get("t", ""))
    except ValueError:
        return False
    expected = ft_signature(secret, ts, body).split("v1=", 1)[1]
    return abs(time.time() - ts) <= tolerance and hmac.compare_digest(expected, parts.get("v1", ""))


def mount(app: Flask, *, secret: str = "dev-fibertime-webhook-secret", target_url: str | None = None) -> None:
    """Add the Fibertime routes to ``app``."""
    lock = threading.Lock()
    received: list[dict[str, Any]] = []
    faults = {"count": 0, "status": 503}

    @app.post("/fibertime/webhooks/velocity")
    def fibertime_receive() -> Any:
        body = request.get_data()
        with lock:
            if faults["count"] > 0:
                faults["count"] -= 1
                return jsonify({"error": "unavailable"}), faults["status"]
        if not ft_valid(secret, request.headers.get("X-FT-Signature", ""), body):
            return jsonify({"error": "invalid signature"}), 401
        try:
            payload = json.loads(body)
        except ValueError:
            return jsonify({"error": "invalid json"}), 400
        with lock:
            received.append({"payload": payload, "at": time.time()})
        return jsonify({"received": True})

    @app.get("/_control/fibertime/received")
    def fibertime_received() -> Any:
        with lock:
            return jsonify({"received": list(received)})

    @app.post("/_control/fibertime/faults")
    def fibertime_faults() -> Any:
        body = request.get_json(silent=True) or {}
        with lock:
            faults.update(count=int(body.get("count", 1)), status=int(body.get("status", 503)))
        return jsonify({"success": True})

    @app.post("/_control/fibertime/send")
    def fibertime_send() -> Any:
        body = request.get_json(silent=True) or {}
        url = body.get("target_url") or target_url
        if not url:
            return jsonify({"success": False, "error": "no target_url"}), 400
        raw = json.dumps({"event": body.get("event", "ticket.created"), "ticket": body.get("ticket") or {}}).encode()
        ts = int(body.get("timestamp") or time.time())
        signature = body.get("signature") or ft_signature(secret, ts, raw)
        try:
            resp = requests.post(url, data=raw, headers={"Content-Type": "application/json",
                                                         "X-FT-Signature": signature}, timeout=10)
        except requests.RequestException as exc:
            return jsonify({"success": False, "error": repr(exc)}), 502
        try:
            answer: Any = resp.json()
        except ValueError:
            answer = resp.text
        return jsonify({"success": True, "status": resp.status_code, "response": answer, "signature": signature,
                        "body": raw.decode()})

    @app.post("/_control/fibertime/reset")
    def fibertime_reset() -> Any:
        with lock:
            received.clear()
            faults["count"] = 0
        return jsonify({"success": True})
