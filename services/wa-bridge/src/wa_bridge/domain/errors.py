"""wa-bridge's exceptions, each a kind of ``fibreflow_shared.errors`` (the shared app maps them to HTTP)."""
from __future__ import annotations

from typing import Any

from fibreflow_shared.errors import (ConflictError, InvalidRequest, NotFoundError, PayloadTooLarge,
                                     RuleViolation, Unavailable)


class MessageNotFound(NotFoundError):
    def __init__(self, message: str = "No such WhatsApp message") -> None:
        super().__init__(message)


class ChatNotFound(NotFoundError):
    def __init__(self, message: str = "No such WhatsApp chat") -> None:
        super().__init__(message)


class SessionNotFound(NotFoundError):
    def __init__(self, name: str) -> None:
        super().__init__(f"No WhatsApp session {name}")


class MediaTooLarge(PayloadTooLarge):
    """WhatsApp refuses media over 16 MB: checked before anything is stored or uploaded."""

    code = "MEDIA_TOO_LARGE"

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"Media is {size} bytes; WhatsApp accepts at most {limit} bytes (16 MB)",
                         details={"media": [f"At most {limit} bytes."]})


class NoRoute(RuleViolation):
    """Neither a chat nor a ticket route names where the message should go."""

    code = "NO_CHAT_FOR_TICKET"


class SessionNotReady(RuleViolation):
    """WAHA answers 422 when the session is not in the state the call needs (e.g. QR before SCAN_QR_CODE)."""

    code = "SESSION_NOT_READY"


class AlreadyAttached(ConflictError):
    def __init__(self) -> None:
        super().__init__("The message is already linked to a ticket")


class BadWebhook(InvalidRequest):
    def __init__(self, message: str, details: Any = None) -> None:
        super().__init__(message, details)


class WahaUnavailable(Unavailable):
    def __init__(self, message: str = "WAHA is unreachable; try again later") -> None:
        super().__init__(message)


class TicketNotFound(NotFoundError):
    def __init__(self, uid: str) -> None:
        super().__init__(f"No ticket {uid} is known to wa-bridge")
