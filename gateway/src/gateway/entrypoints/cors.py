"""CORS for every /api path, own endpoints and proxied ones alike (CORS_ORIGINS; off when empty).

Applied by the WSGI layer in ``gateway.entrypoints.proxy`` so one policy answers preflights and
decorates responses whether Flask or the proxy produced them.
"""
from __future__ import annotations

from dataclasses import dataclass

EXPOSE_HEADERS = "X-Request-ID, X-Correlation-ID, Retry-After, Content-Disposition"
ALLOW_HEADERS = frozenset({"authorization", "content-type", "x-request-id", "x-correlation-id", "idempotency-key"})
ALLOW_METHODS = "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT"
MAX_AGE_SECONDS = "600"


@dataclass(frozen=True)
class CorsPolicy:
    """Which browser origins may call the API; ``*`` allows any."""

    origins: frozenset[str]

    def allows(self, origin: str) -> bool:
        return "*" in self.origins or origin in self.origins

    def response_headers(self, origin: str) -> list[tuple[str, str]]:
        """Headers for an actual (non-preflight) response to an allowed origin."""
        return [("Access-Control-Allow-Origin", origin), ("Access-Control-Expose-Headers", EXPOSE_HEADERS),
                ("Vary", "Origin")]

    def preflight_headers(self, origin: str, requested_headers: str) -> list[tuple[str, str]]:
        """Headers answering an OPTIONS preflight from an allowed origin."""
        asked = [h.strip() for h in requested_headers.split(",") if h.strip()]
        headers = [("Access-Control-Allow-Origin", origin), ("Access-Control-Allow-Methods", ALLOW_METHODS),
                   ("Access-Control-Max-Age", MAX_AGE_SECONDS), ("Vary", "Origin")]
        allowed = [h for h in asked if h.lower() in ALLOW_HEADERS]
        if allowed:
            headers.append(("Access-Control-Allow-Headers", ", ".join(allowed)))
        return headers
