"""Prometheus metrics shared by every service (one process = one registry)."""
from __future__ import annotations

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest

HTTP_LATENCY = Histogram(
    "http_request_duration_seconds",
    "HTTP request latency by route template, method and status",
    ["service", "method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
EVENTS_PUBLISHED = Counter("events_published_total", "Events published to the broker", ["service", "event_type"])
EVENTS_CONSUMED = Counter(
    "events_consumed_total", "Events consumed, by outcome (processed, duplicate, ignored)",
    ["service", "event_type", "outcome"],
)
EVENTS_FAILED = Counter(
    "events_failed_total", "Event handling failures, by disposition (retry, dead_letter)",
    ["service", "event_type", "disposition"],
)
LOOP_RESTARTS = Counter("worker_loop_restarts_total", "Worker loops restarted after an unexpected error", ["loop"])
OUTBOX_BACKLOG = Gauge("outbox_backlog", "Outbox rows not yet published", ["service"])
OUTBOX_OLDEST_AGE = Gauge("outbox_oldest_age_seconds", "Age of the oldest unpublished outbox row", ["service"])
UPSTREAM_LATENCY = Histogram(
    "gateway_upstream_duration_seconds", "Gateway → service latency", ["upstream", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)


def render_latest() -> tuple[bytes, str]:
    """The exposition body and its content type."""
    return generate_latest(), CONTENT_TYPE_LATEST
