"""Outbound HTTP to external systems: pooled, always with timeouts, retries only when safe.

GET/HEAD/PUT/DELETE/OPTIONS are idempotent and retried on connection errors, timeouts and
5xx/429. POST and PATCH are retried only when the caller passes an idempotency key.
"""
from __future__ import annotations

import logging
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from fibreflow_shared import context

log = logging.getLogger(__name__)
IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


class TransientHTTPError(Exception):
    """A 5xx or 429 answer worth retrying."""

    def __init__(self, response: requests.Response) -> None:
        super().__init__(f"{response.status_code} from {response.url}")
        self.response = response


def _is_transient(exc: BaseException) -> bool:
    return isinstance(exc, (requests.ConnectionError, requests.Timeout, TransientHTTPError))


class HttpClient:
    """A small client for one external base URL."""

    def __init__(self, base_url: str, *, timeout: tuple[float, float] = (3.05, 15.0), attempts: int = 3,
                 backoff_min: float = 0.5, backoff_max: float = 8.0, headers: dict[str, str] | None = None,
                 pool_size: int = 10) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.attempts = attempts
        self.backoff_min = backoff_min
        self.backoff_max = backoff_max
        self.session = requests.Session()
        adapter = HTTPAdapter(pool_connections=pool_size, pool_maxsize=pool_size)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers.update(headers or {})

    def request(self, method: str, path: str, *, idempotency_key: str | None = None,
                **kwargs: Any) -> requests.Response:
        """Send a request; retry transient failures if the call is idempotent.

        Returns the final response (a 4xx is returned, not raised). Raises the last
        transient error when every attempt failed.
        """
        method = method.upper()
        headers = dict(kwargs.pop("headers", None) or {})
        request_id = context.get_request_id()
        if request_id:
            headers.setdefault(context.REQUEST_ID_HEADER, request_id)
        correlation_id = context.get_correlation_id()
        if correlation_id:
            headers.setdefault(context.CORRELATION_ID_HEADER, correlation_id)
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        kwargs.setdefault("timeout", self.timeout)
        url = path if path.startswith("http") else f"{self.base_url}/{path.lstrip('/')}"
        retryable = method in IDEMPOTENT or idempotency_key is not None

        def once() -> requests.Response:
            resp = self.session.request(method, url, headers=headers, **kwargs)
            if retryable and (resp.status_code >= 500 or resp.status_code == 429):
                raise TransientHTTPError(resp)
            return resp

        if not retryable:
            return once()
        retrying = Retrying(
            stop=stop_after_attempt(self.attempts),
            wait=wait_exponential(multiplier=self.backoff_min, max=self.backoff_max),
            retry=retry_if_exception(_is_transient),
            reraise=True,
        )
        return retrying(once)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", path, **kwargs)
