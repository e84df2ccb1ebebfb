"""user.created / user.updated through the transactional outbox, publish-users, the worker's relay."""
from __future__ import annotations

import json
import uuid
from pathlib import Path

import pika
import pytest
from sqlalchemy import text

from fibreflow_shared.messaging.outbox import EventSchemas
from gw_helpers import bearer, container_of

pytestmark = pytest.mark.integration


@pytest.fixture
def admin_headers(token_for, make_user):
    return bearer(token_for(make_user(["admin"])))


@pytest.fixture(scope="module")
def schemas(contracts_dir: Path) -> EventSchemas:
    return EventSchemas(contracts_dir / "events")


def staged(app, user_id) -> list[dict]:
    """The outbox envelopes about one user, oldest first."""
    with container_of(app).deps.engine.connect() as conn:
        rows = conn.execute(text("SELECT payload FROM outbox WHERE payload->'data'->'user'->>'id' = :id ORDER BY id"),
                            {"id": str(user_id)}).scalars().all()
    return list(rows)


def _create(client, headers, **extra) -> dict:
    name = "e" + uuid.uuid4().hex[:8]
    body = {"username": name, "password": "a-strong-password", "display_name": "Event Person",
            "email": f"{name}@example.com", "roles": ["technician"], **extra}
    r = client.post("/api/users", json=body, headers=headers)
    assert r.status_code == 201, r.json
    return r.json["data"]


def test_every_change_stages_a_valid_event(client, app, admin_headers, schemas):
    assert container_of(app).deps.outbox.schemas is not None  # VALIDATE_EVENT_SCHEMAS is on in every test app
    user = _create(client, admin_headers, phone="082 123 4567")
    assert user["phone"] == "+27821234567"  # stored in E.164
    uid = user["id"]
    steps = [
        ("patch", lambda: client.patch(f"/api/users/{uid}", json={"display_name": "Renamed"}, headers=admin_headers)),
        ("roles", lambda: client.patch(f"/api/users/{uid}", json={"roles": ["team_lead"]}, headers=admin_headers)),
        ("disable", lambda: client.post(f"/api/users/{uid}/disable", headers=admin_headers)),
        ("enable", lambda: client.patch(f"/api/users/{uid}", json={"active": True}, headers=admin_headers)),
        ("phone", lambda: client.patch(f"/api/users/{uid}", json={"phone": None}, headers=admin_headers)),
    ]
    for _name, call in steps:
        assert call().status_code == 200
    # No event for what does not change the published user:
    assert client.post(f"/api/users/{uid}/reset-password", json={"password": "another-strong-one"},
                       headers=admin_headers).status_code == 200
    assert client.patch(f"/api/users/{uid}", json={"display_name": "Renamed"}, headers=admin_headers).status_code == 200
    assert client.post(f"/api/users/{uid}/disable", headers=admin_headers).status_code == 200
    assert client.patch(f"/api/users/{uid}", json={"active": True}, headers=admin_headers).status_code == 200

    events = staged(app, uid)
    assert [e["type"] for e in events] == ["user.created"] + ["user.updated"] * 7  # 5 steps + disable/enable again
    for event in events:
        schemas.validate(event)
        assert event["producer"] == "gateway" and set(event["data"]["user"]) == {
            "id", "username", "display_name", "email", "phone", "roles", "active"}
    users = [e["data"]["user"] for e in events]
    assert users[0] == {"id": uid, "username": user["username"], "display_name": "Event Person",
                        "email": user["email"], "phone": "+27821234567", "roles": ["technician"], "active": True}
    assert users[1]["display_name"] == "Renamed" and users[2]["roles"] == ["team_lead"]
    assert users[3]["active"] is False and users[4]["active"] is True and users[5]["phone"] is None


def test_refused_change_stages_nothing(client, app, admin_headers, make_user):
    user = make_user(["admin"])
    before = len(staged(app, user.id))
    r = client.patch(f"/api/users/{user.id}", json={"phone": "not a phone"}, headers=admin_headers)
    assert r.status_code == 400 and r.json["error"]["details"]["phone"]
    assert len(staged(app, user.id)) == before


def test_correlation_id_of_the_request_is_carried(client, app, admin_headers):
    r = client.post("/api/users", json={"username": "c" + uuid.uuid4().hex[:8], "password": "a-strong-password",
                                        "display_name": "C", "email": None, "roles": ["viewer"]},
                    headers={**admin_headers, "X-Correlation-ID": "corr-4711"})
    assert r.status_code == 201
    assert staged(app, r.json["data"]["id"])[0]["correlation_id"] == "corr-4711"


def test_legacy_phone_published_as_e164_or_null(app):
    from gateway.adapters.orm import User
    from gateway.domain.events import user_snapshot

    def snap(phone):
        return user_snapshot(User(id=uuid.uuid4(), username="x", display_name="X", email=None, phone=phone,
                                  roles=["viewer"], active=True))["phone"]

    assert snap("0821234567") == "+27821234567" and snap("+27 82 123 4567") == "+27821234567"
    assert snap("ext. 12") is None and snap(None) is None and snap("") is None


def test_publish_users_cli_stages_every_user(app, make_user, gateway_db, contracts_dir, monkeypatch, capsys,
                                             schemas):
    from gateway.cli import main
    from gateway.service_layer.users import publish_all_users

    a, b = make_user(["viewer"]), make_user(["technician"])
    monkeypatch.setenv("DATABASE_URL", gateway_db)
    # The CLI must use the test apps' secret, or it would add a signing key they cannot decrypt.
    monkeypatch.setenv("GATEWAY_SECRET_KEY", container_of(app).settings.secret_key)
    monkeypatch.setenv("VALIDATE_EVENT_SCHEMAS", "true")
    monkeypatch.setenv("CONTRACTS_DIR", str(contracts_dir / "events"))
    with container_of(app).deps.engine.connect() as conn:
        users = conn.execute(text("SELECT count(*) FROM users")).scalar()
    assert main(["publish-users"]) == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert out["staged"] >= users and out["event_type"] == "user.updated"
    for user in (a, b):
        last = staged(app, user.id)[-1]
        assert last["type"] == "user.updated" and last["data"]["user"]["username"] == user.username
        schemas.validate(last)
    # batches: walking by primary key visits each user exactly once
    deps = container_of(app).deps
    before = {u.id: len(staged(app, u.id)) for u in (a, b)}
    assert publish_all_users(deps, batch_size=2) >= users
    assert {u.id: len(staged(app, u.id)) for u in (a, b)} == {k: v + 1 for k, v in before.items()}


def test_worker_relays_user_events_to_the_exchange(app, make_user, gateway_db, broker_url, monkeypatch):
    """`fibreflow-gateway worker`'s loops: the relay publishes staged user.* events to RabbitMQ."""
    from gateway import config
    from gateway.cli import CLI

    exchange = "gw.test." + uuid.uuid4().hex[:8]
    settings = config.load({"DATABASE_URL": gateway_db, "BROKER_URL": broker_url, "EVENTS_EXCHANGE": exchange})
    loops = CLI.worker(settings)
    assert set(loops) == {"outbox-relay", "housekeeping", "event-consumer"}  # audit.recorded
    relay = loops["outbox-relay"].__self__  # the bound run_forever of the OutboxRelay
    conn = pika.BlockingConnection(pika.URLParameters(broker_url))
    try:
        ch = conn.channel()
        ch.exchange_declare(exchange, "topic", durable=True)
        queue = ch.queue_declare("", exclusive=True).method.queue
        ch.queue_bind(queue, exchange, routing_key="user.*")
        user = make_user(["viewer"])
        relay.drain()
        received = []
        for _ in range(200):
            method, props, body = ch.basic_get(queue, auto_ack=True)
            if method is None:
                break
            received.append((method.routing_key, json.loads(body)))
        mine = [(key, e) for key, e in received if e["data"]["user"]["id"] == str(user.id)]
        assert [key for key, _e in mine] == ["user.created"]
        assert mine[0][1]["data"]["user"]["username"] == user.username
    finally:
        conn.close()
        relay.close()
    with container_of(app).deps.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM outbox WHERE published_at IS NULL")).scalar() == 0


def test_declare_topology_cli(gateway_db, broker_url, monkeypatch):
    from gateway.cli import main

    monkeypatch.setenv("DATABASE_URL", gateway_db)
    monkeypatch.setenv("BROKER_URL", broker_url)
    monkeypatch.setenv("EVENTS_EXCHANGE", "gw.topology." + uuid.uuid4().hex[:6])
    assert main(["declare-topology"]) == 0
