"""Client of the external invoicing system (PRD §11.6): ``POST /api/invoices/line-items``."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests

from fibreflow_shared.http_client import HttpClient


@dataclass(frozen=True)
class InvoiceResult:
    """What one call achieved. ``outcome``: created, duplicate, transient (retry), permanent (give up)."""

    outcome: str
    http_status: int | None = None
    invoice_id: str | None = None
    line_item_id: str | None = None
    error: str | None = None


class InvoicingClient:
    """One try per call: the durable job owns the retry schedule, so the HTTP client does not retry."""

    def __init__(self, base_url: str, api_key: str, *, timeout: float = 10.0) -> None:
        self.http = HttpClient(base_url, timeout=(min(3.05, timeout), timeout), attempts=1,
                               headers={"X-API-Key": api_key, "Accept": "application/json"})

    def create_line_item(self, payload: dict[str, Any], idempotency_key: str) -> InvoiceResult:
        try:
            resp = self.http.post("/invoices/line-items", json=payload, idempotency_key=idempotency_key)
        except requests.Timeout:
            return InvoiceResult("transient", error="timeout waiting for the invoicing system")
        except requests.ConnectionError as exc:
            return InvoiceResult("transient", error=f"connection failed: {type(exc).__name__}")
        except Exception as exc:  # noqa: BLE001 - HttpClient re-raises its last transient error
            status = getattr(getattr(exc, "response", None), "status_code", None)
            return InvoiceResult("transient", http_status=status, error=f"{type(exc).__name__}: {exc}"[:500])
        try:
            body = resp.json()
        except ValueError:
            body = {}
        if not isinstance(body, dict):
            body = {}
        if body.get("error_code") == "DUPLICATE_LINE_ITEM" and body.get("invoice_id"):
            # Already billed (an earlier try whose answer we lost): success with the existing invoice.
            return InvoiceResult("duplicate", resp.status_code, str(body["invoice_id"]),
                                 body.get("line_item_id"))
        if 200 <= resp.status_code < 300 and body.get("success") and body.get("invoice_id"):
            return InvoiceResult("created", resp.status_code, str(body["invoice_id"]), body.get("line_item_id"))
        message = f"{resp.status_code} {body.get('error_code') or ''} {body.get('message') or resp.text[:200]}".strip()
        if resp.status_code >= 500 or resp.status_code in (408, 429):
            return InvoiceResult("transient", resp.status_code, error=message)
        return InvoiceResult("permanent", resp.status_code, error=message)
