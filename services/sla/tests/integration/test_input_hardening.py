"""The business calendar's PUT refuses what is not a change (issue #11 item 5: an empty PUT bumped
the calendar's version) and bad input with a 400 naming the field, never a 500."""
from __future__ import annotations

import json
from typing import Any

import pytest

from fibreflow_shared.testing.tokens import TestSigner

pytestmark = pytest.mark.integration
URL = "/api/sla/calendar"


def _version(client: Any, signer: TestSigner) -> int:
    return client.get(URL, headers=signer.headers()).get_json()["data"]["version"]


@pytest.mark.parametrize("kwargs", [{}, {"json": {}}, {"data": "", "content_type": "application/json"}])
def test_an_empty_put_is_a_400_and_leaves_the_version(client: Any, signer: TestSigner, kwargs: dict) -> None:
    before = _version(client, signer)
    resp = client.put(URL, headers=signer.headers(), **kwargs)
    assert resp.status_code == 400, resp.get_data(as_text=True)
    assert resp.get_json()["error"]["code"] == "VALIDATION_ERROR"
    assert _version(client, signer) == before


def test_a_put_that_changes_nothing_is_not_a_new_version(client: Any, signer: TestSigner) -> None:
    current = client.get(URL, headers=signer.headers()).get_json()["data"]
    same = {"timezone": current["timezone"], "country": current["country"],
            "working_hours": [d for d in current["working_hours"] if d["open"]]}
    resp = client.put(URL, headers=signer.headers(), json=same)
    assert resp.status_code == 200 and resp.get_json()["data"]["version"] == current["version"]
    changed = client.put(URL, headers=signer.headers(), json={"timezone": "UTC"})
    assert changed.status_code == 200 and changed.get_json()["data"]["version"] == current["version"] + 1


def test_a_working_day_without_a_weekday_is_a_400(client: Any, signer: TestSigner) -> None:
    resp = client.put(URL, headers=signer.headers(), json={"working_hours": [{}, {"open": False}]})
    assert resp.status_code == 400 and "working_hours" in resp.get_json()["error"]["details"]


@pytest.mark.parametrize("zone", ["Africa/\ud800", "Africa/Johannesburg\u0000"])
def test_a_timezone_that_is_not_text_is_a_400_naming_it(client: Any, signer: TestSigner, zone: str) -> None:
    resp = client.put(URL, headers=signer.headers(), data=json.dumps({"timezone": zone}),
                      content_type="application/json")
    assert resp.status_code == 400 and "timezone" in resp.get_json()["error"]["details"]


def test_a_viewer_learns_nothing_of_the_schema(client: Any, signer: TestSigner) -> None:
    resp = client.put(URL, headers=signer.headers(roles=["viewer"]), json={"timezone": 5})
    assert resp.status_code == 403 and "details" not in resp.get_json()["error"]
