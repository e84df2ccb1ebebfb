"""email-intake's exceptions, each a kind of ``fibreflow_shared.errors`` (the shared app maps them)."""
from __future__ import annotations

from fibreflow_shared.errors import (
    ConflictError,
    InvalidRequest,
    NotFoundError,
    PayloadTooLarge,
    PermissionDenied,
)


class EmailNotFound(NotFoundError):
    """No such email."""

    def __init__(self, message: str = "No such email") -> None:
        super().__init__(message)


class NotInReview(ConflictError):
    """Only an email waiting in the review queue can be approved or rejected."""

    code = "NOT_IN_REVIEW"

    def __init__(self, status: str) -> None:
        super().__init__(f"The email is not waiting for review (it is {status})")


class WebhookUnauthenticated(PermissionDenied):
    """The webhook did not prove it comes from the configured provider."""

    code = "INVALID_SIGNATURE"


class WebhookReplayed(ConflictError):
    """A signed webhook token seen before (replay)."""

    code = "WEBHOOK_REPLAYED"

    def __init__(self) -> None:
        super().__init__("This webhook token was already used")


class BadInboundMessage(InvalidRequest):
    """The inbound request carries no message we can store."""


class MessageTooLarge(PayloadTooLarge):
    """The message is larger than the configured maximum."""
