"""schemathesis over every service's OpenAPI document, through each service's Flask app (WSGI),
as an admin and as a viewer, positive and negative data: no request may be answered with a 5xx.

The fast subset (a few operations per service, few examples) runs in ``make test``; every
operation with more examples is ``make test-faults``. Both are derandomized, so a failure
replays with the same requests.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from fuzz import FuzzReport, fuzz_service  # noqa: E402

SERVICES = ("ticket-core", "sla", "billing", "notifications")
# The operations of the fast subset: the ones with the most free text, filters and numbers.
FAST = {
    "ticket-core": ["POST /api/tickets", "GET /api/tickets", "POST /api/tickets/bulk",
                    "POST /api/tickets/{ticket_id}/notes", "PATCH /api/tickets/{ticket_id}"],
    "sla": ["PUT /api/sla/calendar", "POST /api/sla/configs", "GET /api/sla/reports/compliance",
            "POST /api/sla/calendar/closed-days"],
    "billing": ["POST /api/ticketing/clients", "GET /api/ticketing/clients", "POST /api/ticketing/guarantees",
                "POST /api/ticketing/fee-schedule", "POST /api/ticketing/webhooks/invoice-status"],
    "notifications": ["GET /api/notifications", "PUT /api/notifications/preferences",
                      "PUT /api/notifications/templates/{key}", "POST /api/notifications/webhooks/sms/inbound"],
}


def _roles(tokens: Callable[..., dict[str, str]]) -> dict[str, dict[str, str]]:
    return {"admin": tokens("admin"), "viewer": tokens("viewer")}


@pytest.mark.parametrize("service", SERVICES)
def test_fast_subset_has_no_server_errors(service: str, service_apps: dict[str, Any],
                                          tokens: Callable[..., dict[str, str]]) -> None:
    report = fuzz_service(service_apps[service].app, _roles(tokens), max_examples=6, only=FAST[service])
    print(f"schemathesis {service} (fast): {report.summary()}")
    assert report.requests > 0
    assert report.errors == [], report.summary()


@pytest.mark.faults
def test_every_operation_has_no_server_errors(service_apps: dict[str, Any],
                                              tokens: Callable[..., dict[str, str]]) -> None:
    total = FuzzReport()
    for service in SERVICES:
        report = fuzz_service(service_apps[service].app, _roles(tokens), max_examples=25)
        print(f"schemathesis {service}: {report.summary()}")
        total.merge(report)
    print(f"schemathesis, every service: {total.summary()}")
    assert total.errors == [], total.summary()
