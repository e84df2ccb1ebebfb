"""console settings, read once from the environment at start-up."""
from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any, Mapping

from fibreflow_shared.settings import CommonSettings, SettingsError, env, load_settings

SERVICE = "console"
# A published Fernet key: development and tests only (production refuses it, see Settings).
DEV_TOKEN_KEY = "ZmlicmVmbG93LWNvbnNvbGUtZGV2LW9ubHkta2V5ISE="


def _are_fernet_keys(keys: list[str]) -> bool:
    try:
        return bool(keys) and all(len(base64.urlsafe_b64decode(k.encode())) == 32 for k in keys)
    except (ValueError, TypeError):
        return False


@dataclass(frozen=True, kw_only=True)
class Settings(CommonSettings):
    service_name: str = SERVICE
    bind: str = env("CONSOLE_BIND", "127.0.0.1:8088")
    gateway_url: str = env("CONSOLE_GATEWAY_URL", "http://127.0.0.1:8080",
                           help="the gateway's public base URL; the console calls nothing else")
    # Fernet keys for the tokens at rest: the first encrypts, any decrypts (rotation).
    token_keys: list = env("CONSOLE_TOKEN_KEYS", dev_default=[DEV_TOKEN_KEY], secret=True,
                           validate=_are_fernet_keys, help="comma list of Fernet keys (urlsafe base64, 32 bytes)")
    # Plain-http local development only: the cookie loses Secure and with it the __Host- prefix
    # (browsers only accept __Host- cookies marked Secure). Refused in production.
    insecure_dev_cookies: bool = env("CONSOLE_INSECURE_DEV_COOKIES", False)
    session_idle_minutes: int = env("CONSOLE_SESSION_IDLE_MINUTES", 60, validate=lambda v: 1 <= v <= 1440,
                                    help="1..1440: a session unused this long ends")
    session_max_hours: int = env("CONSOLE_SESSION_MAX_HOURS", 12, validate=lambda v: 1 <= v <= 336,
                                 help="1..336: a session ends this long after login, used or not")
    timezone: str = env("CONSOLE_TIMEZONE", "Africa/Johannesburg", help="the time zone pages show times in")
    gateway_timeout_seconds: float = env("CONSOLE_GATEWAY_TIMEOUT_SECONDS", 15.0, validate=lambda v: v > 0,
                                         help="> 0")
    poll_seconds: int = env("CONSOLE_POLL_SECONDS", 15, validate=lambda v: 2 <= v <= 600,
                            help="2..600: how often lists ask for changed rows")
    bulk_max_tickets: int = env("CONSOLE_BULK_MAX_TICKETS", 5000, validate=lambda v: 1 <= v <= 100000,
                                help="1..100000: most tickets one 'all that match' action may touch")

    @property
    def cookie_name(self) -> str:
        """``__Host-`` binds the cookie to this host, path / and HTTPS (no Domain, no subdomain)."""
        return "ff_console" if self.insecure_dev_cookies else "__Host-ff_console"

    @property
    def login_cookie_name(self) -> str:
        """The pre-session cookie of the login form's double-submit CSRF token."""
        return "ff_console_login" if self.insecure_dev_cookies else "__Host-ff_console_login"


def load(environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Settings from the environment (``overrides`` win, for tests)."""
    settings = load_settings(Settings, environ, **overrides)
    if settings.environment == "production" and settings.insecure_dev_cookies:
        raise SettingsError("Configuration error: CONSOLE_INSECURE_DEV_COOKIES is for plain-http development; "
                            "refused in production")
    return settings
