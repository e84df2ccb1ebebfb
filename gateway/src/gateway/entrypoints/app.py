"""The gateway's Flask app factory."""
from __future__ import annotations

import dataclasses
from typing import Any

from flask import Flask
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
    security.register(app)
    register_blueprints(api)
    # The routed /api paths never reach Flask: the proxy answers them in front of it (and applies
    # CORS to every /api path). They are documented by the services' own specs (/api/docs).
    app.wsgi_app = proxy.ApiProxy(app.wsgi_app, container)  # type: ignore[method-assign]
    if settings.trusted_proxy_hops:
        hops = settings.trusted_proxy_hops
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    return app
