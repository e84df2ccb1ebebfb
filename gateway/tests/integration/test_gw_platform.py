"""/api/health, /api/docs, own OpenAPI, shared health endpoints and the CLI."""
from __future__ import annotations

import json

import pytest
from openapi_spec_validator import validate

from fibreflow_shared.testing.infra import free_port
from gw_helpers import FakeService

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def mixed_app(make_app):
    with FakeService("ticket-core") as svc:
        yield make_app(ticket_core_url=svc.url, sla_url=f"http://127.0.0.1:{free_port()}", health_timeout=1.0)


def test_health_one_up_one_down(mixed_app):
    r = mixed_app.test_client().get("/api/health")
    assert r.status_code == 503 and r.json["success"] is False
    services = r.json["error"]["details"]["services"]
    assert services["ticket_core"]["status"] == "ready"
    assert services["sla"]["status"] == "down"
    assert services["billing"]["status"] == "not_configured"
    assert r.json["error"]["details"]["gateway"] == "ready"


def test_health_all_configured_ready(make_app):
    with FakeService("ticket-core") as svc:
        r = make_app(ticket_core_url=svc.url).test_client().get("/api/health")
    assert r.status_code == 200 and r.json["data"]["status"] == "ok"


def test_docs_merge_with_missing_service(mixed_app):
    r = mixed_app.test_client().get("/api/docs")
    assert r.status_code == 200
    doc = r.json
    assert "/api/tickets" in doc["paths"] and "/api/auth/login" in doc["paths"]
    assert "Ticket" in doc["components"]["schemas"]
    assert "sla" in doc["x-fibreflow-services"]["missing"]
    assert doc["x-fibreflow-services"]["merged"] == ["ticket_core"]
    validate(doc)  # what Swagger UI at /api/docs/ui and client generators load
    ids = [op["operationId"] for item in doc["paths"].values() for m, op in item.items() if m in ("get", "post",
                                                                                                 "put", "patch",
                                                                                                 "delete")]
    assert len(ids) == len(set(ids)) and "getTickets" in ids


def test_own_openapi_and_shared_endpoints(client):
    spec = client.get("/openapi.json").json
    assert "/api/users" in spec["paths"] and "/api/auth/login" in spec["paths"]
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/metrics").status_code == 200


def test_cli_migrate_bootstrap_and_openapi(make_database, monkeypatch, capsys):
    from gateway.cli import main

    url = make_database("gateway_cli")
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("PASSWORD_HASH_MEMORY_KIB", "8")
    monkeypatch.setenv("PASSWORD_HASH_TIME_COST", "1")
    monkeypatch.delenv("FIBREFLOW_ADMIN_PASSWORD", raising=False)
    assert main(["migrate"]) == 0
    out = capsys.readouterr().out
    assert "bootstrap admin created" in out and "password:" in out  # generated, printed once
    assert main(["bootstrap-admin"]) == 0
    assert "already exists" in capsys.readouterr().out
    assert main(["rotate-keys"]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["rotated"] is True
    assert main(["openapi"]) == 0
    out = capsys.readouterr().out
    assert "/api/users" in json.loads(out[out.index("{"):])["paths"]
    monkeypatch.setenv("GATEWAY_PORT", "not-a-port")
    assert main(["migrate"]) == 2
    assert "GATEWAY_PORT" in capsys.readouterr().err


def test_openapi_matches_committed_contract(client, contracts_dir):
    served = client.get("/openapi.json").json
    committed = json.loads((contracts_dir / "openapi" / "gateway.json").read_text())
    assert served == committed, ("contracts/openapi/gateway.json is stale: run "
                                 "`.venv/bin/fibreflow-gateway openapi > contracts/openapi/gateway.json`")


def test_cli_lists_worker_commands(capsys):
    from gateway.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("worker", "declare-topology", "publish-users", "migrate", "serve", "openapi"):
        assert command in out


def test_cli_serves_through_the_kit_with_the_gateway_bind(monkeypatch):
    """`serve` (the Procfile's word) and `web` both exec gunicorn on GATEWAY_BIND or the port."""
    from gateway import cli

    class Execed(Exception):  # exec_gunicorn replaces the process: it never returns
        pass

    calls = []

    def exec_gunicorn(*args, **kwargs):
        calls.append((args, kwargs))
        raise Execed

    monkeypatch.setattr("fibreflow_shared.cli.exec_gunicorn", exec_gunicorn)
    monkeypatch.setenv("DATABASE_URL", "postgresql://gw@127.0.0.1:1/unused")
    monkeypatch.setenv("GATEWAY_PORT", "8181")
    monkeypatch.delenv("GATEWAY_BIND", raising=False)
    for argv, bind in ((["serve", "--threads", "4"], None), (["web"], "0.0.0.0:9000"),
                       (["serve", "--bind", "127.0.0.1:9100"], "0.0.0.0:9000")):
        if bind:
            monkeypatch.setenv("GATEWAY_BIND", bind)
        with pytest.raises(Execed):
            cli.main(argv)
    assert [c[0] for c in calls] == [("gateway.entrypoints.wsgi:app", "127.0.0.1:8181"),
                                     ("gateway.entrypoints.wsgi:app", "0.0.0.0:9000"),
                                     ("gateway.entrypoints.wsgi:app", "127.0.0.1:9100")]
    from gateway.entrypoints.server import LIMIT_ARGS

    assert calls[0][1] == {"workers": 1, "threads": 4, "timeout": 180, "graceful_timeout": 20, "keep_alive": 5,
                           "worker_class": "gateway.entrypoints.server.GeventWorker", "worker_connections": 1000,
                           "extra_args": LIMIT_ARGS}
