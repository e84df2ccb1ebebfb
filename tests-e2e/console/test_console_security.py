"""The console's security in the browser: no token reaches a page, the session cookie's flags,
a form posted from another origin is refused, another role's page is refused with a clear page."""
from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator

import pytest

pytestmark = pytest.mark.e2e
JWT = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")
PAGES = ("/tickets", "/my", "/tickets/new", "/inbox", "/reports", "/settings/sla", "/billing/pending",
         "/billing/contracts", "/billing/fee-schedule", "/admin/users", "/admin/teams")


def test_no_token_in_any_page_or_script_reachable_storage(sign_in, admin, admin_password, base_url) -> None:
    made = admin.post("/api/tickets", json={"title": "Token hunt", "description": "Any page, any token",
                                            "type": "fault", "priority": "low"}).json()["data"]
    page = sign_in("admin", admin_password)
    seen: list[str] = []
    page.on("response", lambda r: seen.append(r.url))
    for path in PAGES + (f"/tickets/{made['ticket_uid']}",):
        resp = page.goto(f"{base_url}{path}")
        assert resp is not None and resp.status == 200, path
        html = page.content()
        assert not JWT.search(html), f"a JWT in {path}"
        assert "refresh_token" not in html and "access_token" not in html, path
        assert not JWT.search(" ".join(f"{k}: {v}" for k, v in resp.headers.items())), path
    # Nothing a script (an injected one included) could read.
    assert page.evaluate("document.cookie") == ""
    storage = page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")
    assert not JWT.search(storage) and "token" not in storage.lower(), storage[:300]
    assert all("/api/" not in url for url in seen), "the browser called the API itself"


def test_session_cookie_flags(sign_in, admin_password) -> None:
    page = sign_in("admin", admin_password)
    cookies = {c["name"]: c for c in page.context.cookies()}
    session = cookies["__Host-ff_console"]
    assert session["httpOnly"] and session["secure"] and session["sameSite"] == "Strict"
    assert session["path"] == "/" and not session["domain"].startswith(".")  # host-only: no Domain attribute
    assert len(session["value"]) >= 40
    assert set(cookies) == {"__Host-ff_console"}  # the login form's CSRF cookie is gone


@pytest.fixture()
def attacker() -> Iterator[str]:
    """A page on another origin (127.0.0.1, another port) that posts a form to the console."""
    pages: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            body = pages.get(self.path, b"not found")
            self.send_response(200 if self.path in pages else 404)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.pages = pages  # type: ignore[attr-defined]
    yield server  # type: ignore[misc]
    server.shutdown()


def test_a_cross_site_form_post_is_refused(sign_in, admin, admin_password, attacker, base_url) -> None:
    made = admin.post("/api/tickets", json={"title": "CSRF target", "description": "Should stay open",
                                            "type": "fault", "priority": "low"}).json()["data"]
    page = sign_in("admin", admin_password)
    form = (f'<form id="f" method="post" action="{base_url}/tickets/{made["ticket_uid"]}/status">'
            '<input name="status" value="closed"><input name="csrf_token" value="guessed"></form>'
            '<script>document.getElementById("f").submit()</script>')
    attacker.pages["/evil"] = form.encode()  # type: ignore[attr-defined]
    host, port = attacker.server_address  # type: ignore[attr-defined]
    for origin in (f"http://127.0.0.1:{port}", f"http://localhost:{port}"):  # same-site and cross-site
        with page.expect_navigation(url=re.compile(r".*/status$")) as nav:
            page.goto(f"{origin}/evil")
        assert nav.value.status == 403, origin
        assert "Form refused" in page.inner_text("main") or "Sign in first" in page.inner_text("main")
    assert admin.get(f"/api/tickets/{made['id']}").json()["data"]["status"] == "new"
    # A same-origin post with the session's token does work (the refusal above was the check, not a bug).
    page.goto(f"{base_url}/tickets/{made['ticket_uid']}")
    with page.expect_navigation():
        page.click("button.move:has-text('Close')")
    assert admin.get(f"/api/tickets/{made['id']}").json()["data"]["status"] == "closed"


def test_a_page_of_another_role_is_refused_clearly(sign_in, make_console_user, base_url) -> None:
    tech = make_console_user("technician")
    page = sign_in(tech.username, tech.password)
    nav = page.inner_text("header nav")
    assert "Users" not in nav and "Billing" not in nav and "SLA" not in nav
    for path, what in (("/admin/users", "User administration"), ("/billing/pending", "Billing"),
                       ("/settings/sla", "SLA settings"), ("/reports", "Reports")):
        resp = page.goto(f"{base_url}{path}")
        assert resp is not None and resp.status == 403, path
        text = page.inner_text(".refusal")
        assert "Not for your role" in text and what in text and "Technician" in text, text
        assert "Traceback" not in page.content()
    viewer = make_console_user("viewer")
    page = sign_in(viewer.username, viewer.password)
    resp = page.goto(f"{base_url}/tickets/new")
    assert resp is not None and resp.status == 403
