"""notification.email_requested: another service's email goes out with exactly the headers it asked
for (email-intake's acknowledgements), once per request, and header injection is impossible."""
from __future__ import annotations

import email
import email.policy
from collections.abc import Callable
from typing import Any

from fibreflow_shared.messaging.envelope import make_event

HEADERS = {"Message-ID": "<ack.1234@fibreflow.app>", "In-Reply-To": "<orig-1@mail.example.com>",
           "References": "<root@mail.example.com> <orig-1@mail.example.com>", "Auto-Submitted": "auto-replied",
           "Reply-To": "tickets+EML-0042@fibreflow.app", "X-Auto-Response-Suppress": "All", "X-Loop": "fibreflow"}


def _request(request_id: str = "req-1", **over: Any) -> dict[str, Any]:
    data = {"request_id": request_id, "to": "thabo@example.co.za", "from": "FibreFlow Tickets <tickets@fibreflow.app>",
            "subject": "[EML-0042] Re: No internet at DR1234", "body": "Your ticket EML-0042 was created.",
            "ticket_uid": "EML-0042", "template": "email_intake.acknowledgement", "headers": dict(HEADERS)}
    data.update(over)
    return make_event("notification.email_requested", data, producer="email-intake")


def test_requested_email_is_sent_with_its_headers(deliver: Callable[[dict], str], drain: Callable[[], int],
                                                   smtp_sink: Any, rows: Callable[..., list], outbox_types: Any) -> None:
    deliver(_request())
    assert drain() == 1
    [row] = rows()
    assert (row.status, row.channel, row.recipient, row.ticket_uid) == ("sent", "email", "thabo@example.co.za",
                                                                       "EML-0042")
    assert row.provider_id == "ack.1234@fibreflow.app"
    [sent] = smtp_sink[0].messages
    mail = email.message_from_string(sent["raw"], policy=email.policy.default)
    for name, value in HEADERS.items():
        assert str(mail[name]) == value, name
    assert len(mail.get_all("Message-ID")) == 1
    assert str(mail["From"]) == "FibreFlow Tickets <tickets@fibreflow.app>"
    assert sent["subject"] == "[EML-0042] Re: No internet at DR1234"
    assert "notification.sent" in outbox_types()


def test_a_repeated_request_sends_once(deliver: Callable[[dict], str], drain: Callable[[], int],
                                       smtp_sink: Any) -> None:
    deliver(_request("req-2"))
    deliver(_request("req-2"))  # a new event id, the same request
    drain()
    assert len(smtp_sink[0].messages) == 1


def test_unknown_headers_are_not_applied(deliver: Callable[[dict], str], drain: Callable[[], int],
                                         smtp_sink: Any) -> None:
    event = _request("req-3")
    event["data"]["headers"] = {"Message-ID": "<ok@fibreflow.app>"}
    deliver(event)
    from email.message import EmailMessage

    from notifications.adapters.channels import apply_requested_headers

    mail = EmailMessage()
    mail["Subject"] = "x"
    assert apply_requested_headers(mail, {"Bcc": "evil@example.com", "Reply-To": "a@b.c\r\nBcc: evil@example.com",
                                          "X-Loop": "fibreflow"}) is None
    assert mail["Bcc"] is None and mail["Reply-To"] is None and mail["X-Loop"] == "fibreflow"
    drain()
    [sent] = smtp_sink[0].messages
    assert sent["message_id"] == "<ok@fibreflow.app>"
