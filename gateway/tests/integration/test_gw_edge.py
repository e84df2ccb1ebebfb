"""The gateway's edge through its WSGI app: security headers, /metrics kept inside, the API
reference behind PUBLIC_API_DOCS, a wrong GATEWAY_SECRET_KEY named (not a 500), dev defaults warned."""
from __future__ import annotations

import logging

import pytest

from fibreflow_shared.settings import SettingsError
from gateway import config
from gw_helpers import ADMIN_PASSWORD, FakeService, bearer, login, random_ip

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def upstream():
    with FakeService("ticket-core") as fake:
        yield fake


@pytest.fixture(scope="module")
def edge_app(make_app, upstream):
    return make_app(ticket_core_url=upstream.url)


@pytest.fixture
def eclient(edge_app):
    c = edge_app.test_client()
    c.environ_base["REMOTE_ADDR"] = random_ip()
    return c


def _secure(resp) -> None:
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["Referrer-Policy"] == "no-referrer"


def test_security_headers_on_own_proxied_and_error_answers(eclient, token_for):
    for resp in (eclient.get("/api/health"), eclient.get("/api/users", headers=bearer(token_for(roles=["admin"]))),
                 eclient.get("/api/tickets/FF-1", headers=bearer(token_for(roles=["admin"]))),  # proxied
                 eclient.get("/api/tickets/FF-1"),  # the proxy's own 401
                 eclient.get("/api/nowhere"), eclient.get("/healthz")):
        _secure(resp)
    proxied = eclient.get("/api/tickets/FF-1", headers=bearer(token_for(roles=["admin"])))
    assert proxied.headers.getlist("X-Content-Type-Options") == ["nosniff"]  # one value, not appended


def test_auth_answers_are_not_stored(eclient):
    ok = login(eclient, "admin", ADMIN_PASSWORD)
    refused = login(eclient, "admin", "wrong-password")
    assert ok.status_code == 200 and refused.status_code == 401
    for resp in (ok, refused):
        assert resp.headers["Cache-Control"] == "no-store"
        _secure(resp)
    assert "no-store" not in eclient.get("/api/health").headers.get("Cache-Control", "")


def test_metrics_only_for_in_cluster_scrapers(eclient, make_app, upstream):
    # Loopback / pod network, no proxy hop: Prometheus.
    assert eclient.get("/metrics", environ_base={"REMOTE_ADDR": "10.1.2.3"}).status_code == 200
    # Through the ingress (X-Forwarded-For), or from a public address: not there.
    for environ, headers in (({"REMOTE_ADDR": "10.1.2.3"}, {"X-Forwarded-For": "203.0.113.9"}),
                             ({"REMOTE_ADDR": "203.0.113.9"}, {}),
                             ({"REMOTE_ADDR": "10.1.2.3"}, {"Forwarded": "for=203.0.113.9"})):
        r = eclient.get("/metrics", environ_base=environ, headers=headers)
        assert r.status_code == 404 and r.json["error"]["code"] == "NOT_FOUND"
        _secure(r)
    # Behind a trusted proxy hop, the client's address (not the ingress's) decides.
    behind = make_app(ticket_core_url=upstream.url, trusted_proxy_hops=1).test_client()
    r = behind.get("/metrics", environ_base={"REMOTE_ADDR": "10.0.0.5"}, headers={"X-Forwarded-For": "10.0.0.7"})
    assert r.status_code == 404


def test_proxied_paths_never_reach_a_services_metrics(eclient, upstream, token_for):
    upstream.requests.clear()
    for path in ("/api/tickets/../../metrics", "/api/tickets/%2e%2e/%2e%2e/metrics"):
        r = eclient.get(path, headers=bearer(token_for(roles=["admin"])))
        assert r.status_code == 404, path
    assert all("metrics" not in req["path"] for req in upstream.requests)


def test_api_docs_behind_public_api_docs(make_app, upstream):
    public = make_app(ticket_core_url=upstream.url).test_client()
    hidden = make_app(ticket_core_url=upstream.url, public_api_docs=False).test_client()
    for path in ("/api/docs", "/api/docs/ui", "/api/docs/ui/docs-ui.js", "/openapi.json"):
        assert public.get(path).status_code == 200, path
        r = hidden.get(path)
        assert r.status_code == 404 and r.json["error"]["code"] == "NOT_FOUND", path
    assert hidden.get("/api/health").status_code == 200


def test_public_api_docs_defaults_to_off_in_production():
    base = {"DATABASE_URL": "postgresql://x@127.0.0.1:1/x", "GATEWAY_SECRET_KEY": "s" * 32}
    assert config.load(base).docs_public is True
    assert config.load({**base, "FIBREFLOW_ENV": "production"}).docs_public is False
    assert config.load({**base, "FIBREFLOW_ENV": "production", "PUBLIC_API_DOCS": "true"}).docs_public is True


def test_a_secret_key_that_cannot_decrypt_the_keys_is_named_not_a_500(app, make_app):
    """A second checkout: same database, another GATEWAY_SECRET_KEY. Login answers 503 with the
    fix, /readyz and /api/health are not ready with the same message."""
    other = make_app(secret_key="another-checkout-secret-key-42").test_client()
    other.environ_base["REMOTE_ADDR"] = random_ip()
    r = login(other, "admin", ADMIN_PASSWORD)
    assert r.status_code == 503, r.json
    assert r.json["error"]["code"] == "SIGNING_KEY_UNAVAILABLE"
    assert "GATEWAY_SECRET_KEY differs" in r.json["error"]["message"] and "rotate-keys" in r.json["error"]["message"]
    ready = other.get("/readyz")
    assert ready.status_code == 503 and "GATEWAY_SECRET_KEY differs" in ready.json["error"]["message"]
    health = other.get("/api/health")
    assert health.status_code == 503 and health.json["error"]["details"]["gateway"] == "not_ready"
    assert "GATEWAY_SECRET_KEY differs" in health.json["error"]["details"]["gateway_error"]
    # The right key: ready, and the same login works.
    right = app.test_client()
    assert right.get("/readyz").status_code == 200
    assert right.get("/readyz").json["data"]["checks"]["signing_key"] == "ok"


def test_dev_defaults_warned_at_start_and_refused_in_production(caplog, monkeypatch):
    """Every service's `web`/`worker` (ServiceCli) warns about published development values."""
    import dataclasses

    from fibreflow_shared import cli as shared_cli
    from gateway.cli import CLI

    quiet = dataclasses.replace(CLI, worker=lambda s: {}, before_start=None)  # nothing to run
    monkeypatch.setattr(shared_cli, "configure_logging", lambda *a, **k: None)
    monkeypatch.setenv("DATABASE_URL", "postgresql://x@127.0.0.1:1/x")
    monkeypatch.delenv("GATEWAY_SECRET_KEY", raising=False)
    monkeypatch.delenv("FIBREFLOW_ENV", raising=False)
    with caplog.at_level(logging.WARNING, logger="fibreflow_shared.cli"):
        assert quiet.run(["worker"]) == 0
    assert any("GATEWAY_SECRET_KEY is the published development default" in r.getMessage() for r in caplog.records)
    caplog.clear()
    monkeypatch.setenv("GATEWAY_SECRET_KEY", "s" * 32)
    with caplog.at_level(logging.WARNING, logger="fibreflow_shared.cli"):
        assert quiet.run(["worker"]) == 0
    assert not any("GATEWAY_SECRET_KEY is the published" in r.getMessage() for r in caplog.records)
    with pytest.raises(SettingsError, match="GATEWAY_SECRET_KEY"):
        config.load({"DATABASE_URL": "x", "FIBREFLOW_ENV": "production",
                     "GATEWAY_SECRET_KEY": config._DEV_SECRET})
    # The generic rule (fibreflow_shared.settings): a dev_default given explicitly is refused too.
    with pytest.raises(SettingsError, match="GATEWAY_SECRET_KEY is set to the published development value"):
        config.load({"DATABASE_URL": "x", "FIBREFLOW_ENV": "production", "GATEWAY_SECRET_KEY": ""})
