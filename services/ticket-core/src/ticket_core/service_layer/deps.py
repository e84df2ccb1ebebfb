"""What ticket-core's use cases need besides the session: the one dependency object of the
service (built once in bootstrap.py, handed to HTTP use cases and consumers alike)."""
from __future__ import annotations

from dataclasses import dataclass

from fibreflow_shared.messaging.outbox import Outbox
from fibreflow_shared.pii import PiiCipher
from ticket_core.adapters.storage import Storage


@dataclass
class Deps:
    """Outbox, PII cipher, attachment storage and the settings the rules read."""

    outbox: Outbox
    cipher: PiiCipher
    storage: Storage
    auto_assign: bool = False
    escalation_team: str = ""
    # Lists count exactly up to this many matches, then report the planner's estimate (flagged).
    exact_count_limit: int = 10_000
    # Stats over more tickets than this are served from a snapshot at most this old.
    stats_live_below: int = 50_000
    stats_max_age_seconds: float = 60.0
