"""The notifications service's exceptions, each a kind of ``fibreflow_shared.errors``.

The shared app maps the kinds to HTTP (``DOMAIN_HTTP``); the message a client reads is the
exception's message, so it is set where the exception is raised or below.
"""
from __future__ import annotations

from fibreflow_shared.errors import ConflictError, InvalidRequest, NotFoundError


class NotificationNotFound(NotFoundError):
    """No such notification."""

    def __init__(self, message: str = "No such notification") -> None:
        super().__init__(message)


class TemplateNotFound(NotFoundError):
    """The key names no template (``<rule>.<channel>``)."""

    def __init__(self, key: str) -> None:
        super().__init__(f"No template {key}")
        self.key = key


class NotRetryable(ConflictError):
    """Only a failed notification can be queued again."""

    def __init__(self) -> None:
        super().__init__("Only failed notifications can be retried")


class TemplateRenderError(InvalidRequest):
    """A template that does not compile or render with the given context.

    ``str(exc)`` is the reason (what Jinja2 said); the API answers 400 "Template does not render"
    with the reason under ``details.body``."""

    def __init__(self, reason: str) -> None:
        super().__init__("Template does not render", details={"body": [reason]})
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


class IncompleteCallback(InvalidRequest):
    """A provider status callback without the message id or its status."""

    def __init__(self) -> None:
        super().__init__("MessageSid and MessageStatus are required")
