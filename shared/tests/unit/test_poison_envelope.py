"""Every kind of unparseable message is a MalformedEvent (never another exception): the consumer
dead-letters MalformedEvent at once, so nothing a publisher sends can crash a worker loop."""
from __future__ import annotations

import json

import pytest

from fibreflow_shared.messaging.envelope import (MAX_EVENT_DEPTH, MalformedEvent, attempts_from_headers,
                                                 make_event, parse_event)


def envelope(**overrides: object) -> bytes:
    event = make_event("ticket.note_added", {"note": {"body": "hi"}}, producer="test")
    event.update(overrides)
    return json.dumps(event).encode()


POISON = {
    "deep array": b"[" * 5000 + b"]" * 5000,
    "deep data": envelope(data={"x": json.loads("[" * 100 + "]" * 100)}),
    "deep object": b'{"a":' * 5000 + b"1" + b"}" * 5000,
    "not json": b"{this is not json",
    "empty": b"",
    "non utf-8": b'{"id": "\xff\xfe", "type": "t", "data": {}}',
    "utf-16 garbage": "\ud800".encode("utf-16", "surrogatepass"),
    "lone surrogate": envelope(data={"title": "\ud800"}),
    "nul in text": envelope(data={"title": "a\u0000b"}),
    "nul in a key": envelope(data={"a\u0000": 1}),
    "array": b"[]",
    "string": b'"ticket"',
    "missing data": b'{"id": "x", "type": "t"}',
    "id not a string": b'{"id": 5, "type": "t", "data": {}}',
    "empty type": envelope(type=""),
    "data a list": envelope(data=[1]),
    "correlation id an object": envelope(correlation_id={"a": 1}),
    "version a string": envelope(version="1"),
    "huge integer": b'{"id": "x", "type": "t", "data": {"n": ' + b"9" * 5000 + b"}}",
}


@pytest.mark.parametrize("body", POISON.values(), ids=POISON.keys())
def test_every_poison_body_is_a_malformed_event(body: bytes) -> None:
    with pytest.raises(MalformedEvent):
        parse_event(body)


def test_depth_up_to_the_limit_is_accepted() -> None:
    nested: object = 1
    for _ in range(MAX_EVENT_DEPTH - 2):  # the envelope and data objects are two levels
        nested = [nested]
    assert parse_event(envelope(data={"x": nested}))["data"]["x"]
    with pytest.raises(MalformedEvent, match="deep"):
        parse_event(envelope(data={"x": [nested]}))


@pytest.mark.parametrize("headers, expected", [(None, 0), ({}, 0), ({"x-fibreflow-attempts": 3}, 3),
                                               ({"x-fibreflow-attempts": "2"}, 2), ({"x-other": b"\xff"}, 0)])
def test_attempts_header_is_read(headers: dict | None, expected: int) -> None:
    assert attempts_from_headers(headers) == expected


@pytest.mark.parametrize("value", ["one", -1, True, 10**9, 1.5, b"\xff", None, [1]])
def test_bad_attempts_header_is_malformed(value: object) -> None:
    with pytest.raises(MalformedEvent, match="x-fibreflow-attempts"):
        attempts_from_headers({"x-fibreflow-attempts": value})
