"""The gateway's public API, the only thing the console talks to.

Every call carries the signed-in user's access token (never the browser's: it has none). An
answer outside 2xx becomes ``GatewayRefused`` with the gateway's own code and message; no answer
(or 502/503/504) becomes ``GatewayUnavailable``. Reads are retried once on a transient failure
(the kit's HttpClient); writes never are.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Iterator

import requests

from console.domain.errors import GatewayRefused, GatewayUnavailable
from fibreflow_shared.http_client import HttpClient, TransientHTTPError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Download:
    """A streamed file from the API (attachments, CSV exports): relayed to the browser as is."""

    status: int
    headers: dict[str, str]
    chunks: Iterator[bytes]


class Gateway:
    """A pooled client of the gateway's public API (base URL from CONSOLE_GATEWAY_URL)."""

    def __init__(self, base_url: str, *, timeout: float = 15.0, pool_size: int = 32) -> None:
        self.http = HttpClient(base_url, timeout=(3.05, timeout), attempts=2, backoff_min=0.05, backoff_max=0.2,
                               pool_size=pool_size)

    # -- the auth endpoints (no token yet, or the refresh token itself) ------------------------
    def login(self, username: str, password: str, client_ip: str | None = None) -> dict[str, Any]:
        """``POST /api/auth/login`` → the token pair (raises GatewayRefused on 401/429/...)."""
        headers = {"X-Forwarded-For": client_ip} if client_ip else {}
        return self._json(self._send("POST", "/api/auth/login", json={"username": username, "password": password},
                                     headers=headers))

    def refresh(self, refresh_token: str) -> dict[str, Any]:
        """``POST /api/auth/refresh`` → a new pair (the old refresh token is spent)."""
        return self._json(self._send("POST", "/api/auth/refresh", json={"refresh_token": refresh_token}))

    def logout(self, refresh_token: str) -> None:
        """``POST /api/auth/logout``: the gateway revokes the token's whole family."""
        self._json(self._send("POST", "/api/auth/logout", json={"refresh_token": refresh_token}))

    # -- everything else, as the signed-in user --------------------------------------------------
    def call(self, token: str, method: str, path: str, **kwargs: Any) -> Any:
        """One API call; the envelope's ``data`` (None for 204)."""
        headers = {**kwargs.pop("headers", {}), "Authorization": f"Bearer {token}"}
        return self._json(self._send(method, path, headers=headers, **kwargs))

    def download(self, token: str, path: str, params: dict[str, Any] | None = None) -> Download:
        """A streamed GET (a file or an export); refusals raise like ``call``."""
        resp = self._send("GET", path, headers={"Authorization": f"Bearer {token}"}, params=params, stream=True)
        if resp.status_code >= 300:
            self._json(resp)
        keep = ("Content-Type", "Content-Length", "Content-Disposition", "Last-Modified", "ETag")
        return Download(resp.status_code, {k: resp.headers[k] for k in keep if k in resp.headers},
                        resp.iter_content(64 * 1024))

    # -- plumbing ------------------------------------------------------------------------------
    def _send(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        try:
            return self.http.request(method, path, **kwargs)
        except TransientHTTPError as exc:
            return exc.response  # the last 5xx/429 answer: _json turns it into the right error
        except requests.RequestException as exc:
            log.warning("gateway unreachable", extra={"path": path, "error": str(exc)})
            raise GatewayUnavailable("The FibreFlow API is not answering; try again in a moment") from exc

    @staticmethod
    def _json(resp: requests.Response) -> Any:
        if resp.status_code == 204:
            return None
        try:
            body = resp.json()
        except ValueError:
            body = None
        if 200 <= resp.status_code < 300 and isinstance(body, dict):
            return body.get("data")
        error = (body or {}).get("error") if isinstance(body, dict) else None
        error = error if isinstance(error, dict) else {}
        if resp.status_code in (502, 503, 504) or (resp.status_code >= 500 and not error):
            raise GatewayUnavailable(error.get("message") or f"The API answered {resp.status_code}; try again")
        raise GatewayRefused(resp.status_code, str(error.get("code") or "HTTP_ERROR"),
                             str(error.get("message") or f"The API answered {resp.status_code}"),
                             error.get("details"))
