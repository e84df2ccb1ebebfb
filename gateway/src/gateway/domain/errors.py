"""The gateway's exceptions, as kinds of the kit's domain errors (fibreflow_shared.errors).

The message and details a client sees are set here, once. ``code`` (the kit's) names the machine
code where it is more specific than the kind's (``DUPLICATE_USERNAME`` rather than ``CONFLICT``).
"""
from __future__ import annotations

from fibreflow_shared.errors import (ConflictError, DomainError, InvalidRequest, NotFoundError, PermissionDenied,
                                     RuleViolation, Unauthenticated)
from fibreflow_shared.errors import Throttled as ThrottledKind


class GatewayError(DomainError):
    """Any refusal of the gateway's own use cases."""


class AuthenticationFailed(GatewayError, Unauthenticated):
    """The caller could not be authenticated (answered with 401)."""


class Throttled(GatewayError, ThrottledKind):
    """Too many attempts; ``retry_after`` seconds until the next one is accepted (429, ``Retry-After``)."""

    def __init__(self, message: str, retry_after: int) -> None:
        ThrottledKind.__init__(self, message, retry_after)


class InvalidCredentials(AuthenticationFailed):
    """Unknown username or wrong password (deliberately indistinguishable)."""

    code = "INVALID_CREDENTIALS"

    def __init__(self) -> None:
        super().__init__("Invalid username or password")


class AccountDisabled(AuthenticationFailed):
    """The user exists but is not active."""

    code = "ACCOUNT_DISABLED"

    def __init__(self) -> None:
        super().__init__("This account is disabled")


class InvalidRefreshToken(AuthenticationFailed):
    """Unknown, expired, revoked or reused refresh token."""

    code = "INVALID_REFRESH_TOKEN"

    def __init__(self) -> None:
        super().__init__("Refresh token is invalid, expired or revoked")


class LoginLocked(Throttled):
    """Too many failed logins for this username or client address."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many failed login attempts; retry in {retry_after}s", retry_after)


class UserNotFound(GatewayError, NotFoundError):
    """No user with this id."""

    def __init__(self, user_id: str = "") -> None:
        super().__init__("User not found")
        self.user_id = user_id


class UserListDenied(GatewayError, PermissionDenied):
    """Only admins list users; team leads may look up assignable users by role."""

    def __init__(self) -> None:
        super().__init__("Requires the admin role (team leads: filter by roles)")


class DuplicateUsername(GatewayError, ConflictError):
    """The username is taken (compared case-insensitively)."""

    code = "DUPLICATE_USERNAME"

    def __init__(self, username: str) -> None:
        super().__init__(f"Username {username} is already taken", details={"username": ["already taken"]})
        self.username = username


class WeakPassword(GatewayError, InvalidRequest):
    """The password breaks the policy (gateway.domain.passwords)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("Password does not meet the policy", details={"password": problems})
        self.problems = problems


class LastAdmin(GatewayError, RuleViolation):
    """The change would leave no active admin."""

    code = "LAST_ADMIN"

    def __init__(self) -> None:
        super().__init__("At least one active admin must remain")


class InvalidPhone(GatewayError, InvalidRequest):
    """A phone number that cannot be normalised to E.164."""

    def __init__(self, reason: str) -> None:
        super().__init__("Phone number is not valid", details={"phone": [reason]})


class ApiKeyNotFound(GatewayError, NotFoundError):
    """No API key has this id."""

    code = "API_KEY_NOT_FOUND"

    def __init__(self, key_id: str) -> None:
        super().__init__(f"API key {key_id} not found", details={"id": key_id})


class ApiKeyNotUsable(GatewayError, RuleViolation):
    """A revoked or expired key cannot be rotated (create a new one)."""

    code = "API_KEY_NOT_USABLE"

    def __init__(self, key_id: str, why: str) -> None:
        super().__init__(f"API key {key_id} is {why}", details={"id": key_id, "state": why})


class InvalidApiKeyRequest(GatewayError, InvalidRequest):
    """An expiry outside the allowed range, or an unknown scope."""

    code = "INVALID_API_KEY_REQUEST"
