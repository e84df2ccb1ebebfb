"""The QContact simulator's control endpoints (``/_control/...``, no auth), for tests and people:
reset, faults, a frozen clock, cases created or changed as a QContact user would, seeding,
the request log and the webhook target. Documented in ``qcontact.py`` and the README."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from flask import Flask, jsonify, request


def mount_control(app: Flask, state: Any, *, new_case: Callable[..., Any], change_case: Callable[..., Any],
                  invalid: Callable[..., Any], announce: Callable[..., Any], one: Callable[..., Any]) -> None:
    """Add the control routes to the simulator ``app`` over its ``state``."""
    from fibreflow_simulators.qcontact import PRIORITIES, Fault, case_view

    # -- control ------------------------------------------------------------------------------
    @app.post("/_control/reset")
    def reset() -> Any:
        with state.lock:
            state.cases.clear()
            state.events.clear()
            state.sessions.clear()
            state.faults.clear()
            state.requests.clear()
            state.frozen_at = None
            state.next_id = 10001
        return jsonify({"success": True})

    @app.post("/_control/faults")
    def set_faults() -> Any:
        body = request.get_json(silent=True) or {}
        mode = body.get("mode", "none")
        with state.lock:
            if mode == "none":
                state.faults.clear()
            elif mode in ("error", "timeout", "slow", "rate_limit", "expire_sessions", "drop_writes"):
                state.faults.append(Fault(mode, int(body.get("count", 1)), int(body.get("status", 500)),
                                          float(body.get("delay_seconds", 5.0)), int(body.get("retry_after", 1)),
                                          body.get("path_prefix") or "/api/v2"))
            else:
                return jsonify({"success": False, "error": f"unknown mode {mode!r}"}), 400
            return jsonify({"success": True, "faults": [f.__dict__ for f in state.faults]})

    @app.post("/_control/clock")
    def clock() -> Any:
        body = request.get_json(silent=True) or {}
        at = body.get("frozen_at")
        with state.lock:
            state.frozen_at = datetime.fromisoformat(at.replace("Z", "+00:00")) if at else None
            return jsonify({"success": True, "now": state.now()})

    @app.post("/_control/webhook")
    def webhook_target() -> Any:
        body = request.get_json(silent=True) or {}
        state.webhook_url = body.get("url") or None
        state.webhook_secret = body.get("secret") or state.webhook_secret
        return jsonify({"success": True})

    @app.post("/_control/cases")
    def control_create() -> Any:
        body = request.get_json(silent=True) or {}
        fields = body.get("fields", body)
        problem = invalid(fields)
        if problem:
            return jsonify({"success": False, "error": problem}), 422
        case = new_case(fields, "control")
        announce(case["id"], {"created": True})
        return jsonify(case_view(case)), 201

    @app.post("/_control/seed")
    def seed() -> Any:
        count = int((request.get_json(silent=True) or {}).get("count", 10))
        ids = [new_case({"subject": f"No signal at unit {n}", "description": f"Customer {n} reports no service",
                         "priority": PRIORITIES[n % 4], "status": ("Open", "In Progress", "Pending")[n % 3],
                         "c__dr_number": f"DR{1700000 + n}", "address": f"{n} Main Road, Cape Town",
                         "contact_name": f"Customer {n}", "telephone": f"+2782{n:07d}"}, "control")["id"]
               for n in range(count)]
        return jsonify({"success": True, "ids": [ids[0], ids[-1]] if ids else []}), 201

    @app.patch("/_control/cases/<int:case_id>")
    def control_patch(case_id: int) -> Any:
        case = one(case_id)
        if case is None:
            return jsonify({"success": False}), 404
        fields = (request.get_json(silent=True) or {}).get("fields") or {}
        problem = invalid(fields)
        if problem:
            return jsonify({"success": False, "error": problem}), 422
        changes = change_case(case, fields, "agent")
        if changes and not (request.args.get("silent") == "true"):
            announce(case_id, {k: v[1] for k, v in changes.items()})
        return jsonify(case_view(case))

    @app.get("/_control/cases/<int:case_id>")
    def control_get(case_id: int) -> Any:
        case = one(case_id)
        if case is None:
            return jsonify({"success": False}), 404
        with state.lock:
            return jsonify({**case_view(case), "events": list(state.events[case_id])})

    @app.get("/_control/requests")
    def control_requests() -> Any:
        with state.lock:
            return jsonify({"requests": list(state.requests[-1000:]), "total": len(state.requests)})

