"""The integration screens on the whole stack: WhatsApp chat (a field message arrives, staff reply
from the split view, the delivery ticks follow), QContact sync health, the email review queue."""
from __future__ import annotations

from typing import Any

import pytest
import requests

from fibreflow_shared.testing.infra import wait_for

pytestmark = pytest.mark.e2e
REPORTER = "27825550177"


def test_whatsapp_chat_shows_a_field_message_and_sends_a_reply(stack: Any, sign_in, admin, admin_password,
                                                               base_url) -> None:
    if "WAHA_SIM_BIND" not in stack.env:
        pytest.skip("wa-bridge is not part of this stack")
    sim = f"http://{stack.env['WAHA_SIM_BIND']}"
    started = admin.post("/api/wa-bridge/sessions", json={"name": "default"})
    assert started.status_code in (201, 409), started.text
    wait_for(lambda: admin.get("/api/wa-bridge/sessions/default").json().get("data", {}).get("status") == "WORKING",
             timeout=30, message="WhatsApp session WORKING")
    injected = requests.post(f"{sim}/_control/inbound", json={"from": REPORTER, "text": "Cable down near the school",
                                                               "name": "Lindiwe"}, timeout=15).json()
    assert injected["webhook_statuses"] == [200], injected
    chat = wait_for(lambda: next((c for c in admin.get("/api/wa-bridge/chats", params={"limit": 100}).json()
                                  ["data"]["chats"] if c["jid"] == f"{REPORTER}@c.us"), None),
                    timeout=30, message="the chat at wa-bridge")
    page = sign_in("admin", admin_password)
    page.goto(f"{base_url}/integrations/whatsapp?chat={chat['id']}")
    assert "Cable down near the school" in page.inner_text("#messages")
    page.fill("#wa-text", "Crew on the way")
    with page.expect_response(lambda r: r.url.endswith("/send") and r.request.method == "POST"):
        page.click(".reply button:has-text('Send')")
    page.wait_for_selector("#messages .msg-out")
    assert "Crew on the way" in page.inner_text("#messages")
    wait_for(lambda: [m for m in requests.get(f"{sim}/_control/sent", timeout=5).json()["messages"]
                      if m["body"] == "Crew on the way"], timeout=30, message="the reply at the simulator")

    def ticks() -> bool:
        page.goto(f"{base_url}/integrations/whatsapp?chat={chat['id']}")
        return "delivered" in page.inner_text("#messages .msg-out") or "read" in page.inner_text("#messages .msg-out")

    wait_for(ticks, timeout=30, message="the delivery ticks of the reply")


def test_qcontact_health_and_email_review_screens(stack: Any, sign_in, admin_password, base_url) -> None:
    page = sign_in("admin", admin_password)
    for path, heading, env in (("/integrations/qcontact", "QContact sync", "QCONTACT_SYNC_URL"),
                               ("/integrations/email", "Email review queue", "EMAIL_INTAKE_URL")):
        if not stack.env.get(env):
            continue
        resp = page.goto(f"{base_url}{path}")
        assert resp is not None and resp.status == 200, page.inner_text("main")
        assert heading in page.inner_text("h1")
    if stack.env.get("QCONTACT_SYNC_URL"):
        page.goto(f"{base_url}/integrations/qcontact")
        assert page.locator("section.cards .metric").count() == 5
        assert page.locator("table").count() == 1
