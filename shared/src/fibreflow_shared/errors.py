"""Errors that map onto the ARCHITECTURE.md error envelope.

Two families, one map between them:
- ``DomainError`` and its kinds (``NotFoundError``, ``ConflictError``, ``RuleViolation``, …) are
  plain exceptions with no HTTP in them. Each service declares its own exceptions in its
  ``domain/errors.py`` as subclasses of these kinds.
- ``ApiError`` carries an HTTP status; entrypoints raise it for things only HTTP knows about.

``DOMAIN_HTTP`` is the only place that says which status and code a domain kind answers with;
the shared app factory registers it, so no service maps errors itself.
"""
from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An error with an HTTP status, a stable machine code and optional details."""

    status: int = 400
    code: str = "BAD_REQUEST"

    def __init__(self, message: str, *, code: str | None = None, status: int | None = None,
                 details: Any = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        if status:
            self.status = status
        self.details = details
        self.headers = headers or {}


class ValidationFailed(ApiError):
    status, code = 400, "VALIDATION_ERROR"


class Unauthorized(ApiError):
    status, code = 401, "UNAUTHORIZED"


class Forbidden(ApiError):
    status, code = 403, "FORBIDDEN"


class NotFound(ApiError):
    status, code = 404, "NOT_FOUND"


class Conflict(ApiError):
    status, code = 409, "CONFLICT"


class BusinessRuleViolation(ApiError):
    status, code = 422, "BUSINESS_RULE_VIOLATION"


class TooManyRequests(ApiError):
    status, code = 429, "RATE_LIMITED"


class ServiceUnavailable(ApiError):
    status, code = 503, "SERVICE_UNAVAILABLE"


class GatewayTimeout(ApiError):
    status, code = 504, "GATEWAY_TIMEOUT"


def error_body(code: str, message: str, details: Any = None, request_id: str | None = None) -> dict[str, Any]:
    """The JSON body of an error response."""
    error: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        error["details"] = details
    if request_id:
        error["request_id"] = request_id
    return {"success": False, "error": error}


# -- domain kinds (no HTTP here; the map below gives each its status) ----------------------------
class DomainError(Exception):
    """A rule of the domain refused the request. ``details`` is structured detail for the caller;
    a subclass may name its own stable ``code`` (e.g. ``WEBHOOK_REPLAYED``) where clients rely on it."""

    code: str | None = None

    def __init__(self, message: str = "", details: Any = None) -> None:
        super().__init__(message)
        self.message = message or self.__class__.__doc__ or self.__class__.__name__
        self.details = details

    @property
    def headers(self) -> dict[str, str]:
        """Response headers the refusal needs (``Retry-After`` for ``Throttled``)."""
        return {}


class Unauthenticated(DomainError):
    """The caller could not be authenticated (bad credentials, an invalid refresh token)."""


class Throttled(DomainError):
    """Too many attempts; the next one is accepted in ``retry_after`` seconds."""

    def __init__(self, message: str = "", retry_after: int = 1, details: Any = None) -> None:
        super().__init__(message, {"retry_after": retry_after} if details is None else details)
        self.retry_after = retry_after

    @property
    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(max(1, int(self.retry_after)))}


class InvalidRequest(DomainError):
    """The request is malformed in a way only the use case can see (a bad sort field, a bad range)."""


class PermissionDenied(DomainError):
    """The caller is authenticated but may not do this to this thing."""


class NotFoundError(DomainError):
    """The thing named does not exist (or the caller may not know that it does)."""


class ConflictError(DomainError):
    """The change collides with the current state (a duplicate, a stale version)."""


class RuleViolation(DomainError):
    """A business rule forbids the change (an invalid transition, an expired contract)."""


class PayloadTooLarge(DomainError):
    """The content is larger than the rule allows."""


class UnsupportedMedia(DomainError):
    """The content's type is not one the rule accepts."""


class Unavailable(DomainError):
    """A dependency the use case needs (storage, a provider) is unreachable; try again later."""


DOMAIN_HTTP: dict[type[DomainError], tuple[int, str]] = {
    InvalidRequest: (400, "VALIDATION_ERROR"),
    Unauthenticated: (401, "UNAUTHORIZED"),
    PermissionDenied: (403, "FORBIDDEN"),
    NotFoundError: (404, "NOT_FOUND"),
    ConflictError: (409, "CONFLICT"),
    PayloadTooLarge: (413, "PAYLOAD_TOO_LARGE"),
    UnsupportedMedia: (415, "UNSUPPORTED_MEDIA_TYPE"),
    RuleViolation: (422, "BUSINESS_RULE_VIOLATION"),
    Throttled: (429, "RATE_LIMITED"),
    Unavailable: (503, "SERVICE_UNAVAILABLE"),
}


def http_status_of(exc: DomainError) -> tuple[int, str]:
    """The status and code a domain error answers with: its nearest kind in ``DOMAIN_HTTP``
    (the exception's own ``code`` wins over the kind's)."""
    status, code = 422, "BUSINESS_RULE_VIOLATION"
    for klass in type(exc).__mro__:
        if klass in DOMAIN_HTTP:
            status, code = DOMAIN_HTTP[klass]  # type: ignore[index]
            break
    return status, exc.code or code
