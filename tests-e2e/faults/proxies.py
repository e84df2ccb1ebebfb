"""The fault proxies of the end-to-end stack: broker and service databases behind ``FaultProxy``s."""
from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field
from typing import Callable

from deploy.dev.stack import SERVICES

from faults.tcp_proxy import FaultProxy

# The services whose database link a test may cut (the gateway's stays direct: logins keep working).
PROXIED_DATABASES = ("ticket-core", "sla", "billing", "notifications")


def _host_port(url: str, default_port: int) -> tuple[str, int]:
    parts = urllib.parse.urlsplit(url)
    return parts.hostname or "127.0.0.1", parts.port or default_port


@dataclass
class StackProxies:
    """One proxy for the broker, one per proxied service database, and the direct URLs the tests
    themselves use (counting rows and queues must work while a link is cut)."""

    broker: FaultProxy
    direct_broker: str
    databases: dict[str, FaultProxy] = field(default_factory=dict)
    direct: dict[str, str] = field(default_factory=dict)  # service name → direct database URL

    @classmethod
    def start(cls, make_database: Callable[[str], str], broker_url: str) -> "StackProxies":
        """Create each service's database and start the proxies in front of them and the broker."""
        proxies = cls(broker=FaultProxy("broker", *_host_port(broker_url, 5672)).start(), direct_broker=broker_url)
        for svc in SERVICES:
            url = make_database(svc.name.replace("-", "_"))
            proxies.direct[svc.name] = url
            if svc.name in PROXIED_DATABASES:
                proxies.databases[svc.name] = FaultProxy(f"db-{svc.name}", *_host_port(url, 5432)).start()
        return proxies

    def stack_env(self) -> dict[str, str]:
        """The stack's BROKER_URL and <PREFIX>_DATABASE_URLs, through the proxies."""
        env = {"BROKER_URL": self.broker.url_for(self.direct_broker),
               # A fault burst is 500 creates in seconds from one user and address, far above the
               # production limits (600/min per user); the limits have their own gateway tests.
               "RATE_LIMIT_PER_USER": "100000/minute", "RATE_LIMIT_PER_IP": "100000/minute"}
        for svc in SERVICES:
            url = self.direct[svc.name]
            proxy = self.databases.get(svc.name)
            env[f"{svc.env_prefix}_DATABASE_URL"] = proxy.url_for(url) if proxy else url
        return env

    def all(self) -> list[FaultProxy]:
        return [self.broker, *self.databases.values()]

    def restore_all(self) -> None:
        for proxy in self.all():
            proxy.restore()

    def close(self) -> None:
        for proxy in self.all():
            proxy.close()
