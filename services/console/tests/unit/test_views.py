"""Page reads that need no server: "all that match" paging, metric cards, the changed-rows query."""
from __future__ import annotations

from typing import Any

from console import views
from console.domain.tickets import Filters


class FakeApi:
    """GET /api/tickets over an in-memory list, paging as the API does (the shape of its answer)."""

    def __init__(self, n: int) -> None:
        self.ids = [f"id-{i}" for i in range(n)]
        self.calls: list[dict[str, Any]] = []

    def read(self, path: str, **params: Any) -> dict[str, Any]:
        assert path == "/api/tickets"
        self.calls.append(params)
        page, limit = params["page"], params["limit"]
        chunk = self.ids[(page - 1) * limit: page * limit]
        return {"tickets": [{"id": i} for i in chunk],
                "pagination": {"page": page, "limit": limit, "total": len(self.ids)}}


def test_all_that_match_pages_through_the_query_with_its_filters() -> None:
    api = FakeApi(450)
    filters = Filters.from_args({"status": "new", "priority": "high"})
    ids, total = views.matching_ids(api.read, filters, cap=5000)
    assert ids == api.ids and total == 450
    assert [c["page"] for c in api.calls] == [1, 2, 3]
    assert all(c["status"] == "new" and c["priority"] == "high" and c["limit"] == 200 for c in api.calls)


def test_all_that_match_stops_at_the_cap() -> None:
    api = FakeApi(1000)
    ids, total = views.matching_ids(api.read, Filters.from_args({}), cap=300)
    assert len(ids) == 300 and total == 1000 and len(api.calls) == 2


def test_changed_rows_asks_for_updates_since_the_cursor() -> None:
    api = FakeApi(3)
    views.changed_rows(api.read, Filters.from_args({"type": "fault", "page": "4"}), "2026-12-02T08:00:00+00:00")
    (call,) = api.calls
    assert call["updated_at_from"] == "2026-12-02T08:00:00+00:00" and call["page"] == 1
    assert call["sort"] == "-updated_at" and call["type"] == "fault"


def test_metric_cards() -> None:
    cards = views.metric_cards({"open_total": 42, "open_by_status": {"assigned": 10, "in_progress": 8},
                                "overdue": 3, "sla_compliance": {"week": {"percent": 94.0}},
                                "average_resolution_hours": {"by_type": {"fault": 4.0, "build": 8.0}}})
    assert [(label, figure) for label, figure, _ in cards] == [
        ("Open", "42"), ("Assigned", "18"), ("Overdue", "3"), ("SLA", "94%"), ("Avg", "6.0h")]
    assert views.metric_cards({}) == []


def test_together_keeps_order_and_raises_the_first_failure() -> None:
    assert views.together(lambda: 1, lambda: 2, lambda: 3) == [1, 2, 3]
    try:
        views.together(lambda: 1, lambda: (_ for _ in ()).throw(ValueError("boom")))
    except ValueError as exc:
        assert str(exc) == "boom"
    else:
        raise AssertionError("no error raised")
