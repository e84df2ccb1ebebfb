"""Schemas of /api/webhooks (marshmallow; they also generate the OpenAPI document)."""
from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from fibreflow_shared.schemas import CommaList, PageArgs, envelope, list_envelope
from notifications.domain import outbound_webhooks as rules

_UUID = {"example": "6f1c2a4e-8b0d-4c3e-9a57-2d1e0f3b4c5d"}
_TIME = {"example": "2026-12-02T08:00:00+00:00"}
_TYPES_DOC = {"description": "event types, `prefix.*` or `*`; one of: " + ", ".join(rules.PUBLIC_EVENTS),
              "example": ["ticket.*", "billing.approved"]}
_SECRET_DOC = {"description": "Standard Webhooks secret `whsec_<base64 of 24-64 bytes>`; generated when absent",
               "example": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}
DELIVERY_STATUSES = ("pending", "delivered", "failed")


class SubscriptionSchema(Schema):
    id = fields.String(metadata=_UUID)
    url = fields.String(metadata={"example": "https://erp.example.com/hooks/fibreflow"})
    description = fields.String(metadata={"example": "ERP sync"})
    event_types = fields.List(fields.String(), metadata={"example": ["ticket.*"]})
    active = fields.Boolean(metadata={"example": True})
    consecutive_failures = fields.Integer(metadata={"example": 0})
    failing_since = fields.DateTime(allow_none=True, metadata=_TIME)
    disabled_at = fields.DateTime(allow_none=True, metadata=_TIME)
    disabled_reason = fields.String(allow_none=True, metadata={"example": None})
    created_at = fields.DateTime(metadata=_TIME)
    updated_at = fields.DateTime(metadata=_TIME)


class CreatedSubscriptionSchema(SubscriptionSchema):
    secret = fields.String(metadata={"description": "shown in this answer only", **_SECRET_DOC})


class SubscriptionCreateSchema(Schema):
    url = fields.Url(required=True, schemes={"http", "https"}, require_tld=False, validate=validate.Length(max=2000),
                     metadata={"example": "https://erp.example.com/hooks/fibreflow"})
    event_types = fields.List(fields.String(validate=validate.Length(min=1, max=100)), required=True,
                              validate=validate.Length(min=1, max=50), metadata=_TYPES_DOC)
    secret = fields.String(validate=validate.Length(min=10, max=200), metadata=_SECRET_DOC)
    description = fields.String(load_default="", validate=validate.Length(max=200), metadata={"example": "ERP sync"})
    active = fields.Boolean(load_default=True, metadata={"example": True})


class SubscriptionUpdateSchema(Schema):
    url = fields.Url(schemes={"http", "https"}, require_tld=False, validate=validate.Length(max=2000),
                     metadata={"example": "https://erp.example.com/hooks/v2"})
    event_types = fields.List(fields.String(validate=validate.Length(min=1, max=100)),
                              validate=validate.Length(min=1, max=50), metadata=_TYPES_DOC)
    secret = fields.String(validate=validate.Length(min=10, max=200), metadata=_SECRET_DOC)
    description = fields.String(validate=validate.Length(max=200), metadata={"example": "ERP sync"})
    active = fields.Boolean(metadata={"description": "true again after an automatic switch-off resumes the queue",
                                      "example": True})

    @validates_schema
    def not_empty(self, data: dict, **_kwargs: object) -> None:
        if not data:
            raise ValidationError("at least one field is required", "_schema")


class SubscriptionListArgs(PageArgs):
    active = fields.Boolean()


class DeliverySchema(Schema):
    id = fields.String(metadata=_UUID)
    webhook_id = fields.Function(lambda d: f"msg_{d.id}", metadata={"description": "the webhook-id header",
                                                                    "example": "msg_6f1c2a4e-8b0d-4c3e-9a57"})
    subscription_id = fields.String(metadata=_UUID)
    event_id = fields.String(metadata=_UUID)
    event_type = fields.String(metadata={"example": "ticket.created"})
    status = fields.String(metadata={"example": "delivered"})
    attempts = fields.Integer(metadata={"example": 1})
    next_attempt_at = fields.DateTime(allow_none=True, metadata=_TIME)
    last_status_code = fields.Integer(allow_none=True, metadata={"example": 200})
    last_error = fields.String(allow_none=True, metadata={"example": None})
    event_occurred_at = fields.DateTime(metadata=_TIME)
    created_at = fields.DateTime(metadata=_TIME)
    delivered_at = fields.DateTime(allow_none=True, metadata=_TIME)


class AttemptSchema(Schema):
    attempted_at = fields.DateTime(metadata=_TIME)
    status_code = fields.Integer(allow_none=True, metadata={"example": 500})
    error = fields.String(allow_none=True, metadata={"example": "HTTP 500"})
    duration_ms = fields.Integer(metadata={"example": 12})


class DeliveryDetailSchema(DeliverySchema):
    payload = fields.String(metadata={"description": "the exact body sent",
                                      "example": '{"id":"…","type":"ticket.created","timestamp":"…","data":{}}'})
    attempts_log = fields.List(fields.Nested(AttemptSchema))


class DeliveryListArgs(PageArgs):
    status = CommaList(DELIVERY_STATUSES)
    event_type = CommaList(rules.PUBLIC_EVENTS + (rules.TEST_EVENT,))


SubscriptionEnvelope = envelope("WebhookSubscriptionEnvelope", SubscriptionSchema)
CreatedSubscriptionEnvelope = envelope("CreatedWebhookSubscriptionEnvelope", CreatedSubscriptionSchema)
SubscriptionPageEnvelope = list_envelope("WebhookSubscriptionPageEnvelope", "subscriptions", SubscriptionSchema)
DeliveryEnvelope = envelope("WebhookDeliveryEnvelope", DeliverySchema)
DeliveryDetailEnvelope = envelope("WebhookDeliveryDetailEnvelope", DeliveryDetailSchema)
DeliveryPageEnvelope = list_envelope("WebhookDeliveryPageEnvelope", "deliveries", DeliverySchema)
