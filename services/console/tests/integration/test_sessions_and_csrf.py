"""The backend-for-frontend against a real gateway: sign in, tokens encrypted at rest, the cookie,
CSRF, refresh under concurrency, sign out revoking the refresh token, expiry, outages, refusals."""
from __future__ import annotations

import re
import threading
from datetime import timedelta
from typing import Any

import pytest
import requests
from sqlalchemy import select, text

from console.adapters.orm import SavedViewRow, SessionRow
from console.domain.sessions import session_id
from console.domain.tickets import Filters
from console.service_layer import saved_views, sessions
from fibreflow_shared.db import transaction
from fibreflow_shared.timeutil import utc_now

pytestmark = pytest.mark.integration
COOKIE = "__Host-ff_console"
JWT = re.compile(rb"eyJ[A-Za-z0-9_-]{8,}\.")


def sign_in(client: Any, username: str, password: str, next_: str | None = None) -> Any:
    page = client.get("/login")
    token = re.search(rb'name="login_csrf" value="([^"]+)"', page.data).group(1).decode()
    data = {"login_csrf": token, "username": username, "password": password}
    if next_:
        data["next"] = next_
    return client.post("/login", data=data, headers={"Sec-Fetch-Site": "same-origin"})


def csrf_of(client: Any) -> str:
    page = client.get("/shortcuts")
    return re.search(rb'name="csrf_token" value="([^"]+)"', page.data).group(1).decode()


def rows(container: Any) -> list[SessionRow]:
    with container.sessions() as session:
        return list(session.scalars(select(SessionRow)))


def test_sign_in_sets_a_host_cookie_and_keeps_tokens_encrypted(client: Any, container: Any, make_user: Any) -> None:
    username, password, user_id = make_user("team_lead")
    resp = sign_in(client, username, password)
    assert resp.status_code == 303 and resp.headers["Location"] == "/tickets"
    cookie = next(h for h in resp.headers.getlist("Set-Cookie") if h.startswith(f"{COOKIE}="))
    for flag in ("Secure", "HttpOnly", "SameSite=Strict", "Path=/"):
        assert flag in cookie
    assert "Domain=" not in cookie
    value = cookie.split(";")[0].split("=", 1)[1]
    assert not JWT.search(resp.data) and not JWT.search(str(resp.headers).encode())
    (row,) = rows(container)
    assert row.id == session_id(value) and row.id != value  # only the hash is stored
    assert row.user_id == user_id and row.roles == ["team_lead"]
    assert not row.access_token.startswith("eyJ") and not row.refresh_token.startswith("ey")
    assert container.deps.cipher.open(row.access_token).startswith("eyJ")  # a JWT, sealed


def test_wrong_password_shows_the_form_again_and_sets_no_session(client: Any, container: Any,
                                                                 make_user: Any) -> None:
    username, _, _ = make_user("technician")
    resp = sign_in(client, username, "not-the-password")
    assert resp.status_code == 401 and b"Sign in to FibreFlow" in resp.data and b'role="alert"' in resp.data
    assert not any(h.startswith(f"{COOKIE}=") for h in resp.headers.getlist("Set-Cookie"))
    assert rows(container) == []


def test_login_form_needs_its_double_submit_token(client: Any, make_user: Any) -> None:
    username, password, _ = make_user("technician")
    client.get("/login")
    resp = client.post("/login", data={"login_csrf": "forged", "username": username, "password": password})
    assert resp.status_code == 403 and b"Form refused" in resp.data


def test_next_is_kept_but_only_for_our_own_paths(client: Any, make_user: Any) -> None:
    username, password, _ = make_user("admin")
    assert sign_in(client, username, password, "/admin/users").headers["Location"] == "/admin/users"
    other = client.application.test_client()
    assert sign_in(other, username, password, "//evil.example/x").headers["Location"] == "/tickets"


@pytest.mark.parametrize("headers, form_token", [
    ({}, None),                                                      # no token
    ({}, "not-the-token"),                                           # a wrong one
    ({"Sec-Fetch-Site": "cross-site"}, "REAL"),                      # the browser says another site
    ({"Sec-Fetch-Site": "same-site"}, "REAL"),                       # a sibling origin
    ({"Origin": "http://evil.example"}, "REAL"),                     # another origin
])
def test_state_changing_posts_need_the_token_and_our_origin(client: Any, container: Any, make_user: Any,
                                                             headers: dict[str, str], form_token: str | None) -> None:
    username, password, _ = make_user("technician")
    sign_in(client, username, password)
    real = csrf_of(client)
    data = {} if form_token is None else {"csrf_token": real if form_token == "REAL" else form_token}
    resp = client.post("/logout", data=data, headers=headers)
    assert resp.status_code == 403 and b"Form refused" in resp.data
    assert len(rows(container)) == 1  # still signed in: nothing happened


def test_sign_out_ends_the_session_and_revokes_the_refresh_token(client: Any, container: Any, make_user: Any,
                                                                 gateway_url: str) -> None:
    username, password, _ = make_user("technician")
    sign_in(client, username, password)
    (row,) = rows(container)
    refresh = container.deps.cipher.open(row.refresh_token)
    resp = client.post("/logout", data={"csrf_token": csrf_of(client)}, headers={"Origin": "http://localhost"})
    assert resp.status_code == 303 and "/login" in resp.headers["Location"]
    assert rows(container) == []
    assert requests.post(f"{gateway_url}/api/auth/refresh", json={"refresh_token": refresh},
                         timeout=10).status_code == 401
    assert client.get("/tickets").status_code == 303  # back to the login page


def test_concurrent_requests_renew_an_expiring_token_once(client: Any, container: Any, make_user: Any) -> None:
    username, password, _ = make_user("technician")
    sign_in(client, username, password)
    with transaction(container.sessions) as session:
        session.execute(text("UPDATE console_sessions SET access_expires_at = now() - interval '1 minute'"))
    (row,) = rows(container)
    visitor = sessions.Visitor(row.id, row.user_id, row.username, row.display_name, frozenset(row.roles),
                               row.csrf_token)
    results: list[Any] = []

    def call() -> None:
        try:
            results.append(sessions.access_token(container.deps, container.sessions, visitor))
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            results.append(exc)

    threads = [threading.Thread(target=call) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(isinstance(r, str) for r in results), results
    assert len(set(results)) == 1  # one renewal, shared; a second would have spent a used refresh token
    (after,) = rows(container)
    assert after.access_expires_at > utc_now() + timedelta(seconds=30)
    me = container.deps.gateway.call(results[0], "GET", "/api/auth/me")
    assert me["username"] == username


def test_idle_session_ends(client: Any, container: Any, make_user: Any) -> None:
    username, password, _ = make_user("technician")
    sign_in(client, username, password)
    with transaction(container.sessions) as session:
        session.execute(text("UPDATE console_sessions SET last_seen_at = now() - interval '2 hours'"))
    resp = client.get("/my")
    assert resp.status_code == 303 and "/login" in resp.headers["Location"]
    assert rows(container) == []


def test_other_roles_pages_are_refused_with_a_page_not_a_trace(client: Any, make_user: Any) -> None:
    username, password, _ = make_user("technician")
    sign_in(client, username, password)
    for path in ("/admin/users", "/billing/pending", "/settings/sla", "/reports"):
        resp = client.get(path)
        assert resp.status_code == 403 and b"Not for your role" in resp.data, path
        assert resp.mimetype == "text/html" and b"Traceback" not in resp.data


def test_a_service_behind_the_gateway_down_is_a_503_page(client: Any, make_user: Any) -> None:
    username, password, _ = make_user("admin")
    sign_in(client, username, password)
    resp = client.get("/tickets")  # ticket-core is not deployed behind this test gateway
    assert resp.status_code == 503 and b"Temporarily unavailable" in resp.data


def test_gateway_unreachable_is_a_clear_login_error(container: Any, clean: None) -> None:
    import dataclasses

    from console.adapters.gateway import Gateway
    from console.bootstrap import bootstrap
    from console.entrypoints.http import create_app
    from fibreflow_shared.testing.infra import free_port

    settings = dataclasses.replace(container.settings, gateway_url=f"http://127.0.0.1:{free_port()}")
    down = bootstrap(settings, gateway=Gateway(settings.gateway_url, timeout=1))
    try:
        client = create_app(settings, container=down).test_client()
        resp = sign_in(client, "anyone", "anything")
        assert resp.status_code == 503 and b"not answering" in resp.data
    finally:
        down.close()


def test_pages_carry_security_headers(client: Any) -> None:
    resp = client.get("/login")
    assert "script-src 'self'" in resp.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in resp.headers["Content-Security-Policy"]
    assert resp.headers["X-Frame-Options"] == "DENY" and resp.headers["Cache-Control"] == "no-store"


def test_saved_views_are_per_user_and_replaced_by_name(container: Any, clean: None) -> None:
    with transaction(container.sessions) as session:
        first = saved_views.save(session, "u1", "  Breached  faults ", Filters.from_args(
            {"type": "fault", "sla_state": "breached", "page": "4"}))
        saved_views.save(session, "u1", "Breached faults", Filters.from_args({"type": "fault"}))
        saved_views.save(session, "u2", "Mine", Filters.from_args({"status": "new"}))
        assert not saved_views.remove(session, "u2", first)  # not theirs
    with container.sessions() as session:
        mine = session.scalars(select(SavedViewRow).where(SavedViewRow.user_id == "u1")).all()
    assert [(v.name, v.query) for v in mine] == [("Breached faults", "type=fault")]
