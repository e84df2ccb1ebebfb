"""qcontact-sync's own Prometheus metrics (the kit adds HTTP, outbox and loop metrics)."""
from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

SYNCS = Counter("qcontact_syncs_total", "Sync actions by direction and outcome", ["direction", "outcome"])
CONFLICTS = Counter("qcontact_conflicts_total", "Fields changed on both sides (QContact won)")
LAG = Histogram("qcontact_sync_lag_seconds", "QContact updated_at → change published to ticket-core",
                buckets=(0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 1800, 3600))
SESSION_UP = Gauge("qcontact_session_up", "1 while the QContact session is logged in and answering")
LOGINS = Counter("qcontact_logins_total", "QContact logins (first and renewals)")
CALLS = Counter("qcontact_api_calls_total", "Calls to QContact by method and status", ["method", "status"])
CALL_LATENCY = Histogram("qcontact_api_call_seconds", "QContact call latency", ["method"],
                         buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))
OPEN_FAILURES = Gauge("qcontact_open_failures", "Unresolved sync failures")
FIBERTIME_POSTS = Counter("fibertime_posts_total", "ticket.updated posts to Fibertime by outcome", ["outcome"])
