"""Refusals of the outbound-webhook use cases, as kinds of ``fibreflow_shared.errors``."""
from __future__ import annotations

from fibreflow_shared.errors import InvalidRequest, NotFoundError, RuleViolation


class SubscriptionNotFound(NotFoundError):
    code = "WEBHOOK_NOT_FOUND"

    def __init__(self, subscription_id: str) -> None:
        super().__init__(f"No webhook subscription {subscription_id}", details={"id": subscription_id})


class DeliveryNotFound(NotFoundError):
    code = "WEBHOOK_DELIVERY_NOT_FOUND"

    def __init__(self, delivery_id: str) -> None:
        super().__init__(f"No delivery {delivery_id} of this subscription", details={"id": delivery_id})


class InvalidSubscription(InvalidRequest):
    """A URL we may not call, an unknown event type, a malformed secret (400, ``details`` per field)."""

    code = "INVALID_WEBHOOK"


class SubscriptionInactive(RuleViolation):
    code = "WEBHOOK_INACTIVE"

    def __init__(self, subscription_id: str) -> None:
        super().__init__("The subscription is not active; activate it first", details={"id": subscription_id})
