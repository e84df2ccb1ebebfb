"""Outbound webhooks end to end inside the service: a real HTTP receiver that verifies every call
with the official ``standardwebhooks`` library, the real consumer table, the delivery loop."""
from __future__ import annotations

import threading
import time
import uuid
from typing import Any, Callable, Iterator

import pytest
import standardwebhooks
from flask import Flask, request
from sqlalchemy import text
from werkzeug.serving import make_server

from fibreflow_shared.messaging.consumer import EventConsumer
from fibreflow_shared.messaging.envelope import make_event
from fibreflow_shared.testing.infra import free_port
from fibreflow_shared.testing.tokens import TestSigner
from notifications.adapters.webhook_delivery import WebhookHttp
from notifications.bootstrap import Container, bootstrap
from notifications.entrypoints.http import create_app
from notifications.service_layer.consumers import make_handlers
from notifications.service_layer.webhook_deliverer import Deliverer

pytestmark = pytest.mark.integration
WEBHOOK_TABLES = "webhook_subscriptions, webhook_deliveries, webhook_attempts, notifications, users, tickets, " \
                 "outbox, processed_events"


class Receiver:
    """An integrator's endpoint: records what arrives; ``fail[path] = n`` answers 500 n times."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.fail: dict[str, int] = {}
        self.secrets: dict[str, str] = {}
        self.lock = threading.Lock()
        app = Flask("receiver")

        @app.post("/<name>")
        def hook(name: str) -> Any:
            body = request.get_data()
            headers = {k.lower(): v for k, v in request.headers.items()}
            with self.lock:
                verified = None
                if name in self.secrets:  # what an integrator does with the secret it was shown
                    verified = standardwebhooks.Webhook(self.secrets[name]).verify(body, headers)
                self.calls.append({"name": name, "headers": headers, "body": verified, "raw": body})
                if self.fail.get(name, 0) > 0:
                    self.fail[name] -= 1
                    return "boom", 500
            return "", 204

        self.port = free_port()
        self.server = make_server("127.0.0.1", self.port, app, threaded=True)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/{name}"

    def of(self, name: str) -> list[dict[str, Any]]:
        return [c for c in self.calls if c["name"] == name]


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.server.shutdown()


@pytest.fixture(scope="module")
def hooks_container(notif_db_url: str, broker_url: str, contracts_dir: Any) -> Iterator[Container]:
    """The service with loopback allowed (the receiver runs here) and a seconds-long schedule."""
    from notifications.config import load

    settings = load(database_url=notif_db_url, broker_url=broker_url, validate_event_schemas=True,
                    contracts_dir=str(contracts_dir / "events"), webhook_allowed_networks=["127.0.0.1/32"],
                    webhook_retry_schedule=["0.05", "0.05", "0.05"], webhook_disable_after_failures=4,
                    webhook_disable_after_hours=0.0, webhook_timeout_seconds=2.0, webhook_concurrency=4)
    c = bootstrap(settings)
    yield c
    c.close()


@pytest.fixture()
def env(hooks_container: Container, signer: TestSigner, receiver: Receiver) -> dict[str, Any]:
    with hooks_container.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {WEBHOOK_TABLES} CASCADE"))
    receiver.calls.clear()
    receiver.fail.clear()
    app = create_app(hooks_container.settings, verifier=signer.verifier(), container=hooks_container)
    consumer = EventConsumer("notifications", hooks_container.sessions, "amqp://unused", "x",
                             make_handlers(hooks_container.deps))
    deliverer = Deliverer(hooks_container.deps, hooks_container.sessions, hooks_container.webhook_http)
    return {"client": app.test_client(), "admin": signer.headers(roles=["admin"]), "consume": consumer.process,
            "deliverer": deliverer, "container": hooks_container}


def subscribe(env: dict[str, Any], receiver: Receiver, name: str, types: list[str]) -> dict[str, Any]:
    r = env["client"].post("/api/webhooks", json={"url": receiver.url(name), "event_types": types},
                           headers=env["admin"])
    assert r.status_code == 201, r.get_json()
    data = r.get_json()["data"]
    receiver.secrets[name] = data["secret"]
    return data


def run_until(env: dict[str, Any], done: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError("deliveries did not finish in time")
        if not env["deliverer"].process_batch():
            time.sleep(0.02)


def ticket_event(event_type: str, uid: str = "FT1001", **data: Any) -> dict[str, Any]:
    ticket = {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, uid)), "ticket_uid": uid, "title": "No signal", "status": "new", "type": "fault",
              "priority": "high", "source": "qcontact", "created_by": str(uuid.uuid4()),
              "updated_at": "2026-12-02T08:00:00+00:00"}
    return make_event(event_type, {"ticket": ticket, **data}, producer="ticket-core")


def test_each_subscribed_event_arrives_once_verified_and_nothing_else(env, receiver) -> None:
    subscribe(env, receiver, "tickets", ["ticket.*"])
    subscribe(env, receiver, "approvals", ["billing.approved"])
    created = ticket_event("ticket.created")
    moved = ticket_event("ticket.status_changed", from_status="new", to_status="triaged",
                         changed_by=str(uuid.uuid4()))
    approved = make_event("billing.approved", {"ticket_id": str(uuid.uuid4()), "ticket_uid": "FT1001",
                                               "approved_by": str(uuid.uuid4()),
                                               "approved_at": "2026-12-02T08:00:00+00:00"}, producer="billing")
    classified = make_event("billing.classified", {"ticket_id": str(uuid.uuid4()), "ticket_uid": "FT1001",
                                                   "billing_type": "billable", "reason": "r", "requires_approval": True,
                                                   "billing_status": "pending_approval", "currency": "ZAR"},
                            producer="billing")
    for event in (created, moved, approved, classified, created, approved):  # the bus redelivers two of them
        env["consume"](event)
    run_until(env, lambda: len(receiver.of("tickets")) >= 2 and len(receiver.of("approvals")) >= 1)
    time.sleep(0.2)
    env["deliverer"].process_batch()  # anything else would be due now
    tickets = receiver.of("tickets")
    assert sorted(c["body"]["type"] for c in tickets) == ["ticket.created", "ticket.status_changed"]
    assert {c["body"]["id"] for c in tickets} == {created["id"], moved["id"]}
    assert tickets[0]["body"]["data"]["ticket"]["ticket_uid"] == "FT1001"
    assert [c["body"]["type"] for c in receiver.of("approvals")] == ["billing.approved"]  # never billing.classified
    for call in tickets + receiver.of("approvals"):
        assert call["headers"]["webhook-id"].startswith("msg_")
        assert call["headers"]["webhook-signature"].startswith("v1,")


def test_a_500_is_retried_with_the_same_webhook_id_then_logged(env, receiver) -> None:
    sub = subscribe(env, receiver, "flaky", ["ticket.created"])
    receiver.fail["flaky"] = 2
    env["consume"](ticket_event("ticket.created", uid="FT2002"))
    run_until(env, lambda: len(receiver.of("flaky")) >= 3)
    calls = receiver.of("flaky")
    assert len({c["headers"]["webhook-id"] for c in calls}) == 1  # one message, three attempts
    assert all(c["body"]["type"] == "ticket.created" for c in calls)  # each one verified
    client, admin = env["client"], env["admin"]
    deliveries = client.get(f"/api/webhooks/{sub['id']}/deliveries", headers=admin).get_json()["data"]["deliveries"]
    assert len(deliveries) == 1 and deliveries[0]["status"] == "delivered" and deliveries[0]["attempts"] == 3
    detail = client.get(f"/api/webhooks/{sub['id']}/deliveries/{deliveries[0]['id']}", headers=admin).get_json()
    assert [a["status_code"] for a in detail["data"]["attempts_log"]] == [500, 500, 204]
    assert client.get(f"/api/webhooks/{sub['id']}", headers=admin).get_json()["data"]["consecutive_failures"] == 0


def test_repeated_failure_disables_the_subscription_and_tells_the_admins(env, receiver) -> None:
    admin_id = str(uuid.uuid4())
    env["consume"](make_event("user.created", {"user": {"id": admin_id, "username": "root", "display_name": "Root",
                                                        "email": "root@example.com", "phone": None,
                                                        "roles": ["admin"], "active": True}}, producer="gateway"))
    sub = subscribe(env, receiver, "down", ["ticket.created"])
    receiver.fail["down"] = 100
    env["consume"](ticket_event("ticket.created", uid="FT3003"))
    client, admin = env["client"], env["admin"]
    run_until(env, lambda: not client.get(f"/api/webhooks/{sub['id']}", headers=admin).get_json()["data"]["active"])
    got = client.get(f"/api/webhooks/{sub['id']}", headers=admin).get_json()["data"]
    assert got["disabled_reason"].startswith("4 failed attempts") and got["disabled_at"]
    with env["container"].engine.connect() as conn:
        told = conn.execute(text("SELECT channel, recipient_user_id, subject FROM notifications "
                                 "WHERE template LIKE 'webhook_disabled.%' ORDER BY channel")).all()
    assert [(t.channel, str(t.recipient_user_id)) for t in told] == [("email", admin_id), ("in_app", admin_id)]
    # Nothing more is sent while it is off; switching it back on resumes the queue.
    calls = len(receiver.of("down"))
    time.sleep(0.2)
    env["deliverer"].process_batch()
    assert len(receiver.of("down")) == calls
    receiver.fail["down"] = 0
    assert client.patch(f"/api/webhooks/{sub['id']}", json={"active": True}, headers=admin).status_code == 200
    redo = client.get(f"/api/webhooks/{sub['id']}/deliveries", headers=admin).get_json()["data"]["deliveries"][0]
    assert redo["status"] == "failed"  # the schedule ran out before the switch-off …
    assert client.post(f"/api/webhooks/{sub['id']}/deliveries/{redo['id']}/redeliver",
                       headers=admin).status_code == 200  # … so it is sent again by hand
    run_until(env, lambda: len(receiver.of("down")) > calls)
    assert receiver.of("down")[-1]["headers"]["webhook-id"] == f"msg_{redo['id']}"


def test_send_test_event(env, receiver) -> None:
    sub = subscribe(env, receiver, "tester", ["billing.paid"])
    r = env["client"].post(f"/api/webhooks/{sub['id']}/test", headers=env["admin"])
    assert r.status_code == 201 and r.get_json()["data"]["event_type"] == "webhook.test"
    run_until(env, lambda: len(receiver.of("tester")) == 1)
    assert receiver.of("tester")[0]["body"]["data"]["subscription_id"] == sub["id"]


def test_loopback_is_refused_by_default_and_rebinding_is_caught_at_delivery(container, signer, env,
                                                                           receiver) -> None:
    """The default configuration (no WEBHOOK_ALLOWED_NETWORKS) refuses 127.0.0.1 when subscribing;
    a name that resolved to a public address then, and to loopback now, is refused when sending."""
    strict = create_app(container.settings, verifier=signer.verifier(), container=container).test_client()
    admin = signer.headers(roles=["admin"])
    for url in ("http://127.0.0.1:9/hook", "http://localhost:9/hook", "http://[::1]/x", "http://10.0.0.8/x",
                "http://169.254.169.254/latest/meta-data"):
        r = strict.post("/api/webhooks", json={"url": url, "event_types": ["ticket.*"]}, headers=admin)
        assert r.status_code == 400 and r.get_json()["error"]["code"] == "INVALID_WEBHOOK", (url, r.get_json())
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])
    rebinding = WebhookHttp([], 2.0, resolver=lambda host, port: next(answers))
    sub_row = None
    from notifications.service_layer import outbound_webhooks as hooks
    from fibreflow_shared.db import transaction

    c = env["container"]
    with transaction(c.sessions) as session:
        sub_row, _secret = hooks.create_subscription(session, c.deps, rebinding, url=f"http://hooks.example.test:"
                                                     f"{receiver.port}/rebound", event_types=["ticket.created"])
        sub_id = sub_row.id
    env["consume"](ticket_event("ticket.created", uid="FT4004"))
    deliverer = Deliverer(c.deps, c.sessions, rebinding)
    assert deliverer.process_batch() == 1
    assert receiver.of("rebound") == []
    with c.engine.connect() as conn:
        error = conn.execute(text("SELECT a.error FROM webhook_attempts a JOIN webhook_deliveries d "
                                  "ON d.id = a.delivery_id WHERE d.subscription_id = :s"), {"s": sub_id}).scalar()
    assert error.startswith("refused:") and "loopback" in error


def test_bad_subscriptions_are_400_and_admins_only(env, signer) -> None:
    client, admin = env["client"], env["admin"]
    bad = client.post("/api/webhooks", json={"url": "ftp://x", "event_types": ["ticket.made_up", "audit.recorded"],
                                             "secret": "not-a-whsec"}, headers=admin)
    assert bad.status_code == 400
    r = client.post("/api/webhooks", json={"url": "http://127.0.0.1:9/x", "event_types": ["nope.*"]}, headers=admin)
    assert r.status_code == 400 and r.get_json()["error"]["details"]["event_types"] == ["nope.*"]
    r = client.post("/api/webhooks", json={"url": "http://127.0.0.1:9/x", "event_types": ["ticket.*"],
                                           "secret": "whsec_c2hvcnQ="}, headers=admin)
    assert r.status_code == 400 and "secret" in r.get_json()["error"]["details"]
    manager = signer.headers(roles=["manager"])
    assert client.get("/api/webhooks", headers=manager).status_code == 403
    assert client.get(f"/api/webhooks/{uuid.uuid4()}", headers=admin).status_code == 404
    listed = client.get("/api/webhooks", headers=admin).get_json()["data"]
    assert "secret" not in str(listed)


def test_a_subscription_deleted_mid_flight_does_not_lose_the_rest_of_the_batch(env, receiver) -> None:
    keep = subscribe(env, receiver, "keep", ["ticket.created"])
    gone = subscribe(env, receiver, "gone", ["ticket.created"])
    env["consume"](ticket_event("ticket.created", uid="FT5005"))
    deliverer = env["deliverer"]
    jobs = deliverer.claim()
    assert len(jobs) == 2
    outcomes = [deliverer.send(job) for job in jobs]
    assert env["client"].delete(f"/api/webhooks/{gone['id']}", headers=env["admin"]).status_code == 204
    from fibreflow_shared.timeutil import utc_now

    deliverer.record(list(zip(jobs, outcomes)), utc_now())  # must not fail on the vanished delivery
    rows = env["client"].get(f"/api/webhooks/{keep['id']}/deliveries", headers=env["admin"]).get_json()["data"]
    assert [d["status"] for d in rows["deliveries"]] == ["delivered"]
