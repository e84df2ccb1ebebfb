"""The SMTP sink keeps what it receives, shows it over HTTP and can refuse on demand."""
from __future__ import annotations

import smtplib
from email.message import EmailMessage
from typing import Iterator

import pytest

from fibreflow_shared.testing.infra import free_port
from fibreflow_simulators import smtp


@pytest.fixture()
def sink() -> Iterator[tuple[smtp.Mailbox, int, object]]:
    mailbox = smtp.Mailbox()
    port = free_port()
    controller = smtp.start_smtp(mailbox, "127.0.0.1", port)
    yield mailbox, port, smtp.create_http_app(mailbox).test_client()
    controller.stop()


def _mail(to: str = "ops@fibertime.test") -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "FibreFlow <n@fibreflow.local>", to, "[FT1] status: Resolved"
    msg.set_content("Ticket FT1 changed status.")
    return msg


def test_messages_are_kept_and_listed_over_http(sink) -> None:
    mailbox, port, http = sink
    with smtplib.SMTP("127.0.0.1", port, timeout=5) as client:
        client.send_message(_mail())
        client.send_message(_mail("other@x.test"))
    listed = http.get("/messages?to=ops@fibertime.test").get_json()["messages"]
    assert [(m["subject"], m["text"].strip(), m["rcpt_tos"]) for m in listed] == [
        ("[FT1] status: Resolved", "Ticket FT1 changed status.", ["ops@fibertime.test"])]
    assert len(http.get("/messages").get_json()["messages"]) == 2
    assert http.delete("/messages").status_code == 204
    assert http.get("/messages").get_json()["messages"] == []


def test_failures_on_demand(sink) -> None:
    mailbox, port, http = sink
    http.post("/_sim/fail", json={"count": 1, "code": 451})
    with smtplib.SMTP("127.0.0.1", port, timeout=5) as client:
        with pytest.raises(smtplib.SMTPDataError) as exc:
            client.send_message(_mail())
        assert exc.value.smtp_code == 451
        client.send_message(_mail())
    assert len(http.get("/messages").get_json()["messages"]) == 1


def test_auth_required_when_configured() -> None:
    mailbox = smtp.Mailbox()
    port = free_port()
    controller = smtp.start_smtp(mailbox, "127.0.0.1", port, user="mailer", password="s3cret")
    try:
        with smtplib.SMTP("127.0.0.1", port, timeout=5) as client:
            with pytest.raises(smtplib.SMTPException):
                client.send_message(_mail())
        with smtplib.SMTP("127.0.0.1", port, timeout=5) as client:
            with pytest.raises(smtplib.SMTPAuthenticationError):
                client.login("mailer", "wrong")
        with smtplib.SMTP("127.0.0.1", port, timeout=5) as client:
            client.login("mailer", "s3cret")
            client.send_message(_mail())
        assert len(mailbox.messages) == 1
    finally:
        controller.stop()
