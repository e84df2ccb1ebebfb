"""qcontact-sync settings, read once from the environment at start-up.

Auth style, paths, the queue, the statuses imported and the status/priority maps are
configuration (../shared/external-apis.md: two descriptions of QContact disagree), not code.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fibreflow_shared.settings import CommonSettings, env, load_settings

SERVICE = "qcontact-sync"
# Development-only values: refused when FIBREFLOW_ENV=production.
DEV_PASSWORD = "dev-qcontact-password"
DEV_WEBHOOK_SECRET = "dev-qcontact-webhook-secret"
DEV_FIBERTIME_SECRET = "dev-fibertime-webhook-secret"
DEV_PII_KEY = "ZGV2LW9ubHktcWNvbnRhY3QtcGlpLWtleS0zMmJ5dGU="  # urlsafe base64 of 32 bytes
DEV_INDEX_KEY = "dev-only-qcontact-index-key"

STATUS_MAP = {"Open": "new", "In Progress": "in_progress", "Pending": "blocked", "Resolved": "resolved",
              "Closed": "closed"}
# FibreFlow → QContact: every FibreFlow status has a QContact one (triaged/assigned are still "Open" there).
REVERSE_STATUS_MAP = {"new": "Open", "triaged": "Open", "assigned": "Open", "in_progress": "In Progress",
                      "blocked": "Pending", "resolved": "Resolved", "closed": "Closed"}
PRIORITY_MAP = {"Low": "low", "Medium": "medium", "High": "high", "Urgent": "critical"}
FF_STATUSES = ("new", "triaged", "assigned", "in_progress", "blocked", "resolved", "closed")
FF_PRIORITIES = ("critical", "high", "medium", "low")


def _json_map(values: tuple[str, ...] | None = None, *, keys: tuple[str, ...] | None = None) -> Any:
    def check(raw: Any) -> bool:
        try:
            mapping = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            return False
        if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
            return False
        return (values is None or set(mapping.values()) <= set(values)) and (keys is None or set(mapping) <= set(keys))
    return check


def _json(raw: Any) -> dict[str, str]:
    return json.loads(raw) if isinstance(raw, str) else dict(raw)


@dataclass(frozen=True, kw_only=True)
class Settings(CommonSettings):
    service_name: str = SERVICE
    bind: str = env("QCONTACT_SYNC_BIND", "127.0.0.1:8085")
    worker_metrics_port: int = env("QCONTACT_SYNC_WORKER_METRICS_PORT", 0)
    # QContact
    base_url: str = env("QCONTACT_BASE_URL", "http://127.0.0.1:8094", help="e.g. https://fibertime.qcontact.com")
    auth_style: str = env("QCONTACT_AUTH_STYLE", "cookie", validate=lambda v: v in ("cookie", "token"),
                          help="cookie (POST /api/v2/user/login) or token (POST /api/v2/auth/sign_in)")
    username: str = env("QCONTACT_USERNAME", "velocity@fibertimemaintenance.com")
    password: str = env("QCONTACT_PASSWORD", dev_default=DEV_PASSWORD, secret=True)
    login_path: str = env("QCONTACT_LOGIN_PATH", "")
    list_style: str = env("QCONTACT_LIST_STYLE", "filter", validate=lambda v: v in ("filter", "query"),
                          help="filter (POST /Case/filter) or query (GET /Case?page&items&filters)")
    cases_path: str = env("QCONTACT_CASES_PATH", "/api/v2/entities/Case")
    notes_path: str = env("QCONTACT_NOTES_PATH", "/api/v2/entities/Note")
    session_hours: float = env("QCONTACT_SESSION_HOURS", 8.0, validate=lambda v: v > 0, help="> 0")
    timeout_seconds: float = env("QCONTACT_TIMEOUT_SECONDS", 10.0, validate=lambda v: v > 0, help="> 0")
    retry_attempts: int = env("QCONTACT_RETRY_ATTEMPTS", 3, validate=lambda v: v >= 1, help=">= 1")
    retry_max_wait_seconds: float = env("QCONTACT_RETRY_MAX_WAIT_SECONDS", 30.0)
    page_size: int = env("QCONTACT_PAGE_SIZE", 200, validate=lambda v: 1 <= v <= 500, help="1..500")
    queue: str = env("QCONTACT_QUEUE", "Maintenance - Velocity")
    import_statuses: list = env("QCONTACT_IMPORT_STATUSES", ["Open", "In Progress", "Pending"],
                                help="comma list of QContact statuses imported as new tickets")
    status_map: Any = env("QCONTACT_STATUS_MAP", json.dumps(STATUS_MAP), validate=_json_map(FF_STATUSES),
                          help="JSON object QContact status → FibreFlow status")
    reverse_status_map: Any = env("QCONTACT_REVERSE_STATUS_MAP", json.dumps(REVERSE_STATUS_MAP),
                                  validate=_json_map(keys=FF_STATUSES), help="JSON object FibreFlow → QContact status")
    priority_map: Any = env("QCONTACT_PRIORITY_MAP", json.dumps(PRIORITY_MAP), validate=_json_map(FF_PRIORITIES),
                            help="JSON object QContact priority → FibreFlow priority")
    assignee_map: Any = env("QCONTACT_ASSIGNEE_MAP", "{}", validate=_json_map(),
                            help="JSON object FibreFlow user id → QContact user (assignee export; empty = off)")
    ticket_type: str = env("QCONTACT_TICKET_TYPE", "fault")
    # Schedule
    poll_seconds: float = env("QCONTACT_POLL_SECONDS", 900.0, validate=lambda v: v > 0, help="> 0 (15 min default)")
    overlap_seconds: float = env("QCONTACT_WATERMARK_OVERLAP_SECONDS", 120.0, validate=lambda v: v >= 0, help=">= 0")
    queue_poll_seconds: float = env("QCONTACT_QUEUE_POLL_SECONDS", 0.25, validate=lambda v: v > 0, help="> 0")
    failure_max_attempts: int = env("QCONTACT_FAILURE_MAX_ATTEMPTS", 3, validate=lambda v: v >= 1, help=">= 1")
    failure_backoff_seconds: list = env("QCONTACT_FAILURE_BACKOFF_SECONDS", ["60", "300", "900"],
                                        help="comma list of seconds before retry 1, 2, 3")
    outage_probe_seconds: float = env("QCONTACT_OUTAGE_PROBE_SECONDS", 30.0, validate=lambda v: v > 0, help="> 0")
    # Webhooks
    webhook_secrets: list = env("QCONTACT_WEBHOOK_SECRET", dev_default=[DEV_WEBHOOK_SECRET], secret=True,
                                help="comma list; any matching signature is accepted (rotation)")
    webhook_tolerance_seconds: int = env("QCONTACT_WEBHOOK_TOLERANCE_SECONDS", 300, validate=lambda v: v > 0)
    fibertime_secrets: list = env("FIBERTIME_WEBHOOK_SECRET", dev_default=[DEV_FIBERTIME_SECRET], secret=True,
                                  help="comma list: X-FT-Signature keys (the first signs our posts)")
    fibertime_webhook_url: str = env("FIBERTIME_WEBHOOK_URL", "",
                                     help="where ticket.updated posts go (empty: none are sent)")
    fibertime_timeout_seconds: float = env("FIBERTIME_TIMEOUT_SECONDS", 10.0, validate=lambda v: v > 0)
    # Case payloads hold contact details: encrypted at rest.
    pii_keys: list = env("QCONTACT_PII_KEYS", dev_default=[DEV_PII_KEY], secret=True,
                         help="comma list of Fernet keys; the first encrypts, all decrypt")
    index_key: str = env("QCONTACT_INDEX_KEY", dev_default=DEV_INDEX_KEY, secret=True,
                         help="HMAC key of the digests the three-way check compares")

    @property
    def statuses(self) -> dict[str, str]:
        return _json(self.status_map)

    @property
    def reverse_statuses(self) -> dict[str, str]:
        return _json(self.reverse_status_map)

    @property
    def priorities(self) -> dict[str, str]:
        return _json(self.priority_map)

    @property
    def assignees(self) -> dict[str, str]:
        return _json(self.assignee_map)

    @property
    def backoff(self) -> tuple[float, ...]:
        return tuple(float(v) for v in self.failure_backoff_seconds) or (60.0,)


def load(**overrides: object) -> Settings:
    """Settings from the environment (``overrides`` win, for tests)."""
    return load_settings(Settings, **overrides)
