"""HTTP entrypoint: parse, call the use case, map domain errors to statuses."""
from __future__ import annotations

import csv
import io
import json
import time
from datetime import date, datetime, timezone
from typing import Any

from flask import Flask, Response, request
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import ValidationError

from billing.bootstrap import Container, bootstrap
from billing.config import SERVICE, Settings, load
from billing.domain import model, webhooks
from billing.domain.model import BillingRuleError, ConflictError
from billing.entrypoints import schemas as s
from billing.service_layer import catalog, handlers, serialise
from billing import views
from fibreflow_shared.auth import TokenVerifier, current_principal, require_auth
from fibreflow_shared.db import transaction
from fibreflow_shared.envelope import ok, ok_list
from fibreflow_shared.errors import Conflict, Unauthorized
from fibreflow_shared.health import broker_check, database_check
from fibreflow_shared.web import create_base_app
from fibreflow_shared.web.app import error_response

READ = ("admin", "manager", "team_lead")
WRITE = ("admin", "manager")
APPROVE = ("admin", "manager")


def _today() -> date:
    return handlers.business_day(datetime.now(timezone.utc))


def _actor() -> str:
    return current_principal().user_id


def _csv(name: str, rows: list[dict[str, Any]]) -> Response:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)
    return Response(buffer.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


def _report(name: str, rows: list[dict[str, Any]], fmt: str) -> Any:
    return _csv(name, rows) if fmt == "csv" else ok({"rows": rows})


def make_blueprint(container: Container) -> Blueprint:
    blp = Blueprint("billing", __name__, url_prefix="/api/ticketing",
                    description="Billing: clients, contracts, guarantees, fees, approvals, invoicing")
    tx = lambda: transaction(container.sessions)  # noqa: E731
    outbox = container.outbox
    pii = container.pii

    # -- clients ------------------------------------------------------------------------------
    @blp.route("/clients")
    class Clients(MethodView):
        @blp.arguments(s.ClientSearchArgs, location="query")
        @blp.response(200, s.ClientListEnvelope)
        @require_auth(READ)
        def get(self, args: dict[str, Any]) -> Any:
            """Client directory with auto-suggest (``q``: name word prefixes, phone, email, account id)."""
            with tx() as session:
                items, total = catalog.search_clients(session, pii, args.get("q"), args["page"], args["limit"])
            return ok_list("clients", items, page=args["page"], limit=args["limit"], total=total)

        @blp.arguments(s.ClientCreateSchema)
        @blp.response(201, s.ClientEnvelope)
        @blp.alt_response(409, description="account_id already used")
        @require_auth(WRITE)
        def post(self, body: dict[str, Any]) -> Any:
            """Add a client (name, phone and email are stored encrypted)."""
            with tx() as session:
                return ok(catalog.create_client(session, pii, body), 201)

    @blp.route("/clients/<uuid:client_id>")
    class ClientById(MethodView):
        @blp.response(200, s.ClientEnvelope)
        @blp.alt_response(404, description="No such client")
        @require_auth(READ)
        def get(self, client_id: Any) -> Any:
            """One client."""
            with tx() as session:
                return ok(catalog.get_client(session, pii, str(client_id)))

        @blp.arguments(s.ClientUpdateSchema)
        @blp.response(200, s.ClientEnvelope)
        @require_auth(WRITE)
        def patch(self, body: dict[str, Any], client_id: Any) -> Any:
            """Change a client's details."""
            with tx() as session:
                return ok(catalog.update_client(session, pii, str(client_id), body))

    # -- contracts ----------------------------------------------------------------------------
    @blp.route("/contracts")
    class Contracts(MethodView):
        @blp.arguments(s.ContractListArgs, location="query")
        @blp.response(200, s.ContractListEnvelope)
        @require_auth(READ)
        def get(self, args: dict[str, Any]) -> Any:
            """Client contracts, filtered by client, status (expiry applied), type, number."""
            with tx() as session:
                items, total = views.list_contracts(session, args, args["page"], args["limit"], _today())
            return ok_list("contracts", items, page=args["page"], limit=args["limit"], total=total)

        @blp.arguments(s.ContractCreateSchema)
        @blp.response(201, s.ContractEnvelope)
        @blp.alt_response(409, description="Contract number already exists")
        @require_auth(WRITE)
        def post(self, body: dict[str, Any]) -> Any:
            """Create a contract (FR-BIL-003)."""
            with tx() as session:
                return ok(catalog.create_contract(session, body, _actor(), _today()), 201)

    @blp.route("/contracts/<uuid:contract_id>")
    class ContractById(MethodView):
        @blp.response(200, s.ContractEnvelope)
        @blp.alt_response(404, description="No such contract")
        @require_auth(READ)
        def get(self, contract_id: Any) -> Any:
            """A contract with its history of term changes and its ticket counts."""
            with tx() as session:
                data = catalog.get_contract(session, str(contract_id), _today())
                data["tickets"] = views.contract_ticket_counts(session, str(contract_id))
            return ok(data)

        @blp.arguments(s.ContractUpdateSchema)
        @blp.response(200, s.ContractEnvelope)
        @require_auth(WRITE)
        def patch(self, body: dict[str, Any], contract_id: Any) -> Any:
            """Change terms from ``effective_from`` on; earlier terms stay in the history."""
            with tx() as session:
                return ok(catalog.update_contract(session, str(contract_id), body, _actor(), _today()))

        @blp.response(204)
        @require_auth(WRITE)
        def delete(self, contract_id: Any) -> Any:
            """Archive (soft delete) a contract."""
            with tx() as session:
                catalog.archive_contract(session, str(contract_id), _actor())
            return "", 204

    # -- guarantees ---------------------------------------------------------------------------
    @blp.route("/guarantees")
    class Guarantees(MethodView):
        @blp.arguments(s.PageArgs, location="query")
        @blp.response(200, s.GuaranteeListEnvelope)
        @require_auth(READ)
        def get(self, args: dict[str, Any]) -> Any:
            """Every project guarantee."""
            with tx() as session:
                items, total = views.list_guarantees(session, args["page"], args["limit"])
            return ok_list("guarantees", items, page=args["page"], limit=args["limit"], total=total)

        @blp.arguments(s.GuaranteeUpsertSchema)
        @blp.response(200, s.GuaranteeEnvelope)
        @blp.alt_response(201, schema=s.GuaranteeEnvelope, description="Created")
        @require_auth(WRITE)
        def post(self, body: dict[str, Any]) -> Any:
            """Create or update a project's guarantee (FR-BIL-002)."""
            with tx() as session:
                data, created = catalog.upsert_guarantee(session, body)
            return ok(data, 201 if created else 200)

    @blp.route("/guarantees/<string:project_id>")
    class GuaranteeByProject(MethodView):
        @blp.arguments(s.GuaranteeGetArgs, location="query")
        @blp.response(200, s.GuaranteeEnvelope)
        @blp.alt_response(404, description="No guarantee for that project")
        @require_auth(READ)
        def get(self, args: dict[str, Any], project_id: str) -> Any:
            """A project's guarantee; with ``install_date`` also the expiry it gives."""
            with tx() as session:
                data = catalog.get_guarantee(session, project_id)
            if args.get("install_date"):
                data["install_date"] = args["install_date"].isoformat()
                data["guarantee_expires_at"] = model.guarantee_expiry(
                    args["install_date"], data["guarantee_period_days"]).isoformat()
            return ok(data)

    @blp.route("/guarantees/<string:project_id>/installations", methods=["GET"])
    @blp.arguments(s.PageArgs, location="query")
    @blp.response(200, s.InstallationListEnvelope)
    @blp.alt_response(404, description="No guarantee for that project")
    @require_auth(READ)
    def guarantee_installations(args: dict[str, Any], project_id: str) -> Any:
        """Installed drops of the project (as seen on tickets) with their guarantee expiry dates."""
        with tx() as session:
            period = catalog.get_guarantee(session, project_id)["guarantee_period_days"]
            items, total = views.guarantee_installations(session, project_id, period, _today(), args["page"],
                                                         args["limit"])
        return ok_list("installations", items, page=args["page"], limit=args["limit"], total=total)

    # -- fee schedule -------------------------------------------------------------------------
    @blp.route("/fee-schedule")
    class Fees(MethodView):
        @blp.arguments(s.FeeListArgs, location="query")
        @blp.response(200, s.FeeListEnvelope)
        @require_auth(READ)
        def get(self, args: dict[str, Any]) -> Any:
            """Fee schedule with its full history (``on`` = only fees in force that day)."""
            with tx() as session:
                items, total = catalog.list_fees(session, args, args["page"], args["limit"])
            return ok_list("fees", items, page=args["page"], limit=args["limit"], total=total)

        @blp.arguments(s.FeeCreateSchema)
        @blp.response(201, s.FeeEnvelope)
        @blp.alt_response(409, description="Overlaps an existing range")
        @require_auth(WRITE)
        def post(self, body: dict[str, Any]) -> Any:
            """Add a fee version for a ticket type × priority (ranges never overlap)."""
            with tx() as session:
                return ok(catalog.create_fee(session, body, _actor()), 201)

    @blp.route("/fee-schedule/<uuid:fee_id>")
    class FeeById(MethodView):
        @blp.arguments(s.FeeUpdateSchema)
        @blp.response(200, s.FeeEnvelope)
        @require_auth(WRITE)
        def patch(self, body: dict[str, Any], fee_id: Any) -> Any:
            """End a fee's range or change its description (amounts are history and never change)."""
            with tx() as session:
                return ok(catalog.update_fee(session, str(fee_id), body))

    @blp.route("/fee-schedule/preview", methods=["GET"])
    @blp.arguments(s.FeePreviewArgs, location="query")
    @blp.response(200, s.FeePreviewEnvelope)
    @require_auth(READ)
    def fee_preview(args: dict[str, Any]) -> Any:
        """Preview calculator: the fee in force and the cost it gives (optionally hourly or manual)."""
        on = args.get("on") or _today()
        with tx() as session:
            fee = catalog.fee_on(session, args["ticket_type"], args["priority"], on)
        costing = model.Costing(args.get("fee_source"), fee.fixed_fee if fee else None,
                                fee.hourly_rate if fee else None, args.get("manual_fee_amount"),
                                args.get("hours_worked"))
        try:
            cost, error = serialise.dec(model.final_cost(costing)), None
        except BillingRuleError as exc:
            cost, error = None, str(exc)
        fee_data = None
        if fee is not None:
            fee_data = {"id": fee.id, "ticket_type": fee.ticket_type, "priority": fee.priority,
                        "fixed_fee": serialise.dec(fee.fixed_fee), "hourly_rate": serialise.dec(fee.hourly_rate),
                        "effective_from": fee.effective_from.isoformat(),
                        "effective_until": serialise.iso(fee.effective_until)}
        return ok({"fee": fee_data, "fee_source": costing.fee_source or model.default_fee_source(
            costing.fixed_fee, costing.hourly_rate), "cost": cost, "currency": "ZAR", "error": error})

    # -- billing --------------------------------------------------------------------------------
    @blp.route("/billing/calculate", methods=["GET"])
    @blp.arguments(s.CalculateArgs, location="query")
    @blp.response(200, s.CalculationEnvelope)
    @require_auth(READ)
    def calculate(args: dict[str, Any]) -> Any:
        """Preview the classification of a ticket (known by UID, or described by its facts)."""
        with tx() as session:
            if args.get("ticket_uid"):
                row = handlers.get_row(session, args["ticket_uid"], lock=False)
                facts = handlers.facts_of(row)
            else:
                facts = model.TicketFacts(
                    ticket_type=args["ticket_type"], priority=args["priority"], source=args["source"],
                    created_on=args.get("date") or _today(), project_id=args.get("project_id"),
                    drop_number=args.get("drop_number"), install_date=args.get("install_date"),
                    client_account_id=args.get("client_account_id"))
            result, client_id = handlers.classify_facts(session, facts)
        contract = result.contract
        return ok({
            "billing_type": result.billing_type, "reason": result.reason,
            "requires_approval": result.requires_approval, "billing_status": result.billing_status,
            "guarantee_expires_at": serialise.iso(result.guarantee_expires_at),
            "contract_id": contract.contract_id if contract else None,
            "contract_number": contract.contract_number if contract else None, "client_id": client_id,
            "sla_response_hours": contract.sla_response_hours if contract else None,
            "sla_resolution_hours": contract.sla_resolution_hours if contract else None,
            "estimated_cost": serialise.dec(result.estimated_cost),
            "fee_schedule_id": result.fee.id if result.fee else None, "currency": "ZAR", "inputs": result.inputs})

    @blp.route("/billing/pending-approval", methods=["GET"])
    @blp.arguments(s.PageArgs, location="query")
    @blp.response(200, s.TicketBillingListEnvelope)
    @require_auth(READ)
    def pending_approval(args: dict[str, Any]) -> Any:
        """Billable tickets waiting for a manager's decision, oldest first, with waiting time."""
        with tx() as session:
            items, total = views.pending_approvals(session, args["page"], args["limit"])
        return ok_list("tickets", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/billing/approve/<string:ticket_uid>", methods=["POST"])
    @blp.arguments(s.ApproveSchema)
    @blp.response(200, s.TicketBillingEnvelope)
    @blp.alt_response(409, description="Not pending approval")
    @require_auth(APPROVE)
    def approve(body: dict[str, Any], ticket_uid: str) -> Any:
        """Approve a billable ticket (managers and admins); publishes billing.approved."""
        with tx() as session:
            return ok(handlers.approve(session, outbox, ticket_uid, _actor(), body.get("reason"),
                                       body.get("approved_cost")))

    @blp.route("/billing/reject/<string:ticket_uid>", methods=["POST"])
    @blp.arguments(s.RejectSchema)
    @blp.response(200, s.TicketBillingEnvelope)
    @blp.alt_response(409, description="Not pending approval")
    @require_auth(APPROVE)
    def reject(body: dict[str, Any], ticket_uid: str) -> Any:
        """Reject a billable ticket with a reason; ticket-core closes it on billing.rejected."""
        with tx() as session:
            return ok(handlers.reject(session, outbox, ticket_uid, _actor(), body["reason"]))

    @blp.route("/billing/tickets", methods=["GET"])
    @blp.arguments(s.TicketBillingListArgs, location="query")
    @blp.response(200, s.TicketBillingListEnvelope)
    @require_auth(READ)
    def billing_tickets(args: dict[str, Any]) -> Any:
        """Billing records of tickets, filtered by billing type/status and project."""
        with tx() as session:
            items, total = views.list_ticket_billing(session, args, args["page"], args["limit"])
        return ok_list("tickets", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/billing/tickets/<string:ticket_uid>", methods=["GET"])
    @blp.response(200, s.TicketBillingEnvelope)
    @blp.alt_response(404, description="Billing has not seen that ticket")
    @require_auth(READ)
    def billing_ticket(ticket_uid: str) -> Any:
        """The billing summary of one ticket: classification, costs, approval, invoice."""
        with tx() as session:
            return ok(serialise.ticket_billing(handlers.get_row(session, ticket_uid, lock=False)))

    @blp.route("/billing/tickets/<string:ticket_uid>/cost", methods=["PATCH"])
    @blp.arguments(s.CostSchema)
    @blp.response(200, s.TicketBillingEnvelope)
    @require_auth(WRITE)
    def set_cost(body: dict[str, Any], ticket_uid: str) -> Any:
        """Fixed fee, hourly (hours worked × rate) or manual override (reason required; audited)."""
        with tx() as session:
            return ok(handlers.set_cost(session, ticket_uid, _actor(), body))

    @blp.route("/billing/invoice/<string:ticket_uid>", methods=["POST"])
    @blp.response(202, s.InvoiceTriggerEnvelope)
    @blp.alt_response(409, description="Already invoiced")
    @blp.alt_response(422, description="Not an approved, resolved billable ticket")
    @require_auth(WRITE)
    def invoice(ticket_uid: str) -> Any:
        """Queue the invoice line item now (e.g. after a failure); the worker sends it."""
        with tx() as session:
            return ok(handlers.trigger_invoice(session, outbox, ticket_uid, _actor()), 202)

    @blp.route("/billing/invoice/<string:ticket_uid>/manual", methods=["POST"])
    @blp.arguments(s.ManualInvoiceSchema)
    @blp.response(200, s.TicketBillingEnvelope)
    @require_auth(WRITE)
    def manual_invoice(body: dict[str, Any], ticket_uid: str) -> Any:
        """Record an invoice created by hand in the invoicing system (manual override)."""
        with tx() as session:
            return ok(handlers.manual_invoice(session, outbox, ticket_uid, _actor(), body["invoice_id"],
                                              body.get("amount"), body["reason"]))

    # -- reports ------------------------------------------------------------------------------
    @blp.route("/billing/reports/work", methods=["GET"])
    @blp.arguments(s.ReportArgs, location="query")
    @blp.response(200, s.ReportEnvelope)
    @require_auth(READ)
    def work_report(args: dict[str, Any]) -> Any:
        """Billable vs guarantee vs SLA vs internal work by project or contractor (JSON or CSV)."""
        with tx() as session:
            return _report(f"work-by-{args['group_by']}", views.work_report(session, args), args["format"])

    @blp.route("/billing/reports/guarantee-work", methods=["GET"])
    @blp.arguments(s.ReportArgs, location="query")
    @blp.response(200, s.ReportEnvelope)
    @require_auth(READ)
    def guarantee_report(args: dict[str, Any]) -> Any:
        """Guarantee work by project or contractor (quality tracking)."""
        with tx() as session:
            rows = views.work_report(session, {**args, "billing_type": ["guarantee"]})
        return _report(f"guarantee-work-by-{args['group_by']}", rows, args["format"])

    @blp.route("/billing/reports/revenue", methods=["GET"])
    @blp.arguments(s.RevenueArgs, location="query")
    @blp.response(200, s.ReportEnvelope)
    @require_auth(READ)
    def revenue_report(args: dict[str, Any]) -> Any:
        """Invoiced and paid amounts by month."""
        with tx() as session:
            return _report("revenue-by-month", views.revenue_report(session, args), args["format"])

    @blp.route("/billing/reports/pending-ageing", methods=["GET"])
    @blp.arguments(s.FormatArgs, location="query")
    @blp.response(200, s.ReportEnvelope)
    @require_auth(READ)
    def ageing_report(args: dict[str, Any]) -> Any:
        """How long billable tickets have waited for approval, in buckets."""
        with tx() as session:
            return _report("pending-approval-ageing", views.pending_ageing_report(session), args["format"])

    # -- webhook ------------------------------------------------------------------------------
    @blp.route("/webhooks/invoice-status", methods=["POST"])
    @blp.response(200, s.WebhookResultEnvelope)
    @blp.alt_response(401, description="Missing, stale or forged signature")
    @blp.alt_response(409, description="Replay of an already accepted webhook")
    @blp.doc(security=[], description=(
        "Called by the invoicing system (no user token). Signed Standard-Webhooks style: headers "
        "`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of "
        "\"{id}.{timestamp}.{body}\">` with INVOICING_WEBHOOK_SECRET. Body: PRD §11.6 invoice.paid."))
    def invoice_status() -> Any:
        """Invoice status webhook (``invoice.paid`` marks the invoiced tickets paid)."""
        body = request.get_data(cache=True)
        try:
            webhook_id = webhooks.verify(container.settings.invoicing_webhook_secrets,
                                         {k: request.headers.get(k) for k in
                                          ("webhook-id", "webhook-timestamp", "webhook-signature")},
                                         body, time.time(), container.settings.invoicing_webhook_tolerance_seconds)
        except webhooks.WebhookRejected as exc:
            raise Unauthorized(str(exc), code="INVALID_SIGNATURE") from exc
        try:
            payload = s.InvoiceWebhookSchema().load(json.loads(body))
        except (ValueError, ValidationError) as exc:
            details = exc.messages if isinstance(exc, ValidationError) else None
            from fibreflow_shared.errors import ValidationFailed
            raise ValidationFailed("Invalid webhook body", details=details) from exc
        with tx() as session:
            if not handlers.remember_webhook(session, webhook_id, payload["event"]):
                raise Conflict("Webhook already processed", code="WEBHOOK_REPLAYED")
            updated = handlers.invoice_paid(session, outbox, payload) if payload["event"] == "invoice.paid" else []
        return ok({"tickets_updated": updated})

    return blp


def _domain_errors(app: Flask) -> None:
    mapping = ((catalog.NotFoundError, 404, "NOT_FOUND", "Not found"),
               (handlers.TicketNotFound, 404, "NOT_FOUND", "Billing has no record of that ticket"),
               (ConflictError, 409, "CONFLICT", None),
               (BillingRuleError, 422, "BUSINESS_RULE_VIOLATION", None),
               (views.BadSort, 400, "VALIDATION_ERROR", None))
    for exc_type, status, code, message in mapping:
        def handler(exc: Exception, status: int = status, code: str = code, message: str | None = message) -> Any:
            return error_response(status, code, message or str(exc))
        app.register_error_handler(exc_type, handler)


def create_app(settings: Settings | None = None, *, verifier: TokenVerifier | None = None,
               container: Container | None = None) -> Flask:
    """The billing Flask app."""
    settings = settings or load()
    container = container or bootstrap(settings)
    app, api = create_base_app(
        SERVICE, title="FibreFlow billing", max_body_bytes=settings.max_body_bytes, verifier=verifier,
        jwks_url=settings.jwks_url, jwt_issuer=settings.jwt_issuer, jwt_audience=settings.jwt_audience,
        readiness={"database": database_check(container.engine), "broker": broker_check(settings.broker_url)},
    )
    api.register_blueprint(make_blueprint(container))
    _domain_errors(app)
    app.extensions["container"] = container
    return app
