"""orjson writes ticket-core's responses with the values Flask's own provider writes."""
from __future__ import annotations

import dataclasses
import json
import uuid
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

import pytest
from flask import Flask, jsonify

from ticket_core.entrypoints.json_provider import OrjsonProvider, use_orjson


@dataclasses.dataclass
class Point:
    x: int
    label: str


def app(sort_keys: bool = False) -> Flask:
    flask_app = Flask("t")
    flask_app.json.sort_keys = sort_keys  # type: ignore[attr-defined]
    use_orjson(flask_app)
    return flask_app


def both(value: Any, sort_keys: bool = False) -> tuple[bytes, bytes]:
    """(orjson provider body, Flask default provider body) for ``value``."""
    fast, plain = app(sort_keys), Flask("p")
    plain.json.sort_keys = sort_keys  # type: ignore[attr-defined]
    with fast.app_context():
        ours = jsonify(value).get_data()
    with plain.app_context():
        theirs = jsonify(value).get_data()
    return ours, theirs


SAMPLE = {"success": True, "data": {
    "tickets": [{"id": str(uuid.uuid4()), "title": "Fibre cut — Zone Ä ✓", "latitude": -26.38123456, "n": 3,
                 "tags": ["a", "b"], "nothing": None, "flag": False}],
    "pagination": {"page": 1, "limit": 50, "total": 1, "totalPages": 1, "total_is_estimate": False}}}


def test_same_values_and_key_order_as_flask() -> None:
    ours, theirs = both(SAMPLE)
    assert json.loads(ours) == json.loads(theirs) == SAMPLE
    assert list(json.loads(ours)["data"]) == ["tickets", "pagination"]  # key order kept
    assert ours.endswith(b"\n") and "Zone Ä ✓".encode() in ours  # UTF-8, not \u escapes


def test_types_go_through_flasks_default() -> None:
    when = datetime(2026, 11, 22, 9, 30, tzinfo=timezone.utc)
    value = {"at": when, "day": date(2026, 3, 1), "amount": Decimal("12.50"), "uid": uuid.UUID(int=7),
             "point": Point(1, "p"), 1: "int key", "big": 2**70}
    ours, theirs = both(value)
    assert json.loads(ours) == json.loads(theirs)
    assert json.loads(ours)["at"] == "Sun, 22 Nov 2026 09:30:00 GMT" and json.loads(ours)["amount"] == "12.50"


def test_sort_keys_is_honoured() -> None:
    ours, theirs = both({"b": 1, "a": {"d": 1, "c": 2}}, sort_keys=True)
    assert ours == theirs


def test_unserialisable_still_fails_as_before() -> None:
    with app().app_context(), pytest.raises(TypeError):
        jsonify({"x": object()})


def test_provider_is_installed_with_the_apps_settings() -> None:
    flask_app = app(sort_keys=False)
    assert isinstance(flask_app.json, OrjsonProvider) and flask_app.json.sort_keys is False
