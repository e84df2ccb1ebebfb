"""The gateway's Flask app factory."""
from __future__ import annotations

import dataclasses
from typing import Any

from flask import Flask
from flask_cors import CORS
from flask_smorest import Api
from werkzeug.middleware.proxy_fix import ProxyFix

from fibreflow_shared.health import database_check
from fibreflow_shared.logging import configure_logging
from fibreflow_shared.web import create_base_app
from gateway import config
from gateway.bootstrap import Container, bootstrap
from gateway.config import GatewaySettings
from gateway.entrypoints import aggregate, auth_api, proxy, security, users_api


TITLE = "FibreFlow API"
DESCRIPTION = ("FibreFlow public API gateway: authentication, users, and routing to the services. "
               "All responses use the FibreFlow envelope.")


def register_blueprints(api: Api) -> None:
    """The gateway's own endpoints (also used by `fibreflow-gateway openapi`)."""
    for blp in (auth_api.blp, auth_api.jwks_blp, users_api.blp, aggregate.blp):
        api.register_blueprint(blp)


def create_app(settings: GatewaySettings | None = None, **overrides: Any) -> Flask:
    """Build the gateway app. ``overrides`` replace settings fields (tests)."""
    if settings is None:
        settings = config.load(**overrides)
    elif overrides:
        settings = dataclasses.replace(settings, **overrides)
    configure_logging(settings.service_name, settings.log_level)
    container: Container = bootstrap(settings)
    app, api = create_base_app(
        "gateway", title=TITLE, max_body_bytes=settings.max_body_bytes, verifier=container.verifier,
        jwt_issuer=settings.jwt_issuer, jwt_audience=settings.jwt_audience,
        readiness={"database": database_check(container.deps.engine)}, description=DESCRIPTION)
    app.extensions["gateway"] = container
    app.extensions["gateway_api"] = api
    if settings.trusted_proxy_hops:
        hops = settings.trusted_proxy_hops
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    security.register(app)
    register_blueprints(api)
    # Not a smorest blueprint: the catch-all is documented by the services' own specs (/api/docs).
    app.add_url_rule("/api/<path:path>", "proxy", proxy.proxy, methods=proxy.METHODS)
    if settings.cors_origins:
        CORS(app, resources={r"/api/*": {"origins": settings.cors_origins}},
             expose_headers=["X-Request-ID", "X-Correlation-ID", "Retry-After", "Content-Disposition"],
             allow_headers=["Authorization", "Content-Type", "X-Request-ID", "X-Correlation-ID", "Idempotency-Key"],
             max_age=600)
    return app
