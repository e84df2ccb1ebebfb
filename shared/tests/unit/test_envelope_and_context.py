from fibreflow_shared import context
from fibreflow_shared.envelope import pagination
from fibreflow_shared.messaging.envelope import MalformedEvent, make_event, parse_event

import json
import pytest


def test_pagination_counts_pages() -> None:
    assert pagination(1, 50, 127) == {"page": 1, "limit": 50, "total": 127, "totalPages": 3}
    assert pagination(1, 50, 0)["totalPages"] == 0


def test_header_ids_are_sanitised() -> None:
    assert context.clean_header_id("abc-123_x.y:z") == "abc-123_x.y:z"
    assert context.clean_header_id("bad\nid") is None
    assert context.clean_header_id("x" * 200) is None


def test_event_takes_ids_from_context() -> None:
    with context.ids_scope("req-1", "corr-1", "cause-1"):
        event = make_event("ticket.created", {"a": 1}, producer="ticket-core")
    assert event["correlation_id"] == "corr-1" and event["causation_id"] == "cause-1"
    assert set(event) == {"id", "type", "version", "occurred_at", "producer", "correlation_id", "causation_id", "data"}
    assert parse_event(json.dumps(event).encode())["id"] == event["id"]


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"id": "x", "type": "t"}', b'{"id": 5, "type": "t", "data": {}}'])
def test_malformed_events_are_rejected(body: bytes) -> None:
    with pytest.raises(MalformedEvent):
        parse_event(body)
