"""Fixtures of the fault suite: the e2e stack (behind its fault proxies, tests-e2e/conftest.py),
a logged-in admin token, direct counters, and a stack made whole before and after every test."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

import pytest
import requests

from deploy.dev.stack import Stack, wait_healthy
from faults.harness import Sinks


@dataclass
class FaultContext:
    """Everything a fault test touches."""

    stack: Stack
    proxies: Any  # faults.proxies.StackProxies
    base_url: str
    token: str
    sinks: Sinks
    broker: str  # direct AMQP URL of the stack's vhost (the tests' own connections bypass the proxy)
    retry_ms: int

    def dead_processes(self) -> list[str]:
        return sorted(name for name, proc in self.stack.processes.items() if proc.poll() is not None)


@pytest.fixture(scope="session")
def sinks(fault_proxies: Any) -> Iterator[Sinks]:
    counters = Sinks(fault_proxies.direct)
    yield counters
    counters.close()


def _revive(stack: Stack, base_url: str, proxies: Any) -> list[str]:
    """Restore every link and restart any process that is gone; returns the names restarted."""
    proxies.restore_all()
    gone = sorted(name for name, proc in stack.processes.items() if proc.poll() is not None)
    for name in gone:
        stack.processes.pop(name)
        stack.start_process(name)
    wait_healthy(base_url, timeout=60)
    return gone


@pytest.fixture
def faults(stack: Stack, fault_proxies: Any, base_url: str, sinks: Sinks) -> Iterator[FaultContext]:
    """A whole stack for one fault test (links restored, every process running) and a fresh token
    (the suite outlives an access token)."""
    _revive(stack, base_url, fault_proxies)
    login = requests.post(f"{base_url}/api/auth/login", timeout=15, json={
        "username": "admin", "password": stack.env["FIBREFLOW_ADMIN_PASSWORD"]})
    assert login.status_code == 200, login.text
    yield FaultContext(stack, fault_proxies, base_url, login.json()["data"]["access_token"], sinks,
                       fault_proxies.direct_broker, int(stack.env["CONSUMER_RETRY_DELAY_MS"]))
    # Whatever the test did, the next one (and the rest of the e2e suite) gets a whole stack.
    _revive(stack, base_url, fault_proxies)
