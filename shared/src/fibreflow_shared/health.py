"""Readiness checks for /readyz: database and broker reachable."""
from __future__ import annotations

import threading
import time
from typing import Callable

from sqlalchemy.engine import Engine

from fibreflow_shared.db import ping
from fibreflow_shared.messaging.topology import connect


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
