"""Errors that map onto the ARCHITECTURE.md error envelope.

Domain code raises plain exceptions of its own; entrypoints translate them into these
(or register a mapping) so the HTTP layer answers with the right status and code.
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
