"""Billing's exceptions, as kinds of the kit's domain errors (``fibreflow_shared.errors``).

The shared app maps each kind to its status once (``DOMAIN_HTTP``); the message a client sees
is the exception's message, so the ones clients already knew are kept here.
"""
from __future__ import annotations

from fibreflow_shared.errors import ConflictError, NotFoundError, RuleViolation


class RecordNotFound(NotFoundError):
    """No such client, contract, guarantee or fee (404 "Not found", as it always answered)."""

    def __init__(self, what: str = "") -> None:
        super().__init__("Not found")
        self.what = what


class TicketNotFound(NotFoundError):
    """Billing has not seen a ticket of that UUID or UID (its events have not arrived)."""

    def __init__(self, ticket: str = "") -> None:
        super().__init__("Billing has no record of that ticket")
        self.ticket = ticket


class BillingConflict(ConflictError):
    """A request that conflicts with existing state: a duplicate, an overlap, already invoiced (409)."""


class BillingRuleError(RuleViolation):
    """A request that breaks a billing rule (422)."""


class WebhookReplayed(ConflictError):
    """A signed webhook whose id was accepted before (an exact replay): 409 ``WEBHOOK_REPLAYED``."""

    code = "WEBHOOK_REPLAYED"  # the code clients already see

    def __init__(self, webhook_id: str = "") -> None:
        super().__init__("Webhook already processed")
        self.webhook_id = webhook_id
