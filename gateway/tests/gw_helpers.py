"""Helpers shared by the gateway tests (a uniquely named module: test dirs are not packages)."""
from __future__ import annotations

import random
import time
from typing import Any

from flask import Flask

from gateway.bootstrap import Container

ADMIN_PASSWORD = "admin-password-123"
PASSWORD = "correct-horse-battery"


def issue_backdated(deps: Any, user: Any, issued_at: int, ttl: int = 900) -> str:
    """An access token as the issuer makes them, but issued at ``issued_at`` (epoch seconds)."""
    import uuid

    import jwt

    kid, private = deps.keys.signing_key()
    claims = {"sub": str(user.id), "username": user.username, "roles": list(user.roles), "teams": [],
              "iss": deps.issuer.issuer, "aud": deps.issuer.audience, "iat": issued_at, "exp": issued_at + ttl,
              "jti": str(uuid.uuid4()), "typ": "access"}
    return jwt.encode(claims, private, algorithm="RS256", headers={"kid": kid})


def random_ip() -> str:
    return f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


def container_of(app: Flask) -> Container:
    return app.extensions["container"]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def login(client: Any, username: str, password: str, **kwargs: Any) -> Any:
    return client.post("/api/auth/login", json={"username": username, "password": password}, **kwargs)


class FakeService:
    """A tiny real HTTP upstream (werkzeug server in a thread) that records what it receives."""

    def __init__(self, name: str = "fake") -> None:
        import threading

        from flask import Flask as _Flask, Response as _Response, jsonify, request
        from werkzeug.serving import make_server

        from fibreflow_shared.testing.infra import free_port

        self.name = name
        self.requests: list[dict[str, Any]] = []
        self.release = threading.Event()
        app = _Flask(name)

        @app.get("/readyz")
        def readyz() -> Any:
            return jsonify({"success": True, "data": {"status": "ready"}})

        @app.get("/openapi.json")
        def openapi() -> Any:
            return jsonify({"openapi": "3.0.3", "info": {"title": name, "version": "1"},
                            "paths": {"/api/tickets": {"get": {"responses": {"200": {"description": "ok"}}}}},
                            "components": {"schemas": {"Ticket": {"type": "object"}}}})

        @app.route("/<path:path>", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
        def catch_all(path: str) -> Any:
            body = request.get_data()
            self.requests.append({"method": request.method, "path": request.path,
                                  "query": request.query_string.decode(), "body": body,
                                  "headers": dict(request.headers)})
            if path.endswith("slow"):
                time.sleep(float(request.args.get("sleep", "2")))
            if path.endswith("big"):  # a download larger than the proxy relays in one piece
                size = int(request.args.get("size", str(1024 * 1024)))
                return _Response(bytes(i % 251 for i in range(size)), mimetype="application/octet-stream")
            if path.endswith("stream"):
                def gen() -> Any:
                    yield b"first-chunk\n"
                    self.release.wait(10)
                    yield b"second-chunk\n"
                return _Response(gen(), mimetype="text/plain")
            return jsonify({"success": True, "data": {"path": request.path, "len": len(body)}}), 200, \
                {"X-Upstream": name, "Keep-Alive": "timeout=5"}

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server = make_server("127.0.0.1", self.port, app, threaded=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "FakeService":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.release.set()
        self._server.shutdown()


class ServedApp:
    """Serve a Flask app over real HTTP in a thread (for streaming and timeout checks)."""

    def __init__(self, app: Flask) -> None:
        import threading

        from werkzeug.serving import make_server

        from fibreflow_shared.testing.infra import free_port

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server = make_server("127.0.0.1", self.port, app, threaded=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "ServedApp":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._server.shutdown()
