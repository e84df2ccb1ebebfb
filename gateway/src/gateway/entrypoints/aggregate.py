"""/api/health (every service's readiness) and /api/docs (one merged OpenAPI document)."""
from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

import urllib3
from urllib3.exceptions import HTTPError
from flask import current_app, jsonify
from flask.views import MethodView
from flask_smorest import Blueprint

from fibreflow_shared.db import ping
from fibreflow_shared.envelope import ok
from fibreflow_shared.web.app import error_response
from gateway.adapters.upstreams import Upstream
from gateway.bootstrap import signing_key_problem
from gateway.domain import routes
from gateway.entrypoints.openapi_merge import merge
from gateway.entrypoints.security import container

blp = Blueprint("platform", __name__, url_prefix="/api", description="Platform health and documentation")


def _fan_out(fn: Callable[[Upstream], Any]) -> dict[str, Any]:
    configured = [u for u in container().upstreams.values() if u.configured]
    if not configured:
        return {}
    with ThreadPoolExecutor(max_workers=len(configured), thread_name_prefix="fanout") as pool:
        futures = {u.name: pool.submit(fn, u) for u in configured}
        return {name: future.result() for name, future in futures.items()}


def _get(upstream: Upstream, path: str, timeout: float) -> urllib3.BaseHTTPResponse:
    assert upstream.pool is not None  # only configured upstreams are asked
    return upstream.pool.request("GET", upstream.base_path + path, timeout=timeout, retries=False, redirect=False)


def _readiness(upstream: Upstream, timeout: float) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        resp = _get(upstream, "/readyz", timeout)
        status = "ready" if resp.status == 200 else "not_ready"
        result: dict[str, Any] = {"status": status, "http_status": resp.status}
    except (HTTPError, OSError) as exc:
        result = {"status": "down", "error": type(exc).__name__}
    result["latency_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


@blp.route("/health")
class Health(MethodView):
    @blp.doc(security=[], responses={
        "200": {"description": "The gateway and every deployed service are ready"},
        "503": {"description": "Something is not ready; `error.details` has the same report",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorEnvelope"}}}}})
    def get(self) -> Any:
        """Readiness of the gateway and every deployed service (503 when any is not ready)."""
        c = container()
        services: dict[str, Any] = {name: {"status": "not_configured"} for name, u in c.upstreams.items()
                                    if not u.configured}
        services.update(_fan_out(lambda u: _readiness(u, c.settings.health_timeout)))
        problem: str | None = None
        try:
            ping(c.engine)
            problem = signing_key_problem(c.deps.keys)
            gateway_status = "not_ready" if problem else "ready"
        except Exception:  # noqa: BLE001 - any DB failure means the gateway is not ready
            gateway_status = "down"
        healthy = gateway_status == "ready" and all(s["status"] in ("ready", "not_configured")
                                                    for s in services.values())
        data: dict[str, Any] = {"status": "ok" if healthy else "degraded", "gateway": gateway_status,
                                "services": dict(sorted(services.items()))}
        if healthy:
            return ok(data)
        if problem:  # a wrong GATEWAY_SECRET_KEY: every login fails, so say how to fix it
            data["gateway_error"] = problem
            return error_response(503, "SERVICE_UNAVAILABLE", f"The gateway cannot sign tokens: {problem}", data)
        return error_response(503, "SERVICE_UNAVAILABLE", "One or more services are not ready", data)


def _fetch_spec(upstream: Upstream, timeout: float) -> dict[str, Any] | None:
    try:
        resp = _get(upstream, "/openapi.json", timeout)
        if resp.status == 200:
            spec = json.loads(resp.data)
            return spec if isinstance(spec, dict) else None
    except (HTTPError, OSError, ValueError):
        pass
    return None


@blp.route("/docs")
class Docs(MethodView):
    @blp.doc(security=[], responses={"200": {"description": "An OpenAPI 3.0 document",
                                             "content": {"application/json": {"schema": {"type": "object"}}}}})
    def get(self) -> Any:
        """The whole public API: the gateway's own spec merged with every reachable service's.

        Returned as a plain OpenAPI document (not enveloped) so Swagger UI can load it (the
        reference page is /api/docs/ui); ``x-fibreflow-services.missing`` lists services that are
        down or not deployed.
        """
        c = container()
        fetched = _fan_out(lambda u: _fetch_spec(u, c.settings.health_timeout))
        specs = {name: spec for name, spec in fetched.items() if spec is not None}
        missing = [name for name in c.upstreams if name not in specs]
        base = current_app.extensions["fibreflow_api"].document()
        return jsonify(merge(base, specs, owner_of=routes.owner_of, missing=missing))
