"""The Flask app every service is: envelope errors, request ids, JSON logs, metrics, health, OpenAPI.

A service's ``entrypoints/http.py`` calls ``create_service_app`` with its settings, container and
blueprint factories; that is the whole app factory. ``create_base_app`` is the lower level the
gateway uses (its proxy wraps the Flask app). Domain errors (``fibreflow_shared.errors.DomainError``
kinds) map to statuses here, once. OpenAPI is served at ``/openapi.json``, finished by
``fibreflow_shared.web.openapi.finish_document``.
"""
from __future__ import annotations

import logging
import time
from typing import Any, Callable, Iterable, Protocol

from flask import Flask, Response, g, jsonify, request
import marshmallow as ma
from flask_smorest import Api
from werkzeug.exceptions import HTTPException

from fibreflow_shared import context, metrics
from fibreflow_shared.auth import JwksKeySource, TokenVerifier
from fibreflow_shared.errors import ApiError, DomainError, error_body, http_status_of
from fibreflow_shared.health import broker_check, database_check, keys_readiness
from fibreflow_shared.sanitise import screen_request
from fibreflow_shared.web.deprecation import add_deprecation_headers
from fibreflow_shared.web.openapi import finish_document

log = logging.getLogger(__name__)

ReadinessCheck = Callable[[], None]


class ErrorDetailSchema(ma.Schema):
    code = ma.fields.String(required=True, metadata={"example": "VALIDATION_ERROR"})
    message = ma.fields.String(required=True)
    details = ma.fields.Raw(metadata={"description": "Field errors or other structured detail"})
    request_id = ma.fields.String()


class ErrorEnvelopeSchema(ma.Schema):
    """The error envelope of ARCHITECTURE.md."""

    success = ma.fields.Boolean(required=True, metadata={"example": False})
    error = ma.fields.Nested(ErrorDetailSchema, required=True)


class FibreflowApi(Api):
    """flask-smorest Api documenting our error envelope instead of its default."""

    ERROR_SCHEMA = ErrorEnvelopeSchema

    def document(self) -> dict[str, Any]:
        """The OpenAPI document as served (conventions of contracts/README.md applied)."""
        return finish_document(self.spec.to_dict())

    def _openapi_json(self) -> Response:
        import flask

        return flask.current_app.response_class(flask.json.dumps(self.document(), indent=2, sort_keys=False),
                                                mimetype="application/json")

_HTTP_CODES = {
    400: "BAD_REQUEST", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED", 406: "NOT_ACCEPTABLE", 409: "CONFLICT", 413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE", 422: "BUSINESS_RULE_VIOLATION", 429: "RATE_LIMITED",
    503: "SERVICE_UNAVAILABLE", 504: "GATEWAY_TIMEOUT",
}
_UNINSTRUMENTED = {"/metrics", "/healthz", "/readyz"}


def error_response(status: int, code: str, message: str, details: Any = None,
                   headers: dict[str, str] | None = None) -> Response:
    """A JSON error envelope response carrying the request id."""
    resp = jsonify(error_body(code, message, details, context.get_request_id()))
    resp.status_code = status
    for key, value in (headers or {}).items():
        resp.headers[key] = value
    return resp


def _handle_api_error(exc: ApiError) -> Response:
    return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)


def _handle_domain_error(exc: DomainError) -> Response:
    status, code = http_status_of(exc)
    return error_response(status, code, exc.message, exc.details, exc.headers)


def _handle_http_exception(exc: HTTPException) -> Response:
    status = exc.code or 500
    data = getattr(exc, "data", None) or {}
    messages = data.get("messages")
    if messages is not None:
        # webargs/marshmallow validation: flask-smorest aborts 422; our contract says 400.
        details = messages.get("json", messages) if isinstance(messages, dict) else messages
        if isinstance(details, dict) and set(details) <= {"json", "query", "form", "files", "headers", "path"} \
                and len(details) == 1:
            details = next(iter(details.values()))
        return error_response(400, "VALIDATION_ERROR", "Request validation failed", details)
    if status == 413:
        return error_response(413, "PAYLOAD_TOO_LARGE", "Request body too large")
    headers = {k: v for k, v in exc.get_headers() if k == "Allow"} if status == 405 else None
    return error_response(status, _HTTP_CODES.get(status, "HTTP_ERROR"), exc.description or exc.name, None, headers)


def _handle_unexpected(exc: Exception) -> Response:
    log.exception("unhandled error", extra={"path": request.path, "method": request.method})
    return error_response(500, "INTERNAL_ERROR", "Unexpected server error; quote the request id when reporting it")


def _before() -> None:
    request_id = context.clean_header_id(request.headers.get(context.REQUEST_ID_HEADER)) or context.new_id()
    correlation_id = context.clean_header_id(request.headers.get(context.CORRELATION_ID_HEADER)) or request_id
    context.set_ids(request_id, correlation_id)
    g.started_at = time.perf_counter()


def _after_factory(service: str) -> Callable[[Response], Response]:
    def _after(response: Response) -> Response:
        # No answer of ours is to be sniffed into another type (a JSON error rendered as HTML).
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        request_id = context.get_request_id()
        if request_id:
            response.headers[context.REQUEST_ID_HEADER] = request_id
            response.headers[context.CORRELATION_ID_HEADER] = context.get_correlation_id() or request_id
        started = g.get("started_at")
        if started is not None and request.path not in _UNINSTRUMENTED:
            route = request.url_rule.rule if request.url_rule is not None else "<unmatched>"
            metrics.HTTP_LATENCY.labels(service, request.method, route, str(response.status_code)).observe(
                time.perf_counter() - started)
        return response

    return _after


def register_health(app: Flask, checks: dict[str, ReadinessCheck]) -> None:
    """Add /healthz (alive), /readyz (dependencies reachable) and /metrics."""

    @app.get("/healthz")
    def healthz() -> Any:
        return jsonify({"success": True, "data": {"status": "ok"}})

    @app.get("/readyz")
    def readyz() -> Any:
        results: dict[str, str] = {}
        ready = True
        for name, check in checks.items():
            try:
                check()
                results[name] = "ok"
            except Exception as exc:  # noqa: BLE001 - any failure means not ready
                ready = False
                results[name] = f"error: {type(exc).__name__}"
        if ready:
            return jsonify({"success": True, "data": {"status": "ready", "checks": results}})
        return error_response(503, "NOT_READY", "A dependency is unreachable", {"checks": results})

    @app.get("/metrics")
    def metrics_view() -> Any:
        body, content_type = metrics.render_latest()
        return Response(body, mimetype=content_type.split(";")[0], content_type=content_type)


def create_base_app(service: str, *, title: str, version: str = "1.0.0", max_body_bytes: int = 1_048_576,
                    verifier: TokenVerifier | None = None, jwks_url: str | None = None,
                    jwt_issuer: str = "fibreflow-gateway", jwt_audience: str = "fibreflow",
                    readiness: dict[str, ReadinessCheck] | None = None,
                    description: str = "") -> tuple[Flask, Api]:
    """Build the Flask app every service starts from (no blueprints of its own yet)."""
    app = Flask(service)
    app.config.update(
        API_TITLE=title,
        API_VERSION=version,
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        MAX_CONTENT_LENGTH=max_body_bytes,
        JSON_SORT_KEYS=False,
        API_SPEC_OPTIONS={
            "info": {"description": description or f"{title}. All responses use the FibreFlow envelope."},
            "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer",
                                                              "bearerFormat": "JWT"}}},
            "security": [{"bearerAuth": []}],
        },
    )
    app.json.sort_keys = False  # type: ignore[attr-defined]
    api = FibreflowApi(app)
    # flask-smorest answers validation errors with 422; we answer 400 (ARCHITECTURE.md).
    app.register_error_handler(ApiError, _handle_api_error)
    app.register_error_handler(DomainError, _handle_domain_error)
    app.register_error_handler(HTTPException, _handle_http_exception)
    app.register_error_handler(Exception, _handle_unexpected)
    app.before_request(_before)
    # NUL, lone surrogates and too-deep JSON refused (400) before any view or webargs parses them.
    app.before_request(screen_request)
    app.after_request(_after_factory(service))
    app.after_request(add_deprecation_headers)
    if verifier is None and jwks_url:
        verifier = TokenVerifier(JwksKeySource(jwks_url), issuer=jwt_issuer, audience=jwt_audience)
    if verifier is not None:
        app.extensions["fibreflow_verifier"] = verifier
    register_health(app, {**(readiness or {}), **keys_readiness(verifier)})  # keys: fetched at start-up
    app.extensions["fibreflow_api"] = api
    return app, api


class ServiceContainerLike(Protocol):
    """What ``create_service_app`` needs of a service's container."""

    engine: Any


BlueprintFactory = Callable[[Any], Any]  # container → flask_smorest.Blueprint


def create_service_app(service: str, settings: Any, container: ServiceContainerLike, *, title: str,
                       blueprints: Iterable[BlueprintFactory], verifier: TokenVerifier | None = None,
                       description: str = "", configure: Callable[[Flask], None] | None = None) -> Flask:
    """A service's whole Flask app: the base app, readiness on its database and the broker, its
    blueprints (each built from the container) and the container in ``app.extensions``."""
    app, api = create_base_app(
        service, title=title, description=description, max_body_bytes=settings.max_body_bytes,
        verifier=verifier, jwks_url=settings.jwks_url, jwt_issuer=settings.jwt_issuer,
        jwt_audience=settings.jwt_audience,
        readiness={"database": database_check(container.engine), "broker": broker_check(settings.broker_url)},
    )
    if configure is not None:
        configure(app)
    for make_blueprint in blueprints:
        api.register_blueprint(make_blueprint(container))
    app.extensions["container"] = container
    app.extensions["fibreflow_api"] = api
    return app


def openapi_document(app: Flask) -> dict[str, Any]:
    """The OpenAPI document an app serves at /openapi.json."""
    api = app.extensions.get("fibreflow_api")
    if api is not None:
        return api.document()
    resp = app.test_client().get("/openapi.json")
    return resp.get_json()
