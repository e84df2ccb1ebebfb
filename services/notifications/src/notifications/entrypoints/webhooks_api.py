"""/api/webhooks: outbound webhook subscriptions, their delivery log, redeliver, test event (admins)."""
from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from fibreflow_shared.auth import current_principal, require_auth
from fibreflow_shared.db import reading, transaction
from fibreflow_shared.envelope import ok, ok_list
from fibreflow_shared.roles import ADMINS
from notifications import webhook_views as views
from notifications.bootstrap import Container
from notifications.entrypoints import webhook_schemas as s
from notifications.service_layer import outbound_webhooks as hooks

_sub = s.SubscriptionSchema()
_created = s.CreatedSubscriptionSchema()
_delivery = s.DeliverySchema()
_detail = s.DeliveryDetailSchema()


def make_webhooks_blueprint(container: Container) -> Blueprint:
    """The outbound-webhook API (signed per Standard Webhooks, delivered by the worker)."""
    blp = Blueprint("webhooks", __name__, url_prefix="/api/webhooks",
                    description="Outbound webhooks: signed (Standard Webhooks) event deliveries to integrators")
    deps, http = container.deps, container.webhook_http

    @blp.route("")
    class Subscriptions(MethodView):
        @require_auth(ADMINS)
        @blp.arguments(s.SubscriptionListArgs, location="query")
        @blp.response(200, s.SubscriptionPageEnvelope)
        def get(self, args: dict[str, Any]) -> Any:
            """Webhook subscriptions, newest first."""
            with reading(container.read_sessions) as session:
                rows, total = views.subscription_page(session, page=args["page"], limit=args["limit"],
                                                      active=args.get("active"))
                return ok_list("subscriptions", _sub.dump(rows, many=True), page=args["page"], limit=args["limit"],
                               total=total)

        @require_auth(ADMINS)
        @blp.arguments(s.SubscriptionCreateSchema)
        @blp.response(201, s.CreatedSubscriptionEnvelope)
        def post(self, body: dict[str, Any]) -> Any:
            """Subscribe a URL to event types (wildcards: `ticket.*`, `*`); the secret is shown once.
            A URL resolving to a private or loopback address is refused unless WEBHOOK_ALLOWED_NETWORKS allows it."""
            with transaction(container.sessions) as session:
                row, secret = hooks.create_subscription(session, deps, http, created_by=current_principal().user_id,
                                                        **body)
                return ok({**_created.dump(row), "secret": secret}, 201, headers={"Cache-Control": "no-store"})

    @blp.route("/<uuid:subscription_id>")
    class Subscription(MethodView):
        @require_auth(ADMINS)
        @blp.response(200, s.SubscriptionEnvelope)
        def get(self, subscription_id: Any) -> Any:
            """One subscription (never its secret)."""
            with reading(container.read_sessions) as session:
                return ok(_sub.dump(views.get_subscription(session, str(subscription_id))))

        @require_auth(ADMINS)
        @blp.arguments(s.SubscriptionUpdateSchema)
        @blp.response(200, s.SubscriptionEnvelope)
        def patch(self, body: dict[str, Any], subscription_id: Any) -> Any:
            """Change URL, event types, secret, description or the active flag."""
            with transaction(container.sessions) as session:
                return ok(_sub.dump(hooks.update_subscription(session, deps, http, str(subscription_id), body)))

        @require_auth(ADMINS)
        @blp.response(204)
        def delete(self, subscription_id: Any) -> Any:
            """Remove a subscription, its queue and its log."""
            with transaction(container.sessions) as session:
                hooks.delete_subscription(session, str(subscription_id))
            return "", 204

    @blp.route("/<uuid:subscription_id>/test", methods=["POST"])
    @require_auth(ADMINS)
    @blp.response(201, s.DeliveryEnvelope)
    def send_test(subscription_id: Any) -> Any:
        """Send a `webhook.test` event to this subscription now (through the same queue and signature)."""
        with transaction(container.sessions) as session:
            return ok(_delivery.dump(hooks.send_test(session, str(subscription_id))), 201)

    @blp.route("/<uuid:subscription_id>/deliveries", methods=["GET"])
    @require_auth(ADMINS)
    @blp.arguments(s.DeliveryListArgs, location="query")
    @blp.response(200, s.DeliveryPageEnvelope)
    def deliveries(args: dict[str, Any], subscription_id: Any) -> Any:
        """The delivery log of a subscription, newest first (status, attempts, last response code)."""
        with reading(container.read_sessions) as session:
            rows, total = views.delivery_page(session, str(subscription_id), page=args["page"], limit=args["limit"],
                                              status=args.get("status"), event_type=args.get("event_type"))
            return ok_list("deliveries", _delivery.dump(rows, many=True), page=args["page"], limit=args["limit"],
                           total=total)

    @blp.route("/<uuid:subscription_id>/deliveries/<uuid:delivery_id>", methods=["GET"])
    @require_auth(ADMINS)
    @blp.response(200, s.DeliveryDetailEnvelope)
    def delivery(subscription_id: Any, delivery_id: Any) -> Any:
        """One delivery with every attempt (time, response code or error, duration)."""
        with reading(container.read_sessions) as session:
            found = views.get_delivery(session, str(subscription_id), str(delivery_id))
            return ok({**_detail.dump(found["delivery"]),
                       "attempts_log": s.AttemptSchema().dump(found["attempts"], many=True)})

    @blp.route("/<uuid:subscription_id>/deliveries/<uuid:delivery_id>/redeliver", methods=["POST"])
    @require_auth(ADMINS)
    @blp.response(200, s.DeliveryEnvelope)
    def redeliver(subscription_id: Any, delivery_id: Any) -> Any:
        """Queue a delivery again (same webhook-id); its retry schedule starts over."""
        with transaction(container.sessions) as session:
            return ok(_delivery.dump(hooks.redeliver(session, str(subscription_id), str(delivery_id))))

    return blp
