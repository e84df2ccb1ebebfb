"""The authorization matrix, generated from the gateway's route table
(``gateway.domain.routes.ROUTES``): every row × method × role, and for ticket paths × a ticket
of the caller's own (assigned to them) and another's. The expected answer of each cell comes from
the table (the gateway's 403 for a role the row does not permit) and, past the gateway, from the
ticket access rules of PRD §13 (``SEES_ALL_TICKETS`` or one's own: else 404, indistinguishable
from none). Asserted through the real gateway of the e2e stack.

The fast subset (reads, and the own/other ticket cells) runs in ``make test``; every write
method of every row is ``@pytest.mark.faults``.
"""
from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import pytest

from fibreflow_shared.roles import ROLES, SEES_ALL_TICKETS, STAFF
from gateway.domain.routes import READ_METHODS, ROUTES, Route, match

WRITES = ("POST", "PUT", "PATCH", "DELETE")
# A concrete path under each row (the row's own pattern, with a ticket where it names one).
PROBE_PATHS = {
    "/api/tickets": "/api/tickets",
    "/api/tickets/{id}/attachments": "/api/tickets/{ticket}/attachments",
    "/api/tickets/sla-configs": "/api/tickets/sla-configs",
    "/api/sla": "/api/sla/calendar",
    "/api/ticketing": "/api/ticketing/clients",
    "/api/ticketing/billing/reports": "/api/ticketing/billing/reports/revenue",
    "/api/webhooks": "/api/webhooks",
    "/api/notifications": "/api/notifications/preferences",
    "/api/qcontact": "/api/qcontact/health",
    "/api/tickets/{id}/notify-client": "/api/tickets/{ticket}/notify-client",
    "/api/wa-bridge": "/api/wa-bridge/chats",
    "/api/email-intake": "/api/email-intake/emails",
}
# Rows that are actions only (POST): past the gateway's role check a GET is 405, whoever asks.
ACTIONS_ONLY = {"/api/tickets/{id}/notify-client"}
# Ticket paths whose answer past the gateway depends on whose ticket it is.
TICKET_READS = ("/api/tickets/{ticket}", "/api/tickets/{ticket}/notes", "/api/tickets/{ticket}/history",
                "/api/tickets/{ticket}/attachments")
NOTE = {"content": "authorization matrix probe", "is_internal": False}


@dataclass(frozen=True)
class Cell:
    """One request of the matrix and the answer the table says it must get."""

    method: str
    path: str           # with {ticket} still in it
    role: str
    whose: str          # "own", "other" or "" (no ticket in the path)
    body: Any
    route: Route

    @property
    def gateway_refuses(self) -> bool:
        return not self.route.permits(self.method, [self.role])

    def expected(self) -> set[int] | None:
        """The exact statuses allowed, or None for "past the gateway, any non-5xx answer"."""
        if self.gateway_refuses:
            return {403}
        if self.route.prefix in ACTIONS_ONLY and self.method == "GET":
            return {405}
        if self.whose:
            visible = self.role in SEES_ALL_TICKETS or self.whose == "own"
            if self.method == "GET":
                return {200} if visible else {404}
            if self.path.endswith("/notes") and self.method == "POST":
                if self.role not in STAFF:
                    return {403}
                return {201} if visible else {404}
        return None

    def __str__(self) -> str:
        return f"{self.method} {self.path} as {self.role}{' (' + self.whose + ' ticket)' if self.whose else ''}"


def _cells(methods: tuple[str, ...]) -> Iterator[Cell]:
    for route in ROUTES:
        if route.public:
            continue
        path = PROBE_PATHS[route.prefix]
        for method in methods:
            for role in ROLES:
                whoses = ("own", "other") if "{ticket}" in path else ("",)
                for whose in whoses:
                    yield Cell(method, path, role, whose, None if method in READ_METHODS else {}, route)
    for path in TICKET_READS:
        route = match(path.replace("{ticket}", "FF-0001"))
        assert route is not None
        for role in ROLES:
            for whose in ("own", "other"):
                yield Cell("GET", path, role, whose, None, route)
                if path.endswith("/notes"):
                    yield Cell("POST", path, role, whose, NOTE, route)


def _is_gateway_refusal(resp: Any, cell: Cell) -> bool:
    error = resp.json().get("error", {}) if resp.headers.get("Content-Type", "").startswith("application/json") else {}
    return resp.status_code == 403 and " requires one of the roles" in error.get("message", "") \
        and error.get("message", "").startswith(cell.method)


@pytest.fixture(scope="module")
def callers(admin: Any, make_user: Callable[[str], Any]) -> dict[str, Any]:
    """One user per role, each with a ticket assigned to them, and one ticket nobody owns."""
    users = {role: make_user(role) for role in ROLES}
    tickets: dict[str, str] = {}
    for role, api in users.items():
        made = admin.post("/api/tickets", json={"title": f"Matrix {role} {secrets.token_hex(2)}",
                                                "description": "authorization matrix", "source": "ff_internal",
                                                "type": "fault", "priority": "low"})
        assert made.status_code == 201, made.text
        uid = made.json()["data"]["ticket_uid"]
        if role not in SEES_ALL_TICKETS:
            assigned = admin.post(f"/api/tickets/{uid}/assign", json={"assigned_to": api.user_id})
            assert assigned.status_code == 200, assigned.text
        tickets[role] = uid
    other = admin.post("/api/tickets", json={"title": "Matrix nobody's", "description": "authorization matrix",
                                             "source": "ff_internal", "type": "fault", "priority": "low"})
    assert other.status_code == 201, other.text
    return {"users": users, "own": tickets, "other": other.json()["data"]["ticket_uid"]}


def _send(api: Any, method: str, path: str, kwargs: dict[str, Any]) -> Any:
    """One request; a 429 (the per-IP limit, shared with whatever else runs) waits and retries."""
    for _ in range(5):
        resp = api.session.request(method, f"{api.base_url}{path}", timeout=15, **kwargs)
        if resp.status_code != 429:
            return resp
        time.sleep(min(10, int(resp.headers.get("Retry-After", "1"))))
    return resp


def _run(cells: list[Cell], callers: dict[str, Any]) -> tuple[int, list[str]]:
    wrong = []
    for cell in cells:
        ticket = callers["own"][cell.role] if cell.whose == "own" else callers["other"]
        path = cell.path.replace("{ticket}", ticket)
        kwargs = {"json": cell.body} if cell.body is not None else {}
        resp = _send(callers["users"][cell.role], cell.method, path, kwargs)
        expected = cell.expected()
        refused_here = _is_gateway_refusal(resp, cell)
        if cell.gateway_refuses:
            ok = refused_here
        elif expected is not None:
            ok = resp.status_code in expected and not refused_here
        else:
            ok = resp.status_code < 500 and resp.status_code != 401 and not refused_here
        if not ok:
            wrong.append(f"{cell}: {resp.status_code} {resp.text[:160]} (expected {expected or 'past the gateway'})")
    return len(cells), wrong


def test_reads_and_own_or_other_tickets(callers: dict[str, Any]) -> None:
    """Fast subset: every row's GET × every role, every ticket path × role × own/other."""
    cells = list(_cells(("GET",)))
    count, wrong = _run(cells, callers)
    print(f"authorization matrix (reads, own/other): {count} cells, {len(wrong)} wrong")
    assert count >= 80
    assert wrong == [], f"{len(wrong)} of {count} cells wrong:\n" + "\n".join(wrong)


@pytest.mark.faults
def test_the_whole_matrix(callers: dict[str, Any]) -> None:
    """Every row × GET and every write method × every role (× own/other where a ticket is named)."""
    cells = list(_cells(("GET", *WRITES)))
    count, wrong = _run(cells, callers)
    print(f"authorization matrix: {count} cells, {len(wrong)} wrong")
    assert wrong == [], f"{len(wrong)} of {count} cells wrong:\n" + "\n".join(wrong)


def test_the_table_covers_every_row() -> None:
    """A row added to the gateway's table without a probe path here fails, so it gets a cell."""
    missing = [r.prefix for r in ROUTES if not r.public and r.prefix not in PROBE_PATHS]
    assert missing == []
