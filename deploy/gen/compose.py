"""docker-compose.yml from deploy/catalog.py: PostgreSQL (a database and role per service, made by
deploy/compose/postgres-init.sh), RabbitMQ (management plugin, quorum queues), Redis (the
gateway's shared rate limits), MinIO (attachments), per service a one-shot migrate container,
web and worker containers that wait for it, and the simulators under the ``dev`` profile.

Values come from ``.env`` (compose reads it for ``${...}``; ``.env.example`` lists every one,
``python3 deploy/compose/new_env.py > .env`` writes one with fresh secrets)."""
from __future__ import annotations

from typing import Any

from deploy.catalog import SERVICES, Service, secret_variables, settings_fields, upstream_urls

# Where each external system is in compose: the simulators (profile dev) by default; a production
# .env points these at the real systems.
EXTERNAL_DEFAULTS = {
    "INVOICING_API_URL": "http://invoicing-sim:8091/api",
    "NOTIFICATIONS_TWILIO_BASE_URL": "http://sms-sim:8092",
    "NOTIFICATIONS_SMTP_HOST": "smtp-sim",
    "NOTIFICATIONS_SMTP_PORT": "2525",
    "NOTIFICATIONS_SMTP_SECURITY": "none",
    "NOTIFICATIONS_PUBLIC_BASE_URL": "http://localhost:8080",
    "NOTIFICATIONS_EMAIL_FROM": "FibreFlow <notifications@fibreflow.local>",
}
# Per service: the settings compose passes through from .env with a default (name → default).
SERVICE_CONFIG: dict[str, dict[str, str]] = {
    "gateway": {"GATEWAY_BOOTSTRAP_ON_START": "false", "RATE_LIMIT_STORAGE_URL": "redis://redis:6379/0"},
    "ticket-core": {"TICKET_CORE_ATTACHMENTS_BACKEND": "s3", "TICKET_CORE_S3_BUCKET": "fibreflow-attachments",
                    "TICKET_CORE_S3_ENDPOINT_URL": "http://minio:9000", "AWS_DEFAULT_REGION": "us-east-1"},
    "billing": {"INVOICING_API_URL": EXTERNAL_DEFAULTS["INVOICING_API_URL"]},
    "notifications": {k: v for k, v in EXTERNAL_DEFAULTS.items() if k.startswith("NOTIFICATIONS_")},
    "qcontact-sync": {"QCONTACT_BASE_URL": "http://qcontact-sim:8094",
                      "FIBERTIME_WEBHOOK_URL": "http://qcontact-sim:8094/fibertime/webhooks/velocity"},
    "wa-bridge": {"WA_BRIDGE_WAHA_URL": "http://waha-sim:8095", "WA_BRIDGE_PUBLIC_BASE_URL": "http://gateway:8080"},
    "email-intake": {"EMAIL_INTAKE_IMAP_HOST": "imap-sim", "EMAIL_INTAKE_IMAP_PORT": "1143",
                     "EMAIL_INTAKE_IMAP_SSL": "false", "EMAIL_INTAKE_IMAP_USERNAME": "tickets"},
    "console": {"CONSOLE_GATEWAY_URL": "http://gateway:8080"},
}
# Optional secrets compose passes when its default channel (the simulators) uses them.
OPTIONAL_SECRETS: dict[str, tuple[str, ...]] = {"email-intake": ("EMAIL_INTAKE_IMAP_PASSWORD",)}
SIMULATORS: list[dict[str, Any]] = [
    {"name": "invoicing-sim", "script": "fibreflow-sim-invoicing", "ports": [8091],
     "env": {"INVOICING_SIM_BIND": "0.0.0.0:8091", "INVOICING_API_KEY": "${INVOICING_API_KEY:?set in .env}",
             "INVOICING_WEBHOOK_SECRET": "${INVOICING_WEBHOOK_SECRET:?set in .env}",
             "INVOICING_WEBHOOK_URL": "http://gateway:8080/api/ticketing/webhooks/invoice-status"}},
    {"name": "sms-sim", "script": "fibreflow-sim-sms", "ports": [8092],
     "env": {"SIM_SMS_BIND": "0.0.0.0:8092",
             "SIM_SMS_ACCOUNT_SID": "${NOTIFICATIONS_TWILIO_ACCOUNT_SID:?set in .env}",
             "SIM_SMS_AUTH_TOKEN": "${NOTIFICATIONS_TWILIO_AUTH_TOKEN:?set in .env}"}},
    {"name": "smtp-sim", "script": "fibreflow-sim-smtp", "ports": [2525, 8093],
     "env": {"SIM_SMTP_BIND": "0.0.0.0:2525", "SIM_SMTP_HTTP_BIND": "0.0.0.0:8093"}},
    {"name": "qcontact-sim", "script": "fibreflow-sim-qcontact", "ports": [8094],
     "env": {"QCONTACT_SIM_BIND": "0.0.0.0:8094", "QCONTACT_PASSWORD": "${QCONTACT_PASSWORD:?set in .env}",
             "QCONTACT_WEBHOOK_SECRET": "${QCONTACT_WEBHOOK_SECRET:?set in .env}",
             "FIBERTIME_WEBHOOK_SECRET": "${FIBERTIME_WEBHOOK_SECRET:?set in .env}",
             "QCONTACT_SIM_WEBHOOK_URL": "http://gateway:8080/api/qcontact/webhook",
             "FIBERTIME_SIM_TARGET_URL": "http://gateway:8080/api/tickets/webhook/fibertime"}},
    {"name": "waha-sim", "script": "fibreflow-sim-waha", "ports": [8095],
     "env": {"WAHA_SIM_BIND": "0.0.0.0:8095", "WAHA_API_KEY": "${WA_BRIDGE_WAHA_API_KEY:?set in .env}"}},
    {"name": "imap-sim", "script": "fibreflow-sim-imap", "ports": [1143, 8096],
     "env": {"IMAP_SIM_BIND": "0.0.0.0:1143", "IMAP_SIM_HTTP_BIND": "0.0.0.0:8096", "IMAP_SIM_USER": "tickets",
             "IMAP_SIM_PASSWORD": "${EMAIL_INTAKE_IMAP_PASSWORD:?set in .env}"}},
]


def installed_simulators() -> list[dict[str, Any]]:
    """The simulators whose console script simulators/pyproject.toml declares (others are still being built)."""
    import tomllib
    from pathlib import Path

    scripts = tomllib.loads((Path(__file__).resolve().parents[2] / "simulators" / "pyproject.toml").read_text())
    declared = scripts["project"].get("scripts", {})
    return [sim for sim in SIMULATORS if sim["script"] in declared]


def _build(svc_name: str, port: int | None = None) -> dict[str, Any]:
    args = {"SERVICE": svc_name}
    if port:
        args["PORT"] = str(port)
    return {"context": ".", "dockerfile": "deploy/Dockerfile", "args": args}


def _db_user(svc: Service) -> str:
    return svc.database.removeprefix("ff_")


def environment(svc: Service, component: str) -> dict[str, str]:
    read = {f.metadata["env"] for f in settings_fields(svc)}
    env = {
        "FIBREFLOW_ENV": "${FIBREFLOW_ENV:-production}",
        "DATABASE_URL": f"postgresql+psycopg://{_db_user(svc)}:${{POSTGRES_SERVICE_PASSWORD:?set in .env}}"
                        f"@postgres:5432/{svc.database}",
        "BROKER_URL": "amqp://${RABBITMQ_USER:-fibreflow}:${RABBITMQ_PASSWORD:?set in .env}@rabbitmq:5672/%2F",
        "JWKS_URL": "http://gateway:8080/.well-known/jwks.json",
        "LOG_LEVEL": "${LOG_LEVEL:-INFO}",
    }
    for name, default in SERVICE_CONFIG.get(svc.name, {}).items():
        env[name] = f"${{{name}:-{default}}}"
    if svc.name == "gateway":
        env.update(upstream_urls(lambda other: f"http://{other.name}:{other.port}"))
        if component == "migrate":
            env["FIBREFLOW_ADMIN_PASSWORD"] = "${FIBREFLOW_ADMIN_PASSWORD:?set in .env}"
    for name in secret_variables(svc):
        env[name] = f"${{{name}:?set {name} in .env}}"
    for name in OPTIONAL_SECRETS.get(svc.name, ()):
        env[name] = f"${{{name}:?set {name} in .env}}"
    for alias, key in svc.secret_aliases.items():
        env[alias] = f"${{{key}:?set {key} in .env}}"
    if svc.name == "notifications" and "NOTIFICATIONS_WA_BRIDGE_URL" in read:
        env["NOTIFICATIONS_WA_BRIDGE_URL"] = "http://wa-bridge:8086"
    for listener in svc.listeners:
        if component == listener.name:
            env[listener.bind_var] = f"0.0.0.0:{listener.port}"
    return env


def _healthcheck(test: list[str]) -> dict[str, Any]:
    return {"test": test, "interval": "10s", "timeout": "5s", "retries": 5, "start_period": "20s"}


def compose() -> dict[str, Any]:
    infra = {"postgres": {"condition": "service_healthy"}, "rabbitmq": {"condition": "service_healthy"}}
    services: dict[str, Any] = {
        "postgres": {
            "image": "postgres:17",
            "environment": {"POSTGRES_USER": "postgres", "POSTGRES_PASSWORD": "${POSTGRES_PASSWORD:?set in .env}",
                            "FF_SERVICE_PASSWORD": "${POSTGRES_SERVICE_PASSWORD:?set in .env}",
                            "FF_DATABASES": " ".join(f"{_db_user(s)}:{s.database}" for s in SERVICES)},
            "volumes": ["postgres-data:/var/lib/postgresql/data",
                        "./deploy/compose/postgres-init.sh:/docker-entrypoint-initdb.d/10-fibreflow.sh:ro"],
            "healthcheck": _healthcheck(["CMD-SHELL", "pg_isready -U postgres"]),
            "restart": "unless-stopped",
        },
        "rabbitmq": {
            "image": "rabbitmq:4.1-management",
            "environment": {"RABBITMQ_DEFAULT_USER": "${RABBITMQ_USER:-fibreflow}",
                            "RABBITMQ_DEFAULT_PASS": "${RABBITMQ_PASSWORD:?set in .env}"},
            "volumes": ["rabbitmq-data:/var/lib/rabbitmq",
                        "./deploy/compose/rabbitmq.conf:/etc/rabbitmq/conf.d/20-fibreflow.conf:ro"],
            "ports": ["127.0.0.1:15672:15672"],
            "healthcheck": _healthcheck(["CMD", "rabbitmq-diagnostics", "-q", "check_port_connectivity"]),
            "restart": "unless-stopped",
        },
        "redis": {
            "image": "redis:7-alpine",
            "command": ["redis-server", "--save", "", "--appendonly", "no"],
            "healthcheck": _healthcheck(["CMD", "redis-cli", "ping"]),
            "restart": "unless-stopped",
        },
        "minio": {
            "image": "minio/minio:RELEASE.2025-04-22T22-12-26Z",
            "command": ["server", "/data", "--console-address", ":9001"],
            "environment": {"MINIO_ROOT_USER": "${TICKET_CORE_S3_ACCESS_KEY_ID:?set in .env}",
                            "MINIO_ROOT_PASSWORD": "${TICKET_CORE_S3_SECRET_ACCESS_KEY:?set in .env}"},
            "volumes": ["minio-data:/data"],
            "healthcheck": _healthcheck(["CMD", "mc", "ready", "local"]),
            "restart": "unless-stopped",
        },
        "minio-bucket": {
            "image": "minio/mc:RELEASE.2025-04-16T18-13-26Z",
            "depends_on": {"minio": {"condition": "service_healthy"}},
            "environment": {"MC_HOST_local": "http://${TICKET_CORE_S3_ACCESS_KEY_ID}:${TICKET_CORE_S3_SECRET_ACCESS_KEY}"
                                             "@minio:9000"},
            "entrypoint": ["mc", "mb", "--ignore-existing", "local/${TICKET_CORE_S3_BUCKET:-fibreflow-attachments}"],
            "restart": "no",
        },
    }
    image = lambda svc: f"ghcr.io/fibreflow/{svc.name}:${{FIBREFLOW_TAG:-dev}}"  # noqa: E731
    for svc in SERVICES:
        migrate = f"{svc.cli} migrate" + (f" && exec {svc.cli} declare-topology" if svc.consumes else "")
        deps = dict(infra)
        if svc.name == "ticket-core":
            deps["minio-bucket"] = {"condition": "service_completed_successfully"}
        services[f"{svc.name}-migrate"] = {
            "image": image(svc), "build": _build(svc.name, svc.port),
            "entrypoint": ["/bin/sh", "-c"], "command": [migrate],
            "environment": environment(svc, "migrate"), "depends_on": deps, "restart": "no",
        }
        ready = {**infra, f"{svc.name}-migrate": {"condition": "service_completed_successfully"}}
        web: dict[str, Any] = {
            "image": image(svc), "entrypoint": [svc.cli], "command": ["web"],
            "environment": environment(svc, "web"), "depends_on": ready,
            "healthcheck": _healthcheck(["CMD", "python", "-m", "fibreflow_shared.healthcheck"]),
            "restart": "unless-stopped",
        }
        if svc.name == "gateway":
            web["ports"] = ["${GATEWAY_PUBLISH:-8080}:8080"]
            web["depends_on"] = {**ready, "redis": {"condition": "service_healthy"}}
        services[svc.name] = web
        if svc.worker:
            services[f"{svc.name}-worker"] = {
                "image": image(svc), "entrypoint": [svc.cli], "command": ["worker"],
                "environment": environment(svc, "worker"), "depends_on": ready,
                "healthcheck": _healthcheck(["CMD", "python", "-m", "fibreflow_shared.healthcheck", "--worker"]),
                "restart": "unless-stopped",
            }
        for listener in svc.listeners:
            services[f"{svc.name}-{listener.name}"] = {
                "image": image(svc), "entrypoint": [svc.cli], "command": [listener.name],
                "environment": environment(svc, listener.name), "depends_on": ready,
                "ports": [f"{listener.port}:{listener.port}"],
                "healthcheck": _healthcheck(["CMD", "python", "-c",
                                             f"import socket; socket.create_connection(('127.0.0.1', {listener.port}), 2)"]),
                "restart": "unless-stopped",
            }
    for sim in installed_simulators():
        services[sim["name"]] = {
            "image": "ghcr.io/fibreflow/simulators:${FIBREFLOW_TAG:-dev}", "build": _build("simulators"),
            "profiles": ["dev"], "entrypoint": [sim["script"]], "environment": dict(sim["env"]),
            "ports": [f"127.0.0.1:{port}:{port}" for port in sim["ports"]],
            "healthcheck": _healthcheck(["CMD", "python", "-c",
                                         f"import socket; socket.create_connection(('127.0.0.1', {sim['ports'][-1]}), 2)"]),
            "restart": "unless-stopped",
        }
    return {"name": "fibreflow", "services": services,
            "volumes": {"postgres-data": {}, "rabbitmq-data": {}, "minio-data": {}}}
