"""Simulator of QContact's REST API v2 (Fibertime's maintenance system), for the dev stack and tests.

Speaks both descriptions of ../shared/external-apis.md:
- cookie sessions: ``POST /api/v2/user/login {username, password}`` sets ``_qcontact_session``;
- token sessions: ``POST /api/v2/auth/sign_in {email, password}`` answers headers ``access-token``,
  ``client``, ``uid`` that every later call sends back.
Sessions expire after ``session_ttl`` seconds (8 h default); an expired or missing session is a
401. ``GET /api/v2/me``; ``GET /api/v2/entities/Case`` (``{items, total}``, or with
``page``/``items``/``filters`` the third-party ``{columns, results, pagination}`` form);
``POST /api/v2/entities/Case/filter {filters:[{field, operator, value}], sort, limit, offset}``;
``GET|PATCH /api/v2/entities/Case/{id}`` (PATCH needs ``{"fields": {...}}``: without it QContact
answers 200 and changes nothing); ``POST /api/v2/entities/Case`` (a QContact user creating a
case); ``POST /api/v2/entities/Note``; ``GET /api/v2/entities/Case/{id}/events`` (timeline).
Timestamps carry milliseconds; the clock can be frozen to make equal timestamps on purpose.

Every change can be announced to ``webhook_url`` as ``case.updated``, signed Standard-Webhooks
style with ``webhook_secret``. The Fibertime side (§11.1) lives in ``fibertime.py``, mounted here.

Control endpoints (no auth): ``POST /_control/reset``; ``POST /_control/faults`` ``{"mode":
"error"|"timeout"|"slow"|"rate_limit"|"expire_sessions"|"drop_writes"|"none", "count": n (-1 = until cleared),
"status": 500, "delay_seconds": s, "retry_after": s, "path_prefix"?}``; ``POST /_control/clock``
``{"frozen_at": iso|null}``; ``POST /_control/cases`` (create without auth), ``PATCH
/_control/cases/{id}`` ``{"fields": {...}}``, ``GET /_control/cases/{id}``; ``POST /_control/seed``
``{"count": n}``; ``GET /_control/requests``; ``POST /_control/webhook {"url", "secret"}``.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import logging
import os
import secrets
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import requests
from flask import Flask, jsonify, request

log = logging.getLogger("fibreflow.sim.qcontact")
STATUSES = ("Open", "In Progress", "Pending", "Resolved", "Closed")
PRIORITIES = ("Low", "Medium", "High", "Urgent")
QUEUE = "Maintenance - Velocity"
EDITABLE = ("status", "priority", "subject", "description", "queue", "category", "assigned_to", "telephone",
            "email", "address", "c__dr_number", "contact_name")
DEFAULT_USERS = {"velocity@fibertimemaintenance.com": "dev-qcontact-password", "agent@fibertime.test": "agent-password"}
COOKIE = "_qcontact_session"


def sign_webhook(secret: str, webhook_id: str, timestamp: int, body: bytes) -> str:
    """Standard Webhooks signature ``v1,<base64 HMAC-SHA256(secret, "{id}.{ts}.{body}")>``."""
    digest = hmac.new(secret.encode(), f"{webhook_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


@dataclass
class Fault:
    mode: str
    remaining: int
    status: int = 500
    delay: float = 0.0
    retry_after: int = 1
    path_prefix: str = "/api/v2"


@dataclass
class State:
    users: dict[str, str]
    session_ttl: float
    cases: dict[int, dict[str, Any]] = field(default_factory=dict)
    events: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    sessions: dict[str, tuple[str, float]] = field(default_factory=dict)  # token → (user, expires)
    faults: list[Fault] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    frozen_at: datetime | None = None
    next_id: int = 10001
    note_seq: int = 0
    webhook_url: str | None = None
    webhook_secret: str = "dev-qcontact-webhook-secret"
    lock: threading.RLock = field(default_factory=threading.RLock)

    def now(self) -> str:
        at = self.frozen_at or datetime.now(timezone.utc)
        return at.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _err(status: int, message: str) -> Any:
    return jsonify({"errors": [message], "status": status}), status


def case_view(case: dict[str, Any]) -> dict[str, Any]:
    """The detail form: top-level PRD fields plus ``fields`` and ``relationships`` (third-party form)."""
    f = case["fields"]
    return {"id": case["id"], "label": f["subject"], "subject": f["subject"], "description": f["description"],
            "status": f["status"], "priority": f["priority"], "queue": f["queue"], "category": f["category"],
            "assigned_to": f["assigned_to"], "created_at": case["created_at"], "updated_at": case["updated_at"],
            "fields": dict(f),
            "relationships": {"contact": {"name": f["contact_name"], "telephone": f["telephone"],
                                          "email": f["email"]},
                              "c__dr_number": {"label": f["c__dr_number"]} if f["c__dr_number"] else None}}


def _compare(value: Any, op: str, wanted: Any) -> bool:
    if op in ("=", "equals", "eq"):
        return value == wanted
    if op in ("!=", "not_equals"):
        return value != wanted
    if op in ("in",):
        return value in (wanted if isinstance(wanted, list) else [wanted])
    if value is None:
        return False
    if op in (">=", "greater_or_equal", "gte"):
        return value >= wanted
    if op in (">", "greater_than", "gt"):
        return value > wanted
    if op in ("<=", "less_or_equal", "lte"):
        return value <= wanted
    if op in ("<", "less_than", "lt"):
        return value < wanted
    raise ValueError(f"unknown operator {op!r}")


def _field_of(case: dict[str, Any], name: str) -> Any:
    if name in ("id", "created_at", "updated_at"):
        return case[name]
    return case["fields"].get(name)


def _time_key(value: Any) -> Any:
    # ISO text with a fixed format compares correctly as text; normalise a caller's "+00:00".
    return value.replace("+00:00", "Z") if isinstance(value, str) else value


def create_app(users: dict[str, str] | None = None, *, session_ttl: float = 8 * 3600,
               webhook_url: str | None = None, webhook_secret: str | None = None,
               fibertime: dict[str, Any] | None = None) -> Flask:
    """The simulator's Flask app; ``app.config["STATE"]`` is its state (for in-process tests)."""
    app = Flask("qcontact-simulator")
    state = State(users=dict(users or DEFAULT_USERS), session_ttl=session_ttl, webhook_url=webhook_url,
                  webhook_secret=webhook_secret or "dev-qcontact-webhook-secret")
    app.config["STATE"] = state

    def announce(case_id: int, changes: dict[str, Any]) -> None:
        if not state.webhook_url:
            return
        body = json.dumps({"event": "case.updated", "case_id": str(case_id), "changes": changes}).encode()
        webhook_id = "msg_" + uuid.uuid4().hex
        ts = int(time.time())
        headers = {"Content-Type": "application/json", "webhook-id": webhook_id, "webhook-timestamp": str(ts),
                   "webhook-signature": sign_webhook(state.webhook_secret, webhook_id, ts, body)}
        url = state.webhook_url

        def post() -> None:
            try:
                requests.post(url, data=body, headers=headers, timeout=10)
            except requests.RequestException as exc:
                log.warning("webhook delivery failed: %r", exc)
        threading.Thread(target=post, daemon=True).start()

    def new_case(values: dict[str, Any], by: str) -> dict[str, Any]:
        with state.lock:
            case_id = int(values.get("id") or state.next_id)
            state.next_id = max(state.next_id, case_id + 1)
            now = state.now()
            f = {"subject": "", "description": "", "status": "Open", "priority": "Medium", "queue": QUEUE,
                 "category": "No Service", "assigned_to": None, "telephone": None, "email": None, "address": None,
                 "c__dr_number": None, "contact_name": None}
            f.update({k: v for k, v in values.items() if k in EDITABLE})
            case = {"id": case_id, "created_at": now, "updated_at": now, "fields": f}
            state.cases[case_id] = case
            state.events[case_id] = [{"id": uuid.uuid4().hex, "type": "created", "at": now, "by": by,
                                      "changes": {k: [None, v] for k, v in f.items() if v}}]
            return case

    def change_case(case: dict[str, Any], fields: dict[str, Any], by: str) -> dict[str, Any]:
        with state.lock:
            changes = {k: [case["fields"].get(k), v] for k, v in fields.items()
                       if k in EDITABLE and case["fields"].get(k) != v}
            if changes:
                for k, (_, v) in changes.items():
                    case["fields"][k] = v
                case["updated_at"] = state.now()
                state.events[case["id"]].append({"id": uuid.uuid4().hex, "type": "updated", "at": case["updated_at"],
                                                 "by": by, "changes": changes})
            return changes

    def invalid(fields: dict[str, Any]) -> str | None:
        if not isinstance(fields, dict):
            return "fields must be an object"
        if "status" in fields and fields["status"] not in STATUSES:
            return f"status must be one of {', '.join(STATUSES)}"
        if "priority" in fields and fields["priority"] not in PRIORITIES:
            return f"priority must be one of {', '.join(PRIORITIES)}"
        return None

    @app.before_request
    def faults_and_log() -> Any:
        path = request.path
        if not path.startswith("/api/v2"):
            return None
        with state.lock:
            state.requests.append({"method": request.method, "path": path, "at": time.time()})
            fault = next((f for f in state.faults if path.startswith(f.path_prefix) and f.remaining != 0), None)
            if fault is not None and fault.remaining > 0:
                fault.remaining -= 1
            if fault is not None and fault.mode == "expire_sessions":
                state.sessions.clear()
                return None
            if fault is not None and fault.mode == "drop_writes":
                request.environ["qcontact.drop_writes"] = True
                return None
        if fault is None:
            return None
        if fault.mode in ("timeout", "slow"):
            time.sleep(fault.delay)
            return None if fault.mode == "slow" else _err(504, "timeout")
        if fault.mode == "rate_limit":
            resp = jsonify({"errors": ["Too many requests"]})
            resp.status_code, resp.headers["Retry-After"] = 429, str(fault.retry_after)
            return resp
        return _err(fault.status, "Internal Server Error")

    def session_user() -> str | None:
        token = request.cookies.get(COOKIE) or request.headers.get("access-token")
        if not token:
            return None
        with state.lock:
            found = state.sessions.get(token)
            if found is None or found[1] < time.time():
                state.sessions.pop(token, None)
                return None
            if request.headers.get("access-token") and request.headers.get("uid") != found[0]:
                return None
            return found[0]

    def open_session(user: str) -> str:
        token = secrets.token_urlsafe(24)
        with state.lock:
            state.sessions[token] = (user, time.time() + state.session_ttl)
        return token

    @app.post("/api/v2/user/login")
    def login() -> Any:
        body = request.get_json(silent=True) or {}
        user = body.get("username")
        if not isinstance(user, str) or state.users.get(user) != body.get("password"):
            return _err(401, "Invalid username or password")
        resp = jsonify({"id": 21924332416, "name": "Velocity", "email": user})
        resp.set_cookie(COOKIE, open_session(user), httponly=True, max_age=int(state.session_ttl))
        return resp

    @app.post("/api/v2/auth/sign_in")
    def sign_in() -> Any:
        body = request.get_json(silent=True) or {}
        user = body.get("email")
        if not isinstance(user, str) or state.users.get(user) != body.get("password"):
            return _err(401, "Invalid login credentials. Please try again.")
        resp = jsonify({"data": {"id": 21924332416, "email": user, "name": "Velocity"}})
        resp.headers.update({"access-token": open_session(user), "client": secrets.token_hex(8), "uid": user,
                             "token-type": "Bearer"})
        return resp

    def authed() -> tuple[str | None, Any]:
        user = session_user()
        return user, (None if user else _err(401, "You need to sign in or sign up before continuing."))

    @app.get("/api/v2/me")
    def me() -> Any:
        user, denied = authed()
        return denied or jsonify({"id": 21924332416, "name": "Velocity", "email": user, "permissions": ["cases"]})

    def select(filters: list[dict[str, Any]], sort: dict[str, Any] | None) -> list[dict[str, Any]]:
        with state.lock:
            cases = list(state.cases.values())
        out = []
        for case in cases:
            if all(_compare(_time_key(_field_of(case, f["field"])), f.get("operator", "="), _time_key(f.get("value")))
                   for f in filters):
                out.append(case)
        key = (sort or {}).get("field", "id")
        reverse = str((sort or {}).get("order", "asc")).lower() == "desc"
        out.sort(key=lambda c: (_field_of(c, key) or "", c["id"]), reverse=reverse)
        return out

    @app.post("/api/v2/entities/Case/filter")
    def filter_cases() -> Any:
        _, denied = authed()
        if denied:
            return denied
        body = request.get_json(silent=True) or {}
        try:
            filters = [f for f in body.get("filters") or [] if isinstance(f, dict) and "field" in f]
            found = select(filters, body.get("sort"))
            limit, offset = int(body.get("limit", 50)), int(body.get("offset", 0))
        except (ValueError, TypeError) as exc:
            return _err(422, str(exc))
        return jsonify({"items": [case_view(c) for c in found[offset:offset + min(limit, 500)]], "total": len(found)})

    @app.get("/api/v2/entities/Case")
    def list_cases() -> Any:
        _, denied = authed()
        if denied:
            return denied
        args = request.args
        if not any(k in args for k in ("page", "items", "filters")):
            found = select([], {"field": "id"})
            return jsonify({"items": [case_view(c) for c in found[:int(args.get("limit", 50))]], "total": len(found)})
        try:
            groups = json.loads(args.get("filters") or "[]")
            filters = [{"field": c["name"], "operator": c.get("operator", "equals"), "value": c.get("value")}
                       for g in groups for c in g.get("conditions", [])]
            sort = {"field": args.get("sort", "updated_at"), "order": args.get("order", "asc")}
            found = select(filters, sort)
            page, items = max(1, int(args.get("page", 1))), max(1, min(int(args.get("items", 50)), 500))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            return _err(422, f"bad filters: {exc}")
        chunk = found[(page - 1) * items:page * items]
        columns = ["id", "label", "status", "priority", "category", "assigned_to", "created_at", "updated_at"]
        return jsonify({"columns": columns, "results": [case_view(c) for c in chunk],
                        "pagination": {"count": len(found), "page": page, "items": items,
                                       "pages": (len(found) + items - 1) // items}})

    @app.post("/api/v2/entities/Case")
    def create_case() -> Any:
        user, denied = authed()
        if denied:
            return denied
        body = request.get_json(silent=True) or {}
        fields = body.get("fields", body)
        problem = invalid(fields)
        if problem:
            return _err(422, problem)
        case = new_case(fields, user or "")
        announce(case["id"], {"created": True})
        return jsonify(case_view(case)), 201

    def one(case_id: int) -> dict[str, Any] | None:
        with state.lock:
            return state.cases.get(case_id)

    @app.get("/api/v2/entities/Case/<int:case_id>")
    def get_case(case_id: int) -> Any:
        _, denied = authed()
        if denied:
            return denied
        case = one(case_id)
        return jsonify(case_view(case)) if case else _err(404, "Record not found")

    @app.patch("/api/v2/entities/Case/<int:case_id>")
    def patch_case(case_id: int) -> Any:
        user, denied = authed()
        if denied:
            return denied
        case = one(case_id)
        if case is None:
            return _err(404, "Record not found")
        body = request.get_json(silent=True) or {}
        if "fields" not in body or request.environ.get("qcontact.drop_writes"):
            return jsonify(case_view(case))  # the quirk: 200, nothing changed
        problem = invalid(body["fields"])
        if problem:
            return _err(422, problem)
        changes = change_case(case, body["fields"], user or "")
        if changes:
            announce(case_id, {k: v[1] for k, v in changes.items()})
        return jsonify(case_view(case))

    @app.get("/api/v2/entities/Case/<int:case_id>/events")
    def timeline(case_id: int) -> Any:
        _, denied = authed()
        if denied:
            return denied
        with state.lock:
            if case_id not in state.cases:
                return _err(404, "Record not found")
            return jsonify({"results": list(state.events[case_id])})

    @app.post("/api/v2/entities/Note")
    def add_note() -> Any:
        user, denied = authed()
        if denied:
            return denied
        body = request.get_json(silent=True) or {}
        try:
            case_id = int(body.get("entity_id"))
        except (TypeError, ValueError):
            return _err(422, "entity_id is required")
        if body.get("entity_type") != "Case" or one(case_id) is None:
            return _err(404, "Record not found")
        if not isinstance(body.get("public_note"), str) or not body["public_note"].strip():
            return _err(422, "public_note is required")
        with state.lock:
            state.note_seq += 1
            note = {"id": state.note_seq, "entity_type": "Case", "entity_id": case_id,
                    "subtitle": body.get("subtitle") or "", "public_note": body["public_note"], "created_at": state.now()}
            state.events[case_id].append({"id": uuid.uuid4().hex, "type": "note", "at": note["created_at"], "by": user,
                                          "note": note})
        return jsonify(note), 201

    from fibreflow_simulators.qcontact_control import mount_control
    mount_control(app, state, new_case=new_case, change_case=change_case, invalid=invalid, announce=announce, one=one)

    @app.get("/healthz")
    def healthz() -> Any:
        return jsonify({"success": True, "data": {"status": "ok"}})

    from fibreflow_simulators import fibertime as fibertime_side
    fibertime_side.mount(app, **(fibertime or {}))
    return app


def serve_in_thread(app: Flask, host: str = "127.0.0.1", port: int = 0) -> Any:
    """Serve ``app`` from a background thread (tests); ``.server_port``, ``.shutdown()``."""
    from werkzeug.serving import make_server

    server = make_server(host, port, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="fibreflow-sim-qcontact", description=__doc__.splitlines()[0])
    parser.add_argument("--bind", default=os.environ.get("QCONTACT_SIM_BIND", "127.0.0.1:8094"))
    parser.add_argument("--username", default=os.environ.get("QCONTACT_USERNAME", "velocity@fibertimemaintenance.com"))
    parser.add_argument("--password", default=os.environ.get("QCONTACT_PASSWORD", "dev-qcontact-password"))
    parser.add_argument("--session-ttl", type=float, default=float(os.environ.get("QCONTACT_SIM_SESSION_TTL", 8 * 3600)))
    parser.add_argument("--webhook-url", default=os.environ.get("QCONTACT_SIM_WEBHOOK_URL") or None)
    parser.add_argument("--webhook-secret", default=(os.environ.get("QCONTACT_WEBHOOK_SECRET")
                                                     or "dev-qcontact-webhook-secret").split(",")[0])
    parser.add_argument("--fibertime-secret", default=(os.environ.get("FIBERTIME_WEBHOOK_SECRET")
                                                       or "dev-fibertime-webhook-secret").split(",")[0])
    parser.add_argument("--fibertime-target", default=os.environ.get("FIBERTIME_SIM_TARGET_URL") or None)
    args = parser.parse_args(argv)
    from werkzeug.serving import make_server

    logging.basicConfig(level=logging.INFO, format='{"sim":"qcontact","msg":"%(message)s"}')
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    users = dict(DEFAULT_USERS, **{args.username: args.password})
    app = create_app(users, session_ttl=args.session_ttl, webhook_url=args.webhook_url,
                     webhook_secret=args.webhook_secret,
                     fibertime={"secret": args.fibertime_secret, "target_url": args.fibertime_target})
    host, _, port = args.bind.rpartition(":")
    server = make_server(host or "127.0.0.1", int(port), app, threaded=True)
    log.info("qcontact simulator on %s", args.bind)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
