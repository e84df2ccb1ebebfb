"""The gateway's gunicorn workers: gevent by default (GATEWAY_WEB_WORKER), gthread on request.

Why gevent: the gateway spends its time waiting, on clients sending bodies and on services
answering. Under gthread each wait holds one of 16 threads, so 16 slow uploads (or 16 calls to
a stuck service) stop every other request; under gevent a wait holds a greenlet of a few KB,
and ``--worker-connections`` bounds them. Measured in bench/GATEWAY_SLOW_CLIENTS.md.

Both classes answer gunicorn's own refusals, sent before the app sees a request (request line
too long, headers too large, malformed request line or chunk), in the JSON error envelope
instead of gunicorn's HTML page.
"""
from __future__ import annotations

import json
from typing import Any

from gunicorn import util
from gunicorn.workers.ggevent import GeventWorker as _GeventWorker
from gunicorn.workers.gthread import ThreadWorker as _ThreadWorker

from fibreflow_shared.errors import error_body

# The limits are a little under the services' gunicorn defaults (line 4094, field 8190, 100
# fields): a request the gateway lets through, plus the headers it adds, is never refused by a
# service's gunicorn with an HTML page that the proxy would then relay.
LIMIT_ARGS = ("--limit-request-line", "4000", "--limit-request-field_size", "8000",
              "--limit-request-fields", "90")

_CODES = {400: "BAD_REQUEST", 403: "FORBIDDEN", 414: "URI_TOO_LONG", 417: "EXPECTATION_FAILED",
          431: "HEADERS_TOO_LARGE", 500: "INTERNAL_ERROR", 501: "NOT_IMPLEMENTED"}
_MESSAGES = {414: "Request line too long (at most 4000 bytes)",
             431: "Request headers too large (at most 90 fields of 8000 bytes)"}


def envelope_error(status_int: int, reason: str, mesg: str) -> bytes:
    """The whole HTTP answer for one of gunicorn's own refusals, in the error envelope."""
    message = _MESSAGES.get(status_int) or (mesg[:200] if mesg else reason)
    body = json.dumps(error_body(_CODES.get(status_int, "BAD_REQUEST"), message)).encode()
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n"
            "Cache-Control: no-store\r\n\r\n")
    return head.encode("latin-1") + body


def write_envelope_error(sock: Any, status_int: int, reason: str, mesg: str) -> None:
    """Drop-in for ``gunicorn.util.write_error`` (which writes an HTML page)."""
    util.write_nonblock(sock, envelope_error(status_int, reason, mesg))


class _EnvelopeErrors:
    def init_process(self) -> None:
        # Worker processes only (after fork): the one place gunicorn formats its refusals.
        util.write_error = write_envelope_error
        super().init_process()  # type: ignore[misc]


class GeventWorker(_EnvelopeErrors, _GeventWorker):
    """gunicorn's gevent worker, refusals in the envelope."""


class ThreadWorker(_EnvelopeErrors, _ThreadWorker):
    """gunicorn's gthread worker, refusals in the envelope."""


WORKER_CLASSES = {"gevent": f"{__name__}.GeventWorker", "gthread": f"{__name__}.ThreadWorker"}
