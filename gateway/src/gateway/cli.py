"""`fibreflow-gateway` command line: migrate, serve, worker, declare-topology, rotate-keys,
bootstrap-admin, publish-users, openapi."""
from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from typing import Callable

from fibreflow_shared.cli import exec_gunicorn
from fibreflow_shared.logging import configure_logging
from fibreflow_shared.settings import SettingsError
from gateway import config


def _settings() -> config.GatewaySettings:
    settings = config.load()
    configure_logging(settings.service_name, settings.log_level)
    return settings


def cmd_migrate(_args: argparse.Namespace) -> int:
    """Create/upgrade the database, then ensure a signing key and the bootstrap admin."""
    from gateway.bootstrap import migrate

    migrate(_settings())
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Replace this process with gunicorn serving the gateway."""
    settings = _settings()
    bind = args.bind or settings.bind or f"127.0.0.1:{settings.port}"
    # Uploads and slow upstreams have their own per-route timeouts; this is the outer bound.
    exec_gunicorn("gateway.entrypoints.wsgi:app", bind, workers=args.workers, threads=args.threads, timeout=180,
                  graceful_timeout=20, keep_alive=5)
    return 0  # not reached


def cmd_rotate_keys(_args: argparse.Namespace) -> int:
    """Add a new active signing key; old keys stay published until their tokens expire."""
    from gateway.bootstrap import build_deps

    deps = build_deps(_settings())
    try:
        kid = deps.keys.rotate()
    finally:
        deps.engine.dispose()
    print(json.dumps({"rotated": True, "kid": kid}))
    return 0


def cmd_bootstrap_admin(_args: argparse.Namespace) -> int:
    """Create the admin user if no admin exists (prints a generated password once)."""
    from gateway.bootstrap import build_deps
    from gateway.service_layer.users import ensure_admin

    deps = build_deps(_settings())
    try:
        created = ensure_admin(deps)
    finally:
        deps.engine.dispose()
    if created is None:
        print("An admin user already exists; nothing to do.")
    return 0


def worker_loops(settings: config.GatewaySettings) -> dict[str, Callable[[threading.Event], None]]:
    """The outbox relay (user.* events) and the housekeeping of stale identity rows."""
    from fibreflow_shared.messaging.relay import OutboxRelay
    from gateway.bootstrap import build_deps
    from gateway.service_layer import housekeeping

    deps = build_deps(settings)
    relay = OutboxRelay(deps.engine, settings.broker_url, settings.events_exchange, settings.service_name,
                        poll_seconds=settings.outbox_poll_seconds, retention_hours=settings.outbox_retention_hours)
    return {"outbox-relay": relay.run_forever,
            "housekeeping": lambda stop: housekeeping.run_forever(deps, stop)}


def cmd_worker(_args: argparse.Namespace) -> int:
    """Run the outbox relay and the housekeeping loop until SIGTERM/SIGINT."""
    from fibreflow_shared.runner import run_loops

    return run_loops(worker_loops(_settings()))


def cmd_declare_topology(_args: argparse.Namespace) -> int:
    """Declare the events exchanges (the gateway consumes nothing, so it has no queues)."""
    from fibreflow_shared.messaging.topology import declare_topology

    settings = _settings()
    declare_topology(settings.broker_url, settings.events_exchange, {}, settings.consumer_retry_delay_ms)
    return 0


def cmd_publish_users(_args: argparse.Namespace) -> int:
    """Stage user.updated for every user (for consumers that started late); the worker sends them."""
    from gateway.bootstrap import build_deps
    from gateway.service_layer.users import publish_all_users

    deps = build_deps(_settings())
    try:
        staged = publish_all_users(deps)
    finally:
        deps.engine.dispose()
    print(json.dumps({"staged": staged, "event_type": "user.updated"}))
    return 0


def openapi_spec() -> dict:
    """The gateway's own OpenAPI document, built without touching a database."""
    from fibreflow_shared.web import create_base_app
    from gateway.entrypoints.app import DESCRIPTION, TITLE, register_blueprints

    _app, api = create_base_app("gateway", title=TITLE, description=DESCRIPTION)
    register_blueprints(api)
    return api.spec.to_dict()


def cmd_openapi(_args: argparse.Namespace) -> int:
    """Print the gateway's OpenAPI JSON (sorted keys) for contracts/."""
    print(json.dumps(openapi_spec(), indent=2, sort_keys=True))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fibreflow-gateway", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help=cmd_migrate.__doc__).set_defaults(func=cmd_migrate)
    serve = sub.add_parser("serve", help=cmd_serve.__doc__)
    serve.add_argument("--bind", default="", help="host:port (default GATEWAY_BIND or 127.0.0.1:$GATEWAY_PORT)")
    serve.add_argument("--workers", type=int, default=int(os.environ.get("WEB_WORKERS", "1")))
    serve.add_argument("--threads", type=int, default=int(os.environ.get("WEB_THREADS", "16")))
    serve.set_defaults(func=cmd_serve)
    sub.add_parser("worker", help=cmd_worker.__doc__).set_defaults(func=cmd_worker)
    sub.add_parser("declare-topology", help=cmd_declare_topology.__doc__).set_defaults(func=cmd_declare_topology)
    sub.add_parser("rotate-keys", help=cmd_rotate_keys.__doc__).set_defaults(func=cmd_rotate_keys)
    sub.add_parser("bootstrap-admin", help=cmd_bootstrap_admin.__doc__).set_defaults(func=cmd_bootstrap_admin)
    sub.add_parser("publish-users", help=cmd_publish_users.__doc__).set_defaults(func=cmd_publish_users)
    sub.add_parser("openapi", help=cmd_openapi.__doc__).set_defaults(func=cmd_openapi)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except SettingsError as exc:
        print(str(exc), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
