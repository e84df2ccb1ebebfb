"""An IMAP4rev1 server (RFC 3501) with the subset a polling client uses, plus UID MOVE (RFC 6851).

Why a simulator rather than Dovecot from Debian: tests need to change UIDVALIDITY, drop the
connection in the middle of a fetch and look at flags and folders, which a real server does not
let a test do without root-owned configuration; the wire format here is the RFC's, so pointing
the client at a real server is only a configuration change.

IMAP on ``IMAP_SIM_BIND`` (default 127.0.0.1:1143), plain text, one user
(``IMAP_SIM_USER`` / ``IMAP_SIM_PASSWORD``, default ``tickets`` / ``dev-imap-password``).
Commands: CAPABILITY, NOOP, LOGIN, LOGOUT, SELECT, EXAMINE, CREATE, LIST, UID SEARCH, UID FETCH
(UID, FLAGS, RFC822.SIZE, BODY[], BODY.PEEK[], RFC822), UID STORE (+/-FLAGS[.SILENT]), UID COPY,
UID MOVE, EXPUNGE, CLOSE.

HTTP control on ``IMAP_SIM_HTTP_BIND`` (default 127.0.0.1:8096):
- ``POST /_sim/mailboxes/<name>/messages`` (body: the raw message) → ``{"uid": n}``
- ``GET /_sim/mailboxes`` → every mailbox with uidvalidity, uidnext and messages (uid, flags, size)
- ``POST /_sim/mailboxes/<name>/uidvalidity`` → a new UIDVALIDITY (UIDs renumbered from 1)
- ``POST /_sim/drop {"after_fetches": n}`` → the connection is cut after n more UID FETCH responses
- ``DELETE /_sim/mailboxes`` → start empty
"""
from __future__ import annotations

import argparse
import logging
import os
import re
import socketserver
import threading
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, jsonify, request
from werkzeug.serving import make_server

log = logging.getLogger(__name__)
CAPABILITIES = "IMAP4rev1 UIDPLUS MOVE LITERAL+"


@dataclass
class Message:
    uid: int
    raw: bytes
    flags: set[str] = field(default_factory=set)


@dataclass
class Mailbox:
    uidvalidity: int
    uidnext: int = 1
    messages: list[Message] = field(default_factory=list)


class Store:
    """Every mailbox, shared by the IMAP and HTTP sides."""

    def __init__(self, user: str = "tickets", password: str = "dev-imap-password") -> None:
        self.lock = threading.RLock()
        self.user, self.password = user, password
        self.boxes: dict[str, Mailbox] = {}
        self._validity = 1000
        self.drop_after: int | None = None
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.boxes = {"INBOX": self._new_box()}
            self.drop_after = None

    def _new_box(self) -> Mailbox:
        self._validity += 1
        return Mailbox(uidvalidity=self._validity)

    def box(self, name: str, create: bool = False) -> Mailbox | None:
        name = "INBOX" if name.upper() == "INBOX" else name
        with self.lock:
            if name not in self.boxes and create:
                self.boxes[name] = self._new_box()
            return self.boxes.get(name)

    def append(self, name: str, raw: bytes, flags: set[str] | None = None) -> int:
        with self.lock:
            box = self.box(name, create=True)
            assert box is not None
            uid = box.uidnext
            box.uidnext += 1
            box.messages.append(Message(uid, raw, set(flags or ())))
            return uid

    def new_uidvalidity(self, name: str) -> int:
        with self.lock:
            box = self.box(name, create=True)
            assert box is not None
            box.uidvalidity = self._validity = self._validity + 1
            for n, message in enumerate(box.messages, start=1):
                message.uid = n
            box.uidnext = len(box.messages) + 1
            return box.uidvalidity


def _uid_set(spec: str, box: Mailbox) -> list[Message]:
    """Messages whose UID is in an RFC 3501 sequence set (``1:*``, ``4,7:9``)."""
    top = box.uidnext - 1
    wanted: list[tuple[int, int]] = []
    for part in spec.split(","):
        lo, _, hi = part.partition(":")
        a = top if lo == "*" else int(lo)
        b = a if not hi else (top if hi == "*" else int(hi))
        wanted.append((min(a, b), max(a, b)))
    # RFC 3501: "n:*" always includes the highest UID even when n is larger than it.
    return [m for m in box.messages if any(a <= m.uid <= b for a, b in wanted)
            or (spec.endswith(":*") and m is (box.messages[-1] if box.messages else None))]


_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|(\()|(\))|([^\s()"]+)')


def _args(line: str) -> list[Any]:
    out: list[Any] = []
    stack = [out]
    for quoted, opened, closed, atom in _TOKEN.findall(line):
        if opened:
            inner: list[Any] = []
            stack[-1].append(inner)
            stack.append(inner)
        elif closed:
            if len(stack) > 1:
                stack.pop()
        else:
            stack[-1].append(quoted if atom == "" and not opened else atom)
    return out


class ImapHandler(socketserver.StreamRequestHandler):
    """One client connection."""

    store: Store

    def send(self, line: str | bytes) -> None:
        data = line if isinstance(line, bytes) else line.encode()
        self.wfile.write(data + b"\r\n")

    def handle(self) -> None:
        self.selected: str | None = None
        self.authenticated = False
        self.send("* OK [CAPABILITY " + CAPABILITIES + "] fibreflow IMAP simulator ready")
        while True:
            line = self.rfile.readline(65536)
            if not line:
                return
            text = line.decode("utf-8", "replace").rstrip("\r\n")
            m = re.match(r"^(\S+) (\S+)(?: (.*))?$", text)
            if not m:
                self.send("* BAD command syntax")
                continue
            tag, command, rest = m.group(1), m.group(2).upper(), m.group(3) or ""
            try:
                if not self.dispatch(tag, command, rest):
                    return
            except ConnectionError:
                return
            except Exception as exc:  # noqa: BLE001 - a bad command answers BAD, never kills the server
                log.exception("imap command failed")
                self.send(f"{tag} BAD {type(exc).__name__}: {exc}")

    def dispatch(self, tag: str, command: str, rest: str) -> bool:
        s = self.store
        if command == "CAPABILITY":
            self.send("* CAPABILITY " + CAPABILITIES)
        elif command == "NOOP":
            pass
        elif command == "LOGOUT":
            self.send("* BYE logging out")
            self.send(f"{tag} OK LOGOUT completed")
            return False
        elif command == "LOGIN":
            args = _args(rest)
            if len(args) == 2 and args[0] == s.user and args[1] == s.password:
                self.authenticated = True
            else:
                self.send(f"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials")
                return True
        elif not self.authenticated:
            self.send(f"{tag} BAD authenticate first")
            return True
        elif command in ("SELECT", "EXAMINE"):
            name = _args(rest)[0]
            box = s.box(name)
            if box is None:
                self.send(f"{tag} NO [NONEXISTENT] No such mailbox")
                return True
            self.selected = "INBOX" if name.upper() == "INBOX" else name
            with s.lock:
                self.send(f"* {len(box.messages)} EXISTS")
                self.send("* 0 RECENT")
                self.send("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)")
                self.send("* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags")
                self.send(f"* OK [UIDVALIDITY {box.uidvalidity}] UIDs valid")
                self.send(f"* OK [UIDNEXT {box.uidnext}] Predicted next UID")
            self.send(f"{tag} OK [{'READ-ONLY' if command == 'EXAMINE' else 'READ-WRITE'}] {command} completed")
            return True
        elif command == "CREATE":
            s.box(_args(rest)[0], create=True)
        elif command == "LIST":
            for name in list(s.boxes):
                self.send(f'* LIST () "/" "{name}"')
        elif command in ("CLOSE", "EXPUNGE"):
            self.expunge(send=command == "EXPUNGE")
            if command == "CLOSE":
                self.selected = None
        elif command == "UID":
            return self.uid(tag, rest)
        else:
            self.send(f"{tag} BAD unknown command {command}")
            return True
        self.send(f"{tag} OK {command} completed")
        return True

    def _box(self) -> Mailbox:
        box = self.store.box(self.selected or "")
        if box is None:
            raise ValueError("no mailbox selected")
        return box

    def expunge(self, send: bool = True) -> None:
        with self.store.lock:
            box = self._box()
            for seq in range(len(box.messages), 0, -1):
                if "\\Deleted" in box.messages[seq - 1].flags:
                    del box.messages[seq - 1]
                    if send:
                        self.send(f"* {seq} EXPUNGE")

    def uid(self, tag: str, rest: str) -> bool:
        sub, _, arg = rest.partition(" ")
        sub = sub.upper()
        s = self.store
        with s.lock:
            box = self._box()
            if sub == "SEARCH":
                m = re.search(r"UID (\S+)", arg, re.IGNORECASE)
                found = _uid_set(m.group(1), box) if m else list(box.messages)
                if "UNSEEN" in arg.upper():
                    found = [x for x in found if "\\Seen" not in x.flags]
                self.send("* SEARCH" + "".join(f" {x.uid}" for x in found))
            elif sub == "FETCH":
                spec, _, items = arg.partition(" ")
                for message in _uid_set(spec, box):
                    seq = box.messages.index(message) + 1
                    upper = items.upper()
                    parts = [f"UID {message.uid}"]
                    if "FLAGS" in upper:
                        parts.append(f"FLAGS ({' '.join(sorted(message.flags))})")
                    if "RFC822.SIZE" in upper:
                        parts.append(f"RFC822.SIZE {len(message.raw)}")
                    wants_body = "BODY[]" in upper or "BODY.PEEK[]" in upper or re.search(r"\bRFC822\b(?!\.)", upper)
                    if wants_body:
                        if "PEEK" not in upper:
                            message.flags.add("\\Seen")
                        self.wfile.write(f"* {seq} FETCH ({' '.join(parts)} BODY[] {{{len(message.raw)}}}\r\n".encode())
                        self.wfile.write(message.raw + b")\r\n")
                    else:
                        self.send(f"* {seq} FETCH ({' '.join(parts)})")
                    if s.drop_after is not None:
                        s.drop_after -= 1
                        if s.drop_after <= 0:
                            s.drop_after = None
                            self.wfile.flush()
                            self.connection.close()
                            raise ConnectionError("simulated drop")
            elif sub == "STORE":
                spec, mode, flags = (arg.split(" ", 2) + ["", ""])[:3]
                names = set(flags.strip("()").split())
                for message in _uid_set(spec, box):
                    if mode.upper().startswith("+"):
                        message.flags |= names
                    elif mode.upper().startswith("-"):
                        message.flags -= names
                    else:
                        message.flags = names
                    if "SILENT" not in mode.upper():
                        seq = box.messages.index(message) + 1
                        self.send(f"* {seq} FETCH (UID {message.uid} FLAGS ({' '.join(sorted(message.flags))}))")
            elif sub in ("COPY", "MOVE"):
                spec, _, target = arg.partition(" ")
                target = _args(target)[0]
                if s.box(target) is None:
                    self.send(f"{tag} NO [TRYCREATE] No such mailbox")
                    return True
                moved = _uid_set(spec, box)
                new = [s.append(target, x.raw, x.flags - {"\\Deleted"}) for x in moved]
                dest = s.box(target)
                assert dest is not None
                if moved:
                    self.send(f"* OK [COPYUID {dest.uidvalidity} {','.join(str(x.uid) for x in moved)} "
                              f"{','.join(map(str, new))}] done")
                if sub == "MOVE":
                    for x in moved:
                        seq = box.messages.index(x) + 1
                        box.messages.remove(x)
                        self.send(f"* {seq} EXPUNGE")
            else:
                self.send(f"{tag} BAD unknown UID command {sub}")
                return True
        self.send(f"{tag} OK UID {sub} completed")
        return True


class ImapServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def start_imap(store: Store, host: str = "127.0.0.1", port: int = 1143) -> ImapServer:
    """Serve IMAP on a thread; ``server.shutdown()`` stops it."""
    handler = type("BoundImapHandler", (ImapHandler,), {"store": store})
    server = ImapServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True, name="imap-sim").start()
    return server


def create_app(store: Store) -> Flask:
    """The control API of the simulator."""
    app = Flask("imap-sim")

    @app.post("/_sim/mailboxes/<name>/messages")
    def append(name: str) -> Any:
        return jsonify({"uid": store.append(name, request.get_data())}), 201

    @app.get("/_sim/mailboxes")
    def boxes() -> Any:
        with store.lock:
            return jsonify({"mailboxes": {name: {"uidvalidity": b.uidvalidity, "uidnext": b.uidnext, "messages": [
                {"uid": m.uid, "flags": sorted(m.flags), "size": len(m.raw)} for m in b.messages]}
                for name, b in store.boxes.items()}})

    @app.post("/_sim/mailboxes/<name>/uidvalidity")
    def uidvalidity(name: str) -> Any:
        return jsonify({"uidvalidity": store.new_uidvalidity(name)})

    @app.post("/_sim/drop")
    def drop() -> Any:
        store.drop_after = int((request.get_json(silent=True) or {}).get("after_fetches", 1))
        return jsonify({"drop_after": store.drop_after})

    @app.delete("/_sim/mailboxes")
    def reset() -> Any:
        store.reset()
        return "", 204

    return app


def _bind(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    return host or "127.0.0.1", int(port)


def main() -> None:
    parser = argparse.ArgumentParser(prog="fibreflow-sim-imap")
    parser.add_argument("--bind", default=os.environ.get("IMAP_SIM_BIND", "127.0.0.1:1143"))
    parser.add_argument("--http-bind", default=os.environ.get("IMAP_SIM_HTTP_BIND", "127.0.0.1:8096"))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    store = Store(os.environ.get("IMAP_SIM_USER", "tickets"), os.environ.get("IMAP_SIM_PASSWORD", "dev-imap-password"))
    host, port = _bind(args.bind)
    start_imap(store, host, port)
    http_host, http_port = _bind(args.http_bind)
    log.info("IMAP simulator on %s:%s, control on %s:%s", host, port, http_host, http_port)
    make_server(http_host, http_port, create_app(store), threaded=True).serve_forever()


if __name__ == "__main__":
    main()
