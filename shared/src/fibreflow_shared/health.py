"""Readiness checks for /readyz: database and broker reachable, signing keys fetched."""
from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Callable

from sqlalchemy.engine import Engine

from fibreflow_shared.db import ping
from fibreflow_shared.messaging.topology import connect

if TYPE_CHECKING:
    from fibreflow_shared.auth import TokenVerifier


class KeysNotReady(RuntimeError):
    """The gateway's signing keys have not been fetched yet."""


def database_check(engine: Engine) -> Callable[[], None]:
    """A check that runs ``SELECT 1``."""
    return lambda: ping(engine)


def broker_check(broker_url: str, cache_seconds: float = 5.0) -> Callable[[], None]:
    """A check that opens (and closes) an AMQP connection, cached briefly so probes stay cheap."""
    state = {"at": 0.0, "error": None}
    lock = threading.Lock()

    def check() -> None:
        with lock:
            if time.monotonic() - state["at"] > cache_seconds:
                try:
                    connect(broker_url).close()
                    state["error"] = None
                except Exception as exc:  # noqa: BLE001 - report any failure as not ready
                    state["error"] = exc
                state["at"] = time.monotonic()
            if state["error"] is not None:
                raise state["error"]  # type: ignore[misc]

    return check


def keys_readiness(verifier: "TokenVerifier | None") -> dict[str, Callable[[], None]]:
    """``{"keys": check}`` for an app that verifies tokens (``{}`` without a verifier), and the
    keys' first fetch started now, in the background, retried until it succeeds.

    Why: a service that fetched the keys on its first requests sent one JWKS request per
    request to a gateway that may be busy waiting on that very service (issue #11, cold start);
    /readyz stays false until the keys are there, so a load balancer sends no traffic before.
    """
    if verifier is None:
        return {}
    keys = verifier.keys
    keys.start()

    def check() -> None:
        if not keys.ready:
            keys.start()  # e.g. in a process forked after the app was built
            raise KeysNotReady("signing keys not fetched from the gateway yet")

    return {"keys": check}
