"""The gateway's Flask app factory.

Not ``create_service_app``: the gateway's readiness is its own database only (it consumes no
events), its verifier reads its own key store, and the reverse proxy wraps the Flask app.
"""
from __future__ import annotations

from typing import Any

from flask import Flask, Response, request
from flask_smorest import Api
from werkzeug.middleware.proxy_fix import ProxyFix

from fibreflow_shared.errors import NotFound
from fibreflow_shared.health import database_check
from fibreflow_shared.web import create_base_app
from fibreflow_shared.web.app import error_response
from gateway import config
from gateway.adapters.keystore import KeyDecryptionError
from gateway.bootstrap import Container, bootstrap, signing_key_problem
from gateway.config import SERVICE, GatewaySettings
from gateway.entrypoints import aggregate, auth_api, docs_ui, edge, integrators_api, proxy, security, users_api

DOCS_PATHS = ("/api/docs", "/openapi.json")

TITLE = "FibreFlow API"
DESCRIPTION = ("FibreFlow public API gateway: authentication, users, and routing to the services. "
               "All responses use the FibreFlow envelope.")


def register_blueprints(api: Api) -> None:
    """The gateway's own documented endpoints (also what `fibreflow-gateway openapi` prints)."""
    for blp in (auth_api.blp, auth_api.jwks_blp, users_api.blp, integrators_api.keys_blp, integrators_api.audit_blp,
                aggregate.blp, docs_ui.blp):
        api.register_blueprint(blp)


def openapi_document() -> dict[str, Any]:
    """The gateway's own OpenAPI document as served at /openapi.json, built without a database."""
    _app, api = create_base_app(SERVICE, title=TITLE, description=DESCRIPTION)
    register_blueprints(api)
    return api.document()  # type: ignore[attr-defined]  # FibreflowApi: finish_document applied


def create_app(settings: GatewaySettings | None = None, *, container: Container | None = None) -> Flask:
    """Build the gateway app from ``settings`` (default: the environment) or a ready ``container``."""
    if settings is None:
        settings = container.settings if container is not None else config.load()
    container = container or bootstrap(settings)
    app, api = create_base_app(
        SERVICE, title=TITLE, max_body_bytes=settings.max_body_bytes, verifier=container.verifier,
        jwt_issuer=settings.jwt_issuer, jwt_audience=settings.jwt_audience,
        readiness={"database": database_check(container.engine), "signing_key": container.deps.keys.signing_key},
        description=DESCRIPTION)
    app.extensions["container"] = container
    security.register(app)
    register_blueprints(api)
    docs_ui.register_assets(app)
    register_key_problem(app, container)
    if not settings.docs_public:
        app.before_request(_hide_docs)
    # The routed /api paths never reach Flask: the proxy answers them in front of it (and applies
    # CORS to every /api path). They are documented by the services' own specs (/api/docs).
    # The edge guard sits in front of both: security headers, /metrics screen, body deadlines.
    app.wsgi_app = edge.EdgeGuard(proxy.ApiProxy(app.wsgi_app, container), settings)  # type: ignore[method-assign]
    if settings.trusted_proxy_hops:
        hops = settings.trusted_proxy_hops
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    return app


def _hide_docs() -> None:
    """PUBLIC_API_DOCS=false: the API reference does not exist for callers (404, like any unknown path)."""
    if request.path.startswith(DOCS_PATHS):
        raise NotFound("Not found")


def register_key_problem(app: Flask, container: Container) -> None:
    """A GATEWAY_SECRET_KEY that cannot decrypt the stored signing keys: login and refresh answer
    503 naming the fix (not an opaque 500), and /readyz is not ready with the same message."""

    def key_unavailable(exc: KeyDecryptionError) -> Response:
        return error_response(503, "SIGNING_KEY_UNAVAILABLE", str(exc))

    app.register_error_handler(KeyDecryptionError, key_unavailable)
    plain_readyz = app.view_functions["readyz"]

    def readyz() -> object:
        try:
            problem = signing_key_problem(container.deps.keys)
        except Exception:  # noqa: BLE001 - database down, no key yet: the plain checks report it
            problem = None
        if problem:
            return error_response(503, "NOT_READY", problem,
                                  {"checks": {"database": "ok", "signing_key": "error: KeyDecryptionError"}})
        return plain_readyz()

    app.view_functions["readyz"] = readyz
