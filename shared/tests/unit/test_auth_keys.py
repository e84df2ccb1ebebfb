"""Signing keys at cold start (fetched once, single-flight, readiness until they are there) and
the gateway's published token cut-offs (sub-second, applied to cached tokens too)."""
from __future__ import annotations

import threading
import time
from typing import Any, Iterator

import pytest
from flask import Flask, jsonify
from flask.views import MethodView
from flask_smorest import Blueprint
from werkzeug.serving import make_server

from fibreflow_shared.auth import JwksKeySource, TokenVerifier, cutoff_key, issued_at_ms, require_auth
from fibreflow_shared.envelope import ok
from fibreflow_shared.errors import ServiceUnavailable, Unauthorized
from fibreflow_shared.testing.infra import free_port, wait_for
from fibreflow_shared.testing.tokens import AUDIENCE, ISSUER, TestSigner
from fibreflow_shared.web import create_base_app


class JwksServer:
    """A real HTTP JWKS endpoint that can be down (503), slow, and counts its fetches."""

    def __init__(self, signer: TestSigner) -> None:
        self.signer = signer
        self.available = True
        self.delay = 0.0
        self.cutoffs: dict[str, int] | None = None
        self.fetches = 0
        self._count_lock = threading.Lock()
        app = Flask("jwks")

        @app.get("/.well-known/jwks.json")
        def jwks() -> Any:
            with self._count_lock:
                self.fetches += 1
            time.sleep(self.delay)
            if not self.available:
                return jsonify({"error": "busy"}), 503
            doc: dict[str, Any] = self.signer.jwks()
            if self.cutoffs is not None:
                doc["token_cutoffs"] = {"refresh_seconds": 0.2, "users": dict(self.cutoffs)}
            return jsonify(doc)

        port = free_port()
        self.url = f"http://127.0.0.1:{port}/.well-known/jwks.json"
        self._server = make_server("127.0.0.1", port, app, threaded=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()


@pytest.fixture()
def jwks_server() -> Iterator[JwksServer]:
    server = JwksServer(TestSigner("cold"))
    yield server
    server.close()


def _service_app(url: str) -> Flask:
    """A service app as the kit builds it from JWKS_URL (no verifier passed in)."""
    app, api = create_base_app("demo", title="demo", jwks_url=url, jwt_issuer=ISSUER, jwt_audience=AUDIENCE)
    blp = Blueprint("things", __name__, url_prefix="/api/things")

    @blp.route("")
    class Things(MethodView):
        @require_auth()
        def get(self) -> Any:
            return ok({"things": []})

    api.register_blueprint(blp)
    return app


def _close(app: Flask) -> None:
    app.extensions["fibreflow_verifier"].keys.close()


def test_readyz_waits_for_the_keys_and_turns_ready_without_a_request(jwks_server: JwksServer) -> None:
    jwks_server.available = False
    app = _service_app(jwks_server.url)
    try:
        client = app.test_client()
        wait_for(lambda: jwks_server.fetches >= 1, timeout=5, message="a fetch at start-up")
        resp = client.get("/readyz")
        assert resp.status_code == 503
        assert resp.get_json()["error"]["details"]["checks"]["keys"].startswith("error")
        jwks_server.available = True  # no authenticated request is made: the background retry finds them
        wait_for(lambda: client.get("/readyz").status_code == 200, timeout=10, message="ready once keys are there")
        assert client.get("/readyz").get_json()["data"]["checks"]["keys"] == "ok"
    finally:
        _close(app)


def test_sixteen_concurrent_requests_at_cold_start_fetch_the_keys_once(jwks_server: JwksServer) -> None:
    jwks_server.delay = 0.5  # the gateway is busy: the fetch is slow
    app = _service_app(jwks_server.url)
    token = jwks_server.signer.token(roles=["viewer"])
    statuses: list[int] = []
    lock = threading.Lock()

    def call() -> None:
        resp = app.test_client().get("/api/things", headers={"Authorization": f"Bearer {token}"})
        with lock:
            statuses.append(resp.status_code)

    try:
        threads = [threading.Thread(target=call) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
        assert statuses == [200] * 16
        assert jwks_server.fetches == 1
    finally:
        _close(app)


def test_concurrent_cold_fetches_are_single_flight() -> None:
    signer, calls = TestSigner("sf"), []

    def slow_fetch() -> dict:
        calls.append(1)
        time.sleep(0.3)
        return signer.jwks()

    verifier = TokenVerifier(JwksKeySource(fetch=slow_fetch), issuer=ISSUER, audience=AUDIENCE)
    tokens = [signer.token(roles=["viewer"]) for _ in range(16)]
    errors: list[Exception] = []

    def verify(tok: str) -> None:
        try:
            verifier.verify(tok)
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=verify, args=(t,)) for t in tokens]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert errors == [] and len(calls) == 1


def test_a_failed_cold_fetch_is_not_repeated_by_every_request() -> None:
    calls = []

    def down() -> dict:
        calls.append(1)
        raise ConnectionError("gateway busy")

    source = JwksKeySource(fetch=down, min_refresh_seconds=60, retry_seconds=(1.0, 1.0))
    try:
        for _ in range(10):
            with pytest.raises(ServiceUnavailable, match="signing keys"):
                source.get("any")
        assert len(calls) == 1  # the background retry (start()) brings them in, not each request
    finally:
        source.close()


def test_stale_keys_are_served_while_one_refresh_runs() -> None:
    signer, calls = TestSigner("stale"), []
    release = threading.Event()

    def fetch() -> dict:
        calls.append(1)
        if len(calls) > 1:
            release.wait(5)  # the refresh hangs: callers must not wait for it
        return signer.jwks()

    source = JwksKeySource(fetch=fetch, ttl_seconds=0.05, min_refresh_seconds=0)
    assert source.get(signer.kid) is not None
    time.sleep(0.1)
    started = time.monotonic()
    for _ in range(20):
        assert source.get(signer.kid) is not None
    assert time.monotonic() - started < 1 and len(calls) == 2
    release.set()


def test_issued_at_ms_prefers_the_sub_second_claim_when_it_agrees() -> None:
    assert issued_at_ms({"iat": 1000, "iat_ms": 1_000_250}) == 1_000_250
    assert issued_at_ms({"iat": 1000}) == 1_000_000            # start of the second: the safe side
    assert issued_at_ms({"iat": 1000, "iat_ms": 5_000_000}) == 1_000_000  # disagrees: ignored
    assert issued_at_ms({"iat": 1000, "iat_ms": True}) == 1_000_000
    assert issued_at_ms({}) == 0


def _cutoff_source(signer: TestSigner, cutoffs: dict[str, int]) -> JwksKeySource:
    return JwksKeySource(fetch=lambda: {**signer.jwks(), "token_cutoffs": {"users": dict(cutoffs)}},
                         min_refresh_seconds=0)


def test_published_cut_off_refuses_tokens_issued_before_it_to_the_millisecond() -> None:
    signer = TestSigner("cut")
    sub, cut = "3f2b1c4e-0000-4000-8000-000000000001", 2_000_000_500
    verifier = TokenVerifier(_cutoff_source(signer, {cutoff_key(sub): cut}), issuer=ISSUER, audience=AUDIENCE,
                             leeway=10**9)  # old iat values: only the cut-off is under test
    before = signer.token(sub=sub, iat=2_000_000, iat_ms=2_000_000_499, exp=int(time.time()) + 60)
    after = signer.token(sub=sub, iat=2_000_000, iat_ms=2_000_000_500, exp=int(time.time()) + 60)
    seconds_only = signer.token(sub=sub, iat=2_000_000, exp=int(time.time()) + 60)
    other_user = signer.token(iat=2_000_000, iat_ms=2_000_000_000, exp=int(time.time()) + 60)
    with pytest.raises(Unauthorized) as refused:
        verifier.verify(before)
    assert refused.value.code == "TOKEN_REVOKED"
    assert verifier.verify(after).user_id == sub
    with pytest.raises(Unauthorized):
        verifier.verify(seconds_only)  # no sub-second claim: read as the start of its second
    verifier.verify(other_user)


def test_a_cached_token_is_refused_once_its_cut_off_arrives() -> None:
    signer = TestSigner("cached-cut")
    cutoffs: dict[str, int] = {}
    source = _cutoff_source(signer, cutoffs)
    verifier = TokenVerifier(source, issuer=ISSUER, audience=AUDIENCE)
    sub = "3f2b1c4e-0000-4000-8000-000000000002"
    token = signer.token(sub=sub)
    verifier.verify(token)  # now in the verified-token cache
    cutoffs[cutoff_key(sub)] = int(time.time() * 1000) + 1
    source.refresh(force=True)
    with pytest.raises(Unauthorized, match="revoked"):
        verifier.verify(token)


def test_a_document_without_cut_offs_keeps_the_last_known_list() -> None:
    signer = TestSigner("keep")
    docs = [{**signer.jwks(), "token_cutoffs": {"users": {"k": 5}}}, signer.jwks()]
    source = JwksKeySource(fetch=lambda: docs.pop(0), min_refresh_seconds=0)
    source.refresh(force=True)
    source.refresh(force=True)  # the gateway could not compute them this time
    assert source.cutoffs == {"k": 5}


def test_a_url_source_polls_for_cut_offs(jwks_server: JwksServer) -> None:
    source = JwksKeySource(jwks_server.url)
    try:
        source.start()
        wait_for(lambda: source.ready, timeout=15, message="keys")
        jwks_server.cutoffs = {"abc": 123}
        # The default poll follows the published refresh (about 5 s): allow for a loaded machine.
        wait_for(lambda: source.cutoffs == {"abc": 123}, timeout=20, message="the poll picks up cut-offs")
    finally:
        source.close()
