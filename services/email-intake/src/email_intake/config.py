"""email-intake settings, read once from the environment at start-up."""
from __future__ import annotations

from dataclasses import dataclass

from fibreflow_shared.settings import CommonSettings, env, load_settings

SERVICE = "email-intake"
DEV_PII_KEY = "ZGV2LW9ubHktZW1haWwtaW50YWtlLXBpaS1rZXktMzI="  # urlsafe base64 of 32 bytes
DEV_INDEX_KEY = "dev-only-email-intake-index-key"
DEV_MAILGUN_KEY = "dev-mailgun-signing-key"
DEV_SENDGRID_AUTH = "sendgrid:dev-sendgrid-password"
DEV_API_KEY = "dev-email-intake-api-key"


@dataclass(frozen=True, kw_only=True)
class Settings(CommonSettings):
    service_name: str = SERVICE
    bind: str = env("EMAIL_INTAKE_BIND", "127.0.0.1:8087")
    worker_metrics_port: int = env("EMAIL_INTAKE_WORKER_METRICS_PORT", 0)
    # SendGrid allows 30 MB messages; the web app must read them whole to store them first.
    max_body_bytes: int = env("EMAIL_INTAKE_MAX_BODY_BYTES", 31_457_280, validate=lambda v: v > 0, help="> 0")
    pii_keys: list = env("EMAIL_INTAKE_PII_KEYS", dev_default=[DEV_PII_KEY], secret=True,
                         help="comma list of Fernet keys; the first encrypts, all decrypt")
    index_key: str = env("EMAIL_INTAKE_INDEX_KEY", dev_default=DEV_INDEX_KEY, secret=True,
                         help="HMAC key of the sender blind index (rate limit, participants)")
    ticket_addresses: list = env("EMAIL_INTAKE_ADDRESSES", ["tickets@fibreflow.app"],
                                 help="comma list of the addresses that open tickets (sub-addresses +UID too)")
    own_domains: list = env("EMAIL_INTAKE_OWN_DOMAINS", ["fibreflow.app", "fibreflow.local"],
                            help="our Message-ID domains (mail from them is a loop)")
    staff_domains: list = env("EMAIL_INTAKE_STAFF_DOMAINS", [],
                              help="senders from these domains may reply on any ticket")
    authserv_ids: list = env("EMAIL_INTAKE_AUTHSERV_IDS", ["mx.fibreflow.app"],
                             help="Authentication-Results authserv-ids we trust (our own MX)")
    allow_list: list = env("EMAIL_INTAKE_ALLOW", [])
    block_list: list = env("EMAIL_INTAKE_BLOCK", [])
    spam_threshold: float = env("EMAIL_INTAKE_SPAM_THRESHOLD", 5.0)
    rate_limit: int = env("EMAIL_INTAKE_RATE_LIMIT", 20, validate=lambda v: v >= 1,
                          help="emails a sender may send per window")
    rate_window_seconds: int = env("EMAIL_INTAKE_RATE_WINDOW_SECONDS", 3600, validate=lambda v: v > 0, help="> 0")
    ack_window_seconds: int = env("EMAIL_INTAKE_ACK_WINDOW_SECONDS", 3600,
                                  help="at most one acknowledgement per sender in this window")
    acknowledge: bool = env("EMAIL_INTAKE_ACKNOWLEDGE", True)
    ack_from: str = env("EMAIL_INTAKE_ACK_FROM", "FibreFlow Tickets <tickets@fibreflow.app>")
    message_id_domain: str = env("EMAIL_INTAKE_MESSAGE_ID_DOMAIN", "fibreflow.app")
    # Webhook credentials
    mailgun_signing_keys: list = env("EMAIL_INTAKE_MAILGUN_SIGNING_KEY", dev_default=[DEV_MAILGUN_KEY], secret=True,
                                     help="comma list (rotation)")
    mailgun_tolerance_seconds: int = env("EMAIL_INTAKE_MAILGUN_TOLERANCE_SECONDS", 300)
    sendgrid_basic_auth: list = env("EMAIL_INTAKE_SENDGRID_BASIC_AUTH", dev_default=[DEV_SENDGRID_AUTH], secret=True,
                                    help="comma list of user:password for the parse URL's HTTP Basic auth")
    api_keys: list = env("EMAIL_INTAKE_API_KEYS", dev_default=[DEV_API_KEY], secret=True,
                         help="X-Api-Key values accepted on the raw MIME endpoint")
    # SMTP listener
    smtp_bind: str = env("EMAIL_INTAKE_SMTP_BIND", "127.0.0.1:2526")
    smtp_hostname: str = env("EMAIL_INTAKE_SMTP_HOSTNAME", "mx.fibreflow.app")
    # IMAP polling (off unless a host is set)
    imap_host: str = env("EMAIL_INTAKE_IMAP_HOST", "")
    imap_port: int = env("EMAIL_INTAKE_IMAP_PORT", 993)
    imap_ssl: bool = env("EMAIL_INTAKE_IMAP_SSL", True)
    imap_username: str = env("EMAIL_INTAKE_IMAP_USERNAME", "")
    imap_password: str = env("EMAIL_INTAKE_IMAP_PASSWORD", "", secret=True)
    imap_mailbox: str = env("EMAIL_INTAKE_IMAP_MAILBOX", "INBOX")
    imap_processed_mailbox: str = env("EMAIL_INTAKE_IMAP_PROCESSED_MAILBOX", "",
                                      help="move processed mail here; empty = flag it \\Seen + $FibreflowProcessed")
    imap_poll_seconds: float = env("EMAIL_INTAKE_IMAP_POLL_SECONDS", 30.0, validate=lambda v: v > 0, help="> 0")
    imap_timeout: float = env("EMAIL_INTAKE_IMAP_TIMEOUT", 30.0)
    # Processing (the worker finishes what the entrypoints stored, in case one crashed mid-way)
    reprocess_after_seconds: float = env("EMAIL_INTAKE_REPROCESS_AFTER_SECONDS", 60.0)
    process_poll_seconds: float = env("EMAIL_INTAKE_PROCESS_POLL_SECONDS", 5.0, validate=lambda v: v > 0, help="> 0")


def load(**overrides: object) -> Settings:
    """Settings from the environment (``overrides`` win, for tests)."""
    return load_settings(Settings, **overrides)
