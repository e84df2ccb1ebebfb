"""Demo data for ``make run``: projects, poles, drops, teams, users and a few tickets, so a
newcomer sees a living system. Idempotent: a second run adds nothing."""
from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select

from fibreflow_shared.db import transaction
from ticket_core.adapters.orm import TeamRow, TicketRow, UserRow
from ticket_core.domain.model import SYSTEM_USER_ID, NewTicket
from ticket_core.service_layer import reference
from ticket_core.service_layer.lifecycle import apply_assignment
from ticket_core.service_layer.teams import create_team
from ticket_core.service_layer.tickets import create_ticket

NS = uuid.UUID("0b7c8a52-0d7e-4f59-9d55-6f4a3f1c2b10")


def _id(name: str) -> str:
    return str(uuid.uuid5(NS, name))


PROJECTS = [{"id": _id("lawley"), "name": "Lawley Phase 2", "code": "LAW2", "zone": "Zone A"},
            {"id": _id("mohadin"), "name": "Mohadin Extension", "code": "MOH1", "zone": "Zone B"}]
POLES = [{"pole_number": f"P-{4500 + i}", "project_id": PROJECTS[i % 2]["id"], "zone": PROJECTS[i % 2]["zone"],
          "latitude": f"-26.{380000 + i}", "longitude": f"27.{810000 + i}"} for i in range(10)]
DROPS = [{"drop_number": f"DR{1000 + i}", "project_id": PROJECTS[i % 2]["id"], "pole_number": f"P-{4500 + i % 10}",
          "zone": PROJECTS[i % 2]["zone"], "address": f"{10 + i} Main Street, {'Lawley' if i % 2 == 0 else 'Mohadin'}",
          "pon": f"PON-{i % 4 + 1}", "latitude": f"-26.{390000 + i}", "longitude": f"27.{820000 + i}",
          "install_date": f"2026-0{i % 9 + 1}-15"} for i in range(30)]
USERS = [("thabo", "Thabo M.", ["technician"]), ("lerato", "Lerato K.", ["technician"]),
         ("marcus", "Marcus T.", ["team_lead"]), ("sarah", "Sarah K.", ["admin"]), ("director", "The Director", ["manager"])]


def seed(container: Any) -> dict[str, Any]:
    """Load the demo data unless teams exist already; says what it did."""
    deps = container.deps
    with transaction(container.sessions) as session:
        if session.scalar(select(func.count()).select_from(TeamRow)):
            return {"seeded": False, "reason": "teams exist already"}
        for kind, rows in (("projects", PROJECTS), ("poles", POLES), ("drops", DROPS)):
            reference.import_rows(session, kind, rows)
        for name, display, roles in USERS:
            session.merge(UserRow(id=_id(name), username=name, display_name=display, email=f"{name}@fibreflow.test",
                                  roles=roles, active=True))
        session.flush()
        members = [{"user_id": _id("thabo"), "is_lead": False}, {"user_id": _id("lerato"), "is_lead": False},
                   {"user_id": _id("marcus"), "is_lead": True}]
        field = create_team(session, deps, {"name": "Field Team A", "zone": "Zone A",
                                            "specialty_types": ["fault", "build"], "members": members})
        create_team(session, deps, {"name": "Management", "zone": None, "specialty_types": [],
                                    "members": [{"user_id": _id("director"), "is_lead": True}]})
        admin = _id("sarah")
        samples = [
            NewTicket("No signal at customer premises", "Router shows no signal light since 06:00.", "fault", "high",
                      "ff_internal", admin, drop_number="DR1000"),
            NewTicket("Pole leaning after storm", "Pole P-4503 leaning over the road.", "infrastructure", "critical",
                      "ff_internal", admin, drop_number="DR1003"),
            NewTicket("Drop cable not terminated", "Installer left drop unterminated.", "build", "medium",
                      "construction", admin, drop_number="DR1004"),
            NewTicket("Collect spare ONTs from depot", "Quick task for the afternoon.", "adhoc", "low", "adhoc", admin),
            NewTicket("Charged twice for November", "Client says the debit order ran twice.", "billing", "high",
                      "billing", admin, issue_type="incorrect_bill", client_name="Nomsa Dlamini",
                      client_phone="082 555 1234", client_email="nomsa@example.com", client_account_id="ACC-1001"),
        ]
        created = [create_ticket(session, deps, t) for t in samples]
        first = session.scalars(select(TicketRow).where(TicketRow.ticket_uid == created[0]["ticket_uid"])).one()
        apply_assignment(session, deps, first, _id("thabo"), field["id"], SYSTEM_USER_ID, reason=None, kind="assign")
    return {"seeded": True, "tickets": [t["ticket_uid"] for t in created], "drops": len(DROPS)}
