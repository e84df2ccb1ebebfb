"""Pooled HTTP sessions, one per upstream service."""
from __future__ import annotations

from dataclasses import dataclass

import requests
from requests.adapters import HTTPAdapter


@dataclass
class Upstream:
    name: str
    base_url: str  # "" = not deployed
    session: requests.Session

    @property
    def configured(self) -> bool:
        return bool(self.base_url)


def build_upstreams(urls: dict[str, str], *, pool_size: int) -> dict[str, Upstream]:
    upstreams = {}
    for name, url in urls.items():
        session = requests.Session()
        session.trust_env = False  # never route service traffic through an HTTP(S)_PROXY from the env
        adapter = HTTPAdapter(pool_connections=1, pool_maxsize=pool_size, max_retries=0)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        upstreams[name] = Upstream(name, url, session)
    return upstreams
