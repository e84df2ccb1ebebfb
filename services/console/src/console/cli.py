"""``fibreflow-console migrate|web|openapi`` (no worker: the console consumes no events)."""
from __future__ import annotations

from fibreflow_shared.cli import ServiceCli
from console.config import SERVICE, load

CLI = ServiceCli(service=SERVICE, package="console", load_settings=load)


def main() -> None:
    raise SystemExit(CLI.run())
