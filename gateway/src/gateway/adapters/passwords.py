"""argon2id password hashing with bounded concurrency."""
from __future__ import annotations

import sys
import threading
from typing import Any, Callable, TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError


T = TypeVar("T")


def _off_the_loop(fn: Callable[..., T], *args: Any) -> T:
    """Under gevent (the gateway's web worker) run a hash on a real OS thread: it takes tens of
    milliseconds of CPU (argon2-cffi releases the GIL), and on the event loop it would stall every
    other request in the process for that long. Elsewhere, call it in place."""
    monkey = sys.modules.get("gevent.monkey")
    if monkey is not None and monkey.is_module_patched("threading"):
        import gevent

        return gevent.get_hub().threadpool.apply(fn, args)
    return fn(*args)


class Argon2Passwords:
    """Hash and verify passwords with argon2id.

    Parameters follow OWASP's minimum (19 MiB, t=2, p=1) rather than argon2-cffi's 64 MiB
    default, and a semaphore caps concurrent hashes, so 32 gunicorn threads cannot blow the
    150 MB per-process memory budget.
    """

    def __init__(self, *, time_cost: int = 2, memory_cost: int = 19 * 1024, parallelism: int = 1,
                 max_concurrent: int = 4) -> None:
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism)
        self._slots = threading.BoundedSemaphore(max_concurrent)
        with self._slots:
            # Verified against for unknown usernames so timing does not reveal which names exist.
            self._dummy = self._hasher.hash("dummy-password-for-timing")

    def hash(self, password: str) -> str:
        with self._slots:
            return _off_the_loop(self._hasher.hash, password)

    def verify(self, password_hash: str | None, password: str) -> bool:
        with self._slots:
            try:
                return _off_the_loop(self._hasher.verify, password_hash or self._dummy, password) \
                    and password_hash is not None
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                return False

    def needs_rehash(self, password_hash: str) -> bool:
        return self._hasher.check_needs_rehash(password_hash)
