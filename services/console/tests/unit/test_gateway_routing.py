"""The gateway hands the console every path outside /api and /.well-known (ARCHITECTURE.md)."""
from __future__ import annotations

import pytest

from gateway.domain import routes


@pytest.mark.parametrize("path", ["/", "/login", "/tickets", "/tickets/FF-0042", "/static/console.css", "/my",
                                  "/apiary", "/settings/sla"])
def test_console_paths(path: str) -> None:
    assert routes.is_console_path(path)


@pytest.mark.parametrize("path", ["/api", "/api/", "/api/tickets", "/api/auth/login", "/.well-known/jwks.json",
                                  "/healthz", "/readyz", "/metrics", "/openapi.json"])
def test_paths_that_stay_with_the_gateway(path: str) -> None:
    assert not routes.is_console_path(path)
