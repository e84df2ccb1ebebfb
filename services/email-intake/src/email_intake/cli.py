"""``fibreflow-email-intake migrate|web|worker|smtp|declare-topology|openapi|dead-letters``."""
from __future__ import annotations

import argparse

from fibreflow_shared.cli import Command, ServiceCli
from fibreflow_shared.runner import Loop, periodic
from fibreflow_shared.worker import worker_loops

from email_intake.bootstrap import bootstrap
from email_intake.config import SERVICE, Settings, load
from email_intake.service_layer import intake
from email_intake.service_layer.consumers import SUBSCRIPTIONS, make_handlers


def worker(settings: Settings) -> dict[str, Loop]:
    """The consumer (ticket UIDs, acknowledgements), the outbox relay, the sweep that decides
    emails a crashed step left behind, and IMAP polling when a mailbox is configured."""
    container = bootstrap(settings)
    def sweep() -> None:
        intake.process_pending(container.sessions, container.deps, older_than_seconds=settings.reprocess_after_seconds)
        intake.sweep_tokens(container.sessions, settings.mailgun_tolerance_seconds)

    loops: dict[str, Loop] = {"sweep": periodic("sweep", settings.process_poll_seconds, sweep)}
    if settings.imap_host:
        from email_intake.adapters.imap import ImapPoller

        poller = ImapPoller(settings, container.sessions, container.deps)
        loops["imap"] = poller.run_forever
    return worker_loops(SERVICE, container, handlers=make_handlers(container.deps), loops=loops)


def _smtp(settings: Settings, args: argparse.Namespace) -> int:
    from email_intake.entrypoints import smtp

    host, _, port = (args.bind or settings.smtp_bind).rpartition(":")
    return smtp.serve_forever(bootstrap(settings), host or "127.0.0.1", int(port))


def _smtp_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bind", default="", help="host:port (default EMAIL_INTAKE_SMTP_BIND, 127.0.0.1:2526)")


CLI = ServiceCli(service=SERVICE, package="email_intake", load_settings=load, worker=worker,
                 subscriptions=SUBSCRIPTIONS,
                 extra_commands={"smtp": Command(_smtp, "run the SMTP listener (aiosmtpd)", _smtp_args)})


def main() -> None:
    raise SystemExit(CLI.run())
