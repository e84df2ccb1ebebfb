"""Domain exceptions: plain Python, translated to HTTP errors by the entrypoints."""
from __future__ import annotations


class DomainError(Exception):
    """Base class for rule violations the caller can act on."""


class InvalidCredentials(DomainError):
    """Unknown username or wrong password (deliberately indistinguishable)."""


class AccountDisabled(DomainError):
    """The user exists but is not active."""


class LoginLocked(DomainError):
    """Too many failed logins for this username or client address."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many failed login attempts; retry in {retry_after}s")
        self.retry_after = retry_after


class InvalidRefreshToken(DomainError):
    """Unknown, expired, revoked or reused refresh token."""


class UserNotFound(DomainError):
    pass


class DuplicateUsername(DomainError):
    pass


class WeakPassword(DomainError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class LastAdmin(DomainError):
    """The change would leave no active admin."""


class InvalidPhone(DomainError):
    """A phone number that cannot be normalised to E.164."""
