"""The sync's pure rules: reading cases, mapping, the import diff and the three-way export plan."""
from __future__ import annotations

import pytest

from qcontact_sync.config import PRIORITY_MAP, REVERSE_STATUS_MAP, STATUS_MAP
from qcontact_sync.domain.errors import InvalidCase
from qcontact_sync.domain.model import (Maps, desired_qc_values, fibertime_uid_digits, import_changes, parse_case,
                                        plan_export, synced_state, ticket_fields)

MAPS = Maps(STATUS_MAP, REVERSE_STATUS_MAP, PRIORITY_MAP, {})
KEY = "k"


def raw(**fields) -> dict:
    base = {"status": "Open", "priority": "High", "subject": "No signal", "description": "d", "queue": "Maintenance - Velocity"}
    base.update(fields)
    return {"id": 123, "created_at": "2026-12-01T10:00:00.000Z", "updated_at": "2026-12-01T10:00:00.000Z",
            "fields": base, "relationships": {"c__dr_number": {"label": "DR1734315"},
                                              "contact": {"name": "A", "telephone": "+27821234567"}}}


def test_both_answer_forms_read_the_same() -> None:
    third_party = parse_case(raw(), STATUS_MAP)
    prd = parse_case({"id": "123", "subject": "No signal", "description": "d", "status": "Open", "priority": "High",
                      "queue": "Maintenance - Velocity", "c__dr_number": "DR1734315", "updated_at": "2026-12-01T10:00:00Z",
                      "created_at": "2026-12-01T10:00:00Z"}, STATUS_MAP)
    assert ticket_fields(third_party, MAPS) == ticket_fields(prd, MAPS) == {
        "title": "No signal", "description": "d", "type": "fault", "priority": "high", "category": None,
        "drop_number": "DR1734315", "address": None, "status": "new"}
    assert third_party.contact == {"name": "A", "phone": "+27821234567"}


@pytest.mark.parametrize("bad", [None, [], {"id": "x", "updated_at": "2026-12-01T10:00:00Z", "status": "Open"},
                                 {"id": 1, "status": "Open"}, {"id": 1, "updated_at": "yesterday", "status": "Open"},
                                 {"id": 1, "updated_at": "2026-12-01T10:00:00Z", "status": "Reopened?"}])
def test_unreadable_cases_are_refused(bad) -> None:
    with pytest.raises(InvalidCase):
        parse_case(bad, STATUS_MAP)


@pytest.mark.parametrize("qc, ff", [("Open", "new"), ("In Progress", "in_progress"), ("Pending", "blocked"),
                                    ("Resolved", "resolved"), ("Closed", "closed")])
def test_every_status_maps_and_maps_back(qc, ff) -> None:
    assert ticket_fields(parse_case(raw(status=qc), STATUS_MAP), MAPS)["status"] == ff
    assert desired_qc_values({"status": ff, "priority": "low"}, MAPS)["status"] == qc


def test_priorities_map_both_ways() -> None:
    for qc, ff in {"Low": "low", "Medium": "medium", "High": "high", "Urgent": "critical"}.items():
        assert ticket_fields(parse_case(raw(priority=qc), STATUS_MAP), MAPS)["priority"] == ff
        assert desired_qc_values({"priority": ff}, MAPS) == {"priority": qc}


def test_import_diff_is_empty_for_the_agreed_state_and_names_changed_fields() -> None:
    case = parse_case(raw(), STATUS_MAP)
    agreed = synced_state(case, MAPS, KEY)
    assert import_changes(case, agreed, MAPS, KEY) == {}
    changed = parse_case(raw(status="Pending", subject="Splice"), STATUS_MAP)
    assert import_changes(changed, agreed, MAPS, KEY) == {"status": "blocked", "title": "Splice"}
    assert "+27821234567" not in str(agreed)  # digests only


def test_three_way_plan() -> None:
    agreed = synced_state(parse_case(raw(), STATUS_MAP), MAPS, KEY)
    unchanged_there = parse_case(raw(), STATUS_MAP)
    plan = plan_export({"status": "In Progress", "priority": "High"}, unchanged_there, agreed)
    assert (plan.send, plan.conflicts, plan.already) == ({"status": "In Progress"}, {}, {})
    both = parse_case(raw(status="Pending"), STATUS_MAP)
    plan = plan_export({"status": "In Progress"}, both, agreed)
    assert plan.send == {} and plan.conflicts == {"status": {"qcontact": "Pending", "fibreflow": "In Progress",
                                                             "last_synced": "Open"}}
    same = parse_case(raw(status="In Progress"), STATUS_MAP)
    assert plan_export({"status": "In Progress"}, same, agreed).already == {"status": "In Progress"}
    # FibreFlow's triaged is still "Open" there: nothing to write
    assert plan_export(desired_qc_values({"status": "triaged"}, MAPS), unchanged_there, agreed).send == {}


def test_fibertime_ids_give_ft_uid_digits() -> None:
    assert fibertime_uid_digits("FT-2025-12345") == "202512345"
    with pytest.raises(InvalidCase):
        fibertime_uid_digits("FT-ABC")
