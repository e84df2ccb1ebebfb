"""The Kubernetes base (deploy/k8s/base/) from deploy/catalog.py: per service a ServiceAccount,
Deployments (web, worker, listeners) with probes, requests/limits, the restricted security
context and topology spread, Service, HPA, PodDisruptionBudgets, the migrate Job and its
NetworkPolicies; then the ConfigMap, the Secret template, the operators' clusters and the Ingress."""
from __future__ import annotations

from typing import Any

from deploy.catalog import (SERVICES, WORKER_METRICS_PORT, WORKER_POOL, Service, all_config, secret_variables)

NAMESPACE = "fibreflow"
CONFIG = "fibreflow-config"
SECRETS = "fibreflow-secrets"
UID = 10001
PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]
# Where the cluster's add-ons live (label kubernetes.io/metadata.name); adjust in an overlay.
INGRESS_NAMESPACE = "ingress-nginx"
MONITORING_NAMESPACE = "monitoring"
CNPG_NAMESPACE = "cnpg-system"
RABBITMQ_OPERATOR_NAMESPACE = "rabbitmq-system"
BROKER = "rabbitmq"


def labels(svc: Service | str, component: str | None = None) -> dict[str, str]:
    name = svc if isinstance(svc, str) else svc.name
    out = {"app.kubernetes.io/name": name}
    if component:
        out["app.kubernetes.io/component"] = component
    return out


def pod_labels(svc: Service, component: str) -> dict[str, str]:
    # part-of marks FibreFlow's own pods: the default-deny NetworkPolicy selects them.
    return {**labels(svc, component), "app.kubernetes.io/part-of": "fibreflow"}


def secret_ref(variable: str, key: str | None = None) -> dict[str, Any]:
    return {"name": variable, "valueFrom": {"secretKeyRef": {"name": SECRETS, "key": key or variable}}}


def service_env(svc: Service, component: str) -> list[dict[str, Any]]:
    """DATABASE_URL (through the pooler, except migrate: direct), the broker and the service's secrets."""
    direct = f"{svc.prefix}_DATABASE_DIRECT_URL"
    env = [secret_ref("DATABASE_URL", direct if component == "migrate" else f"{svc.prefix}_DATABASE_URL"),
           secret_ref("BROKER_URL")]
    if component == "worker":
        # LISTEN/NOTIFY holds session state: the relay listens on a direct connection.
        env.append(secret_ref("DATABASE_LISTEN_URL", direct))
    env += [secret_ref(name) for name in secret_variables(svc)]
    env += [secret_ref(alias, key) for alias, key in svc.secret_aliases.items()]
    if svc.name == "gateway" and component == "migrate":
        # Only the migrate Job creates the bootstrap admin (the pods run GATEWAY_BOOTSTRAP_ON_START=false).
        env.append(secret_ref("FIBREFLOW_ADMIN_PASSWORD"))
    return env


def container_security() -> dict[str, Any]:
    return {"runAsNonRoot": True, "runAsUser": UID, "allowPrivilegeEscalation": False,
            "readOnlyRootFilesystem": True, "capabilities": {"drop": ["ALL"]},
            "seccompProfile": {"type": "RuntimeDefault"}}


def pod_spec(svc: Service, component: str, containers: list[dict[str, Any]], *,
             restart_never: bool = False) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "serviceAccountName": f"fibreflow-{svc.name}",
        "automountServiceAccountToken": False,
        "securityContext": {"runAsNonRoot": True, "runAsUser": UID, "runAsGroup": UID, "fsGroup": UID,
                            "seccompProfile": {"type": "RuntimeDefault"}},
        "terminationGracePeriodSeconds": 30,
        "containers": containers,
        # The root filesystem is read-only: gunicorn's heartbeat files, the worker's liveness file
        # and any tempfile go here.
        "volumes": [{"name": "tmp", "emptyDir": {"sizeLimit": "64Mi"}}],
    }
    if restart_never:
        spec["restartPolicy"] = "Never"
        del spec["terminationGracePeriodSeconds"]
    else:
        spec["topologySpreadConstraints"] = [
            {"maxSkew": 1, "topologyKey": key, "whenUnsatisfiable": "ScheduleAnyway",
             "labelSelector": {"matchLabels": labels(svc, component)}}
            for key in ("topology.kubernetes.io/zone", "kubernetes.io/hostname")]
    return spec


def container(svc: Service, name: str, command: list[str], component: str, *, cpu: tuple[str, str],
              memory: tuple[str, str], extra_env: list[dict[str, Any]] = (),  # type: ignore[assignment]
              ports: list[dict[str, Any]] = (), probes: dict[str, Any] | None = None) -> dict[str, Any]:  # type: ignore[assignment]
    out: dict[str, Any] = {"name": name, "image": f"{svc.image}:0.1.0", "command": command}
    if ports:
        out["ports"] = list(ports)
    out["envFrom"] = [{"configMapRef": {"name": CONFIG}}]
    out["env"] = service_env(svc, component) + list(extra_env)
    out.update(probes or {})
    out["resources"] = {"requests": {"cpu": cpu[0], "memory": memory[0]},
                        "limits": {"cpu": cpu[1], "memory": memory[1]}}
    out["securityContext"] = container_security()
    out["volumeMounts"] = [{"name": "tmp", "mountPath": "/tmp"}]
    return out


def http_probes(port: str = "http") -> dict[str, Any]:
    return {
        # Database and broker reachable: out of the Service until they are.
        "readinessProbe": {"httpGet": {"path": "/readyz", "port": port}, "initialDelaySeconds": 5,
                           "periodSeconds": 10, "timeoutSeconds": 3, "failureThreshold": 3},
        # The process only: a dependency outage must not restart every pod.
        "livenessProbe": {"httpGet": {"path": "/healthz", "port": port}, "initialDelaySeconds": 15,
                          "periodSeconds": 20, "timeoutSeconds": 3, "failureThreshold": 3},
    }


def worker_probes() -> dict[str, Any]:
    probe = {"exec": {"command": ["python", "-m", "fibreflow_shared.healthcheck", "--worker"]},
             "periodSeconds": 20, "timeoutSeconds": 5, "failureThreshold": 3}
    # The loops keep WORKER_LIVENESS_FILE fresh while alive (an outage of a dependency keeps them
    # retrying, and beating); a hung loop lets it age past WORKER_LIVENESS_MAX_AGE.
    return {"startupProbe": {**probe, "periodSeconds": 5, "failureThreshold": 24}, "livenessProbe": probe}


def deployment(svc: Service, component: str, name: str, replicas: int, pod: dict[str, Any],
               scrape_port: int | None) -> dict[str, Any]:
    template_meta: dict[str, Any] = {"labels": pod_labels(svc, component)}
    if scrape_port:
        template_meta["annotations"] = {"prometheus.io/scrape": "true", "prometheus.io/port": str(scrape_port),
                                        "prometheus.io/path": "/metrics"}
    return {"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": name, "labels": labels(svc, component)},
            "spec": {"replicas": replicas, "revisionHistoryLimit": 5,
                     "selector": {"matchLabels": labels(svc, component)},
                     "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 0, "maxSurge": 1}},
                     "template": {"metadata": template_meta, "spec": pod}}}


def pdb(svc: Service, component: str, name: str) -> dict[str, Any]:
    # maxUnavailable (not minAvailable): a one-replica dev Deployment can still be drained.
    return {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
            "metadata": {"name": name, "labels": labels(svc, component)},
            "spec": {"maxUnavailable": 1, "selector": {"matchLabels": labels(svc, component)}}}


def k8s_service(svc: Service, name: str, component: str, port: int, port_name: str) -> dict[str, Any]:
    return {"apiVersion": "v1", "kind": "Service", "metadata": {"name": name, "labels": labels(svc, component)},
            "spec": {"type": "ClusterIP", "selector": labels(svc, component),
                     "ports": [{"name": port_name, "port": port, "targetPort": port_name, "protocol": "TCP"}]}}


def migrate_job(svc: Service) -> dict[str, Any]:
    command = [svc.cli, "migrate"]
    if svc.consumes:
        # The queues exist before the first worker runs, so no event published meanwhile is dropped.
        command = ["/bin/sh", "-c", f"{svc.cli} migrate && exec {svc.cli} declare-topology"]
    pod = pod_spec(svc, "migrate", [container(svc, "migrate", command, "migrate", cpu=("100m", "500m"),
                                              memory=("128Mi", "256Mi"))], restart_never=True)
    return {"apiVersion": "batch/v1", "kind": "Job",
            "metadata": {"name": f"{svc.name}-migrate", "labels": labels(svc, "migrate")},
            "spec": {"backoffLimit": 4, "activeDeadlineSeconds": 600, "ttlSecondsAfterFinished": 86400,
                     "template": {"metadata": {"labels": pod_labels(svc, "migrate")}, "spec": pod}}}


def network_policies(svc: Service) -> list[dict[str, Any]]:
    """Ingress: the web port from the gateway (the gateway's from the ingress controller and every
    FibreFlow pod, for JWKS), metrics from monitoring. Egress: DNS, its own pooler, the broker, the
    gateway's JWKS, the services it calls and its external systems; worker and migrate pods also
    reach the database cluster directly (LISTEN, DDL)."""
    sel = {"matchLabels": labels(svc)}
    ns = lambda name: {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": name}}}  # noqa: E731
    web_from: list[dict[str, Any]]
    if svc.name == "gateway":
        web_from = [ns(INGRESS_NAMESPACE), {"podSelector": {"matchLabels": {"app.kubernetes.io/part-of": "fibreflow"}}}]
    else:
        callers = ["gateway"] + [other.name for other in SERVICES if svc.name in other.calls and other.name != "gateway"]
        web_from = [{"podSelector": {"matchLabels": labels(name)}} for name in callers]
    ingress = [{"from": web_from, "ports": [{"protocol": "TCP", "port": "http"}]},
               {"from": [ns(MONITORING_NAMESPACE)], "ports": [{"protocol": "TCP", "port": "http"}]
                + ([{"protocol": "TCP", "port": "metrics"}] if svc.worker_metrics else [])}]
    for listener in svc.listeners:
        key, value = listener.from_namespace_label
        ingress.append({"from": [{"namespaceSelector": {"matchLabels": {key: value}}}],
                        "ports": [{"protocol": "TCP", "port": listener.name}]})
    egress: list[dict[str, Any]] = [
        {"to": [{"namespaceSelector": {}, "podSelector": {"matchLabels": {"k8s-app": "kube-dns"}}}],
         "ports": [{"protocol": "UDP", "port": 53}, {"protocol": "TCP", "port": 53}]},
        {"to": [{"podSelector": {"matchLabels": {"cnpg.io/poolerName": svc.pooler}}}],
         "ports": [{"protocol": "TCP", "port": 5432}]},
        {"to": [{"podSelector": {"matchLabels": {"app.kubernetes.io/name": BROKER}}}],
         "ports": [{"protocol": "TCP", "port": 5672}]},
    ]
    targets = [other for other in SERVICES if other.name in svc.calls or (other.name == "gateway" and svc.name != "gateway")]
    for other in targets:
        egress.append({"to": [{"podSelector": {"matchLabels": labels(other, "web")}}],
                       "ports": [{"protocol": "TCP", "port": other.port}]})
    if svc.name == "gateway":
        egress.append({"to": [{"podSelector": {"matchLabels": {"app.kubernetes.io/name": "redis"}}}],
                       "ports": [{"protocol": "TCP", "port": 6379}]})
    for target in svc.egress:
        egress.append({"to": [{"ipBlock": {"cidr": "0.0.0.0/0", "except": PRIVATE_RANGES}}],
                       "ports": [{"protocol": "TCP", "port": port} for port in target.ports]})
        if target.pod_label:
            egress.append({"to": [{"podSelector": {"matchLabels": dict([target.pod_label])}}],
                           "ports": [{"protocol": "TCP", "port": port} for port in target.pod_ports]})
    main = {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
            "metadata": {"name": svc.name, "labels": labels(svc)},
            "spec": {"podSelector": sel, "policyTypes": ["Ingress", "Egress"], "ingress": ingress, "egress": egress}}
    direct = {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
              "metadata": {"name": f"{svc.name}-direct-db", "labels": labels(svc)},
              "spec": {"podSelector": {"matchLabels": labels(svc), "matchExpressions": [
                  {"key": "app.kubernetes.io/component", "operator": "In", "values": ["worker", "migrate"]}]},
                  "policyTypes": ["Egress"],
                  "egress": [{"to": [{"podSelector": {"matchLabels": {"cnpg.io/cluster": svc.db_cluster}}}],
                              "ports": [{"protocol": "TCP", "port": 5432}]}]}}
    return [main, direct]


def service_documents(svc: Service) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = [{"apiVersion": "v1", "kind": "ServiceAccount",
                                   "metadata": {"name": f"fibreflow-{svc.name}", "labels": labels(svc)},
                                   "automountServiceAccountToken": False}]
    web = container(svc, "web", [svc.cli, "web"], "web", cpu=svc.web_cpu, memory=svc.web_memory,
                    ports=[{"name": "http", "containerPort": svc.port}], probes=http_probes(),
                    extra_env=[{"name": "WEB_BIND", "value": f"0.0.0.0:{svc.port}"}])
    docs.append(deployment(svc, "web", svc.name, svc.web_replicas[0], pod_spec(svc, "web", [web]), svc.port))
    docs.append(k8s_service(svc, svc.name, "web", svc.port, "http"))
    docs.append({"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
                 "metadata": {"name": svc.name, "labels": labels(svc, "web")},
                 "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": svc.name},
                          "minReplicas": svc.web_replicas[0], "maxReplicas": svc.web_replicas[1],
                          "metrics": [{"type": "Resource", "resource": {"name": "cpu", "target": {
                              "type": "Utilization", "averageUtilization": 70}}}]}})
    docs.append(pdb(svc, "web", svc.name))
    if svc.worker:
        env = [{"name": "DB_POOL_SIZE", "value": WORKER_POOL[0]}, {"name": "DB_MAX_OVERFLOW", "value": WORKER_POOL[1]}]
        ports = []
        if svc.worker_metrics:
            env.append({"name": f"{svc.prefix}_WORKER_METRICS_PORT", "value": str(WORKER_METRICS_PORT)})
            ports = [{"name": "metrics", "containerPort": WORKER_METRICS_PORT}]
        worker = container(svc, "worker", [svc.cli, "worker"], "worker", cpu=("100m", "500m"),
                           memory=svc.worker_memory, extra_env=env, ports=ports, probes=worker_probes())
        docs.append(deployment(svc, "worker", f"{svc.name}-worker", 1, pod_spec(svc, "worker", [worker]),
                               WORKER_METRICS_PORT if svc.worker_metrics else None))
        docs.append(pdb(svc, "worker", f"{svc.name}-worker"))
    for listener in svc.listeners:
        env = [{"name": listener.bind_var, "value": f"0.0.0.0:{listener.port}"},
               {"name": "DB_POOL_SIZE", "value": WORKER_POOL[0]}, {"name": "DB_MAX_OVERFLOW", "value": WORKER_POOL[1]}]
        probes = {"readinessProbe": {"tcpSocket": {"port": listener.name}, "periodSeconds": 10},
                  "livenessProbe": {"tcpSocket": {"port": listener.name}, "initialDelaySeconds": 15, "periodSeconds": 20}}
        proc = container(svc, listener.name, [svc.cli, listener.name], listener.name, cpu=("100m", "500m"),
                         memory=svc.worker_memory, extra_env=env, probes=probes,
                         ports=[{"name": listener.name, "containerPort": listener.port}])
        name = f"{svc.name}-{listener.name}"
        docs.append(deployment(svc, listener.name, name, 2, pod_spec(svc, listener.name, [proc]), None))
        docs.append(k8s_service(svc, name, listener.name, listener.port, listener.name))
        docs.append(pdb(svc, listener.name, name))
    docs.append(migrate_job(svc))
    docs.extend(network_policies(svc))
    return docs


def configmap() -> dict[str, Any]:
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": CONFIG}, "data": all_config()}


def secret_template() -> tuple[dict[str, Any], dict[str, str]]:
    """The Secret with placeholders, and a comment per key."""
    data: dict[str, str] = {"BROKER_URL": f"amqp://fibreflow:REPLACE_ME@{BROKER}:5672/%2F"}
    notes: dict[str, str] = {}
    for svc in SERVICES:
        user = svc.database.removeprefix("ff_")
        data[f"{svc.prefix}_DATABASE_URL"] = (
            f"postgresql+psycopg://{user}:REPLACE_ME@{svc.pooler}-rw:5432/{svc.database}")
        data[f"{svc.prefix}_DATABASE_DIRECT_URL"] = (
            f"postgresql+psycopg://{user}:REPLACE_ME@{svc.db_cluster}-rw:5432/{svc.database}")
        for name in secret_variables(svc):
            data.setdefault(name, "REPLACE_ME")
        for key in svc.secret_aliases.values():
            data.setdefault(key, "REPLACE_ME")
    data["FIBREFLOW_ADMIN_PASSWORD"] = "REPLACE_ME"
    return {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": SECRETS}, "type": "Opaque",
            "stringData": data}, notes


def namespace() -> dict[str, Any]:
    return {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": NAMESPACE, "labels": {
        "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/warn": "restricted"}}}


def default_deny() -> dict[str, Any]:
    return {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "default-deny"},
            # FibreFlow's own pods by name: operators may copy part-of onto the broker's and the
            # databases' pods, which have their own (ingress-only) policies in rabbitmq.yaml/postgres.yaml.
            "spec": {"podSelector": {"matchExpressions": [{"key": "app.kubernetes.io/name", "operator": "In",
                                                           "values": [svc.name for svc in SERVICES]}]},
                     "policyTypes": ["Ingress", "Egress"]}}


def ingress() -> dict[str, Any]:
    return {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
            "metadata": {"name": "gateway", "labels": labels("gateway"),
                         # Attachments and inbound emails exceed the controller's 1 MiB default.
                         "annotations": {"nginx.ingress.kubernetes.io/proxy-body-size": "25m"}},
            "spec": {"ingressClassName": "nginx",
                     "tls": [{"hosts": ["tickets.invalid"], "secretName": "fibreflow-gateway-tls"}],
                     "rules": [{"host": "tickets.invalid", "http": {"paths": [
                         {"path": "/", "pathType": "Prefix",
                          "backend": {"service": {"name": "gateway", "port": {"name": "http"}}}}]}}]}}


def rabbitmq() -> list[dict[str, Any]]:
    cluster = {"apiVersion": "rabbitmq.com/v1beta1", "kind": "RabbitmqCluster",
               "metadata": {"name": BROKER},
               "spec": {"replicas": 3, "image": "rabbitmq:4.1-management",
                        "resources": {"requests": {"cpu": "500m", "memory": "1Gi"},
                                      "limits": {"cpu": "1", "memory": "1Gi"}},
                        "persistence": {"storage": "10Gi"},
                        "rabbitmq": {"additionalPlugins": ["rabbitmq_management", "rabbitmq_prometheus"],
                                     # Queues FibreFlow declares (no x-queue-type) become quorum queues.
                                     "additionalConfig": "default_queue_type = quorum\n"},
                        "affinity": {"podAntiAffinity": {"preferredDuringSchedulingIgnoredDuringExecution": [
                            {"weight": 100, "podAffinityTerm": {
                                "topologyKey": "kubernetes.io/hostname",
                                "labelSelector": {"matchLabels": {"app.kubernetes.io/name": BROKER}}}}]}}}}
    policy = {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "rabbitmq"},
              "spec": {"podSelector": {"matchLabels": {"app.kubernetes.io/name": BROKER}}, "policyTypes": ["Ingress"],
                       "ingress": [
                           {"from": [{"podSelector": {"matchLabels": {"app.kubernetes.io/part-of": "fibreflow"}}}],
                            "ports": [{"protocol": "TCP", "port": 5672}]},
                           {"from": [{"podSelector": {"matchLabels": {"app.kubernetes.io/name": BROKER}}}]},
                           {"from": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": RABBITMQ_OPERATOR_NAMESPACE}}}],
                            "ports": [{"protocol": "TCP", "port": 15672}]},
                           {"from": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": MONITORING_NAMESPACE}}}],
                            "ports": [{"protocol": "TCP", "port": 15692}]}]}}
    return [cluster, policy]


def postgres(svc: Service) -> list[dict[str, Any]]:
    """One CloudNativePG Cluster per service database, a PgBouncer Pooler in transaction mode in
    front of it, the app role's credentials (template) and who may connect."""
    user = svc.database.removeprefix("ff_")
    creds = f"{svc.db_cluster}-app"
    cluster = {"apiVersion": "postgresql.cnpg.io/v1", "kind": "Cluster",
               "metadata": {"name": svc.db_cluster, "labels": labels(svc, "database")},
               "spec": {"instances": 3, "imageName": "ghcr.io/cloudnative-pg/postgresql:17",
                        "primaryUpdateStrategy": "unsupervised",
                        "storage": {"size": "10Gi"},
                        "postgresql": {"parameters": {"max_connections": "200", "shared_buffers": "256MB"}},
                        "bootstrap": {"initdb": {"database": svc.database, "owner": user, "secret": {"name": creds}}},
                        "resources": {"requests": {"cpu": "250m", "memory": "512Mi"},
                                      "limits": {"cpu": "1", "memory": "1Gi"}},
                        "monitoring": {"enablePodMonitor": True},
                        "topologySpreadConstraints": [{"maxSkew": 1, "topologyKey": "topology.kubernetes.io/zone",
                                                       "whenUnsatisfiable": "ScheduleAnyway",
                                                       "labelSelector": {"matchLabels": {"cnpg.io/cluster": svc.db_cluster}}}]}}
    pooler = {"apiVersion": "postgresql.cnpg.io/v1", "kind": "Pooler",
              "metadata": {"name": f"{svc.pooler}-rw", "labels": labels(svc, "pooler")},
              "spec": {"cluster": {"name": svc.db_cluster}, "instances": 2, "type": "rw",
                       "pgbouncer": {"poolMode": "transaction",
                                     # default_pool_size: server connections per (db, user) per PgBouncer pod.
                                     "parameters": {"max_client_conn": "1000", "default_pool_size": "40"}}}}
    credentials = {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": creds, "labels": labels(svc, "database")},
                   "type": "kubernetes.io/basic-auth",
                   # TEMPLATE: the same password as in fibreflow-secrets' <PREFIX>_DATABASE_URL and _DIRECT_URL.
                   "stringData": {"username": user, "password": "REPLACE_ME"}}
    ns = lambda name: {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": name}}}  # noqa: E731
    policy = {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
              "metadata": {"name": svc.db_cluster, "labels": labels(svc, "database")},
              "spec": {"podSelector": {"matchLabels": {"cnpg.io/cluster": svc.db_cluster}}, "policyTypes": ["Ingress"],
                       "ingress": [
                           # its pooler, its worker (LISTEN) and migrate Job, and its own instances (replication)
                           {"from": [{"podSelector": {"matchLabels": {"cnpg.io/poolerName": f"{svc.pooler}-rw"}}},
                                     {"podSelector": {"matchLabels": labels(svc), "matchExpressions": [
                                         {"key": "app.kubernetes.io/component", "operator": "In",
                                          "values": ["worker", "migrate"]}]}},
                                     {"podSelector": {"matchLabels": {"cnpg.io/cluster": svc.db_cluster}}}],
                            "ports": [{"protocol": "TCP", "port": 5432}]},
                           {"from": [ns(CNPG_NAMESPACE)], "ports": [{"protocol": "TCP", "port": 8000},
                                                                   {"protocol": "TCP", "port": 5432}]},
                           {"from": [ns(MONITORING_NAMESPACE)], "ports": [{"protocol": "TCP", "port": 9187}]}]}}
    pooler_policy = {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                     "metadata": {"name": f"{svc.pooler}-rw", "labels": labels(svc, "pooler")},
                     "spec": {"podSelector": {"matchLabels": {"cnpg.io/poolerName": f"{svc.pooler}-rw"}},
                              "policyTypes": ["Ingress"],
                              "ingress": [{"from": [{"podSelector": {"matchLabels": labels(svc)}}],
                                           "ports": [{"protocol": "TCP", "port": 5432}]},
                                          {"from": [ns(MONITORING_NAMESPACE)], "ports": [{"protocol": "TCP", "port": 9127}]}]}}
    return [credentials, cluster, pooler, policy, pooler_policy]


def redis() -> list[dict[str, Any]]:
    """One Redis for the gateway's rate limits (counters only: no persistence, nothing to back up;
    a restart forgets the current windows, which only lets a little extra traffic through)."""
    sel = {"app.kubernetes.io/name": "redis"}
    pod = {"automountServiceAccountToken": False,
           "securityContext": {"runAsNonRoot": True, "runAsUser": 999, "runAsGroup": 999,
                               "seccompProfile": {"type": "RuntimeDefault"}},
           "containers": [{
               "name": "redis", "image": "redis:7.4-alpine",
               "command": ["redis-server", "--save", "", "--appendonly", "no", "--maxmemory", "200mb",
                           "--maxmemory-policy", "volatile-ttl"],
               "ports": [{"name": "redis", "containerPort": 6379}],
               "readinessProbe": {"exec": {"command": ["redis-cli", "ping"]}, "periodSeconds": 10},
               "livenessProbe": {"tcpSocket": {"port": "redis"}, "initialDelaySeconds": 10, "periodSeconds": 20},
               "resources": {"requests": {"cpu": "50m", "memory": "64Mi"}, "limits": {"cpu": "500m", "memory": "256Mi"}},
               "securityContext": {**container_security(), "runAsUser": 999},
               "volumeMounts": [{"name": "data", "mountPath": "/data"}]}],
           "volumes": [{"name": "data", "emptyDir": {"sizeLimit": "64Mi"}}]}
    return [
        {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "redis", "labels": sel},
         "spec": {"replicas": 1, "selector": {"matchLabels": sel},
                  "template": {"metadata": {"labels": sel}, "spec": pod}}},
        {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "redis", "labels": sel},
         "spec": {"selector": sel, "ports": [{"name": "redis", "port": 6379, "targetPort": "redis"}]}},
        {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "redis", "labels": sel},
         "spec": {"podSelector": {"matchLabels": sel}, "policyTypes": ["Ingress"],
                  "ingress": [{"from": [{"podSelector": {"matchLabels": labels("gateway")}}],
                               "ports": [{"protocol": "TCP", "port": 6379}]}]}},
    ]
