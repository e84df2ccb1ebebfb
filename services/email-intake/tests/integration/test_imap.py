"""IMAP polling against the IMAP simulator (RFC 3501 on a real socket): the UID watermark,
processed mail moved or flagged, a UIDVALIDITY change, a dropped connection, nothing twice."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from email_intake.adapters.imap import PROCESSED_FLAG, ImapPoller
from fibreflow_shared.testing.infra import free_port
from fibreflow_simulators import imap as imap_sim
from sqlalchemy import text

pytestmark = pytest.mark.integration


@pytest.fixture()
def imap(clean: None) -> Iterator[tuple[imap_sim.Store, int]]:
    store = imap_sim.Store()
    port = free_port()
    server = imap_sim.start_imap(store, "127.0.0.1", port)
    yield store, port
    server.shutdown()
    server.server_close()


def poller(container: Any, port: int, **over: Any) -> ImapPoller:
    from dataclasses import replace

    values = {"imap_host": "127.0.0.1", "imap_port": port, "imap_ssl": False, "imap_username": "tickets",
              "imap_password": "dev-imap-password", **over}
    settings = replace(container.settings, **values)
    return ImapPoller(settings, container.sessions, container.deps)


def count(container: Any, where: str = "true") -> int:
    with container.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM emails WHERE {where}")).scalar()


def test_new_mail_is_taken_in_once_and_flagged(container: Any, imap: Any, corpus: Callable[[str], bytes],
                                               outbox: Any) -> None:
    store, port = imap
    store.append("INBOX", corpus("gmail_new_ticket.eml"))
    store.append("INBOX", corpus("ooo_outlook.eml"))
    p = poller(container, port)
    assert p.poll_once() == 2
    assert p.poll_once() == 0  # the watermark holds; "n:*" answering the last UID is filtered out
    assert all({"\\Seen", PROCESSED_FLAG} <= m.flags for m in store.box("INBOX").messages)
    store.append("INBOX", corpus("billing_type.eml"))
    assert p.poll_once() == 1
    assert count(container) == 3 and len(outbox("intake.ticket_requested")) == 2


def test_processed_mail_is_moved(container: Any, imap: Any, corpus: Callable[[str], bytes]) -> None:
    store, port = imap
    store.append("INBOX", corpus("html_only.eml"))
    assert poller(container, port, imap_processed_mailbox="Processed").poll_once() == 1
    assert store.box("INBOX").messages == [] and len(store.box("Processed").messages) == 1


def test_a_dropped_connection_loses_nothing(container: Any, imap: Any, corpus: Callable[[str], bytes]) -> None:
    store, port = imap
    for name in ("gmail_new_ticket.eml", "html_only.eml", "billing_type.eml"):
        store.append("INBOX", corpus(name))
    store.drop_after = 2  # the second FETCH answer is the last before the server hangs up
    p = poller(container, port)
    with pytest.raises(Exception):
        p.poll_once()
    assert p.poll_once() >= 1  # reconnects and goes on from the watermark
    assert count(container) == 3 and count(container, "deliveries > 1") <= 1


def test_uidvalidity_change_refetches_but_never_duplicates(container: Any, imap: Any, corpus: Callable[[str], bytes],
                                                           outbox: Any) -> None:
    store, port = imap
    store.append("INBOX", corpus("gmail_new_ticket.eml"))
    p = poller(container, port)
    p.poll_once()
    store.new_uidvalidity("INBOX")
    for m in store.box("INBOX").messages:
        m.flags.clear()
    assert p.poll_once() == 1  # renumbered: taken again…
    assert count(container) == 1 and len(outbox("intake.ticket_requested")) == 1  # …as a duplicate
    with container.engine.connect() as conn:
        assert conn.execute(text("SELECT deliveries FROM emails")).scalar() == 2


def test_wrong_password_is_an_error_the_loop_survives(container: Any, imap: Any) -> None:
    import threading

    store, port = imap
    p = poller(container, port, imap_password="wrong", imap_poll_seconds=0.05)
    stop = threading.Event()
    t = threading.Thread(target=p.run_forever, args=(stop,))
    t.start()
    stop.wait(0.3)
    stop.set()
    t.join(5)
    assert not t.is_alive()
