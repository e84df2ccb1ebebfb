"""The QContact REST API v2 client (../shared/external-apis.md), both auth styles.

- ``cookie``: ``POST /api/v2/user/login {username, password}`` sets session cookies (~8 h);
- ``token``: ``POST /api/v2/auth/sign_in {email, password}`` answers headers ``access-token``,
  ``client``, ``uid`` that every later call sends back.
The session is renewed before it expires (``session_hours``) and on any 401, and the call in
flight is then repeated once, so it is never lost. Transient failures (connection errors,
timeouts, 5xx, 429 with its ``Retry-After``) are retried with tenacity; anything else is
returned as ``QContactRejected``. Answers are validated (``domain.model.parse_case``).
"""
from __future__ import annotations

import json
import logging
import threading
import time
from typing import Any, Callable, Iterator

import requests
from requests.adapters import HTTPAdapter
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt

from fibreflow_shared import sanitise
from qcontact_sync import metrics
from qcontact_sync.domain.errors import InvalidCase, QContactRejected, QContactUnavailable

log = logging.getLogger(__name__)
SessionListener = Callable[[dict[str, Any]], None]


class _Transient(Exception):
    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class _SessionExpired(Exception):
    pass


def _retry_after(resp: requests.Response) -> float | None:
    value = resp.headers.get("Retry-After")
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


class QContactClient:
    """One logged-in QContact session shared by the threads of a process."""

    def __init__(self, base_url: str, *, auth_style: str, username: str, password: str, login_path: str = "",
                 cases_path: str = "/api/v2/entities/Case", notes_path: str = "/api/v2/entities/Note",
                 list_style: str = "filter", session_hours: float = 8.0, timeout: float = 10.0,
                 attempts: int = 3, max_wait: float = 30.0, backoff_base: float = 0.5,
                 on_session: SessionListener | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.auth_style = auth_style
        self.username, self.password = username, password
        self.login_path = login_path or ("/api/v2/user/login" if auth_style == "cookie" else "/api/v2/auth/sign_in")
        self.cases_path, self.notes_path, self.list_style = cases_path, notes_path, list_style
        self.session_seconds = session_hours * 3600
        self.timeout = (min(3.05, timeout), timeout)
        self.attempts, self.max_wait, self.backoff_base = attempts, max_wait, backoff_base
        self.on_session = on_session
        self.http = requests.Session()
        adapter = HTTPAdapter(pool_connections=4, pool_maxsize=16)
        self.http.mount("http://", adapter)
        self.http.mount("https://", adapter)
        self._tokens: dict[str, str] = {}
        self._expires_at = 0.0
        self._lock = threading.Lock()
        self.logins = 0

    # -- session ------------------------------------------------------------------------------
    def report(self, state: str, error: str | None = None) -> None:
        """Record the session state (the health endpoint and the ``qcontact_session_up`` gauge)."""
        metrics.SESSION_UP.set(1 if state == "up" else 0)
        if self.on_session is not None:
            try:
                self.on_session({"state": state, "auth_style": self.auth_style, "error": error,
                                 "expires_at": self._expires_at or None, "logins": self.logins, "at": time.time()})
            except Exception:  # noqa: BLE001 - reporting the state must never fail the call
                log.warning("could not record the QContact session state", exc_info=True)

    def login(self) -> None:
        """Open a new session (cookie or token style)."""
        body = ({"username": self.username, "password": self.password} if self.auth_style == "cookie"
                else {"email": self.username, "password": self.password})
        try:
            resp = self.http.post(self.base_url + self.login_path, json=body, timeout=self.timeout)
        except requests.RequestException as exc:
            self.report("down", f"login: {type(exc).__name__}")
            raise _Transient(f"login: {exc}") from exc
        if resp.status_code >= 500 or resp.status_code == 429:
            self.report("down", f"login: {resp.status_code}")
            raise _Transient(f"login answered {resp.status_code}", _retry_after(resp))
        if resp.status_code != 200:
            self.report("down", f"login refused ({resp.status_code})")
            raise QContactRejected(f"QContact refused the login ({resp.status_code})")
        if self.auth_style == "token":
            tokens = {k: resp.headers.get(k) for k in ("access-token", "client", "uid")}
            if not all(tokens.values()):
                self.report("down", "sign_in answered without tokens")
                raise QContactRejected("QContact sign_in answered without access-token/client/uid headers")
            self._tokens = {k: str(v) for k, v in tokens.items()}
        elif not self.http.cookies:
            self.report("down", "login set no cookie")
            raise QContactRejected("QContact login set no session cookie")
        self._expires_at = time.time() + self.session_seconds
        self.logins += 1
        metrics.LOGINS.inc()
        self.report("up")

    def _ensure_session(self) -> None:
        with self._lock:
            if time.time() >= self._expires_at - 60:  # renew a minute early: no call dies at expiry
                self.http.cookies.clear()
                self.login()

    def _expire(self) -> None:
        with self._lock:
            self._expires_at = 0.0

    # -- calls --------------------------------------------------------------------------------
    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        hinted = getattr(exc, "retry_after", None)
        if hinted is not None:
            return min(hinted, self.max_wait)
        return min(self.backoff_base * 2 ** (state.attempt_number - 1), self.max_wait)

    def _once(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        self._ensure_session()
        started = time.perf_counter()
        try:
            resp = self.http.request(method, self.base_url + path, headers=dict(self._tokens),
                                     timeout=self.timeout, **kwargs)
        except requests.RequestException as exc:
            metrics.CALLS.labels(method, "error").inc()
            raise _Transient(f"{method} {path}: {type(exc).__name__}") from exc
        finally:
            metrics.CALL_LATENCY.labels(method).observe(time.perf_counter() - started)
        metrics.CALLS.labels(method, str(resp.status_code)).inc()
        if resp.status_code == 401:
            self._expire()
            raise _SessionExpired()
        if resp.status_code >= 500 or resp.status_code == 429:
            raise _Transient(f"{method} {path} answered {resp.status_code}", _retry_after(resp))
        return resp

    def request(self, method: str, path: str, *, retry: bool = True, **kwargs: Any) -> requests.Response:
        """One call: a fresh session on 401 (the call repeated once), transient errors retried."""
        def call() -> requests.Response:
            try:
                return self._once(method, path, **kwargs)
            except _SessionExpired:
                log.info("QContact session expired, signing in again", extra={"path": path})
                try:
                    return self._once(method, path, **kwargs)
                except _SessionExpired as exc:
                    self.report("down", "401 right after a new login")
                    raise QContactRejected("QContact refused a fresh session (401)") from exc

        try:
            if not retry:
                return call()
            return Retrying(stop=stop_after_attempt(self.attempts), wait=self._wait,
                            retry=retry_if_exception_type(_Transient), reraise=True)(call)
        except _Transient as exc:
            raise QContactUnavailable(str(exc)) from exc

    def _json(self, resp: requests.Response, what: str) -> Any:
        if resp.status_code == 404:
            raise QContactRejected(f"{what}: not found in QContact (404)", {"status": 404})
        if resp.status_code >= 400:
            raise QContactRejected(f"{what}: QContact answered {resp.status_code}", {"status": resp.status_code})
        try:
            return sanitise.loads(resp.content)
        except Exception as exc:  # noqa: BLE001 - not JSON, too deep, NUL bytes: all unreadable
            raise InvalidCase(f"{what}: QContact answered with invalid JSON") from exc

    # -- the API ------------------------------------------------------------------------------
    def me(self) -> dict[str, Any]:
        data = self._json(self.request("GET", "/api/v2/me"), "me")
        if not isinstance(data, dict):
            raise InvalidCase("me: not an object")
        return data

    def page(self, *, queue: str | None, since: str | None, statuses: list[str] | None, offset: int,
             limit: int) -> tuple[list[Any], int]:
        """One page of cases sorted by ``updated_at`` then id: ``(items, total)``."""
        if self.list_style == "filter":
            filters: list[dict[str, Any]] = []
            if queue:
                filters.append({"field": "queue", "operator": "=", "value": queue})
            if statuses:
                filters.append({"field": "status", "operator": "in", "value": list(statuses)})
            if since:
                filters.append({"field": "updated_at", "operator": ">=", "value": since})
            body = {"filters": filters, "sort": {"field": "updated_at", "order": "asc"}, "limit": limit,
                    "offset": offset}
            data = self._json(self.request("POST", f"{self.cases_path}/filter", json=body), "filter cases")
            items, total = (data or {}).get("items"), (data or {}).get("total")
        else:
            conditions: list[dict[str, Any]] = []
            if queue:
                conditions.append({"name": "queue", "value": queue, "operator": "equals"})
            if statuses:
                conditions.append({"name": "status", "value": list(statuses), "operator": "in"})
            if since:
                conditions.append({"name": "updated_at", "value": since, "operator": "greater_or_equal"})
            # Page 1 of offset+limit items: the page form has no offset, and the offset here is small.
            params = {"page": 1, "items": offset + limit, "sort": "updated_at", "order": "asc",
                      "filters": json.dumps([{"operator": "all", "conditions": conditions}])}
            data = self._json(self.request("GET", self.cases_path, params=params), "list cases")
            items = (data or {}).get("results")
            total = ((data or {}).get("pagination") or {}).get("count")
            items = items[offset:] if isinstance(items, list) else items
        if not isinstance(items, list) or not isinstance(total, int):
            raise InvalidCase("case list: expected a list of items and a total")
        return items, total

    def cases_since(self, *, queue: str | None, since: str | None, statuses: list[str] | None,
                    limit: int = 200) -> Iterator[dict[str, Any]]:
        """Every case updated at or after ``since`` (all of them without), oldest first.

        Paginated by key (``updated_at >= cursor``) rather than offset, so a case that changes
        while we read moves forward instead of shifting an unread case into a page we passed;
        cases sharing the cursor's timestamp are skipped by count."""
        cursor, skip = since, 0
        while True:
            items, _ = self.page(queue=queue, since=cursor, statuses=statuses, offset=skip, limit=limit)
            if not items:
                return
            stamps = [str(i.get("updated_at")) if isinstance(i, dict) else "" for i in items]
            yield from items
            newest = max(stamps)
            if newest == cursor:
                skip += len(items)
            else:
                cursor, skip = newest, stamps.count(newest)
            if len(items) < limit:
                return

    def get_case(self, case_id: str) -> dict[str, Any]:
        data = self._json(self.request("GET", f"{self.cases_path}/{case_id}"), f"case {case_id}")
        if not isinstance(data, dict):
            raise InvalidCase(f"case {case_id}: not an object")
        return data

    def update_case(self, case_id: str, fields: dict[str, Any]) -> dict[str, Any]:
        """PATCH with the ``{"fields": {...}}`` body (without it QContact answers 200 and changes
        nothing), then read the case back: a change that did not take is ``QContactRejected``."""
        resp = self.request("PATCH", f"{self.cases_path}/{case_id}", json={"fields": fields})
        self._json(resp, f"update case {case_id}")
        after = self.get_case(case_id)
        holder = after.get("fields") if isinstance(after.get("fields"), dict) else after
        missing = {k: v for k, v in fields.items() if holder.get(k) != v}
        if missing:
            raise QContactRejected(f"case {case_id}: the update did not take ({', '.join(missing)})",
                                   {"expected": fields, "found": {k: holder.get(k) for k in missing}})
        return after

    def add_note(self, case_id: str, subtitle: str, text: str) -> dict[str, Any]:
        """A public note on the case. Not retried here (a lost answer may have created it): the
        caller's failure queue retries after looking for the note in the timeline."""
        body = {"entity_type": "Case", "entity_id": case_id, "subtitle": subtitle, "public_note": text}
        data = self._json(self.request("POST", self.notes_path, json=body, retry=False), f"note on {case_id}")
        return data if isinstance(data, dict) else {}

    def timeline(self, case_id: str) -> list[dict[str, Any]]:
        data = self._json(self.request("GET", f"{self.cases_path}/{case_id}/events"), f"timeline {case_id}")
        results = data.get("results") if isinstance(data, dict) else data
        return [e for e in results if isinstance(e, dict)] if isinstance(results, list) else []
