"""HTTP: clocks, configs at both paths, calendar, compliance report and CSV, the OpenAPI contract."""
from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from fibreflow_shared.testing.tokens import TestSigner

pytestmark = pytest.mark.integration


def test_clock_view_and_visibility(client, consumer, events, signer: TestSigner, fixed_now) -> None:
    consumer.process(events.created(uid="FF-0042"))
    consumer.process(events.status("new", "blocked", "2026-11-23T06:30:00+00:00", uid="FF-0042"))
    resp = client.get("/api/sla/tickets/ff-0042", headers=signer.headers(roles=["manager"]))
    assert resp.status_code == 200
    clock = resp.get_json()["data"]["clocks"][0]
    assert clock["state"] == "paused" and clock["sla_state"] == "paused" and clock["target_minutes"] == 120
    assert clock["percent_elapsed"] == 25.0 and clock["seconds_remaining"] == 90 * 60
    assert clock["pauses"][0]["reason"] == "blocked" and clock["pauses"][0]["end"] is None
    history = client.get("/api/sla/tickets/FF-0042/history", headers=signer.headers(roles=["manager"]))
    assert [h["action"] for h in history.get_json()["data"]["history"]] == ["started", "paused"]
    assert history.get_json()["data"]["pagination"] == {"page": 1, "limit": 50, "total": 2, "totalPages": 1}
    second = client.get("/api/sla/tickets/FF-0042/history?page=2&limit=1", headers=signer.headers()).get_json()
    assert [h["action"] for h in second["data"]["history"]] == ["paused"] and second["data"]["ticket_uid"] == "FF-0042"
    # The path takes the ticket's UUID as well as its UID.
    ticket_id = str(uuid.uuid5(uuid.NAMESPACE_URL, "FF-0042"))
    by_id = client.get(f"/api/sla/tickets/{ticket_id}", headers=signer.headers(roles=["viewer"]))
    assert by_id.status_code == 200 and by_id.get_json()["data"]["ticket_uid"] == "FF-0042"
    assert client.get(f"/api/sla/tickets/{ticket_id}/history", headers=signer.headers()).get_json()[
        "data"]["ticket_uid"] == "FF-0042"
    # Team leads see every clock, not only their teams' (unlike ticket lists).
    assert client.get("/api/sla/tickets/FF-0042", headers=signer.headers(roles=["team_lead"])).status_code == 200
    # A technician sees only clocks of tickets assigned to them.
    assert client.get("/api/sla/tickets/FF-0042", headers=signer.headers(roles=["technician"])).status_code == 404
    tech = "5b0c3f0e-7a55-4c1e-9d3a-2f1e0c9b8a77"
    consumer.process(events.status("blocked", "in_progress", "2026-11-23T06:40:00+00:00", uid="FF-0042",
                                   assigned_to=tech))
    assert client.get("/api/sla/tickets/FF-0042",
                      headers=signer.headers(roles=["technician"], sub=tech)).status_code == 200
    assert client.get("/api/sla/tickets/FF-9999", headers=signer.headers()).status_code == 404
    assert client.get(f"/api/sla/tickets/{ticket_id}", headers=signer.headers(roles=["technician"])).status_code == 404
    assert client.get("/api/sla/tickets/FF-0042").status_code == 401
    missing = client.get("/api/sla/tickets/FF-9999", headers=signer.headers()).get_json()
    assert missing["error"] == {"code": "NOT_FOUND", "message": "No SLA clock for ticket FF-9999",
                                "request_id": missing["error"]["request_id"]}


def test_a_technician_sees_the_clocks_of_their_teams_tickets(client, consumer, events, signer: TestSigner,
                                                             fixed_now) -> None:
    team = "0f8e8a3c-9a6b-4d8e-8f3e-6c1f2b7a9d10"
    consumer.process(events.created(uid="FF-0043", assigned_team=team))
    tech = signer.headers(roles=["technician"], teams=[team])
    assert client.get("/api/sla/tickets/FF-0043", headers=tech).status_code == 200
    assert client.get("/api/sla/tickets/FF-0043/history", headers=tech).status_code == 200
    other = signer.headers(roles=["technician"], teams=[str(uuid.uuid4())])
    assert client.get("/api/sla/tickets/FF-0043/history", headers=other).status_code == 404


@pytest.mark.parametrize("path", ["/api/tickets/sla-configs", "/api/sla/configs"])
def test_configs_read_and_admin_write(client, signer: TestSigner, path: str) -> None:
    doc = client.get(path, headers=signer.headers(roles=["viewer"])).get_json()["data"]
    fault_critical = next(e for e in doc["effective"] if e["ticket_type"] == "fault" and e["priority"] == "critical")
    assert fault_critical["resolution_minutes"] == 60 and fault_critical["warning_threshold_percent"] == 75
    body = {"types": [{"ticket_type": "fault", "base_hours": 6, "business_hours_only": True}],
            "priority_multipliers": [{"priority": "low", "multiplier": 3}],
            "overrides": [{"ticket_type": "build", "priority": "critical", "base_hours": 5,
                           "warning_threshold_percent": 50}]}
    assert client.post(path, json=body, headers=signer.headers(roles=["manager"])).status_code == 403
    resp = client.post(path, json=body, headers=signer.headers(roles=["admin"]))
    assert resp.status_code == 200, resp.get_json()
    eff = {(e["ticket_type"], e["priority"]): e for e in resp.get_json()["data"]["effective"]}
    assert eff[("fault", "low")]["resolution_minutes"] == 18 * 60 and eff[("fault", "low")]["business_hours_only"]
    assert eff[("build", "critical")]["resolution_minutes"] == 300 and eff[("build", "critical")]["source"] == "override"
    assert eff[("build", "critical")]["warning_threshold_percent"] == 50
    removed = client.delete(f"{path}/overrides/build/critical", headers=signer.headers())
    assert removed.status_code == 204 and removed.get_data() == b""
    after = {(e["ticket_type"], e["priority"]): e for e in client.get(path, headers=signer.headers()).get_json()[
        "data"]["effective"]}
    assert after[("build", "critical")]["source"] == "default"
    gone = client.delete(f"{path}/overrides/build/critical", headers=signer.headers())
    assert gone.status_code == 404 and gone.get_json()["error"]["message"] == "no override for build/critical"
    assert client.delete(f"{path}/overrides/mystery/critical", headers=signer.headers()).status_code == 404


@pytest.mark.parametrize("body, status", [
    ({}, 400),
    ({"types": [{"ticket_type": "mystery", "base_hours": 4}]}, 400),
    ({"types": [{"ticket_type": "fault", "base_hours": -1}]}, 400),
    ({"types": [{"ticket_type": "fault", "base_hours": 4, "colour": "red"}]}, 400),
    ({"priority_multipliers": [{"priority": "high", "multiplier": 0}]}, 400),
    ({"types": [{"ticket_type": "fault", "warning_threshold_percent": 95}]}, 422),
])
def test_bad_configs_are_refused_without_partial_writes(client, signer: TestSigner, body: Any, status: int) -> None:
    before = client.get("/api/sla/configs", headers=signer.headers()).get_json()["data"]
    resp = client.post("/api/sla/configs", json=body, headers=signer.headers())
    assert resp.status_code == status and resp.get_json()["success"] is False
    assert client.get("/api/sla/configs", headers=signer.headers()).get_json()["data"] == before


def test_calendar_crud(client, signer: TestSigner) -> None:
    cal = client.get("/api/sla/calendar", headers=signer.headers(roles=["viewer"])).get_json()["data"]
    assert cal["timezone"] == "Africa/Johannesburg" and cal["country"] == "ZA"
    assert [d["open"] for d in cal["working_hours"]] == [True] * 5 + [False] * 2
    put = client.put("/api/sla/calendar", headers=signer.headers(), json={
        "working_hours": [{"weekday": "monday", "start": "07:00", "end": "16:00"},
                          {"weekday": "saturday", "start": "08:00", "end": "12:00"}]})
    assert put.status_code == 200
    assert [d["open"] for d in put.get_json()["data"]["working_hours"]] == [True] + [False] * 4 + [True, False]
    assert client.put("/api/sla/calendar", headers=signer.headers(),
                      json={"timezone": "Mars/Olympus"}).status_code == 400
    assert client.put("/api/sla/calendar", headers=signer.headers(), json={"working_hours": []}).status_code == 422
    assert client.put("/api/sla/calendar", headers=signer.headers(), json={"country": "XX"}).status_code == 422
    assert client.put("/api/sla/calendar", headers=signer.headers(roles=["manager"]),
                      json={"country": "ZA"}).status_code == 403
    made = client.post("/api/sla/calendar/closed-days", headers=signer.headers(),
                       json={"date": "2026-12-31", "name": "Year-end shutdown"})
    assert made.status_code == 201
    assert client.post("/api/sla/calendar/closed-days", headers=signer.headers(),
                       json={"date": "2026-12-31", "name": "again"}).status_code == 409
    holidays = client.get("/api/sla/calendar/holidays?year=2026", headers=signer.headers()).get_json()["data"]
    days = holidays["days"]
    assert {"date": "2026-12-25", "name": "Christmas Day", "kind": "public_holiday"} in days
    assert {"date": "2026-12-31", "name": "Year-end shutdown", "kind": "closed_day"} in days
    assert holidays["year"] == 2026 and holidays["pagination"]["total"] == len(days)
    page = client.get("/api/sla/calendar/holidays?year=2026&limit=2&page=2", headers=signer.headers()).get_json()
    assert page["data"]["days"] == days[2:4]
    listed = client.get("/api/sla/calendar/closed-days?year=2026", headers=signer.headers()).get_json()["data"]
    assert listed == {"closed_days": [{"date": "2026-12-31", "name": "Year-end shutdown"}],
                      "pagination": {"page": 1, "limit": 50, "total": 1, "totalPages": 1}, "year": 2026}
    assert client.get("/api/sla/calendar/closed-days?year=2027", headers=signer.headers()).get_json()[
        "data"]["pagination"]["total"] == 0
    assert client.get("/api/sla/calendar/closed-days?colour=red", headers=signer.headers()).status_code == 400
    removed = client.delete("/api/sla/calendar/closed-days/2026-12-31", headers=signer.headers())
    assert removed.status_code == 204 and removed.get_data() == b""
    gone = client.delete("/api/sla/calendar/closed-days/2026-12-31", headers=signer.headers())
    assert gone.status_code == 404 and gone.get_json()["error"]["message"] == "2026-12-31 is not a closed day"
    assert client.delete("/api/sla/calendar/closed-days/someday", headers=signer.headers()).status_code == 404


def test_compliance_report_and_csv(client, consumer, events, signer: TestSigner, fixed_now) -> None:
    team = "0f8e8a3c-9a6b-4d8e-8f3e-6c1f2b7a9d10"
    consumer.process(events.created(uid="FF-0001", assigned_team=team))
    consumer.process(events.status("in_progress", "resolved", "2026-11-23T07:00:00+00:00", uid="FF-0001",
                                   assigned_team=team))  # 60 of 120 minutes: met
    consumer.process(events.created(uid="FF-0002", priority="critical"))
    consumer.process(events.status("in_progress", "closed", "2026-11-23T08:00:00+00:00", uid="FF-0002",
                                   priority="critical"))  # 120 of 60 minutes: breached
    consumer.process(events.created(uid="FF-0003", ticket_type="build"))  # still running
    query = "period_from=2026-11-01&period_to=2026-12-01&period=week"
    resp = client.get(f"/api/sla/reports/compliance?{query}", headers=signer.headers(roles=["manager"]))
    assert resp.status_code == 200, resp.get_json()
    data = resp.get_json()["data"]
    assert data["summary"] == {"total": 2, "met": 1, "breached": 1, "compliance_percent": 50.0}
    assert data["by_period"] == [{"period_start": "2026-11-23", "total": 2, "met": 1, "breached": 1,
                                  "compliance_percent": 50.0}]
    assert {p["priority"]: p["compliance_percent"] for p in data["by_priority"]} == {"critical": 0.0, "high": 100.0}
    assert {t["assigned_team"]: t["total"] for t in data["by_team"]} == {team: 1, None: 1}
    assert [b["ticket_uid"] for b in data["breached"]] == ["FF-0002"]
    assert (data["period_from"], data["period_to"], data["from"], data["to"]) == (
        "2026-11-01", "2026-12-01", "2026-11-01", "2026-11-30")
    assert "Deprecation" not in resp.headers
    filtered = client.get(f"/api/sla/reports/compliance?{query}&assigned_team={team}", headers=signer.headers())
    assert filtered.get_json()["data"]["summary"]["total"] == 1
    assert client.get(f"/api/sla/reports/compliance?{query}&assigned_team=nope",
                      headers=signer.headers()).status_code == 400
    # period_to is exclusive: ending on the 23rd leaves out the clocks stopped that day.
    before = client.get("/api/sla/reports/compliance?period_from=2026-11-01&period_to=2026-11-23",
                        headers=signer.headers()).get_json()["data"]
    assert before["summary"]["total"] == 0 and before["to"] == "2026-11-22"
    assert client.get("/api/sla/reports/compliance?period_from=2026-11-23&period_to=2026-11-23",
                      headers=signer.headers()).status_code == 400
    assert client.get("/api/sla/reports/compliance?priority=urgent", headers=signer.headers()).status_code == 400
    assert client.get("/api/sla/reports/compliance", headers=signer.headers(roles=["technician"])).status_code == 403
    csv = client.get(f"/api/sla/reports/compliance/export?{query}", headers=signer.headers())
    assert csv.status_code == 200 and csv.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert csv.headers["Content-Disposition"].startswith('attachment; filename="sla-compliance-2026-11-01-2026-11-30.csv"')
    text = csv.get_data(as_text=True)
    lines = text.strip().splitlines()
    assert lines[0].startswith("ticket_uid,") and len(lines) == 3 and "\r\n" in text
    assert lines[2].startswith("FF-0002,") and lines[2].endswith(",false")
    assert client.get(f"/api/sla/reports/compliance/export?{query}&assigned_team={team}",
                      headers=signer.headers()).get_data(as_text=True).count("\r\n") == 2


def test_old_report_parameter_names_still_answer_with_deprecation(client, consumer, events, signer: TestSigner,
                                                                  fixed_now) -> None:
    team = "0f8e8a3c-9a6b-4d8e-8f3e-6c1f2b7a9d10"
    consumer.process(events.created(uid="FF-0001", assigned_team=team))
    consumer.process(events.status("in_progress", "resolved", "2026-11-23T07:00:00+00:00", uid="FF-0001",
                                   assigned_team=team))
    consumer.process(events.created(uid="FF-0002"))
    consumer.process(events.status("in_progress", "resolved", "2026-11-23T07:00:00+00:00", uid="FF-0002"))
    for path in ("/api/sla/reports/compliance", "/api/sla/reports/compliance/export"):
        # The old "to" named the last day (inclusive): to=2026-11-23 still counts the 23rd.
        old = client.get(f"{path}?from=2026-11-01&to=2026-11-23&team={team}", headers=signer.headers())
        old_body = old.get_data()  # a streamed export: read it before the next request
        new = client.get(f"{path}?period_from=2026-11-01&period_to=2026-11-24&assigned_team={team}",
                         headers=signer.headers())
        assert old.status_code == new.status_code == 200
        assert old_body == new.get_data() and (b"FF-0001" in old_body) == path.endswith("/export")
        assert b"FF-0002" not in old_body
        assert old.headers["Deprecation"] == "@1796083200" and "Deprecation" not in new.headers
        assert old.headers["Deprecated-Parameters"] == "from=period_from, team=assigned_team, to=period_to"
    data = client.get("/api/sla/reports/compliance?from=2026-11-01&to=2026-11-23",
                      headers=signer.headers()).get_json()["data"]
    assert data["summary"]["total"] == 2 and (data["to"], data["period_to"]) == ("2026-11-23", "2026-11-24")
    assert client.get("/api/sla/reports/compliance?to=2026-11-23&period_to=2026-11-24",
                      headers=signer.headers()).status_code == 400
    assert client.get("/api/sla/reports/compliance?to=someday", headers=signer.headers()).status_code == 400
    assert client.get("/api/sla/reports/compliance?from=2026-11-24&to=2026-11-23",
                      headers=signer.headers()).status_code == 400


def test_openapi_matches_committed_contract(contracts_dir, client: Any) -> None:
    served = client.get("/openapi.json").get_json()
    committed = json.loads((contracts_dir / "openapi" / "sla.json").read_text())
    assert served == committed, "contracts/openapi/sla.json is stale: run `make contracts`"
