"""The command line every service shares: migrate, web, worker, declare-topology, openapi, dead-letters.

A service describes itself once in a ``ServiceCli`` and its ``cli.main`` calls ``run``.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from fibreflow_shared.db import ensure_database, run_migrations
from fibreflow_shared.logging import configure_logging
from fibreflow_shared.settings import CommonSettings, SettingsError

log = logging.getLogger(__name__)


ACCESS_LOG_FORMAT = '{"access":"%(r)s","status":%(s)s,"ms":%(M)s,"request_id":"%({x-request-id}o)s"}'


class StartupError(RuntimeError):
    """A service cannot serve (its message says why and what to do): `web`/`worker` exit 3."""


def exec_gunicorn(wsgi_app: str, bind: str, *, workers: int, threads: int, timeout: int = 60,
                  graceful_timeout: int = 10, keep_alive: int | None = None, worker_class: str = "gthread",
                  worker_connections: int | None = None, extra_args: tuple[str, ...] = ()) -> None:
    """Replace this process with gunicorn (gthread workers unless ``worker_class`` says otherwise,
    e.g. the gateway's gevent worker), so signals reach it directly.

    ``ACCESS_LOG=false`` drops the per-request access line (it costs CPU and a lock on every
    request; a load balancer or ingress usually logs requests already).
    """
    argv = [sys.executable, "-m", "gunicorn", wsgi_app, "--bind", bind, "--worker-class", worker_class,
            "--workers", str(workers), "--threads", str(threads), "--graceful-timeout", str(graceful_timeout),
            "--timeout", str(timeout)]
    if keep_alive is not None:
        argv += ["--keep-alive", str(keep_alive)]
    if worker_connections is not None:
        argv += ["--worker-connections", str(worker_connections)]
    argv += list(extra_args)
    # One pooled connection per thread unless DB_POOL_SIZE says otherwise: with fewer, the extra
    # threads take "overflow" connections that are closed on return, so under load PostgreSQL
    # forks and authenticates a backend for a large share of requests (measured: as much
    # database CPU per GET as the service's own). Peak connections stay bounded by the threads.
    os.environ.setdefault("DB_POOL_SIZE", str(threads))
    if os.environ.get("ACCESS_LOG", "true").strip().lower() not in {"0", "false", "no", "off"}:
        argv += ["--access-logfile", "-", "--access-logformat", ACCESS_LOG_FORMAT]
    sys.stdout.flush()
    os.execv(sys.executable, argv)


@dataclass
class Command:
    """A service's own sub-command: ``run(settings, args)`` → exit code, with its own arguments."""

    run: Callable[[Any, argparse.Namespace], int]
    help: str = ""
    arguments: Callable[[argparse.ArgumentParser], None] | None = None


@dataclass
class ServiceCli:
    """What the shared commands need to know about one service.

    By convention a service's package ``<pkg>`` has ``<pkg>/migrations`` (shipped in the wheel),
    ``<pkg>.entrypoints.wsgi:app`` and ``<pkg>.entrypoints.http:create_app``; only ``service``,
    ``package`` and ``load_settings`` are required.
    """

    service: str
    package: str
    load_settings: Callable[..., CommonSettings]  # keyword overrides win over the environment
    # Builds the background loops (name → loop) from settings (fibreflow_shared.worker.worker_loops).
    worker: Callable[[Any], dict[str, Callable[[threading.Event], None]]] = lambda s: {}
    # Event types this service consumes (its queue bindings).
    subscriptions: tuple[str, ...] = ()
    extra_commands: dict[str, Command] = field(default_factory=dict)
    bind: Callable[[Any], str] = lambda s: s.bind
    # Runs after the migrations (the gateway makes sure a signing key and an admin exist).
    after_migrate: Callable[[Any], None] | None = None
    # Builds the OpenAPI document without a database; default: create_app's with a placeholder URL.
    openapi: Callable[[], dict[str, Any]] | None = None
    # gunicorn options for `web` (the gateway's outer timeout, keep-alive and worker class differ),
    # or a function of the settings returning them.
    web_options: dict[str, Any] | Callable[[Any], dict[str, Any]] = field(default_factory=dict)
    # Runs before `web` and `worker` start; raising StartupError stops them (exit 3, message on stderr).
    before_start: Callable[[Any], None] | None = None

    @property
    def migrations_dir(self) -> Path:
        from fibreflow_shared.db import packaged_migrations

        return packaged_migrations(self.package)

    @property
    def wsgi_app(self) -> str:
        return f"{self.package}.entrypoints.wsgi:app"

    def openapi_document(self) -> dict[str, Any]:
        """The service's OpenAPI, built without touching the database (for contracts/)."""
        if self.openapi is not None:
            return self.openapi()
        import importlib

        from fibreflow_shared.web import openapi_document

        from fibreflow_shared.auth import JwksKeySource, TokenVerifier

        create_app = importlib.import_module(f"{self.package}.entrypoints.http").create_app
        # The engine is lazy: no connection is ever made to this placeholder URL. The document
        # needs no signing keys, so the app gets a verifier that never calls the gateway.
        settings = self.load_settings(database_url="postgresql://openapi@127.0.0.1:1/openapi")
        offline = TokenVerifier(JwksKeySource(fetch=lambda: {"keys": []}, poll_seconds=0),
                                issuer=settings.jwt_issuer, audience=settings.jwt_audience)
        return openapi_document(create_app(settings, verifier=offline))

    def run(self, argv: list[str] | None = None) -> int:
        parser = argparse.ArgumentParser(prog=f"fibreflow-{self.service}")
        sub = parser.add_subparsers(dest="command", required=True)
        sub.add_parser("migrate", help="create the database if missing and apply migrations")
        web = sub.add_parser("web", aliases=["serve"], help="serve HTTP with gunicorn")
        web.add_argument("--bind", default=os.environ.get("WEB_BIND", ""),
                         help="host:port (default: WEB_BIND, else the service's own *_BIND setting)")
        web.add_argument("--workers", type=int, default=int(os.environ.get("WEB_WORKERS", "1")))
        web.add_argument("--threads", type=int, default=int(os.environ.get("WEB_THREADS", "16")))
        sub.add_parser("worker", help="run the outbox relay, the event consumer and periodic loops")
        sub.add_parser("declare-topology", help="declare exchanges and this service's queues")
        sub.add_parser("openapi", help="print the OpenAPI document")
        dead = sub.add_parser("dead-letters", help="list (default) or replay this service's dead letters")
        dead.add_argument("action", nargs="?", choices=("list", "replay"), default="list",
                          help="list: print them (they stay); replay: re-drive them to this service's queue")
        dead.add_argument("--limit", type=int, default=None, help="at most N messages (list: default 100)")
        dead.add_argument("--id", dest="event_id", default=None, help="only the dead letters of this event id")
        for name, command in self.extra_commands.items():
            own = sub.add_parser(name, help=command.help)
            if command.arguments is not None:
                command.arguments(own)
        args = parser.parse_args(argv)
        if args.command == "openapi":  # needs no configuration: the spec is static
            json.dump(self.openapi_document(), sys.stdout, indent=2, sort_keys=True)
            sys.stdout.write("\n")
            return 0
        try:
            settings = self.load_settings()
        except SettingsError as exc:
            print(f"fibreflow-{self.service}: {exc}", file=sys.stderr)
            return 2
        configure_logging(self.service, settings.log_level)
        if args.command in ("web", "serve", "worker") and settings.environment != "production":
            from fibreflow_shared.settings import warn_dev_defaults

            warn_dev_defaults(settings, log)  # production refuses them in load_settings
        if args.command in ("web", "serve", "worker") and self.before_start is not None:
            try:
                self.before_start(settings)
            except StartupError as exc:
                print(f"fibreflow-{self.service}: cannot start: {exc}", file=sys.stderr)
                return 3
        return self._dispatch(args, settings)

    def _dispatch(self, args: argparse.Namespace, settings: Any) -> int:
        if args.command == "migrate":
            ensure_database(settings.database_url)
            run_migrations(self.migrations_dir, settings.database_url)
            if self.after_migrate is not None:
                self.after_migrate(settings)
            log.info("migrated")
            return 0
        if args.command in ("web", "serve"):
            options = self.web_options(settings) if callable(self.web_options) else self.web_options
            exec_gunicorn(self.wsgi_app, args.bind or self.bind(settings), workers=args.workers,
                          threads=args.threads, **options)
            return 0  # not reached: gunicorn replaced this process
        if args.command == "worker":
            from fibreflow_shared.runner import run_loops

            loops = self.worker(settings)
            if not loops:
                log.info("nothing to run in the background")
                return 0
            # WORKER_LIVENESS_FILE: kept fresh while the loops are live, for the worker's probe
            # (`python -m fibreflow_shared.healthcheck --worker`); the image sets it.
            return run_loops(loops, metrics_port=getattr(settings, "worker_metrics_port", 0) or None,
                             liveness_file=os.environ.get("WORKER_LIVENESS_FILE") or None)
        if args.command == "declare-topology":
            from fibreflow_shared.messaging.topology import declare_topology

            declare_topology(settings.broker_url, settings.events_exchange,
                             {self.service: self.subscriptions} if self.subscriptions else {},
                             settings.consumer_retry_delay_ms)
            return 0
        if args.command == "dead-letters":
            return self._dead_letters(args, settings)
        return self.extra_commands[args.command].run(settings, args)

    def _dead_letters(self, args: argparse.Namespace, settings: Any) -> int:
        """``dead-letters [list|replay] [--limit N] [--id EVENT_ID]``: prints JSON."""
        from fibreflow_shared.messaging.dead_letters import dead_letters, replay_dead_letters

        if args.limit is not None and args.limit < 1:
            print(f"fibreflow-{self.service}: --limit must be at least 1", file=sys.stderr)
            return 2
        if args.action == "replay":
            ids = replay_dead_letters(settings.broker_url, self.service, settings.events_exchange,
                                      limit=args.limit, event_id=args.event_id)
            log.info("dead letters replayed", extra={"count": len(ids)})
            result: Any = {"replayed": len(ids), "ids": ids}
        else:
            result = dead_letters(settings.broker_url, self.service, settings.events_exchange, limit=args.limit or 100)
            if args.event_id is not None:
                result = [d for d in result if d["id"] == args.event_id]
        json.dump(result, sys.stdout, indent=2, default=str)
        sys.stdout.write("\n")
        return 0
