"""`fibreflow-gateway`: the kit's commands (migrate, web/serve, worker, declare-topology, openapi,
dead-letters) and the gateway's own: rotate-keys, bootstrap-admin, publish-users."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Callable, TypeVar

from fibreflow_shared.cli import Command, ServiceCli
from fibreflow_shared.runner import Loop
from fibreflow_shared.worker import worker_loops
from gateway.config import SERVICE, GatewaySettings, load

T = TypeVar("T")


def _with_container(settings: GatewaySettings, use: Callable[[Any], T]) -> T:
    """Run ``use(container)`` on a container that is closed afterwards (one-shot commands)."""
    from gateway.bootstrap import bootstrap

    container = bootstrap(settings, prepare=False)
    try:
        return use(container)
    finally:
        container.close()


def after_migrate(settings: GatewaySettings) -> None:
    """After the migrations: a signing key and an admin must exist."""
    from gateway.bootstrap import prepare_identity

    _with_container(settings, lambda c: prepare_identity(c.deps))


def worker(settings: GatewaySettings) -> dict[str, Loop]:
    """The outbox relay (user.* events) and the housekeeping of stale identity rows; the gateway
    consumes no events, so there is no consumer."""
    from gateway.bootstrap import bootstrap
    from gateway.service_layer import housekeeping

    container = bootstrap(settings, prepare=False)
    return worker_loops(SERVICE, container,
                        loops={"housekeeping": lambda stop: housekeeping.run_forever(container.deps, stop)})


def rotate_keys(settings: GatewaySettings, _args: argparse.Namespace) -> int:
    """Add a new active signing key; old keys stay published until their tokens expire."""
    kid = _with_container(settings, lambda c: c.deps.keys.rotate())
    print(json.dumps({"rotated": True, "kid": kid}))
    return 0


def bootstrap_admin(settings: GatewaySettings, _args: argparse.Namespace) -> int:
    """Create the admin user if no admin exists (prints a generated password once)."""
    from gateway.service_layer.users import ensure_admin

    if _with_container(settings, lambda c: ensure_admin(c.deps)) is None:
        print("An admin user already exists; nothing to do.")
    return 0


def publish_users(settings: GatewaySettings, _args: argparse.Namespace) -> int:
    """Stage user.updated for every user (for consumers that started late); the worker sends them."""
    from gateway.service_layer.users import publish_all_users

    staged = _with_container(settings, lambda c: publish_all_users(c.deps))
    print(json.dumps({"staged": staged, "event_type": "user.updated"}))
    return 0


def _openapi() -> dict[str, Any]:
    from gateway.entrypoints.http import openapi_document

    return openapi_document()


CLI = ServiceCli(
    service=SERVICE,
    package="gateway",
    load_settings=load,
    worker=worker,
    after_migrate=after_migrate,
    openapi=_openapi,
    bind=lambda s: s.bind or f"127.0.0.1:{s.port}",
    # Uploads and slow upstreams have their own per-route timeouts; this is the outer bound.
    web_options={"timeout": 180, "graceful_timeout": 20, "keep_alive": 5},
    extra_commands={
        "rotate-keys": Command(rotate_keys, help=rotate_keys.__doc__ or ""),
        "bootstrap-admin": Command(bootstrap_admin, help=bootstrap_admin.__doc__ or ""),
        "publish-users": Command(publish_users, help=publish_users.__doc__ or ""),
    },
)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``fibreflow-gateway`` script."""
    return CLI.run(argv)


if __name__ == "__main__":
    sys.exit(main())
