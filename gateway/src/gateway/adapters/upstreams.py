"""Pooled HTTP connections, one urllib3 pool per upstream service.

urllib3 directly rather than ``requests``: the proxy forwards bytes it already has (method,
path, headers, body) and streams bytes back, so requests' session machinery (cookie jars,
environment proxies, hooks, header re-validation) is pure per-request cost here.
"""
from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

import urllib3


@dataclass
class Upstream:
    name: str
    base_url: str  # "" = not deployed
    pool: urllib3.HTTPConnectionPool | None
    base_path: str = ""  # any path prefix of the base URL ("" when the service is mounted at the root)

    @property
    def configured(self) -> bool:
        return bool(self.base_url)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()


def build_upstreams(urls: dict[str, str], *, pool_size: int) -> dict[str, Upstream]:
    """One pool per configured service URL; a service without a URL is "not deployed"."""
    upstreams = {}
    for name, url in urls.items():
        # block=False: under a burst beyond pool_size extra connections are opened and dropped
        # afterwards instead of requests queueing for a pooled one.
        pool = urllib3.connection_from_url(url, maxsize=pool_size, block=False, retries=False) if url else None
        upstreams[name] = Upstream(name, url.rstrip("/"), pool, urllib.parse.urlsplit(url).path.rstrip("/"))
    return upstreams
