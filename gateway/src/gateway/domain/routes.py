"""The gateway's routing table: which service owns a path and who may call it.

A request goes to the row whose path matches the most leading segments (longest prefix);
``{name}`` matches exactly one segment, and on a tie the row with more literal segments wins.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Iterable

from fibreflow_shared.roles import ADMINS, ALL_ROLES, MANAGEMENT, REPORT_READERS, STAFF, SUPERVISORS

MIB = 1024 * 1024
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
PUBLIC: frozenset[str] = frozenset()  # marker only: public rows need no token


@dataclass(frozen=True)
class Route:
    prefix: str                    # "/api/tickets" or a pattern such as "/api/tickets/{id}/notify-client"
    upstream: str                  # key of the service base URL in the settings
    read: frozenset[str]           # roles allowed for GET/HEAD
    write: frozenset[str]          # roles allowed for POST/PUT/PATCH/DELETE
    public: bool = False           # external webhooks: no user token, the service checks the sender
    timeout: float | None = None   # read timeout in seconds; None = UPSTREAM_READ_TIMEOUT
    max_body: int | None = None    # bytes; None = MAX_BODY_BYTES

    @cached_property
    def segments(self) -> tuple[str, ...]:
        return _split(self.prefix)

    @cached_property
    def rank(self) -> tuple[int, int]:
        """Longer patterns win; on a tie, the one with more literal segments."""
        return len(self.segments), sum(not s.startswith("{") for s in self.segments)

    def allowed_roles(self, method: str) -> frozenset[str]:
        return self.read if method.upper() in READ_METHODS else self.write

    def permits(self, method: str, roles: Iterable[str]) -> bool:
        return self.public or bool(self.allowed_roles(method) & set(roles))


#        prefix / pattern                        upstream         read         write        extras
ROUTES: tuple[Route, ...] = (
    Route("/api/tickets",                        "ticket_core",   ALL_ROLES,   STAFF),
    Route("/api/tickets/{id}/attachments",       "ticket_core",   ALL_ROLES,   STAFF,       timeout=120, max_body=12 * MIB),
    Route("/api/tickets/sla-configs",            "sla",           ALL_ROLES,   ADMINS),
    Route("/api/sla",                            "sla",           ALL_ROLES,   ADMINS),
    Route("/api/ticketing",                      "billing",       SUPERVISORS, MANAGEMENT),
    Route("/api/ticketing/webhooks/invoice-status", "billing",    PUBLIC,      PUBLIC,      public=True),
    Route("/api/ticketing/billing/reports",      "billing",       REPORT_READERS, MANAGEMENT),  # the director reads them
    Route("/api/notifications",                  "notifications", ALL_ROLES,   ALL_ROLES),
    Route("/api/webhooks",                       "notifications", ADMINS,      ADMINS),   # outbound webhooks
    # SMS provider callbacks (Twilio-style form POSTs): the service checks X-Twilio-Signature.
    Route("/api/notifications/webhooks/sms/status",  "notifications", PUBLIC,  PUBLIC,      public=True),
    Route("/api/notifications/webhooks/sms/inbound", "notifications", PUBLIC,  PUBLIC,      public=True),
    Route("/api/qcontact",                       "qcontact_sync", SUPERVISORS, MANAGEMENT),
    Route("/api/qcontact/webhook",               "qcontact_sync", PUBLIC,      PUBLIC,      public=True),
    Route("/api/tickets/webhook/fibertime",      "qcontact_sync", PUBLIC,      PUBLIC,      public=True),
    Route("/api/tickets/{id}/notify-client",     "qcontact_sync", ALL_ROLES,   STAFF),
    Route("/api/wa-bridge",                      "wa_bridge",     STAFF,       SUPERVISORS),
    Route("/api/wa-bridge/webhook",              "wa_bridge",     PUBLIC,      PUBLIC,      public=True),
    Route("/api/email-intake",                   "email_intake",  SUPERVISORS, SUPERVISORS),
    Route("/api/email-intake/inbound",           "email_intake",  PUBLIC,      PUBLIC,      public=True, timeout=60, max_body=31 * MIB),
)


# The staff console answers every path outside /api and /.well-known (ARCHITECTURE.md), except the
# gateway's own probes and document. No token at the edge: the console checks its own session
# cookie and calls the API back through the gateway with the user's token.
CONSOLE = Route("/", "console", PUBLIC, PUBLIC, public=True, timeout=120, max_body=12 * MIB)
_NOT_CONSOLE_FIRST = frozenset({"api", ".well-known"})
_GATEWAY_OWN = frozenset({"/healthz", "/readyz", "/metrics", "/openapi.json"})


def is_console_path(path: str) -> bool:
    """Whether ``path`` belongs to the console (everything but /api, /.well-known and the
    gateway's /healthz, /readyz, /metrics, /openapi.json)."""
    parts = _split(path)
    return path not in _GATEWAY_OWN and not (parts and parts[0] in _NOT_CONSOLE_FIRST)


def _split(path: str) -> tuple[str, ...]:
    return tuple(part for part in path.split("/") if part)


def _matches(pattern: tuple[str, ...], path: tuple[str, ...]) -> bool:
    if len(pattern) > len(path):
        return False
    return all(p.startswith("{") or p == s for p, s in zip(pattern, path))


def match(path: str, routes: Iterable[Route] = ROUTES) -> Route | None:
    """The row owning ``path`` (longest matching prefix), or None."""
    parts = _split(path)
    best: Route | None = None
    best_rank = (-1, -1)
    for route in routes:
        if route.rank > best_rank and _matches(route.segments, parts):
            best, best_rank = route, route.rank
    return best


def owner_of(path: str, routes: Iterable[Route] = ROUTES) -> str | None:
    """The upstream that owns an OpenAPI path (``{param}`` segments match anything)."""
    route = match(path, routes)
    return route.upstream if route else None
