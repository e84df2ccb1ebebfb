"""Create and read tickets over HTTP against the real database; events land in the outbox."""
from __future__ import annotations

import json
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import text

from fibreflow_shared.messaging.outbox import EventSchemas
from fibreflow_shared.testing.tokens import TestSigner

pytestmark = pytest.mark.integration
VALID = {"title": "No signal at customer premises", "description": "Customer reports no internet since yesterday",
         "type": "fault", "priority": "high"}


def count(container: Any, table: str) -> int:
    with container.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_create_then_read_by_uid_and_uuid(client: Any, signer: TestSigner, container: Any) -> None:
    headers = signer.headers(roles=["admin"])
    resp = client.post("/api/tickets", json=VALID, headers=headers)
    assert resp.status_code == 201, resp.get_json()
    ticket = resp.get_json()["data"]
    assert ticket["ticket_uid"] == "FF-0001" and ticket["status"] == "new" and ticket["source"] == "ff_internal"
    for key in (ticket["ticket_uid"], ticket["id"], "ff-0001"):
        got = client.get(f"/api/tickets/{key}", headers=headers)
        assert got.status_code == 200 and got.get_json()["data"] == ticket
    second = client.post("/api/tickets", json={**VALID, "source": "adhoc"}, headers=headers).get_json()["data"]
    assert second["ticket_uid"] == "AH-0001"


def test_created_event_is_staged_with_snapshot_and_matches_contract(contracts_dir, client: Any, signer: TestSigner,
                                                                    container: Any) -> None:
    headers = signer.headers(roles=["manager"])
    resp = client.post("/api/tickets", json=VALID, headers={**headers, "X-Correlation-ID": "corr-123"})
    ticket = resp.get_json()["data"]
    with container.engine.connect() as conn:
        (payload,) = conn.execute(text("SELECT payload FROM outbox")).one()
    assert payload["type"] == "ticket.created" and payload["producer"] == "ticket-core"
    assert payload["data"]["ticket"] == ticket
    assert payload["correlation_id"] == "corr-123"
    EventSchemas(contracts_dir / "events").validate(payload)


def test_unknown_ticket_is_404(client: Any, signer: TestSigner) -> None:
    for key in ("FF-9999", str(uuid.uuid4()), "'; drop table tickets; --"):
        resp = client.get(f"/api/tickets/{key}", headers=signer.headers())
        assert resp.status_code == 404 and resp.get_json()["error"]["code"] == "NOT_FOUND"


@pytest.mark.parametrize("body, field", [
    ({**VALID, "title": None}, "title"),
    ({k: v for k, v in VALID.items() if k != "title"}, "title"),
    ({**VALID, "type": "mystery"}, "type"),
    ({**VALID, "priority": 5}, "priority"),
    ({**VALID, "colour": "red"}, "colour"),
    ({**VALID, "source": "qcontact"}, "source"),
])
def test_bad_input_is_400_and_writes_nothing(client: Any, signer: TestSigner, container: Any, body: dict,
                                              field: str) -> None:
    resp = client.post("/api/tickets", json=body, headers=signer.headers())
    assert resp.status_code == 400
    assert field in resp.get_json()["error"]["details"]
    assert count(container, "tickets") == 0 and count(container, "outbox") == 0


def test_malformed_json_and_huge_body_are_rejected(client: Any, signer: TestSigner, container: Any) -> None:
    headers = signer.headers()
    resp = client.post("/api/tickets", data='{"title": "x",', content_type="application/json", headers=headers)
    assert resp.status_code == 400
    huge = json.dumps({**VALID, "description": "x" * (10 * 1024 * 1024)})
    resp = client.post("/api/tickets", data=huge, content_type="application/json", headers=headers)
    assert resp.status_code == 413 and resp.get_json()["error"]["code"] == "PAYLOAD_TOO_LARGE"
    assert count(container, "tickets") == 0 and count(container, "outbox") == 0


def test_auth_and_roles(client: Any, signer: TestSigner) -> None:
    assert client.post("/api/tickets", json=VALID).status_code == 401
    assert client.get("/api/tickets/FF-0001").status_code == 401
    resp = client.post("/api/tickets", json=VALID, headers=signer.headers(roles=["viewer"]))
    assert resp.status_code == 403


def test_technician_sees_only_tickets_assigned_to_them(client: Any, signer: TestSigner, container: Any) -> None:
    tech = str(uuid.uuid4())
    made = client.post("/api/tickets", json=VALID, headers=signer.headers(roles=["admin"])).get_json()["data"]
    as_tech = signer.headers(roles=["technician"], sub=tech)
    assert client.get(f"/api/tickets/{made['ticket_uid']}", headers=as_tech).status_code == 404
    with container.engine.begin() as conn:
        conn.execute(text("UPDATE tickets SET assigned_to = :t WHERE id = :i"), {"t": tech, "i": made["id"]})
    assert client.get(f"/api/tickets/{made['ticket_uid']}", headers=as_tech).status_code == 200
    viewer = signer.headers(roles=["viewer"])
    assert client.get(f"/api/tickets/{made['ticket_uid']}", headers=viewer).status_code == 200


def test_hundred_parallel_creates_get_hundred_distinct_uids(client: Any, signer: TestSigner, container: Any) -> None:
    headers = signer.headers(roles=["admin"])
    barrier = threading.Barrier(20)

    def create(i: int) -> str:
        if i < 20:
            barrier.wait()
        resp = client.post("/api/tickets", json={**VALID, "title": f"Parallel {i}"}, headers=headers)
        assert resp.status_code == 201, resp.get_json()
        return resp.get_json()["data"]["ticket_uid"]

    with ThreadPoolExecutor(max_workers=20) as pool:
        uids = list(pool.map(create, range(100)))
    assert len(set(uids)) == 100
    assert sorted(uids) == [f"FF-{n:04d}" for n in range(1, 101)]
    assert count(container, "outbox") == 100


def test_openapi_matches_committed_contract(contracts_dir, client: Any) -> None:
    served = client.get("/openapi.json").get_json()
    committed = json.loads((contracts_dir / "openapi" / "ticket-core.json").read_text())
    assert served == committed, "contracts/openapi/ticket-core.json is stale: run `make contracts`"
