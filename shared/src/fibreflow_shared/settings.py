"""Typed settings read from environment variables and validated at start-up.

Declare a frozen dataclass whose fields carry ``env(...)`` metadata, then call
``load_settings(MySettings)``. Every missing or malformed variable is reported at once,
by name, in a ``SettingsError``.
"""
from __future__ import annotations

import dataclasses
import os
import typing
from typing import Any, Callable, Mapping, TypeVar

T = TypeVar("T")
_MISSING = dataclasses.MISSING


class SettingsError(RuntimeError):
    """Raised when environment variables are missing or invalid; the message names them."""


def env(name: str, default: Any = _MISSING, *, secret: bool = False,
        validate: Callable[[Any], bool] | None = None, help: str = "", dev_default: Any = _MISSING) -> Any:
    """A settings field read from the environment variable ``name``.

    ``dev_default`` is a convenience value for development and tests only: with
    ``FIBREFLOW_ENV=production`` the variable must be set explicitly (secrets, keys).
    """
    meta = {"env": name, "secret": secret, "validate": validate, "help": help, "dev_default": dev_default}
    if dev_default is not _MISSING:
        # The dataclass default is the dev value; load_settings refuses it in production.
        default = dev_default
    if default is _MISSING:
        return dataclasses.field(metadata=meta)
    if isinstance(default, (list, dict, set)):
        return dataclasses.field(default_factory=lambda: type(default)(default), metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


def _convert(raw: str, kind: Any) -> Any:
    origin = typing.get_origin(kind)
    if origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        if raw == "":
            return None
        return _convert(raw, args[0])
    if kind is bool:
        lowered = raw.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off"}:
            return False
        raise ValueError("expected true/false")
    if kind is int:
        return int(raw)
    if kind is float:
        return float(raw)
    if origin in (list, tuple) or kind in (list, tuple):
        items = [part.strip() for part in raw.split(",") if part.strip()]
        return items if origin is list or kind is list else tuple(items)
    return raw


def load_settings(cls: type[T], environ: Mapping[str, str] | None = None, **overrides: Any) -> T:
    """Build ``cls`` from the environment; raise SettingsError naming every bad variable."""
    environ = os.environ if environ is None else environ
    production = environ.get("FIBREFLOW_ENV", "development").strip().lower() == "production"
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    problems: list[str] = []
    for field in dataclasses.fields(cls):
        if field.name in overrides:
            values[field.name] = overrides[field.name]
            continue
        meta = field.metadata
        name = meta.get("env")
        if not name:
            continue
        raw = environ.get(name)
        if raw is None:
            if production and meta.get("dev_default", _MISSING) is not _MISSING:
                problems.append(f"{name} must be set in production (the development default is refused)")
            elif field.default is _MISSING and field.default_factory is _MISSING:  # type: ignore[misc]
                problems.append(f"{name} is required{': ' + meta['help'] if meta.get('help') else ''}")
            continue
        try:
            value = _convert(raw, hints[field.name])
        except ValueError as exc:
            problems.append(f"{name} is invalid ({exc}): expected {getattr(hints[field.name], '__name__', hints[field.name])}")
            continue
        if production and _is_dev_default(meta, value):
            problems.append(f"{name} is set to the published development value (refused in production)")
            continue
        validator = meta.get("validate")
        if validator is not None and not validator(value):
            problems.append(f"{name} is invalid: {meta.get('help') or 'failed validation'}")
            continue
        values[field.name] = value
    if problems:
        raise SettingsError("Configuration error: " + "; ".join(problems))
    return cls(**values)


def _is_dev_default(meta: Mapping[str, Any], value: Any) -> bool:
    dev = meta.get("dev_default", _MISSING)
    return dev is not _MISSING and value == dev


def dev_defaults_in_use(settings: Any) -> list[str]:
    """Names of the variables whose value is their published development default."""
    return [field.metadata["env"] for field in dataclasses.fields(settings)
            if field.metadata.get("env") and _is_dev_default(field.metadata, getattr(settings, field.name))]


def warn_dev_defaults(settings: Any, log: Any) -> list[str]:
    """Log one warning per variable still on its published development default (``dev_default``):
    outside production they are accepted, but anyone can read them in the repository. Production
    refuses them in ``load_settings``. Returns the names warned about."""
    names = dev_defaults_in_use(settings)
    for name in names:
        log.warning(f"{name} is the published development default: anyone with the repository can read it; "
                    "set your own value (production refuses it)", extra={"variable": name})
    return names


def describe(settings: Any) -> dict[str, Any]:
    """Settings as a dict for logging, with secrets masked."""
    out: dict[str, Any] = {}
    for field in dataclasses.fields(settings):
        value = getattr(settings, field.name)
        out[field.name] = "***" if field.metadata.get("secret") and value else value
    return out


@dataclasses.dataclass(frozen=True, kw_only=True)
class CommonSettings:
    """Settings every service shares. Services subclass this (also ``kw_only=True``) and add fields."""

    service_name: str = "service"
    environment: str = env("FIBREFLOW_ENV", "development",
                           validate=lambda v: v in {"development", "test", "production"},
                           help="one of development, test, production")
    database_url: str = env("DATABASE_URL", help="SQLAlchemy URL of this service's own database")
    db_pool_size: int = env("DB_POOL_SIZE", 5, validate=lambda v: v >= 1, help=">= 1")
    db_max_overflow: int = env("DB_MAX_OVERFLOW", 10, validate=lambda v: v >= 0, help=">= 0")
    # Behind PgBouncer in transaction mode: psycopg's server-side prepared statements would land on
    # whichever server connection the next transaction gets, so set DB_PREPARED_STATEMENTS=false.
    db_prepared_statements: bool = env("DB_PREPARED_STATEMENTS", True)
    # The outbox relay's LISTEN connection (session state: not through a transaction pooler);
    # empty = DATABASE_URL, "off" = poll every OUTBOX_POLL_SECONDS without LISTEN.
    database_listen_url: str = env("DATABASE_LISTEN_URL", "")
    broker_url: str = env("BROKER_URL", "amqp://guest:guest@127.0.0.1:5672/%2F")
    events_exchange: str = env("EVENTS_EXCHANGE", "fibreflow.events")
    jwks_url: str = env("JWKS_URL", "http://127.0.0.1:8080/.well-known/jwks.json")
    jwt_issuer: str = env("JWT_ISSUER", "fibreflow-gateway")
    jwt_audience: str = env("JWT_AUDIENCE", "fibreflow")
    log_level: str = env("LOG_LEVEL", "INFO")
    max_body_bytes: int = env("MAX_BODY_BYTES", 1_048_576, validate=lambda v: v > 0, help="positive integer")
    consumer_max_attempts: int = env("CONSUMER_MAX_ATTEMPTS", 5, validate=lambda v: v >= 1, help=">= 1")
    consumer_retry_delay_ms: int = env("CONSUMER_RETRY_DELAY_MS", 2000, validate=lambda v: v >= 0, help=">= 0")
    outbox_poll_seconds: float = env("OUTBOX_POLL_SECONDS", 1.0, validate=lambda v: v > 0, help="> 0")
    outbox_retention_hours: int = env("OUTBOX_RETENTION_HOURS", 168)
    validate_event_schemas: bool = env("VALIDATE_EVENT_SCHEMAS", False)
    contracts_dir: str = env("CONTRACTS_DIR", "")
