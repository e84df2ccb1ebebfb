"""What a deployment needs to know about each FibreFlow service, in one place.

``deploy/generate.py`` turns this catalog (plus each service's settings class, read for the
variables it requires in production) into ``deploy/k8s/base/`` and ``docker-compose.yml``;
``deploy/tests`` check the output against the Kubernetes, operator and Compose schemas and
against the variables the code reads. Edit here, then run ``make deploy-manifests``.
"""
from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Egress:
    """A system outside the cluster a process calls (NetworkPolicy: these ports, public addresses)."""

    what: str
    ports: tuple[int, ...]            # on public addresses
    pod_label: tuple[str, str] | None = None  # and/or pods in the namespace with this label
    pod_ports: tuple[int, ...] = ()


HTTPS = Egress("HTTPS APIs", (443,))


@dataclass(frozen=True)
class Listener:
    """A process of a service besides ``web`` and ``worker`` (email-intake's SMTP listener)."""

    name: str            # the CLI command and the Deployment suffix
    port: int
    bind_var: str        # the variable naming where it listens
    # namespaces allowed to connect (label selector), e.g. the mail relay's
    from_namespace_label: tuple[str, str]


@dataclass(frozen=True)
class Service:
    name: str                 # fibreflow-<name>, the Deployment and Service names
    package: str              # Python package (its config module holds the settings class)
    prefix: str               # <PREFIX>_DATABASE_URL, <PREFIX>_BIND, ...
    port: int
    database: str
    upstream_var: str | None  # the gateway's variable pointing at this service
    worker: bool = True
    worker_metrics: bool = True  # <PREFIX>_WORKER_METRICS_PORT exists: the worker serves /metrics
    consumes: bool = True     # migrate Job also runs declare-topology (its queues exist before it runs)
    listeners: tuple[Listener, ...] = ()
    egress: tuple[Egress, ...] = ()
    calls: tuple[str, ...] = ()   # other FibreFlow services' web Services this one calls
    # Non-secret production settings (ConfigMap); secrets come from the settings class.
    config: dict[str, str] = field(default_factory=dict)
    # Secret settings that stay optional (an alternative provider) and are left out of the Secret.
    optional_secrets: tuple[str, ...] = ()
    # Variables taken from the Secret under another key (boto3 reads AWS_*).
    secret_aliases: dict[str, str] = field(default_factory=dict)
    web_replicas: tuple[int, int] = (2, 10)   # HPA min, max
    web_cpu: tuple[str, str] = ("100m", "500m")
    web_memory: tuple[str, str] = ("128Mi", "256Mi")
    worker_memory: tuple[str, str] = ("128Mi", "256Mi")
    # The local default of <PREFIX>_DATABASE_URL's pool and threads (connection budget, docs).
    web_threads: int = 16

    @property
    def image(self) -> str:
        return f"ghcr.io/fibreflow/{self.name}"

    @property
    def cli(self) -> str:
        return f"fibreflow-{self.name}"

    @property
    def db_cluster(self) -> str:
        """The CloudNativePG Cluster of this service's database."""
        return f"pg-{self.name}"

    @property
    def pooler(self) -> str:
        """The CloudNativePG Pooler (PgBouncer, transaction mode) the web and worker pods use."""
        return f"pg-{self.name}-pooler"


SERVICES: tuple[Service, ...] = (
    Service("gateway", "gateway", "GATEWAY", 8080, "ff_gateway", None, worker_metrics=False,  # consumes audit.recorded
            calls=("ticket-core", "sla", "billing", "notifications", "qcontact-sync", "wa-bridge",
                   "email-intake", "console"),
            # The upstream URLs (TICKET_CORE_URL, ...) are added by all_config() for every upstream
            # variable the gateway's settings read.
            config={"GATEWAY_BOOTSTRAP_ON_START": "false", "TRUSTED_PROXY_HOPS": "1"},
            optional_secrets=("FIBREFLOW_ADMIN_PASSWORD",), web_replicas=(2, 10)),
    Service("ticket-core", "ticket_core", "TICKET_CORE", 8081, "ff_ticket_core", "TICKET_CORE_URL",
            egress=(Egress("S3 attachments", (443,)),),
            config={"TICKET_CORE_ATTACHMENTS_BACKEND": "s3", "TICKET_CORE_S3_BUCKET": "fibreflow-attachments",
                    "TICKET_CORE_S3_ENDPOINT_URL": "", "TICKET_CORE_S3_PREFIX": "attachments/",
                    "AWS_DEFAULT_REGION": "af-south-1"},
            secret_aliases={"AWS_ACCESS_KEY_ID": "TICKET_CORE_S3_ACCESS_KEY_ID",
                            "AWS_SECRET_ACCESS_KEY": "TICKET_CORE_S3_SECRET_ACCESS_KEY"}),
    Service("sla", "sla", "SLA", 8082, "ff_sla", "SLA_URL"),
    Service("billing", "billing", "BILLING", 8083, "ff_billing", "BILLING_URL", egress=(HTTPS,),
            config={"INVOICING_API_URL": "https://invoicing.invalid/api"}),
    Service("notifications", "notifications", "NOTIFICATIONS", 8084, "ff_notifications", "NOTIFICATIONS_URL",
            egress=(Egress("Twilio API, SMTP relay", (443, 587, 465)),), calls=("wa-bridge",),
            secret_aliases={"NOTIFICATIONS_WA_BRIDGE_KEY": "WA_BRIDGE_NOTIFY_KEY"},
            config={"NOTIFICATIONS_PUBLIC_BASE_URL": "https://tickets.invalid",
                    "NOTIFICATIONS_SMS_PROVIDER": "twilio", "NOTIFICATIONS_TWILIO_BASE_URL": "https://api.twilio.com",
                    "NOTIFICATIONS_SMS_FROM": "+27000000000", "NOTIFICATIONS_SMTP_HOST": "smtp.invalid",
                    "NOTIFICATIONS_SMTP_PORT": "587", "NOTIFICATIONS_SMTP_SECURITY": "starttls",
                    "NOTIFICATIONS_SMTP_USERNAME": "notifications@tickets.invalid",
                    "NOTIFICATIONS_EMAIL_FROM": "FibreFlow <notifications@tickets.invalid>",
                    "NOTIFICATIONS_WA_BRIDGE_URL": "http://wa-bridge:8086"},
            optional_secrets=("NOTIFICATIONS_BULKSMS_PASSWORD",)),
    Service("qcontact-sync", "qcontact_sync", "QCONTACT_SYNC", 8085, "ff_qcontact_sync", "QCONTACT_SYNC_URL",
            egress=(Egress("QContact API, Fibertime webhook", (443,)),),
            config={"QCONTACT_BASE_URL": "https://fibertime.qcontact.com"}),
    Service("wa-bridge", "wa_bridge", "WA_BRIDGE", 8086, "ff_wa_bridge", "WA_BRIDGE_URL",
            # WAHA runs in the cluster (pods app.kubernetes.io/name=waha, port 3000) or behind HTTPS.
            egress=(Egress("WAHA API", (443,), pod_label=("app.kubernetes.io/name", "waha"), pod_ports=(3000,)),),
            config={"WA_BRIDGE_WAHA_URL": "http://waha:3000", "WA_BRIDGE_PUBLIC_BASE_URL": "https://tickets.invalid"}),
    Service("email-intake", "email_intake", "EMAIL_INTAKE", 8087, "ff_email_intake", "EMAIL_INTAKE_URL",
            egress=(Egress("IMAP mailbox", (993,)),),
            listeners=(Listener("smtp", 2526, "EMAIL_INTAKE_SMTP_BIND", ("fibreflow.io/mail-relay", "true")),),
            # Inbound channels used by a deployment: only the providers' secrets it needs are required.
            optional_secrets=("EMAIL_INTAKE_IMAP_PASSWORD",)),
    Service("console", "console", "CONSOLE", 8088, "ff_console", "CONSOLE_URL", worker=False,
            worker_metrics=False, consumes=False, calls=("gateway",), web_replicas=(2, 6),
            config={"CONSOLE_GATEWAY_URL": "http://gateway:8080"}),
)
BY_NAME = {svc.name: svc for svc in SERVICES}

# Settings every service shares, in the ConfigMap (fibreflow_shared.settings.CommonSettings).
COMMON_CONFIG: dict[str, str] = {
    "LOG_LEVEL": "INFO",
    "EVENTS_EXCHANGE": "fibreflow.events",
    # Services verify the gateway's JWTs themselves, with its public keys.
    "JWKS_URL": "http://gateway:8080/.well-known/jwks.json",
    "JWT_ISSUER": "fibreflow-gateway",
    "JWT_AUDIENCE": "fibreflow",
    "MAX_BODY_BYTES": "1048576",
    "CONSUMER_MAX_ATTEMPTS": "5",
    "CONSUMER_RETRY_DELAY_MS": "2000",
    "OUTBOX_POLL_SECONDS": "1.0",
    "OUTBOX_RETENTION_HOURS": "168",
    "VALIDATE_EVENT_SCHEMAS": "false",
    # gunicorn per pod: scale with replicas (HPA), not processes per pod.
    "WEB_WORKERS": "1",
    "WEB_THREADS": "16",
    # The connection budget (docs/operations.md): a web pod's pool = its threads, bursts +4.
    "DB_POOL_SIZE": "16",
    "DB_MAX_OVERFLOW": "4",
    # Pods reach PostgreSQL through the CloudNativePG Pooler (PgBouncer, transaction mode).
    "DB_PREPARED_STATEMENTS": "false",
    "WORKER_LIVENESS_MAX_AGE": "60",
}
WORKER_METRICS_PORT = 9100
# Worker pools: a handful of loops, each holding at most one connection at a time.
WORKER_POOL = ("4", "4")


def settings_class(svc: Service) -> type | None:
    """The service's settings dataclass (None while the service has no config module yet)."""
    from fibreflow_shared.settings import CommonSettings

    try:
        module = importlib.import_module(f"{svc.package}.config")
    except ImportError:
        return None
    found = [value for value in vars(module).values()
             if isinstance(value, type) and dataclasses.is_dataclass(value) and issubclass(value, CommonSettings)
             and value is not CommonSettings and value.__module__ == module.__name__]
    return found[0] if found else None


def settings_fields(svc: Service) -> list[dataclasses.Field[Any]]:
    cls = settings_class(svc)
    return [f for f in dataclasses.fields(cls) if f.metadata.get("env")] if cls else []


def secret_variables(svc: Service) -> list[str]:
    """Variables of this service that come from the Secret: every secret setting and every one
    production insists on (no default, or a development default it refuses), except
    DATABASE_URL (per service, below) and the optional ones the catalog names."""
    from fibreflow_shared.settings import _MISSING

    names = []
    for f in settings_fields(svc):
        name = f.metadata["env"]
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING  # type: ignore[misc]
        dev = f.metadata.get("dev_default", _MISSING) is not _MISSING
        if (name in ("DATABASE_URL", "FIBREFLOW_ENV") or name in svc.optional_secrets or name in svc.config
                or name in svc.secret_aliases):
            continue
        if f.metadata.get("secret") or required or dev:
            names.append(name)
    return sorted(set(names))


def all_config() -> dict[str, str]:
    """The ConfigMap's data: shared settings, then each service's."""
    data = dict(COMMON_CONFIG)
    for svc in SERVICES:
        data.update(svc.config)
    data.update(upstream_urls(lambda svc: f"http://{svc.name}:{svc.port}"))
    return data


def upstream_urls(url: Any) -> dict[str, str]:
    """The gateway's upstream variables it reads, each set to ``url(service)``."""
    read = {f.metadata["env"] for f in settings_fields(BY_NAME["gateway"])}
    return {svc.upstream_var: url(svc) for svc in SERVICES if svc.upstream_var and svc.upstream_var in read}
