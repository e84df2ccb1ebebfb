"""The WAHA HTTP API (devlikeapro/waha) as ``shared/external-apis.md`` describes it: ``X-Api-Key`` on
every call; sessions, QR and pairing code; sendText/sendImage/sendFile; chats' messages; LIDs.

Every failure is a ``WahaError``; ``transient`` says whether retrying can help (unreachable,
timeout, 5xx, 429) or not (401, 404, 422 "session not working", ...)."""
from __future__ import annotations

from typing import Any
from urllib.parse import quote

import requests

from fibreflow_shared.http_client import HttpClient, TransientHTTPError


class WahaError(Exception):
    def __init__(self, message: str, *, status: int = 0, transient: bool = True, body: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.transient = transient
        self.body = body


def _q(value: str) -> str:
    return quote(value, safe="@.")


class WahaClient:
    """One WAHA server; GETs are retried by the kit's client, POSTs never (our queue retries sends)."""

    def __init__(self, base_url: str, api_key: str, *, timeout: float = 10.0, pool_size: int = 10) -> None:
        self.http = HttpClient(base_url, timeout=(3.05, timeout), attempts=2, backoff_min=0.2, backoff_max=1.0,
                               headers={"X-Api-Key": api_key, "Accept": "application/json"}, pool_size=pool_size)
        self.api_key = api_key

    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        try:
            resp = self.http.request(method, path, **kwargs)
        except TransientHTTPError as exc:
            resp = exc.response
        except requests.RequestException as exc:
            raise WahaError(f"WAHA unreachable: {type(exc).__name__}: {exc}") from exc
        if resp.status_code >= 400:
            try:
                body: Any = resp.json()
            except ValueError:
                body = resp.text[:300]
            transient = resp.status_code >= 500 or resp.status_code in (408, 429)
            raise WahaError(f"WAHA answered {resp.status_code}: {body}", status=resp.status_code,
                            transient=transient, body=body)
        return resp

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        resp = self._call(method, path, **kwargs)
        return resp.json() if resp.content else None

    # -- sessions ---------------------------------------------------------------------------
    def create_session(self, name: str, config: dict[str, Any]) -> dict[str, Any]:
        return self._json("POST", "/api/sessions", json={"name": name, "start": True, "config": config})

    def update_session(self, name: str, config: dict[str, Any]) -> dict[str, Any]:
        return self._json("PUT", f"/api/sessions/{_q(name)}", json={"config": config})

    def get_session(self, name: str) -> dict[str, Any]:
        return self._json("GET", f"/api/sessions/{_q(name)}")

    def session_action(self, name: str, action: str) -> dict[str, Any] | None:
        """``start``, ``stop``, ``restart`` or ``logout``."""
        return self._json("POST", f"/api/sessions/{_q(name)}/{action}")

    def delete_session(self, name: str) -> None:
        self._call("DELETE", f"/api/sessions/{_q(name)}")

    def qr_base64(self, name: str) -> dict[str, str]:
        """``{"mimetype": "image/png", "data": "<base64>"}`` (422 unless the session is SCAN_QR_CODE)."""
        return self._json("GET", f"/api/{_q(name)}/auth/qr", headers={"Accept": "application/json"})

    def qr_png(self, name: str) -> bytes:
        return self._call("GET", f"/api/{_q(name)}/auth/qr", headers={"Accept": "image/png"}).content

    def request_code(self, name: str, phone_number: str) -> dict[str, str]:
        return self._json("POST", f"/api/{_q(name)}/auth/request-code", json={"phoneNumber": phone_number})

    # -- sending ----------------------------------------------------------------------------
    def send_text(self, session: str, chat_id: str, text: str, reply_to: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"session": session, "chatId": chat_id, "text": text}
        if reply_to:
            body["reply_to"] = reply_to
        return self._json("POST", "/api/sendText", json=body)

    def send_media(self, session: str, chat_id: str, kind: str, *, mimetype: str, filename: str, data_b64: str,
                   caption: str = "", reply_to: str | None = None) -> dict[str, Any]:
        """An image goes through sendImage, anything else through sendFile (both take base64 data)."""
        body: dict[str, Any] = {"session": session, "chatId": chat_id,
                                "file": {"mimetype": mimetype, "filename": filename, "data": data_b64}}
        if caption:
            body["caption"] = caption
        if reply_to:
            body["reply_to"] = reply_to
        return self._json("POST", "/api/sendImage" if kind == "image" else "/api/sendFile", json=body)

    # -- reading ----------------------------------------------------------------------------
    def chats(self, session: str, limit: int = 100) -> list[dict[str, Any]]:
        return self._json("GET", f"/api/{_q(session)}/chats", params={"limit": limit}) or []

    def chat_messages(self, session: str, chat_id: str, limit: int = 50) -> list[dict[str, Any]]:
        """The chat's most recent messages (newest first), media downloaded by WAHA where it can."""
        return self._json("GET", f"/api/{_q(session)}/chats/{_q(chat_id)}/messages",
                          params={"limit": limit, "downloadMedia": "true"}) or []

    def message(self, session: str, chat_id: str, message_id: str) -> dict[str, Any] | None:
        """One message (its current ack), or None when WAHA does not know it."""
        try:
            return self._json("GET", f"/api/{_q(session)}/chats/{_q(chat_id)}/messages/{_q(message_id)}")
        except WahaError as exc:
            if exc.status == 404:
                return None
            raise

    def phone_for_lid(self, session: str, lid: str) -> str | None:
        """The phone JID behind a hidden ``@lid`` id (``GET /api/{session}/lids/{lid}`` → ``pn``)."""
        try:
            found = self._json("GET", f"/api/{_q(session)}/lids/{_q(lid)}")
        except WahaError as exc:
            if exc.status == 404:
                return None
            raise
        return (found or {}).get("pn") or None

    def download(self, url: str, max_bytes: int) -> tuple[bytes, str | None]:
        """Media from a WAHA file URL (needs the API key); refuses more than ``max_bytes``."""
        resp = self._call("GET", url, stream=True)
        chunks, size = [], 0
        for chunk in resp.iter_content(256 * 1024):
            size += len(chunk)
            if size > max_bytes:
                resp.close()
                raise WahaError(f"media larger than {max_bytes} bytes", status=413, transient=False)
            chunks.append(chunk)
        return b"".join(chunks), resp.headers.get("Content-Type")
