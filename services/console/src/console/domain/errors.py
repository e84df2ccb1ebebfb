"""The console's exceptions, each a kind of ``fibreflow_shared.errors``.

The console renders them as pages (``entrypoints.errors``) rather than JSON envelopes; the kinds
keep the status a refusal answers with the same as everywhere else in the product.
"""
from __future__ import annotations

from typing import Any

from fibreflow_shared.errors import DomainError, InvalidRequest, NotFoundError, PermissionDenied, Unavailable


class NotSignedIn(PermissionDenied):
    """No live console session (none, expired, logged out): the browser is sent to the login page."""

    def __init__(self, message: str = "Please sign in") -> None:
        super().__init__(message)


class RoleRefused(PermissionDenied):
    """The page or action needs a role the signed-in user does not have."""

    def __init__(self, what: str, roles: frozenset[str] | set[str]) -> None:
        super().__init__(f"{what} is for {', '.join(sorted(roles))} only", details={"roles": sorted(roles)})
        self.what = what
        self.roles = frozenset(roles)


class CsrfRefused(PermissionDenied):
    """A form post without this session's CSRF token, or from another origin."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"This form was not sent from a FibreFlow page ({reason}); reload the page and try again")


class LoginFailed(InvalidRequest):
    """The gateway refused the username and password (or locked the account: its message says)."""


class GatewayRefused(DomainError):
    """A refusal from the gateway's API, carried as the gateway said it (status, code, message,
    details) so the page can show it; ``http_status`` picks the kind it is rendered as."""

    def __init__(self, status: int, code: str, message: str, details: Any = None) -> None:
        super().__init__(message, details=details)
        self.status = status
        self.code = code


class TicketNotFound(NotFoundError):
    def __init__(self, ref: str) -> None:
        super().__init__(f"No ticket {ref} (or it is not one you may see)")


class GatewayUnavailable(Unavailable):
    """The gateway did not answer (or answered 5xx): a page says so instead of failing."""


class InvalidView(InvalidRequest):
    """A saved view without a name, or one too many."""
