"""Bad input is a 400 naming the field, never a 500 (issue #11 item 5), and nothing is written:
NUL and lone surrogates in text fields, filters, paths and upload names; JSON nested thousands
deep (in a body and in an import upload); an out-of-range page. A Unicode attachment name
downloads (RFC 6266 ``filename*``) instead of breaking the server's Latin-1 headers."""
from __future__ import annotations

import io
import json
from typing import Any, Callable
from urllib.parse import unquote

import pytest

pytestmark = pytest.mark.integration
TICKET = {"title": "Router offline", "description": "No light on the ONT", "source": "ff_internal",
          "type": "fault", "priority": "high"}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200


def _field_refused(resp: Any, field: str) -> None:
    assert resp.status_code == 400, resp.get_data(as_text=True)
    error = resp.get_json()["error"]
    assert error["code"] == "VALIDATION_ERROR" and field in error["details"], error


def _upload(client: Any, uid: str, headers: dict, name: str) -> Any:
    return client.post(f"/api/tickets/{uid}/attachments", data={"file": (io.BytesIO(PNG), name)},
                       headers=headers, content_type="multipart/form-data")


@pytest.mark.parametrize("field, value", [("title", "Router \u0000 offline"), ("title", "Router \ud800 offline"),
                                          ("client_name", "Thandi \udc00"), ("description", "\u0000")])
def test_text_that_cannot_be_stored_is_a_400_and_nothing_is_written(client: Any, as_role: Callable, sql: Callable,
                                                                     field: str, value: str) -> None:
    raw = json.dumps({**TICKET, field: value})  # a lone surrogate travels as the escape \ud800
    _field_refused(client.post("/api/tickets", data=raw, content_type="application/json",
                               headers=as_role("admin")), field)
    assert sql("SELECT count(*) FROM tickets")[0][0] == 0
    assert sql("SELECT count(*) FROM outbox")[0][0] == 0


def test_nul_in_a_filter_or_a_path_is_a_400(client: Any, as_role: Callable) -> None:
    admin = as_role("admin")
    _field_refused(client.get("/api/tickets?q=router%00", headers=admin), "q")
    _field_refused(client.get("/api/tickets?zone=A%00", headers=admin), "zone")
    _field_refused(client.get("/api/tickets/FF-%00", headers=admin), "ticket_id")
    _field_refused(client.get("/api/tickets/lookup/drop/DR%00", headers=admin), "drop_number")


@pytest.mark.parametrize("depth", [1000, 100_000])
def test_deep_json_is_a_400(client: Any, as_role: Callable, depth: int) -> None:
    raw = '{"title": ' + "[" * depth + "]" * depth + "}"
    _field_refused(client.post("/api/tickets", data=raw, content_type="application/json",
                               headers=as_role("admin")), "body")


def test_an_import_upload_is_checked_like_a_body(client: Any, as_role: Callable, sql: Callable) -> None:
    manager = as_role("manager")
    url = "/api/tickets/reference/projects/import"
    deep = "[" * 5000 + "]" * 5000
    _field_refused(client.post(url, data=deep, content_type="text/plain", headers=manager), "body")
    _field_refused(client.post(url, data="id,name\nP1,Law\x00ley\n", content_type="text/csv", headers=manager),
                   "body")
    escaped = json.dumps([{"id": "P1", "name": "Law\u0000ley"}])
    _field_refused(client.post(url, data=escaped, content_type="text/plain", headers=manager), "0.name")
    assert client.post(url, data=b"\xff\xfe\xfa", content_type="text/csv", headers=manager).status_code == 422
    assert sql("SELECT count(*) FROM projects")[0][0] == 0


def test_page_and_limit_are_bounded(client: Any, as_role: Callable) -> None:
    _field_refused(client.get("/api/tickets?page=9223372036854775807", headers=as_role("admin")), "page")
    _field_refused(client.get("/api/tickets?limit=99999999999999999999", headers=as_role("admin")), "limit")


def test_a_unicode_attachment_name_downloads(client: Any, as_role: Callable) -> None:
    admin = as_role("admin")
    uid = client.post("/api/tickets", json=TICKET, headers=admin).get_json()["data"]["ticket_uid"]
    name = "ünïcødé 🔥.png"
    made = _upload(client, uid, admin, name)
    assert made.status_code == 201 and made.get_json()["data"]["file_name"] == name
    got = client.get(made.get_json()["data"]["file_url"], headers=admin)
    assert got.status_code == 200 and got.data == PNG
    disposition = got.headers["Content-Disposition"]
    disposition.encode("latin-1")  # what a WSGI server does with a header; 🔥 in it was the 500
    assert disposition.isascii() and disposition.startswith('attachment; filename="')
    assert unquote(disposition.split("filename*=UTF-8''", 1)[1]) == name
    assert got.headers["X-Content-Type-Options"] == "nosniff"


def test_an_upload_name_with_nul_is_a_400_and_nothing_is_stored(client: Any, as_role: Callable,
                                                                 sql: Callable, container: Any) -> None:
    admin = as_role("admin")
    uid = client.post("/api/tickets", json=TICKET, headers=admin).get_json()["data"]["ticket_uid"]
    _field_refused(_upload(client, uid, admin, "router\x00.png"), "file")
    assert sql("SELECT count(*) FROM ticket_attachments")[0][0] == 0
