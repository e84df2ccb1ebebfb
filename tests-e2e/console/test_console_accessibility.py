"""WCAG 2.1 A/AA with axe-core (vendored, run in the browser): no serious or critical violation on
the main pages, desktop and phone; and the keyboard help overlay opens with ?."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e
MAIN_PAGES = ("/tickets", "/tickets/new", "/tickets/new?kind=billing", "/my", "/inbox", "/reports",
              "/reports?report=sla", "/settings/sla", "/billing/pending", "/billing/contracts",
              "/billing/guarantees", "/billing/fee-schedule", "/admin/users", "/admin/teams")


def _axe_violations(page):  # the helper lives in this folder's conftest
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("console_e2e_helpers", Path(__file__).with_name("conftest.py"))
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.axe_violations(page)


def test_main_pages_have_no_serious_axe_violations(sign_in, admin, admin_password, base_url) -> None:
    made = admin.post("/api/tickets", json={"title": "Accessible ticket", "description": "With a note",
                                            "type": "fault", "priority": "critical"}).json()["data"]
    admin.post(f"/api/tickets/{made['id']}/notes", json={"content": "@admin have a look"})
    page = sign_in("admin", admin_password, bypass_csp=True)
    found = {}
    for path in MAIN_PAGES + (f"/tickets/{made['ticket_uid']}",):
        resp = page.goto(f"{base_url}{path}")
        assert resp is not None and resp.status == 200, path
        violations = _axe_violations(page)
        if violations:
            found[path] = violations
    page.goto(f"{base_url}/login")
    assert not found, found


def test_login_and_phone_cards_are_accessible(browser, sign_in, admin, make_console_user, base_url) -> None:
    context = browser.new_context(bypass_csp=True)
    try:
        login = context.new_page()
        login.goto(f"{base_url}/login")
        assert _axe_violations(login) == []
    finally:
        context.close()
    tech = make_console_user("technician")
    made = admin.post("/api/tickets", json={"title": "Phone card", "description": "a11y", "type": "build",
                                            "priority": "high"}).json()["data"]
    admin.post(f"/api/tickets/{made['id']}/status", json={"status": "triaged"})
    admin.post(f"/api/tickets/{made['id']}/assign", json={"assigned_to": tech.id})
    page = sign_in(tech.username, tech.password, viewport={"width": 390, "height": 844}, bypass_csp=True)
    assert page.locator("article.tcard").count() == 1
    assert _axe_violations(page) == []


def test_keyboard_help_overlay_and_navigation(sign_in, admin_password, base_url) -> None:
    page = sign_in("admin", admin_password)
    page.keyboard.press("?")
    dialog = page.locator("dialog#help")
    assert dialog.is_visible() and "Keyboard shortcuts" in dialog.inner_text()
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    with page.expect_navigation():
        page.keyboard.press("n")
    assert page.url.endswith("/tickets/new")
    page.keyboard.press("g")
    with page.expect_navigation():
        page.keyboard.press("i")
    assert page.url.endswith("/inbox")
    # The first Tab lands on the skip link, which moves focus to the main landmark.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
