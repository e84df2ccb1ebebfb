"""``python -m fibreflow_shared.healthcheck [--worker]``: the image's HEALTHCHECK and the worker
probes (exec form, no shell).

Without arguments: exits 0 when ``HEALTHCHECK_URL`` (default: ``/healthz`` on ``WEB_BIND``'s port
on loopback) answers 200 within two seconds, 1 otherwise.

``--worker``: exits 0 when ``WORKER_LIVENESS_FILE`` was refreshed within
``WORKER_LIVENESS_MAX_AGE`` seconds (default 60). The worker's ``run_loops`` refreshes it every
second while every loop is alive and none that beats has been silent (fibreflow_shared.runner).
"""
from __future__ import annotations

import os
import sys
import time
import urllib.request

DEFAULT_LIVENESS_FILE = "/tmp/fibreflow-worker.alive"


def url_from_env(environ: dict[str, str] | os._Environ[str] = os.environ) -> str:
    """The URL to probe: HEALTHCHECK_URL, else loopback on WEB_BIND's port, else 8080."""
    if environ.get("HEALTHCHECK_URL"):
        return environ["HEALTHCHECK_URL"]
    port = (environ.get("WEB_BIND") or "0.0.0.0:8080").rsplit(":", 1)[-1]
    return f"http://127.0.0.1:{port}/healthz"


def worker_is_live(environ: dict[str, str] | os._Environ[str] = os.environ, now: float | None = None) -> bool:
    """True when the worker's liveness file exists and is younger than WORKER_LIVENESS_MAX_AGE."""
    path = environ.get("WORKER_LIVENESS_FILE") or DEFAULT_LIVENESS_FILE
    max_age = float(environ.get("WORKER_LIVENESS_MAX_AGE") or 60)
    try:
        age = (time.time() if now is None else now) - os.stat(path).st_mtime
    except OSError:
        return False
    return age <= max_age


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--worker"]:
        return 0 if worker_is_live() else 1
    try:
        with urllib.request.urlopen(url_from_env(), timeout=2) as response:  # noqa: S310 - loopback URL from env
            return 0 if response.status == 200 else 1
    except OSError:
        return 1


if __name__ == "__main__":
    sys.exit(main())
