"""The SMTP listener (aiosmtpd): accepts mail for the configured ticket addresses (and their
``+UID`` sub-addresses), stores it raw and decides it through the same pipeline.

A recipient we do not serve is refused at RCPT (550), so we are no open relay. A message is
acknowledged with 250 only after it is stored (committed); if the database is away we answer
451 and the sending MTA retries later, so nothing is lost.
"""
from __future__ import annotations

import asyncio
import logging
import threading
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP

from email_intake.bootstrap import Container
from email_intake.service_layer import intake

log = logging.getLogger(__name__)


class IntakeHandler:
    """aiosmtpd handler: RCPT filter and DATA → the pipeline."""

    def __init__(self, container: Container) -> None:
        self.container = container
        self.addresses = {a.lower() for a in container.settings.ticket_addresses}

    def serves(self, address: str) -> bool:
        local, _, domain = address.lower().partition("@")
        return f"{local.split('+', 1)[0]}@{domain}" in self.addresses

    async def handle_RCPT(self, server: SMTP, session: Any, envelope: Any, address: str,  # noqa: N802
                          rcpt_options: list[str]) -> str:
        if not self.serves(address):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Any, envelope: Any) -> str:  # noqa: N802
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        mail_from = envelope.mail_from if envelope.mail_from not in (None, "<>") else ""
        loop = asyncio.get_running_loop()
        try:
            stored = await loop.run_in_executor(None, lambda: intake.store(
                self.container.sessions, self.container.deps, raw, "smtp", envelope_from=mail_from,
                recipients=list(envelope.rcpt_tos)))
        except Exception:  # noqa: BLE001 - not stored: the sender must retry
            log.exception("could not store an SMTP message")
            return "451 4.3.0 Temporary failure, try again later"
        if not stored.duplicate:
            await loop.run_in_executor(None, self._process, stored.id)
        return "250 2.0.0 OK: queued as " + stored.id

    def _process(self, email_id: str) -> None:
        try:
            intake.process(self.container.sessions, self.container.deps, email_id)
        except Exception as exc:  # noqa: BLE001 - stored; the worker's sweep decides it later
            log.exception("processing failed; the sweep will retry", extra={"email_id": email_id})
            intake.record_failure(self.container.sessions, email_id, exc)


def start(container: Container, host: str, port: int) -> Controller:
    """Start the listener on its own thread (``controller.stop()`` stops it)."""
    controller = Controller(IntakeHandler(container), hostname=host, port=port,
                            server_hostname=container.settings.smtp_hostname,
                            data_size_limit=container.settings.max_body_bytes, decode_data=False)
    controller.start()
    return controller


def serve_forever(container: Container, host: str, port: int) -> int:
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP line at INFO
    controller = start(container, host, port)
    log.info("SMTP listener started", extra={"bind": f"{host}:{port}"})
    stop = threading.Event()
    try:
        import signal

        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()
    return 0
