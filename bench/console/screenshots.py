"""Screenshots of every console page, for the README (docs/screenshots/*.png).

Starts its own stack (or uses one: ``--base-url URL --admin-password PW``), seeds a little data
through the public API (reference data, users, tickets with notes, a billable ticket, a fee),
then drives Debian's Chromium through each page as an admin, and the technician's cards on a
390×844 phone viewport.

    .venv/bin/python bench/console/screenshots.py [--base-url URL --admin-password PW]
"""
from __future__ import annotations

import argparse
import contextlib
import secrets
import sys
import time
from pathlib import Path
from typing import Any, Iterator

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
from devstack import api_login, console_stack  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PROJECT = "5b0a3c1e-9d1f-4a52-8f43-3f2a7e6c1b02"


def seed_whatsapp(base: str, api: Any, waha: str) -> str | None:
    """A field message in a chat (WAHA simulator → signed webhook → wa-bridge), and a reply."""
    import requests

    api.post(f"{base}/api/wa-bridge/sessions", json={"name": "default"}, timeout=15)
    for _ in range(60):
        if (api.get(f"{base}/api/wa-bridge/sessions/default", timeout=5).json().get("data") or {}).get("status") \
                == "WORKING":
            break
        time.sleep(0.5)
    requests.post(f"{waha}/_control/inbound", json={"from": "27825550123", "text": "Fibre cut at pole P-4521, "
                                                    "whole street is down", "name": "Sizwe"}, timeout=15)
    for _ in range(60):
        chats = api.get(f"{base}/api/wa-bridge/chats", params={"limit": 50}, timeout=5).json()["data"]["chats"]
        if chats:
            api.post(f"{base}/api/wa-bridge/send-message", json={"chat_id": chats[0]["id"], "kind": "text",
                                                                 "text": "Crew dispatched, ETA 40 minutes"}, timeout=15)
            time.sleep(2)
            return chats[0]["id"]
        time.sleep(0.5)
    return None


def seed(base: str, admin_password: str, waha: str | None = None) -> dict[str, Any]:
    api = api_login(base, "admin", admin_password)
    post = lambda path, body: api.post(f"{base}{path}", json=body, timeout=15)  # noqa: E731
    post("/api/tickets/reference/projects/import", [{"id": PROJECT, "name": "Lawley Phase 2", "code": "LAW2",
                                                     "zone": "Zone A"}])
    post("/api/tickets/reference/drops/import", [{"drop_number": "DR1234", "pole_number": "P-4521", "zone": "Zone A",
                                                  "address": "12 Main Street, Lawley", "pon": "PON-7",
                                                  "project_id": PROJECT}])
    post("/api/ticketing/fee-schedule", {"ticket_type": "fault", "priority": "high", "fixed_fee": "500.00",
                                         "hourly_rate": "150.00", "effective_from": "2020-01-01"})
    suffix = secrets.token_hex(2)
    tech_password = secrets.token_urlsafe(12)
    tech = post("/api/users", {"username": f"thabo{suffix}", "password": tech_password, "roles": ["technician"],
                               "display_name": "Thabo M.", "email": f"thabo{suffix}@example.com"}).json()["data"]
    post("/api/users", {"username": f"sarah{suffix}", "password": secrets.token_urlsafe(12), "roles": ["team_lead"],
                        "display_name": "Sarah K.", "email": f"sarah{suffix}@example.com"})
    post("/api/tickets/teams", {"name": "Zone A field team", "zone": "Zone A", "specialty_types": ["fault", "build"],
                                "members": [{"user_id": tech["id"], "is_lead": False}]})
    made = []
    for title, kind, priority, drop in (("No signal at customer premises", "fault", "high", "DR1234"),
                                        ("Pole leaning after storm", "infrastructure", "medium", None),
                                        ("New installation check", "build", "low", None),
                                        ("Splice closure flooded", "fault", "critical", None),
                                        ("Scheduled OLT maintenance", "preventative", "low", None)):
        body = {"title": title, "description": f"{title}. Reported by the client this morning.", "type": kind,
                "priority": priority}
        if drop:
            body["drop_number"] = drop
        made.append(post("/api/tickets", body).json()["data"])
    first = made[0]["ticket_uid"]
    post(f"/api/tickets/{first}/notes", {"content": f"@thabo{suffix} router shows no signal light; neighbour "
                                                    "affected too", "is_internal": True})
    post(f"/api/tickets/{first}/status", {"status": "triaged"})
    post(f"/api/tickets/{first}/assign", {"assigned_to": tech["id"]})
    for t in made[1:3]:
        post(f"/api/tickets/{t['ticket_uid']}/status", {"status": "triaged"})
        post(f"/api/tickets/{t['ticket_uid']}/assign", {"assigned_to": tech["id"]})
    post("/api/tickets", {"title": "Charged twice for November", "description": "Two debit orders in November",
                          "type": "billing", "priority": "high", "issue_type": "incorrect_bill",
                          "client_name": "Lerato Mokoena", "client_phone": "082 123 4567"})
    chat = seed_whatsapp(base, api, waha) if waha else None
    time.sleep(3)  # billing classifies, SLA clocks start
    return {"first": first, "tech": (tech["username"], tech_password), "chat": chat or ""}


PAGES = (("dashboard", "/tickets"), ("ticket", "/tickets/{first}"), ("new-ticket", "/tickets/new"),
         ("billing-complaint", "/tickets/new?kind=billing"), ("sla-settings", "/settings/sla"),
         ("billing-pending", "/billing/pending"), ("billing-contracts", "/billing/contracts"),
         ("billing-guarantees", "/billing/guarantees"), ("billing-fees", "/billing/fee-schedule"),
         ("users", "/admin/users"), ("teams", "/admin/teams"), ("inbox", "/inbox"), ("reports", "/reports"),
         ("report-trend", "/reports?report=trend"), ("report-sla", "/reports?report=sla"),
         ("whatsapp", "/integrations/whatsapp?chat={chat}"), ("qcontact", "/integrations/qcontact"),
         ("email-review", "/integrations/email"), ("shortcuts", "/shortcuts"))


def sign_in(browser: Any, base: str, username: str, password: str, **options: Any) -> Any:
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(f"{base}/login")
    page.fill("#username", username)
    page.fill("#password", password)
    with page.expect_navigation():
        page.click("button[type=submit]")
    return page


def shoot(base: str, admin_password: str, waha: str | None = None) -> list[str]:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    data = seed(base, admin_password, waha)
    saved = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = sign_in(browser, base, "admin", admin_password, viewport={"width": 1280, "height": 860})
        page.goto(f"{base}/login")  # signed in: redirected home
        for name, path in PAGES:
            page.goto(base + path.format(**data))
            page.wait_for_timeout(300)
            page.screenshot(path=str(OUT / f"{name}.png"), full_page=name not in ("dashboard",))
            saved.append(name)
        page.goto(f"{base}/tickets")
        page.keyboard.press("?")
        page.screenshot(path=str(OUT / "help-overlay.png"))
        saved.append("help-overlay")
        login = browser.new_context(viewport={"width": 1280, "height": 700}).new_page()
        login.goto(f"{base}/login")
        login.screenshot(path=str(OUT / "login.png"))
        saved.append("login")
        phone = sign_in(browser, base, *data["tech"], viewport={"width": 390, "height": 844}, is_mobile=True,
                        has_touch=True, device_scale_factor=2)
        phone.screenshot(path=str(OUT / "mobile-my-tickets.png"), full_page=True)
        saved.append("mobile-my-tickets")
        browser.close()
    return saved


@contextlib.contextmanager
def target(args: argparse.Namespace) -> Iterator[tuple[str, str, str | None]]:
    if args.base_url:
        yield args.base_url, args.admin_password, None
        return
    with console_stack("ff_shots_console_") as s:
        waha = s.env.get("WAHA_SIM_BIND")
        yield s.base_url, s.admin_password, f"http://{waha}" if waha else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url")
    parser.add_argument("--admin-password")
    args = parser.parse_args()
    with target(args) as (base, password, waha):
        print("saved:", ", ".join(shoot(base, password, waha)))


if __name__ == "__main__":
    main()
