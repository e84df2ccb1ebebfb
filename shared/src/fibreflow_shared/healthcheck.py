"""``python -m fibreflow_shared.healthcheck``: the image's HEALTHCHECK (exec form, no shell).

Exits 0 when ``HEALTHCHECK_URL`` (default: ``/healthz`` on ``WEB_BIND``'s port on loopback)
answers 200 within two seconds, 1 otherwise.
"""
from __future__ import annotations

import os
import sys
import urllib.request


def url_from_env(environ: dict[str, str] | os._Environ[str] = os.environ) -> str:
    """The URL to probe: HEALTHCHECK_URL, else loopback on WEB_BIND's port, else 8080."""
    if environ.get("HEALTHCHECK_URL"):
        return environ["HEALTHCHECK_URL"]
    port = (environ.get("WEB_BIND") or "0.0.0.0:8080").rsplit(":", 1)[-1]
    return f"http://127.0.0.1:{port}/healthz"


def main() -> int:
    try:
        with urllib.request.urlopen(url_from_env(), timeout=2) as response:  # noqa: S310 - loopback URL from env
            return 0 if response.status == 200 else 1
    except OSError:
        return 1


if __name__ == "__main__":
    sys.exit(main())
