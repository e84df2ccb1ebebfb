"""``/billing/*`` on tickets: classification preview, the approval queue and decisions, costing,
invoice triggers. A path's ``{ticket}`` is the ticket's UUID or its UID (any case)."""
from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint

from billing import views
from billing.bootstrap import Container
from billing.entrypoints import schemas as s
from billing.entrypoints.blueprints import PREFIX, actor
from billing.service_layer import classification, tickets
from fibreflow_shared.auth import require_auth
from fibreflow_shared.db import reading, transaction
from fibreflow_shared.envelope import ok, ok_list
from fibreflow_shared.roles import MANAGEMENT, SUPERVISORS

TICKET = [{"in": "path", "name": "ticket", "required": True, "schema": {"type": "string"},
           "description": "the ticket's UUID or UID (e.g. FT12345, DR1234-01)", "example": "FT12345"}]
NOT_SEEN = "Billing has not seen that ticket"


def make_blueprint(container: Container) -> Blueprint:
    """The ticket billing resource."""
    blp = Blueprint("billing", __name__, url_prefix=PREFIX,
                    description="Ticket billing: classification, approval, costing, invoicing")
    deps = container.deps

    @blp.route("/billing/calculate", methods=["GET"])
    @require_auth(SUPERVISORS)
    @blp.arguments(s.CalculateArgs, location="query")
    @blp.response(200, s.CalculationEnvelope)
    @blp.alt_response(404, description=NOT_SEEN)
    def calculate(args: dict[str, Any]) -> Any:
        """Preview the classification of a ticket (known by UID or UUID, or described by its facts)."""
        with reading(container.read_sessions) as session:
            return ok(classification.calculate(session, args, deps.today()))

    @blp.route("/billing/pending-approval", methods=["GET"])
    @require_auth(SUPERVISORS)
    @blp.arguments(s.PageArgs, location="query")
    @blp.response(200, s.TicketBillingListEnvelope)
    def pending_approval(args: dict[str, Any]) -> Any:
        """Billable tickets waiting for a manager's decision, oldest first, with waiting time."""
        with reading(container.read_sessions) as session:
            items, total = views.pending_approvals(session, args["page"], args["limit"])
        return ok_list("tickets", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/billing/approve/<string:ticket>", methods=["POST"], parameters=TICKET)
    @require_auth(MANAGEMENT)
    @blp.arguments(s.ApproveSchema)
    @blp.response(200, s.TicketBillingEnvelope)
    @blp.alt_response(404, description=NOT_SEEN)
    @blp.alt_response(409, description="Not pending approval")
    @blp.alt_response(422, description="The ticket is deleted")
    def approve(body: dict[str, Any], ticket: str) -> Any:
        """Approve a billable ticket (managers and admins); publishes billing.approved."""
        with transaction(container.sessions) as session:
            return ok(tickets.approve(session, deps, ticket, actor(), body.get("reason"), body.get("approved_cost")))

    @blp.route("/billing/reject/<string:ticket>", methods=["POST"], parameters=TICKET)
    @require_auth(MANAGEMENT)
    @blp.arguments(s.RejectSchema)
    @blp.response(200, s.TicketBillingEnvelope)
    @blp.alt_response(404, description=NOT_SEEN)
    @blp.alt_response(409, description="Not pending approval")
    def reject(body: dict[str, Any], ticket: str) -> Any:
        """Reject a billable ticket with a reason; ticket-core closes it on billing.rejected."""
        with transaction(container.sessions) as session:
            return ok(tickets.reject(session, deps, ticket, actor(), body["reason"]))

    @blp.route("/billing/tickets", methods=["GET"])
    @require_auth(SUPERVISORS)
    @blp.arguments(s.TicketBillingListArgs, location="query")
    @blp.response(200, s.TicketBillingListEnvelope)
    def billing_tickets(args: dict[str, Any]) -> Any:
        """Billing records of tickets, filtered by billing type/status and project."""
        with reading(container.read_sessions) as session:
            items, total = views.list_ticket_billing(session, args, args["page"], args["limit"])
        return ok_list("tickets", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/billing/tickets/<string:ticket>", methods=["GET"], parameters=TICKET)
    @require_auth(SUPERVISORS)
    @blp.response(200, s.TicketBillingEnvelope)
    @blp.alt_response(404, description=NOT_SEEN)
    def billing_ticket(ticket: str) -> Any:
        """The billing summary of one ticket: classification, costs, approval, invoice."""
        with reading(container.read_sessions) as session:
            return ok(views.ticket_billing(session, ticket))

    @blp.route("/billing/tickets/<string:ticket>/cost", methods=["PATCH"], parameters=TICKET)
    @require_auth(MANAGEMENT)
    @blp.arguments(s.CostSchema)
    @blp.response(200, s.TicketBillingEnvelope)
    @blp.alt_response(404, description=NOT_SEEN)
    @blp.alt_response(409, description="Already invoiced")
    @blp.alt_response(422, description="Not billable, or the choice cannot be costed")
    def set_cost(body: dict[str, Any], ticket: str) -> Any:
        """Fixed fee, hourly (hours worked × rate) or manual override (reason required; audited)."""
        with transaction(container.sessions) as session:
            return ok(tickets.set_cost(session, ticket, actor(), body))

    @blp.route("/billing/invoice/<string:ticket>", methods=["POST"], parameters=TICKET)
    @require_auth(MANAGEMENT)
    @blp.response(202, s.InvoiceTriggerEnvelope)
    @blp.alt_response(404, description=NOT_SEEN)
    @blp.alt_response(409, description="Already invoiced")
    @blp.alt_response(422, description="Not an approved, resolved billable ticket")
    def invoice(ticket: str) -> Any:
        """Queue the invoice line item now (e.g. after a failure); the worker sends it."""
        with transaction(container.sessions) as session:
            return ok(tickets.trigger_invoice(session, deps, ticket, actor()), 202)

    @blp.route("/billing/invoice/<string:ticket>/manual", methods=["POST"], parameters=TICKET)
    @require_auth(MANAGEMENT)
    @blp.arguments(s.ManualInvoiceSchema)
    @blp.response(200, s.TicketBillingEnvelope)
    @blp.alt_response(404, description=NOT_SEEN)
    @blp.alt_response(409, description="Already invoiced")
    @blp.alt_response(422, description="Not an approved billable ticket")
    def manual_invoice(body: dict[str, Any], ticket: str) -> Any:
        """Record an invoice created by hand in the invoicing system (manual override)."""
        with transaction(container.sessions) as session:
            return ok(tickets.manual_invoice(session, deps, ticket, actor(), body["invoice_id"], body.get("amount"),
                                             body["reason"]))

    return blp
