"""For integrators, against the whole stack: an API key used through the generated Python client
(create and read a ticket), scopes and revocation at the gateway, and the audit trail fed over
the bus by another service."""
from __future__ import annotations

import time
from http import HTTPStatus

import pytest
import requests

pytestmark = pytest.mark.e2e


def _key(admin, **body) -> dict:
    resp = admin.post("/api/api-keys", json={"name": "e2e-integration", "role": "manager", **body})
    assert resp.status_code == 201, resp.text
    return resp.json()["data"]


def test_generated_client_creates_and_reads_a_ticket_with_an_api_key(admin, base_url) -> None:
    from fibreflow_client import AuthenticatedClient
    from fibreflow_client.api.tickets import get_tickets_by_ticket_id, post_tickets
    from fibreflow_client.models import TicketCreate, TicketCreatePriority, TicketCreateType

    key = _key(admin, scopes=["tickets:read", "tickets:write"])["key"]
    with AuthenticatedClient(base_url=base_url, token=key) as client:  # the README's example
        created = post_tickets.sync_detailed(client=client, body=TicketCreate(
            title="Fibre cut at pole 12", description="Reported by the ERP", type_=TicketCreateType.FAULT,
            priority=TicketCreatePriority.HIGH))
        assert created.status_code == HTTPStatus.CREATED, created.content
        uid = created.parsed.data.ticket_uid
        got = get_tickets_by_ticket_id.sync(uid, client=client)
    assert got.data.ticket_uid == uid and got.data.title == "Fibre cut at pole 12"
    assert got.data.priority == "high"


def test_read_only_key_lists_but_cannot_create_and_revoked_key_is_refused(admin, base_url) -> None:
    key = _key(admin, scopes=["tickets:read"])
    headers = {"X-API-Key": key["key"]}
    assert requests.get(f"{base_url}/api/tickets", headers=headers, timeout=15).status_code == 200
    denied = requests.post(f"{base_url}/api/tickets", headers=headers, timeout=15,
                           json={"title": "t", "description": "d", "type": "fault"})
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "INSUFFICIENT_SCOPE"
    assert admin.post(f"/api/api-keys/{key['id']}/revoke").status_code == 200
    refused = requests.get(f"{base_url}/api/tickets", headers=headers, timeout=15)
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "API_KEY_REVOKED"


def test_another_services_audited_change_reaches_the_trail(admin) -> None:
    """sla stages audit.recorded with its change; the gateway's worker keeps it; admins read it."""
    # preventative, and put back afterwards: other e2e tests assert fault tickets' SLA targets.
    before = admin.get("/api/sla/configs").json()["data"]
    kept = next(t for t in before["types"] if t["ticket_type"] == "preventative")
    changed = admin.post("/api/sla/configs", json={"types": [{"ticket_type": "preventative",
                                                              "base_hours": kept["base_hours"] + 1}]},
                         headers={"X-Request-ID": "e2e-audit-sla"})
    assert changed.status_code == 200, changed.text
    restored = admin.post("/api/sla/configs", json={"types": [{"ticket_type": "preventative",
                                                               "base_hours": kept["base_hours"]}]})
    assert restored.status_code == 200, restored.text
    deadline = time.monotonic() + 20
    while True:
        records = admin.get("/api/audit", params={"request_id": "e2e-audit-sla"}).json()["data"]["records"]
        if records or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    assert len(records) == 1 and records[0]["action"] == "sla_config.changed" and records[0]["service"] == "sla"
    assert records[0]["actor_name"] == "admin"
    export = admin.get("/api/audit/export", params={"request_id": "e2e-audit-sla"})
    assert export.status_code == 200 and "sla_config.changed" in export.text
