"""The staff console in a real browser (Debian's Chromium), through the gateway, on the whole
stack: sign in, create with DR lookup, find, assign and work a ticket with a mention, approve a
billable ticket, a technician's phone, sign out."""
from __future__ import annotations

import re
from typing import Any

import pytest

from fibreflow_shared.testing.infra import wait_for

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}


def submit(page: Any, act: Any) -> None:
    """Run ``act`` (a click or key press that submits a form) and wait for the page it leads to."""
    with page.expect_navigation():
        act()


def ticket(api: Any, ref: str) -> dict[str, Any]:
    resp = api.get(f"/api/tickets/{ref}")
    assert resp.status_code == 200, resp.text
    return resp.json()["data"]


def test_create_with_dr_lookup_find_it_assign_work_and_mention(sign_in, admin, admin_password, drops,
                                                                 make_console_user, base_url) -> None:
    tech = make_console_user("technician")
    page = sign_in("admin", admin_password)
    assert page.url.endswith("/tickets")

    # Create: the DR lookup fills the location from ticket-core's reference data.
    page.click("text=+ New ticket")
    page.fill("#title", "Pole leaning after storm")
    page.fill("#description", "Pole P-4521 leans over the road; cable under strain")
    page.select_option("#type", "infrastructure")
    page.select_option("#priority", "high")
    page.fill("#drop_number", "dr7700123")
    page.locator("#drop_number").dispatch_event("change")
    page.wait_for_selector("#drop-info [data-drop]")
    assert "Lawley Phase 2" in page.inner_text("#drop-info")
    assert page.input_value("#address") == "12 Main Street, Lawley"
    assert page.input_value("#zone") == "Zone A"
    submit(page, lambda: page.click("button:has-text('Create')"))
    uid = page.inner_text("h1 .uid")
    created = ticket(admin, uid)
    assert created["drop_number"] == "DR7700123" and created["project_name"] == "Lawley Phase 2"
    assert created["pole_number"] == "P-4521" and created["type"] == "infrastructure"

    # Find it: by search (the / shortcut focuses the box) and by filter in the URL.
    page.goto(f"{base_url}/tickets")
    page.keyboard.press("/")
    page.keyboard.type(uid)
    submit(page, lambda: page.keyboard.press("Enter"))
    assert f"q={uid}" in page.url
    assert page.locator(f"#row-{created['id']}").is_visible()
    page.goto(f"{base_url}/tickets")
    page.click("summary:has-text('Filters')")
    page.select_option("#f-type", ["infrastructure"])
    page.select_option("#f-priority", ["high"])
    page.fill("#f-drop", "DR7700123")
    submit(page, lambda: page.click("button:has-text('Apply')"))
    assert "type=infrastructure" in page.url and "priority=high" in page.url
    assert page.locator(f"#row-{created['id']}").is_visible()
    page.goto(f"{base_url}/tickets?type=preventative&drop_number=DR7700123")
    assert page.locator(f"#row-{created['id']}").count() == 0

    # Work it: only the allowed moves are offered; assign; start; a note with a mention.
    page.goto(f"{base_url}/tickets/{uid}")
    moves = page.locator("#h-status ~ form button.move").all_inner_texts()
    assert moves == ["Triage", "Close"]
    submit(page, lambda: page.click("button.move:has-text('Triage')"))
    assert ticket(admin, uid)["status"] == "triaged"
    page.select_option("#assigned_to", tech.id)
    submit(page, lambda: page.click("#h-assign ~ form button:has-text('Assign')"))
    state = ticket(admin, uid)
    assert state["assigned_to"] == tech.id
    if state["status"] != "assigned":
        submit(page, lambda: page.click("button.move:has-text('Mark assigned')"))
    # A billable ticket awaiting approval may not start: the refusal is a clear page, not a trace.
    wait_for(lambda: ticket(admin, uid).get("billing_status") == "pending_approval", timeout=30,
             message="billing classifies the ticket")
    submit(page, lambda: page.click("button.move:has-text('Start work')"))
    assert "awaits billing approval" in page.inner_text(".refusal")
    assert ticket(admin, uid)["status"] == "assigned"
    approved = admin.post(f"/api/ticketing/billing/approve/{uid}", json={"reason": "e2e"})
    assert approved.status_code == 200, approved.text
    wait_for(lambda: ticket(admin, uid).get("billing_status") == "approved", timeout=30,
             message="billing.approved reaches ticket-core")
    page.goto(f"{base_url}/tickets/{uid}")
    submit(page, lambda: page.click("button.move:has-text('Start work')"))
    assert ticket(admin, uid)["status"] == "in_progress"
    page.fill("#note", f"@{tech.username} please bring the long ladder")
    submit(page, lambda: page.click("button:has-text('Add note')"))
    assert page.locator(".activity .mention", has_text=f"@{tech.username}").count() == 1
    notes = admin.get(f"/api/tickets/{uid}/notes").json()["data"]["notes"]
    assert notes[0]["mentions"] == [tech.id]
    submit(page, lambda: page.click("button.move:has-text('Resolve')"))
    assert ticket(admin, uid)["status"] == "resolved"
    assert "Reopen" not in page.locator("#h-status ~ form").inner_text()


def test_manager_approves_a_billable_ticket(sign_in, admin, make_console_user, base_url) -> None:
    fee = admin.post("/api/ticketing/fee-schedule", json={"ticket_type": "fault", "priority": "high",
                                                          "fixed_fee": "650.00", "effective_from": "2020-01-01"})
    assert fee.status_code in (201, 409), fee.text
    made = admin.post("/api/tickets", json={"title": "Replace damaged drop cable", "description": "Client damage",
                                            "type": "fault", "priority": "high", "source": "adhoc"})
    uid = made.json()["data"]["ticket_uid"]
    wait_for(lambda: ticket(admin, uid).get("billing_status") == "pending_approval", timeout=30,
             message="billing classifies the ticket as billable")
    manager = make_console_user("manager")
    page = sign_in(manager.username, manager.password)
    page.goto(f"{base_url}/billing/pending")
    item = page.locator("li.panel", has_text=uid)
    assert "650.00" in item.inner_text()
    item.locator("input[name=reason]").first.fill("Client agreed by phone")
    submit(page, lambda: item.locator("button:has-text('Approve')").click())
    wait_for(lambda: ticket(admin, uid).get("billing_status") == "approved", timeout=30,
             message="billing.approved reaches ticket-core")
    page.goto(f"{base_url}/tickets/{uid}")
    assert page.locator("#h-billing").count() == 1
    assert "approved" in page.locator("#h-billing ~ dl").inner_text()


def test_technician_phone_sees_only_their_tickets_and_changes_status(sign_in, admin, make_console_user,
                                                                     base_url) -> None:
    tech, other = make_console_user("technician"), make_console_user("technician")
    mine, theirs = [admin.post("/api/tickets", json={"title": title, "description": "On site check", "type": "build",
                                                     "priority": "medium"}).json()["data"]
                    for title in ("ONT not powering on", "Trench not backfilled")]
    for made, who in ((mine, tech), (theirs, other)):
        assert admin.post(f"/api/tickets/{made['id']}/status", json={"status": "triaged"}).status_code == 200
        assert admin.post(f"/api/tickets/{made['id']}/assign", json={"assigned_to": who.id}).status_code == 200
        if ticket(admin, made["id"])["status"] != "assigned":
            admin.post(f"/api/tickets/{made['id']}/status", json={"status": "assigned"})
    page = sign_in(tech.username, tech.password, viewport=PHONE)
    assert page.url.endswith("/my")
    assert page.viewport_size == PHONE
    cards = page.locator("article.tcard")
    assert cards.count() == 1 and mine["ticket_uid"] in cards.first.inner_text()
    assert theirs["ticket_uid"] not in page.content()
    # Not on the dashboard either: ticket-core shows a technician only their own.
    page.goto(f"{base_url}/tickets")
    assert theirs["ticket_uid"] not in page.content()
    page.goto(f"{base_url}/tickets/{theirs['ticket_uid']}")
    assert page.locator(".refusal").count() == 1
    page.goto(f"{base_url}/my")
    # One tap: start work (htmx swaps the card).
    with page.expect_response(lambda r: r.url.endswith("/status") and r.request.method == "POST"):
        page.locator(f"#card-{mine['id']} button:has-text('Start work')").tap()
    page.wait_for_selector(f"#card-{mine['id']} .notice")
    assert page.url.endswith("/my")  # swapped in place, no page load
    assert ticket(admin, mine["id"])["status"] == "in_progress"
    # Two taps: open the note box, send (typing between).
    page.locator(f"#card-{mine['id']} summary:has-text('Add note')").tap()
    page.fill(f"#n-{mine['id']}", "Replaced the power brick")
    with page.expect_response(lambda r: r.url.endswith("/notes") and r.request.method == "POST"):
        page.locator(f"#card-{mine['id']} button:has-text('Send note')").tap()
    notes = admin.get(f"/api/tickets/{mine['id']}/notes").json()["data"]["notes"]
    assert [n["content"] for n in notes] == ["Replaced the power brick"]
    # The camera input opens the back camera on a phone.
    camera = page.locator(f"#cam-{mine['id']}")
    assert camera.get_attribute("capture") == "environment" and camera.get_attribute("accept") == "image/*"


def test_logout_ends_the_session_for_good(sign_in, admin_password, browser, base_url) -> None:
    page = sign_in("admin", admin_password)
    cookie = next(c for c in page.context.cookies() if c["name"] == "__Host-ff_console")
    submit(page, lambda: page.click("button:has-text('Sign out')"))
    assert "/login" in page.url and "signed out" in page.inner_text("main").lower()
    assert not [c for c in page.context.cookies() if c["name"] == "__Host-ff_console"]
    page.goto(f"{base_url}/tickets")
    assert "/login" in page.url
    # The old cookie value, replayed from another browser, opens nothing.
    replay = browser.new_context()
    try:
        replay.add_cookies([{k: cookie[k] for k in ("name", "value", "domain", "path", "secure", "httpOnly",
                                                      "sameSite")}])
        other = replay.new_page()
        other.goto(f"{base_url}/tickets")
        assert "/login" in other.url
    finally:
        replay.close()

