"""Billing (§10.6): pending approval with approve/reject, contracts, guarantees, fee schedule,
and the invoice action of a ticket's billing panel."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, request, url_for

from console.domain.errors import GatewayRefused
from console.entrypoints.web import api, back_to, form_error, get, page, render, require, try_get

bp = Blueprint("billing", __name__, url_prefix="/billing")


def _page_no() -> int:
    return max(1, request.args.get("page", 1, type=int) or 1)


@bp.get("/pending")
@page("billing")
def pending() -> Any:
    """Billable tickets awaiting a manager's decision (oldest first)."""
    data = get("/api/ticketing/billing/pending-approval", page=_page_no(), limit=50)
    return render("billing/pending.html", tickets=data.get("tickets", []), pagination=data.get("pagination", {}))


@bp.post("/approve/<string:ref>")
@page("billing")
def approve(ref: str) -> Any:
    require("approve", "Approving billable work")
    body = {k: request.form[k].strip() for k in ("approved_cost", "reason") if request.form.get(k, "").strip()}
    api("POST", f"/api/ticketing/billing/approve/{ref}", json=body)
    return back_to(url_for("billing.pending"))


@bp.post("/reject/<string:ref>")
@page("billing")
def reject(ref: str) -> Any:
    require("approve", "Rejecting billable work")
    api("POST", f"/api/ticketing/billing/reject/{ref}", json={"reason": request.form.get("reason", "").strip()[:2000]})
    return back_to(url_for("billing.pending"))


@bp.post("/invoice/<string:ref>")
@page("billing")
def invoice(ref: str) -> Any:
    require("approve", "Invoicing")
    api("POST", f"/api/ticketing/billing/invoice/{ref}", json={})
    return back_to(url_for("pages.ticket", ref=ref))


@bp.get("/contracts")
@page("billing")
def contracts() -> Any:
    q = (request.args.get("q") or "").strip()
    data = get("/api/ticketing/contracts", page=_page_no(), limit=50, q=q or None)
    clients = try_get("/api/ticketing/clients", {"clients": []}, limit=200) or {}
    return render("billing/contracts.html", contracts=data.get("contracts", []), pagination=data.get("pagination", {}),
                  clients=clients.get("clients", []), q=q, error=None, values={})


@bp.post("/contracts")
@page("billing")
def create_contract() -> Any:
    require("edit_billing", "Creating contracts")
    fields = ("client_id", "contract_number", "contract_type", "start_date", "end_date", "monthly_fee",
              "sla_response_hours", "sla_resolution_hours", "notes")
    body: dict[str, Any] = {k: request.form[k].strip() for k in fields if request.form.get(k, "").strip()}
    for number in ("sla_response_hours", "sla_resolution_hours"):
        if number in body:
            try:
                body[number] = float(body[number])
            except ValueError:
                pass  # the API names the field in its 400
    try:
        api("POST", "/api/ticketing/contracts", json=body)
    except GatewayRefused as exc:
        if exc.status in (400, 409, 422):
            data = try_get("/api/ticketing/contracts", {}, limit=50) or {}
            clients = try_get("/api/ticketing/clients", {"clients": []}, limit=200) or {}
            return render("billing/contracts.html", status=exc.status, contracts=data.get("contracts", []),
                          pagination=data.get("pagination", {}), clients=clients.get("clients", []), q="",
                          error=form_error(exc), values=request.form)
        raise
    return back_to(url_for("billing.contracts"))


@bp.get("/guarantees")
@page("billing")
def guarantees() -> Any:
    data = get("/api/ticketing/guarantees", page=_page_no(), limit=50)
    return render("billing/guarantees.html", guarantees=data.get("guarantees", []),
                  pagination=data.get("pagination", {}))


@bp.post("/guarantees")
@page("billing")
def upsert_guarantee() -> Any:
    require("edit_billing", "Configuring guarantees")
    body: dict[str, Any] = {k: request.form[k].strip() for k in ("project_id", "project_name", "notes")
                            if request.form.get(k, "").strip()}
    try:
        body["guarantee_period_days"] = int(request.form.get("guarantee_period_days", ""))
    except ValueError:
        body["guarantee_period_days"] = request.form.get("guarantee_period_days", "")
    types = request.form.getlist("applies_to_ticket_types")
    if types:
        body["applies_to_ticket_types"] = types
    api("POST", "/api/ticketing/guarantees", json=body)
    return back_to(url_for("billing.guarantees"))


@bp.get("/fee-schedule")
@page("billing")
def fee_schedule() -> Any:
    data = get("/api/ticketing/fee-schedule", page=_page_no(), limit=100)
    preview = None
    if request.args.get("preview_type") and request.args.get("preview_priority"):
        preview = try_get("/api/ticketing/fee-schedule/preview", None, ticket_type=request.args["preview_type"],
                          priority=request.args["preview_priority"])
    return render("billing/fees.html", fees=data.get("fees", []), pagination=data.get("pagination", {}),
                  preview=preview)


@bp.post("/fee-schedule")
@page("billing")
def add_fee() -> Any:
    require("edit_billing", "Editing the fee schedule")
    fields = ("ticket_type", "priority", "fixed_fee", "hourly_rate", "effective_from", "effective_until", "description")
    body: dict[str, Any] = {k: request.form[k].strip() for k in fields if request.form.get(k, "").strip()}
    if request.form.get("supersede") == "on":
        body["supersede"] = True
    api("POST", "/api/ticketing/fee-schedule", json=body)
    return back_to(url_for("billing.fee_schedule"))
