"""`fibreflow-gateway`: the kit's commands (migrate, web/serve, worker, declare-topology, openapi,
dead-letters) and the gateway's own: rotate-keys, bootstrap-admin, publish-users."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any, Callable, TypeVar

from fibreflow_shared.cli import Command, ServiceCli, StartupError
from fibreflow_shared.runner import Loop
from fibreflow_shared.worker import worker_loops
from gateway.config import SERVICE, GatewaySettings, load

T = TypeVar("T")
log = logging.getLogger(__name__)


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


def before_start(settings: GatewaySettings) -> None:
    """Before `web` and `worker`: refuse to start when the stored signing keys cannot be decrypted
    with this GATEWAY_SECRET_KEY (every login would fail). A database that is not reachable yet is
    no reason to refuse: readiness says so. (ServiceCli warns about development defaults.)"""
    from gateway.bootstrap import signing_key_problem

    try:
        problem = _with_container(settings, lambda c: signing_key_problem(c.deps.keys))
    except Exception as exc:  # noqa: BLE001 - no database or no key yet: the app reports it in /readyz
        log.warning("signing keys not checked at start-up", extra={"error": f"{type(exc).__name__}: {exc}"})
        return
    if problem:
        raise StartupError(problem)


def web_options(settings: GatewaySettings) -> dict[str, Any]:
    """gunicorn options for `web`: the gateway's worker class, limits, outer timeout, keep-alive."""
    from gateway.entrypoints.server import LIMIT_ARGS, WORKER_CLASSES

    options: dict[str, Any] = {
        # Uploads and slow upstreams have their own per-route timeouts; this is the outer bound.
        "timeout": 180, "graceful_timeout": 20, "keep_alive": 5,
        "worker_class": WORKER_CLASSES[settings.web_worker], "extra_args": LIMIT_ARGS}
    if settings.web_worker == "gevent":
        options["worker_connections"] = settings.worker_connections
    return options


def worker(settings: GatewaySettings) -> dict[str, Loop]:
    """The outbox relay (user.* events), the audit-trail consumer (audit.recorded from every
    service) and the housekeeping of stale identity rows."""
    from gateway.bootstrap import bootstrap
    from gateway.service_layer import housekeeping
    from gateway.service_layer.consumers import make_handlers

    container = bootstrap(settings, prepare=False)
    return worker_loops(SERVICE, container, handlers=make_handlers(container.deps),
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
    subscriptions=("audit.recorded",),  # gateway.service_layer.consumers.SUBSCRIPTIONS
    after_migrate=after_migrate,
    openapi=_openapi,
    bind=lambda s: s.bind or f"127.0.0.1:{s.port}",
    web_options=web_options,
    before_start=before_start,
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
