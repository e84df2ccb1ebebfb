"""IMAP polling (imaplib): a UID watermark per mailbox, checked against UIDVALIDITY.

Each pass: connect (TLS unless configured off), LOGIN, SELECT, read UIDVALIDITY. A new
UIDVALIDITY means the server renumbered the mailbox: the watermark starts over at 0 (the
dedupe key then makes the re-fetched mail duplicates, never second tickets). ``UID SEARCH UID
n+1:*`` lists the new mail — filtered again client-side, because ``n:*`` always answers the
highest UID even when it is below ``n`` (RFC 3501 §6.4.8). Each message is fetched with
``BODY.PEEK[]`` (nothing is marked read by fetching), stored through the pipeline, then marked
processed on the server (moved to the processed folder, or flagged ``\\Seen`` and
``$FibreflowProcessed``) and only then is the watermark advanced — so a connection that drops
mid-pass loses nothing: the next pass fetches the rest, and anything fetched twice is deduped.
"""
from __future__ import annotations

import imaplib
import logging
import re
import ssl
import threading

from fibreflow_shared.db import transaction
from fibreflow_shared.timeutil import utc_now
from prometheus_client import Counter
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session, sessionmaker

from email_intake.adapters.orm import ImapStateRow
from email_intake.config import Settings
from email_intake.service_layer import intake
from email_intake.service_layer.deps import Deps

log = logging.getLogger(__name__)
PROCESSED_FLAG = "$FibreflowProcessed"
POLLS = Counter("email_intake_imap_polls_total", "IMAP polling passes, by result", ["result"])
_UIDVALIDITY = re.compile(rb"UIDVALIDITY (\d+)")


class ImapError(RuntimeError):
    """The server refused a command (its answer is the message)."""


def _ok(result: tuple[str, list]) -> list:
    status, data = result
    if status != "OK":
        raise ImapError(f"IMAP answered {status}: {data!r}")
    return data


class ImapPoller:
    """Polls one mailbox into the pipeline."""

    def __init__(self, settings: Settings, sessions: sessionmaker[Session], deps: Deps) -> None:
        self.settings = settings
        self.sessions = sessions
        self.deps = deps
        self.key = f"{settings.imap_username}@{settings.imap_host}:{settings.imap_port}/{settings.imap_mailbox}"

    def connect(self) -> imaplib.IMAP4:
        s = self.settings
        if s.imap_ssl:
            conn: imaplib.IMAP4 = imaplib.IMAP4_SSL(s.imap_host, s.imap_port, ssl_context=ssl.create_default_context(),
                                                    timeout=s.imap_timeout)
        else:
            conn = imaplib.IMAP4(s.imap_host, s.imap_port, timeout=s.imap_timeout)
        _ok(conn.login(s.imap_username, s.imap_password))
        return conn

    def _watermark(self, uidvalidity: int) -> int:
        with transaction(self.sessions) as session:
            row = session.get(ImapStateRow, self.key, with_for_update=True)
            if row is None or row.uidvalidity != uidvalidity:
                if row is not None:
                    log.warning("UIDVALIDITY changed: mailbox renumbered, watermark reset",
                                extra={"mailbox": self.key, "old": row.uidvalidity, "new": uidvalidity})
                stmt = insert(ImapStateRow).values(mailbox=self.key, uidvalidity=uidvalidity, last_uid=0)
                session.execute(stmt.on_conflict_do_update(index_elements=["mailbox"], set_={
                    "uidvalidity": uidvalidity, "last_uid": 0, "updated_at": utc_now()}))
                return 0
            return row.last_uid

    def _advance(self, uidvalidity: int, uid: int) -> None:
        with transaction(self.sessions) as session:
            row = session.get(ImapStateRow, self.key, with_for_update=True)
            if row is not None and row.uidvalidity == uidvalidity and uid > row.last_uid:
                row.last_uid, row.updated_at = uid, utc_now()

    def _mark(self, conn: imaplib.IMAP4, uid: int, can_move: bool) -> None:
        target = self.settings.imap_processed_mailbox
        if not target:
            _ok(conn.uid("STORE", str(uid), "+FLAGS.SILENT", f"(\\Seen {PROCESSED_FLAG})"))
            return
        if can_move:
            status, data = conn.uid("MOVE", str(uid), target)
            if status == "NO" and b"TRYCREATE" in b" ".join(d for d in data if isinstance(d, bytes)):
                conn.create(target)
                status, data = conn.uid("MOVE", str(uid), target)
            _ok((status, data))
        else:  # RFC 3501 without MOVE: copy, flag deleted, expunge
            _ok(conn.uid("COPY", str(uid), target))
            _ok(conn.uid("STORE", str(uid), "+FLAGS.SILENT", "(\\Deleted)"))
            conn.expunge()

    def poll_once(self) -> int:
        """One pass; returns how many messages were taken in."""
        conn = self.connect()
        taken = 0
        try:
            _ok(conn.select(self.settings.imap_mailbox))
            codes = conn.response("UIDVALIDITY")[1]
            uidvalidity = int(codes[0]) if codes and codes[0] else 0
            can_move = "MOVE" in conn.capabilities
            last = self._watermark(uidvalidity)
            data = _ok(conn.uid("SEARCH", None, f"UID {last + 1}:*"))
            uids = sorted(int(u) for u in (data[0] or b"").split() if int(u) > last)
            for uid in uids:
                fetched = _ok(conn.uid("FETCH", str(uid), "(BODY.PEEK[])"))
                raw = next((part[1] for part in fetched if isinstance(part, tuple)), None)
                if raw is None:
                    continue  # expunged meanwhile
                stored = intake.store(self.sessions, self.deps, raw, "imap",
                                      recipients=[self.settings.imap_username] if "@" in self.settings.imap_username
                                      else [])
                if not stored.duplicate:
                    try:
                        intake.process(self.sessions, self.deps, stored.id)
                    except Exception as exc:  # noqa: BLE001 - stored: the sweep decides it later
                        log.exception("IMAP message stored but not decided", extra={"email_id": stored.id})
                        intake.record_failure(self.sessions, stored.id, exc)
                self._mark(conn, uid, can_move)
                self._advance(uidvalidity, uid)
                taken += 1
        finally:
            try:
                conn.logout()
            except (imaplib.IMAP4.error, OSError):
                pass
        return taken

    def run_forever(self, stop: threading.Event) -> None:
        """Poll until stopped; a failed pass (server away, connection dropped) is retried next time."""
        log.info("IMAP polling started", extra={"mailbox": self.key})
        while not stop.is_set():
            try:
                n = self.poll_once()
                POLLS.labels("ok").inc()
                if n:
                    log.info("IMAP messages taken in", extra={"count": n})
            except (imaplib.IMAP4.error, OSError, ImapError) as exc:
                POLLS.labels("error").inc()
                log.warning("IMAP pass failed; retrying next pass", extra={"error": str(exc)[:300]})
            stop.wait(self.settings.imap_poll_seconds)
