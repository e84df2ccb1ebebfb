"""qcontact-sync's exceptions, as kinds of the kit's domain errors (fibreflow_shared.errors)."""
from __future__ import annotations

from fibreflow_shared.errors import ConflictError, InvalidRequest, NotFoundError, RuleViolation, Unavailable


class CaseNotFound(NotFoundError):
    """No QContact case with that id is mirrored here."""


class TicketNotFound(NotFoundError):
    """No FT ticket with that id or UID is known to qcontact-sync."""


class FailureNotFound(NotFoundError):
    """No sync failure with that id."""


class FailureNotRetryable(RuleViolation):
    """The failure is already resolved."""


class WebhookReplayed(ConflictError):
    """This webhook was accepted before (replay refused)."""

    code = "WEBHOOK_REPLAYED"


class InvalidCase(InvalidRequest):
    """QContact answered with a case we cannot read (missing id, bad timestamp, unknown status)."""


class QContactUnavailable(Unavailable):
    """QContact is unreachable or keeps failing (timeouts, 5xx, 429 beyond the retries)."""


class QContactRejected(RuleViolation):
    """QContact refused the call (4xx other than 401/429), or a write did not take."""


class NotifyUnavailable(Unavailable):
    """No Fibertime webhook URL is configured, so no message can be sent to the client."""
