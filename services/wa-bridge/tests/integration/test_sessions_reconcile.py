"""Sessions (QR flow, health check, alerts) and reconciliation after a restart or reconnect."""
from __future__ import annotations

import base64
from typing import Any

from fibreflow_shared.db import transaction
from wa_bridge.service_layer import reconcile, sessions


def test_qr_flow_png_and_base64_then_working(sim: Any, client: Any, auth: Any, live_server: str,
                                             container: Any, h: Any) -> None:
    sim.auto_login = False
    try:
        started = client.post("/api/wa-bridge/sessions", json={"name": "default"}, headers=auth("admin"))
        assert started.status_code == 201
        h.wait_for(lambda: sim.sessions["default"]["status"] == "SCAN_QR_CODE")
        h.wait_for(lambda: h.row(container, "SELECT status FROM wa_sessions") == ("SCAN_QR_CODE",))
        qr = client.get("/api/wa-bridge/sessions/default/qr", headers=auth("admin")).get_json()["data"]
        assert qr["mimetype"] == "image/png" and base64.b64decode(qr["data"]).startswith(b"\x89PNG")
        image = client.get("/api/wa-bridge/sessions/default/qr?format=png", headers=auth("admin"))
        assert image.mimetype == "image/png" and image.data.startswith(b"\x89PNG")
        code = client.post("/api/wa-bridge/sessions/default/pairing-code", json={"phone_number": "+27821234567"},
                           headers=auth("admin")).get_json()["data"]["code"]
        assert len(code) == 9 and code[4] == "-"
        # The QR scan needed is an alert for admins, once.
        alerts = [e["data"] for e in h.outbox(container, "wa.session_status") if e["data"]["needs_attention"]]
        assert [a["status"] for a in alerts] == ["SCAN_QR_CODE"]
        import requests

        requests.post(f"{sim.public_url}/_control/sessions/default/scan", timeout=5)
        h.wait_for(lambda: h.row(container, "SELECT status FROM wa_sessions") == ("WORKING",))
        assert client.get("/api/wa-bridge/sessions/default/qr", headers=auth("admin")).status_code == 422
        listed = client.get("/api/wa-bridge/sessions", headers=auth("team_lead")).get_json()["data"]
        assert listed["sessions"][0]["status"] == "WORKING"
        assert client.post("/api/wa-bridge/sessions", json={}, headers=auth("technician")).status_code == 403
        assert client.post("/api/wa-bridge/sessions/default/stop", headers=auth("admin")).get_json()["data"][
            "status"] == "STOPPED"
        assert client.delete("/api/wa-bridge/sessions/default", headers=auth("admin")).status_code == 204
        assert client.get("/api/wa-bridge/sessions/default", headers=auth("admin")).status_code == 404
    finally:
        sim.auto_login = True


def test_health_check_restarts_failed_and_alerts_once(working: str, waha: Any, container: Any, h: Any) -> None:
    h.faults(waha[1], session_status="FAILED")
    sessions.health_check(container.deps, container.sessions)
    status, count = h.row(container, "SELECT status, reconnect_count FROM wa_sessions")
    assert (status, count) == ("FAILED", 1)
    alerts = [e["data"] for e in h.outbox(container, "wa.session_status") if e["data"]["needs_attention"]]
    assert [a["status"] for a in alerts] == ["FAILED"]
    h.wait_for(lambda: h.row(container, "SELECT status FROM wa_sessions") == ("WORKING",))  # the restart worked
    sessions.health_check(container.deps, container.sessions)
    assert h.row(container, "SELECT status, needs_reconcile FROM wa_sessions") == ("WORKING", True)


def test_waha_unreachable_is_recorded_not_raised(working: str, waha: Any, container: Any, h: Any) -> None:
    h.faults(waha[1], down=True)
    sessions.health_check(container.deps, container.sessions)
    assert "503" in h.row(container, "SELECT last_error FROM wa_sessions")[0]


def test_messages_sent_while_the_bridge_was_down_appear_after_restart(working: str, waha: Any, container: Any,
                                                                       deliver: Any, h: Any) -> None:
    deliver(h.ticket_event("FF-0042"))
    h.inject(waha[1], **{"from": "27821234567", "text": "before"})
    h.faults(waha[1], webhooks_off=True)  # the bridge is down: WAHA's webhooks go nowhere, never replayed
    missed = [h.inject(waha[1], **{"from": "27821234567", "text": f"missed {i} about FF-0042"})["id"]
              for i in range(3)]
    missed.append(h.inject(waha[1], **{"from": "27829990003", "text": "new chat while down"})["id"])
    h.faults(waha[1], webhooks_off=False)
    assert h.row(container, "SELECT count(*) FROM wa_messages") == (1,)
    reconcile.mark_all_for_reconcile(container.sessions)  # what the worker does at start
    assert reconcile.reconcile_due(container.deps, container.sessions) == 4
    stored = {r[0] for r in h.rows(container, "SELECT waha_id FROM wa_messages WHERE origin = 'reconcile'")}
    assert stored == set(missed)
    assert len(h.outbox(container, "intake.comment_received")) == 3
    # Nothing doubles when it runs again (or a late webhook arrives).
    with transaction(container.sessions) as session:
        session.execute(__import__("sqlalchemy").text("UPDATE wa_sessions SET needs_reconcile = true"))
    assert reconcile.reconcile_due(container.deps, container.sessions) == 0
    assert h.row(container, "SELECT count(*) FROM wa_messages") == (5,)


def test_a_reconnect_triggers_reconciliation(working: str, waha: Any, container: Any, h: Any) -> None:
    with transaction(container.sessions) as session:
        sessions.apply_status(session, container.deps, "default", "WORKING")
        session.execute(__import__("sqlalchemy").text("UPDATE wa_sessions SET needs_reconcile = false"))
    with transaction(container.sessions) as session:
        sessions.apply_status(session, container.deps, "default", "STARTING")
    with transaction(container.sessions) as session:
        sessions.apply_status(session, container.deps, "default", "WORKING")
    assert h.row(container, "SELECT needs_reconcile FROM wa_sessions") == (True,)


def test_health_check_starts_the_configured_session_when_waha_has_none(sim: Any, live_server: str, container: Any,
                                                                        h: Any) -> None:
    sessions.health_check(container.deps, container.sessions)
    assert "default" in sim.sessions
    assert sim.sessions["default"]["config"]["webhooks"][0]["url"].endswith("/api/wa-bridge/webhook")
    h.wait_for(lambda: h.row(container, "SELECT status FROM wa_sessions") == ("WORKING",))


def test_a_web_restart_asks_for_reconciliation(working: str, waha: Any, container: Any, h: Any) -> None:
    from wa_bridge.service_layer import webhooks

    with transaction(container.sessions) as session:
        session.execute(__import__("sqlalchemy").text("UPDATE wa_sessions SET needs_reconcile = false"))
    webhooks._restarted.clear()  # as in a freshly started web process
    h.inject(waha[1], **{"from": "27821234567", "text": "first after a restart"})
    assert h.row(container, "SELECT needs_reconcile FROM wa_sessions") == (True,)
