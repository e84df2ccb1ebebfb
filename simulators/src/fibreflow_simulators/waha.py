"""A WAHA (WhatsApp HTTP API) simulator: sessions with the QR flow, sends, signed webhooks, history.

Speaks the wire format of ``shared/external-apis.md`` (WAHA section): ``X-Api-Key`` on every
call (401 ``{"message":"Unauthorized","statusCode":401}``); ``/api/sessions`` CRUD and
``start|stop|restart|logout``; ``GET /api/{s}/auth/qr`` (PNG, JSON base64 or ``format=raw``; 422
unless SCAN_QR_CODE); ``POST /api/{s}/auth/request-code``; ``POST /api/sendText|sendImage|sendFile``
(422 unless WORKING) answering the message with its ``id``; ``GET /api/{s}/chats``,
``/api/{s}/chats/{chat}/messages[/{id}]``; ``GET /api/{s}/lids/{lid}`` → ``{lid, pn}``;
``GET /api/files/{name}`` (deleted after the files lifetime). Webhooks per session
``config.webhooks[]`` (and a global one): JSON envelope, ``X-Webhook-Request-Id``,
``X-Webhook-Timestamp``, ``X-Webhook-Hmac`` (hex HMAC-SHA512 of the body). Sends are acked
``message.ack`` SERVER → DEVICE → READ.

Control endpoints (not WAHA):
- ``POST /_control/inbound {"from", "text", "group"?, "lid"?, "reply_to"?, "media"?: {"mimetype",
  "filename", "data"} | null, "has_media"?, "duplicates"?, "deliver"?: true}`` inject a message.
- ``POST /_control/faults {"down", "send_fail", "send_fail_status", "ack_delay", "ack_loss",
  "ack_reorder", "stick_pending", "auto_read", "duplicates", "session_status", "files_lifetime",
  "webhooks_off"}`` (merged; ``DELETE`` resets); ``GET`` shows them.
- ``POST /_control/sessions/{s}/scan`` the phone scans the QR → WORKING.
- ``GET /_control/sent`` messages our client sent; ``GET /_control/webhooks`` deliveries and
  the status each got; ``POST /_control/reset``.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import logging
import os
import random
import secrets
import struct
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import requests
from flask import Flask, Response, jsonify, request
from werkzeug.serving import BaseWSGIServer, make_server

log = logging.getLogger(__name__)
DEFAULT_API_KEY = "dev-waha-api-key"
ACK_NAMES = {-1: "ERROR", 0: "PENDING", 1: "SERVER", 2: "DEVICE", 3: "READ", 4: "PLAYED"}
DEFAULT_FAULTS: dict[str, Any] = {"down": False, "send_fail": 0, "send_fail_status": 500, "ack_delay": 0.05,
                                  "ack_loss": 0.0, "ack_reorder": False, "stick_pending": False, "auto_read": True,
                                  "duplicates": 1, "session_status": None, "files_lifetime": 180.0,
                                  "webhooks_off": False}


def waha_hmac(key: str, body: bytes) -> str:
    return hmac.new(key.encode(), body, hashlib.sha512).hexdigest()


def png(seed: str, size: int = 29, scale: int = 6) -> bytes:
    """A real PNG: a black/white module grid derived from ``seed`` (stands in for the QR)."""
    bits = hashlib.sha256(seed.encode()).digest() * (size * size // 256 + 1)
    rows = []
    for y in range(size * scale):
        row = bytearray([0])
        for x in range(size * scale):
            i = (y // scale) * size + (x // scale)
            row.append(0 if (bits[i // 8] >> (i % 8)) & 1 else 255)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size * scale, size * scale, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"".join(rows))) + \
        chunk(b"IEND", b"")


def jid(raw: str) -> str:
    raw = raw.strip()
    return raw if "@" in raw else "".join(c for c in raw if c.isdigit()) + "@c.us"


class WahaSimulator:
    """State of one simulated WAHA server; thread-safe."""

    def __init__(self, api_key: str = DEFAULT_API_KEY, *, public_url: str = "http://127.0.0.1:8095",
                 auto_login: bool = True, global_webhook: dict[str, Any] | None = None) -> None:
        self.api_key = api_key
        self.public_url = public_url
        self.auto_login = auto_login
        self.global_webhook = global_webhook
        self.lock = threading.RLock()
        self.pool = ThreadPoolExecutor(max_workers=16, thread_name_prefix="waha-sim")
        self.http = requests.Session()
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.sessions: dict[str, dict[str, Any]] = {}
            self.chats: dict[str, list[dict[str, Any]]] = {}  # chat id → messages, oldest first
            self.messages: dict[str, dict[str, Any]] = {}
            self.files: dict[str, tuple[bytes, str, float]] = {}
            self.lids: dict[str, str] = {}  # lid → phone jid
            self.sent: list[dict[str, Any]] = []
            self.deliveries: list[dict[str, Any]] = []
            self.faults = dict(DEFAULT_FAULTS)

    # -- sessions ----------------------------------------------------------------------------
    def view(self, s: dict[str, Any]) -> dict[str, Any]:
        status = self.faults["session_status"] or s["status"]
        me = {"id": s["phone"], "pushName": "FibreFlow"} if status == "WORKING" else None
        return {"name": s["name"], "status": status, "config": s["config"], "me": me, "engine": {"engine": "WEBJS"}}

    def set_status(self, name: str, status: str) -> None:
        with self.lock:
            s = self.sessions.get(name)
            if s is None or s["status"] == status:
                return
            s["status"] = status
            s["statuses"].append({"status": status, "timestamp": int(time.time() * 1000)})
        self.emit(name, "session.status", {"name": name, "status": status, "statuses": list(s["statuses"])})

    def boot(self, name: str) -> None:
        """STARTING, then WORKING if the phone is paired (auto login or scanned before), else SCAN_QR_CODE."""
        self.set_status(name, "STARTING")

        def later() -> None:
            time.sleep(0.05)
            s = self.sessions.get(name)
            if s is not None and s["status"] == "STARTING":
                self.set_status(name, "WORKING" if (self.auto_login or s["paired"]) else "SCAN_QR_CODE")

        self.pool.submit(later)

    # -- webhooks ----------------------------------------------------------------------------
    def hooks(self, name: str) -> list[dict[str, Any]]:
        s = self.sessions.get(name) or {}
        out = list((s.get("config") or {}).get("webhooks") or [])
        return out + ([self.global_webhook] if self.global_webhook else [])

    def emit(self, name: str, event: str, payload: dict[str, Any], *, wait: bool = False) -> list[int]:
        """POST the event to every webhook subscribed to it (``duplicates`` times each)."""
        if self.faults["webhooks_off"]:
            return []
        envelope = {"id": "evt_" + secrets.token_hex(13), "timestamp": int(time.time() * 1000), "event": event,
                    "session": name, "metadata": {}, "me": self.view(self.sessions[name])["me"]
                    if name in self.sessions else None, "payload": payload, "engine": "WEBJS",
                    "environment": {"tier": "CORE", "version": "2025.11.1"}}
        jobs = [hook for hook in self.hooks(name) if event in (hook.get("events") or [])
                for _ in range(max(1, int(self.faults["duplicates"])))]
        futures = [self.pool.submit(self.post, hook, envelope) for hook in jobs]
        return [f.result() for f in futures] if wait else []

    def post(self, hook: dict[str, Any], envelope: dict[str, Any]) -> int:
        body = json.dumps(envelope).encode()
        headers = {"Content-Type": "application/json", "X-Webhook-Request-Id": "req_" + secrets.token_hex(8),
                   "X-Webhook-Timestamp": str(int(time.time() * 1000))}
        if (hook.get("hmac") or {}).get("key"):
            headers["X-Webhook-Hmac"] = waha_hmac(hook["hmac"]["key"], body)
            headers["X-Webhook-Hmac-Algorithm"] = "sha512"
        for extra in hook.get("customHeaders") or []:
            headers[extra["name"]] = extra["value"]
        try:
            status = self.http.post(hook["url"], data=body, headers=headers, timeout=10).status_code
        except requests.RequestException as exc:
            log.warning("webhook to %s failed: %s", hook.get("url"), exc)
            status = 0  # not retried: WAHA never replays what the bridge missed
        with self.lock:
            self.deliveries.append({"url": hook["url"], "event": envelope["event"], "status": status,
                                    "payload_id": envelope["payload"].get("id")})
        return status

    # -- messages ----------------------------------------------------------------------------
    def record(self, chat: str, msg: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            self.chats.setdefault(chat, []).append(msg)
            self.messages[msg["id"]] = msg
        return msg

    def store_file(self, data: bytes, mimetype: str, filename: str) -> dict[str, Any]:
        name = secrets.token_hex(8) + "_" + (filename or "file").replace("/", "_")
        with self.lock:
            self.files[name] = (data, mimetype, time.monotonic())
        return {"url": f"{self.public_url}/api/files/{name}", "mimetype": mimetype, "filename": filename,
                "error": None}

    def acks(self, name: str, msg: dict[str, Any]) -> None:
        """SERVER → DEVICE → READ webhooks, with the configured delay, loss and reordering."""
        f = self.faults
        if f["stick_pending"]:
            return
        levels = [1, 2] + ([3] if f["auto_read"] else [])
        if f["ack_reorder"]:
            levels.reverse()
        for level in levels:
            time.sleep(float(f["ack_delay"]))
            with self.lock:
                msg["ack"] = max(msg["ack"], level)
                msg["ackName"] = ACK_NAMES[msg["ack"]]
            if random.random() < float(f["ack_loss"]):
                continue
            self.emit(name, "message.ack", {"id": msg["id"], "from": msg["from"], "to": msg["to"],
                                            "participant": None, "fromMe": True, "ack": level,
                                            "ackName": ACK_NAMES[level]}, wait=True)

    def send(self, kind: str, body: dict[str, Any]) -> Response:
        name = body.get("session") or "default"
        with self.lock:
            s = self.sessions.get(name)
            failing = self.faults["send_fail"] > 0
            if failing:
                self.faults["send_fail"] -= 1
        if failing:
            return _err(int(self.faults["send_fail_status"]), "Internal server error")
        if s is None or self.view(s)["status"] != "WORKING":
            return _err(422, f"Session status is not as expected. Try again later or restart the session",
                        session=name, status=self.view(s)["status"] if s else "STOPPED", expected=["WORKING"])
        if not body.get("chatId"):
            return _err(400, "chatId is required")
        chat = jid(str(body["chatId"]))
        mid = f"true_{chat}_3EB0{secrets.token_hex(8).upper()}"
        msg = {"id": mid, "timestamp": int(time.time()), "from": s["phone"], "fromMe": True, "source": "api",
               "to": chat, "participant": None, "body": body.get("text") or body.get("caption") or "",
               "hasMedia": kind != "text", "media": None, "ack": 0, "ackName": "PENDING",
               "replyTo": body.get("reply_to"), "_data": {}}
        if kind != "text":
            file = body.get("file") or {}
            data = base64.b64decode(file.get("data") or "")
            msg["media"] = {"mimetype": file.get("mimetype"), "filename": file.get("filename"), "size": len(data)}
        self.record(chat, msg)
        with self.lock:
            self.sent.append({**msg, "kind": kind, "received_at": time.time()})
        self.pool.submit(self.acks, name, msg)
        return jsonify({k: v for k, v in msg.items()})

    def inbound(self, body: dict[str, Any]) -> dict[str, Any]:
        name = body.get("session") or next(iter(self.sessions), "default")
        sender = jid(str(body.get("from") or "27820000001"))
        participant = None
        if body.get("lid"):
            lid = body["lid"] if isinstance(body["lid"], str) else f"{abs(hash(sender)) % 10**15}@lid"
            with self.lock:
                self.lids[lid] = sender
            sender = lid
        chat = sender
        if body.get("group"):
            chat, participant = jid(str(body["group"])), sender
        media = None
        has_media = bool(body.get("has_media") or body.get("media"))
        if isinstance(body.get("media"), dict):
            m = body["media"]
            media = self.store_file(base64.b64decode(m.get("data") or ""), m.get("mimetype") or
                                    "application/octet-stream", m.get("filename") or "file")
        msg = {"id": f"false_{chat}_{secrets.token_hex(10).upper()}", "timestamp": int(time.time()),
               "from": chat, "fromMe": False, "source": "app", "to": (self.sessions.get(name) or {}).get("phone"),
               "participant": participant, "body": body.get("text") or "", "hasMedia": has_media, "media": media,
               "ack": 1, "ackName": "SERVER", "replyTo": {"id": body["reply_to"]} if body.get("reply_to") else None,
               "notifyName": body.get("name"), "_data": {"notifyName": body.get("name")}}
        self.record(chat, msg)
        statuses: list[int] = []
        if body.get("deliver", True):
            statuses = self.emit(name, "message", msg, wait=True)
            if body.get("also_any"):
                statuses += self.emit(name, "message.any", msg, wait=True)
        return {"id": msg["id"], "chat_id": chat, "from": msg["from"], "participant": participant,
                "webhook_statuses": statuses}


def _err(http_status: int, message: str, **extra: Any) -> Response:
    resp = jsonify({"error": message, "statusCode": http_status, **extra} if http_status != 401 else
                   {"message": "Unauthorized", "statusCode": 401})
    resp.status_code = http_status
    return resp


def create_app(sim: WahaSimulator | None = None) -> Flask:
    sim = sim or WahaSimulator()
    app = Flask("waha-sim")
    app.config["waha"] = sim

    @app.before_request
    def guard() -> Response | None:
        if request.path.startswith("/_control") or request.path == "/healthz":
            return None
        given = request.headers.get("X-Api-Key") or request.args.get("x-api-key") or ""
        if not hmac.compare_digest(given.encode(), sim.api_key.encode()):
            return _err(401, "Unauthorized")
        if sim.faults["down"]:
            return _err(503, "Service Unavailable")
        return None

    def body() -> dict[str, Any]:
        return request.get_json(force=True, silent=True) or {}

    def session_or_404(name: str) -> dict[str, Any] | Response:
        s = sim.sessions.get(name)
        return s if s is not None else _err(404, f"Session '{name}' does not exist")

    @app.route("/api/sessions", methods=["GET", "POST"])
    def sessions() -> Any:
        if request.method == "GET":
            return jsonify([sim.view(s) for s in sim.sessions.values()])
        b = body()
        name = b.get("name") or "default"
        with sim.lock:
            if name in sim.sessions:
                return _err(422, f"Session '{name}' already exists")
            sim.sessions[name] = {"name": name, "status": "STOPPED", "config": b.get("config") or {},
                                  "phone": "27600000000@c.us", "paired": False, "statuses": []}
        if b.get("start", True):
            sim.boot(name)
        return jsonify(sim.view(sim.sessions[name])), 201

    @app.route("/api/sessions/<name>", methods=["GET", "PUT", "DELETE"])
    def one_session(name: str) -> Any:
        s = session_or_404(name)
        if isinstance(s, Response):
            return s
        if request.method == "PUT":
            s["config"] = body().get("config") or s["config"]
        elif request.method == "DELETE":
            with sim.lock:
                sim.sessions.pop(name, None)
            return Response(status=200)
        return jsonify(sim.view(s))

    @app.post("/api/sessions/<name>/<action>")
    def session_action(name: str, action: str) -> Any:
        s = session_or_404(name)
        if isinstance(s, Response):
            return s
        if action in ("start", "restart"):
            sim.faults["session_status"] = None if action == "restart" else sim.faults["session_status"]
            sim.set_status(name, "STOPPED") if action == "restart" else None
            sim.boot(name)
        elif action in ("stop", "logout"):
            s["paired"] = s["paired"] and action == "stop"
            sim.set_status(name, "STOPPED")
        else:
            return _err(404, f"Cannot POST /api/sessions/{name}/{action}")
        return jsonify(sim.view(s))

    @app.get("/api/<name>/auth/qr")
    def qr(name: str) -> Any:
        s = session_or_404(name)
        if isinstance(s, Response):
            return s
        status = sim.view(s)["status"]
        if status != "SCAN_QR_CODE":
            return _err(422, "Session status is not as expected. Try again later or restart the session",
                        session=name, status=status, expected=["SCAN_QR_CODE"])
        value = f"2@{name}{int(time.time()) // 20}"
        if request.args.get("format") == "raw":
            return jsonify({"value": value})
        image = png(value)
        if "application/json" in request.headers.get("Accept", ""):
            return jsonify({"mimetype": "image/png", "data": base64.b64encode(image).decode()})
        return Response(image, mimetype="image/png")

    @app.post("/api/<name>/auth/request-code")
    def request_code(name: str) -> Any:
        s = session_or_404(name)
        if isinstance(s, Response):
            return s
        if not body().get("phoneNumber"):
            return _err(400, "phoneNumber is required")
        return jsonify({"code": "-".join(secrets.token_hex(2).upper() for _ in range(2))})

    for route, kind in (("sendText", "text"), ("sendImage", "image"), ("sendFile", "document"),
                        ("sendVideo", "video"), ("sendVoice", "audio")):
        app.add_url_rule(f"/api/{route}", route, (lambda k: lambda: sim.send(k, body()))(kind), methods=["POST"])

    @app.get("/api/<name>/chats")
    def chats(name: str) -> Any:
        with sim.lock:
            items = [{"id": c, "name": None, "timestamp": m[-1]["timestamp"] if m else 0} for c, m in sim.chats.items()]
        return jsonify(sorted(items, key=lambda c: -c["timestamp"])[: int(request.args.get("limit", 100))])

    @app.get("/api/<name>/chats/<chat>/messages")
    def chat_messages(name: str, chat: str) -> Any:
        limit = int(request.args.get("limit", 100))
        with sim.lock:
            items = list(reversed(sim.chats.get(chat, [])))[:limit]
        return jsonify(items)

    @app.get("/api/<name>/chats/<chat>/messages/<mid>")
    def chat_message(name: str, chat: str, mid: str) -> Any:
        msg = sim.messages.get(mid)
        return jsonify(msg) if msg is not None else _err(404, "Message not found")

    @app.get("/api/<name>/lids/<lid>")
    def lid(name: str, lid: str) -> Any:
        pn = sim.lids.get(lid)
        return jsonify({"lid": lid, "pn": pn}) if pn else _err(404, "LID not found")

    @app.get("/api/files/<fname>")
    def files(fname: str) -> Any:
        with sim.lock:
            found = sim.files.get(fname)
        if found is None or time.monotonic() - found[2] > float(sim.faults["files_lifetime"]):
            return _err(404, "File not found")
        return Response(found[0], mimetype=found[1])

    @app.post("/_control/inbound")
    def control_inbound() -> Any:
        return jsonify(sim.inbound(body()))

    @app.route("/_control/faults", methods=["GET", "POST", "DELETE"])
    def control_faults() -> Any:
        with sim.lock:
            if request.method == "POST":
                changes = {k: v for k, v in body().items() if k in DEFAULT_FAULTS}
                sim.faults.update(changes)
            elif request.method == "DELETE":
                sim.faults = dict(DEFAULT_FAULTS)
            return jsonify(sim.faults)

    @app.post("/_control/sessions/<name>/scan")
    def control_scan(name: str) -> Any:
        s = session_or_404(name)
        if isinstance(s, Response):
            return s
        s["paired"] = True
        sim.set_status(name, "WORKING")
        return jsonify(sim.view(s))

    @app.get("/_control/sent")
    def control_sent() -> Any:
        with sim.lock:
            return jsonify({"messages": list(sim.sent)})

    @app.get("/_control/webhooks")
    def control_webhooks() -> Any:
        with sim.lock:
            return jsonify({"deliveries": list(sim.deliveries)})

    @app.post("/_control/reset")
    def control_reset() -> Any:
        sim.reset()
        return jsonify({"reset": True})

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
    parser = argparse.ArgumentParser(prog="fibreflow-sim-waha", description=__doc__.splitlines()[0])
    parser.add_argument("--bind", default=os.environ.get("WAHA_SIM_BIND", "127.0.0.1:8095"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    key = os.environ.get("WAHA_API_KEY") or os.environ.get("WHATSAPP_API_KEY") or DEFAULT_API_KEY
    sim = WahaSimulator(key, public_url=f"http://{args.bind}",
                        auto_login=os.environ.get("WAHA_SIM_AUTO_LOGIN", "1") not in ("0", "false"))
    host, _, port = args.bind.rpartition(":")
    server = make_server(host or "127.0.0.1", int(port), create_app(sim), threaded=True)
    log.info("WAHA simulator on http://%s", args.bind)
    server.serve_forever()
