"""deploy/k8s: every overlay renders and validates, strictly, against the Kubernetes schemas
(kubernetes-validate) and the operators' CRD schemas (deploy/k8s/schemas); the shape ops rely on
(probes, limits, restricted pods, spread, PDBs, HPAs, pooler-only database access, only the gateway
exposed) holds for every service; commands and metric names are real."""
from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml
from referencing import Registry, Resource

from deploy.catalog import SERVICES
from deploy.generate import exported_metrics
from deploy.kustomize import KustomizeError, build

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
OVERLAYS = ["base", "overlays/dev", "overlays/prod"]
KUBERNETES_VERSION = "1.31"
SCHEMAS = K8S / "schemas"
DEFINITIONS = (Path(kubernetes_validate.__file__).parent / "kubernetes-json-schema"
               / f"v{KUBERNETES_VERSION}.0-local-strict" / "_definitions.json")


def _crd_validators() -> dict[tuple[str, str], jsonschema.Draft202012Validator]:
    definitions = json.loads(DEFINITIONS.read_text())
    registry = Registry().with_resource(definitions["$id"], Resource.from_contents(definitions))
    out = {}
    for path in SCHEMAS.glob("*.json"):
        schema = json.loads(path.read_text())
        key = (schema["properties"]["apiVersion"]["const"], schema["properties"]["kind"]["const"])
        out[key] = jsonschema.Draft202012Validator(schema, registry=registry)
    return out


CRDS = _crd_validators()


@functools.lru_cache(maxsize=None)
def _kubernetes_validator(api_version: str, kind: str) -> jsonschema.Draft202012Validator:
    """kubernetes-validate's strict schema for the kind, compiled once (its own ``validate`` reloads
    the 5 MB definitions file on every call). Same lookup as kubernetes_validate.utils.validate."""
    group = re.sub(r"^([^./]*)(?:\.[^/]*)?/", r"\1-", api_version)
    path = DEFINITIONS.parent / f"{kind.lower()}-{group}.json"
    if not path.exists():
        raise kubernetes_validate.SchemaNotFoundError(kind=kind, version=KUBERNETES_VERSION, api_version=api_version)
    definitions = json.loads(DEFINITIONS.read_text())
    registry = Registry().with_resource(definitions["$id"], Resource.from_contents(definitions))
    schema = json.loads(path.read_text())
    return jsonschema.Draft202012Validator(schema, registry=Resource.from_contents(schema) @ registry)


def validate(obj: dict[str, Any]) -> None:
    """Raise unless ``obj`` is valid, strictly, for Kubernetes or the operator that owns its kind."""
    validator = CRDS.get((obj["apiVersion"], obj["kind"])) or _kubernetes_validator(obj["apiVersion"], obj["kind"])
    validator.validate(obj)


def test_the_cached_validator_agrees_with_kubernetes_validate() -> None:
    obj = next(o for o in build(K8S / "base") if o["kind"] == "Deployment")
    kubernetes_validate.validate(obj, KUBERNETES_VERSION, strict=True)
    validate(obj)
    obj["spec"]["replicas"] = "two"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(obj, KUBERNETES_VERSION, strict=True)
    with pytest.raises(jsonschema.ValidationError):
        validate(obj)


@pytest.fixture(scope="module", params=OVERLAYS)
def rendered(request: pytest.FixtureRequest) -> list[dict[str, Any]]:
    return build(K8S / request.param)


def test_the_generated_files_match_the_catalog() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "deploy" / "generate.py"), "--check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_every_object_of_every_overlay_validates_strictly(rendered: list[dict[str, Any]]) -> None:
    kinds = {obj["kind"] for obj in rendered}
    assert {"RabbitmqCluster", "Cluster", "Pooler", "ServiceMonitor", "PodMonitor", "PrometheusRule",
            "NetworkPolicy", "PodDisruptionBudget", "HorizontalPodAutoscaler", "Job", "Ingress"} <= kinds
    for obj in rendered:
        try:
            validate(obj)
        except jsonschema.ValidationError as exc:
            pytest.fail(f"{obj['kind']}/{obj['metadata']['name']}: {exc.message} at {list(exc.absolute_path)}")


@pytest.mark.parametrize("kind, path, value", [
    ("Deployment", ["spec", "template", "spec", "containers", 0, "livenessprobe"], {}),  # misspelt
    ("Pooler", ["spec", "pgbouncer", "poolMode"], "statement"),  # not a PgBouncer mode CNPG accepts
    ("Cluster", ["spec", "storage", "sizee"], "1Gi"),
    ("RabbitmqCluster", ["spec", "replica"], 3),
    ("PrometheusRule", ["spec", "groups", 0, "rules", 0, "for"], "ten minutes"),
    ("ServiceMonitor", ["spec", "endpoints", 0, "prot"], "http"),
])
def test_strict_validation_rejects_a_wrong_field(kind: str, path: list[Any], value: Any) -> None:
    obj = next(o for o in build(K8S / "overlays" / "prod") if o["kind"] == kind)
    node: Any = obj
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        validate(obj)


def test_the_python_renderer_matches_kustomize_where_a_binary_exists() -> None:
    binary = shutil.which("kustomize") or shutil.which("kubectl")
    if binary is None:
        pytest.skip("no kustomize/kubectl binary on this machine: nothing to compare with")
    args = [binary, "build"] if binary.endswith("kustomize") else [binary, "kustomize"]
    key = lambda d: (d["kind"], d["metadata"].get("namespace", ""), d["metadata"]["name"])  # noqa: E731
    for overlay in OVERLAYS:
        out = subprocess.run([*args, str(K8S / overlay)], capture_output=True, text=True, timeout=120)
        if out.returncode != 0 and "unknown field" in out.stderr:
            pytest.skip(f"{binary} is too old for this kustomization: {out.stderr.strip()}")
        assert out.returncode == 0, out.stderr
        theirs = {key(d): d for d in yaml.safe_load_all(out.stdout) if d}
        mine = {key(d): d for d in build(K8S / overlay)}
        assert mine == theirs, overlay


def test_the_renderer_refuses_what_it_does_not_implement(tmp_path: Path) -> None:
    (tmp_path / "kustomization.yaml").write_text("resources: []\nnamePrefix: x-\n")
    with pytest.raises(KustomizeError, match="namePrefix"):
        build(tmp_path)


def _by(rendered: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {o["metadata"]["name"]: o for o in rendered if o["kind"] == kind}


def test_every_process_is_probed_limited_restricted_and_spread(rendered: list[dict[str, Any]]) -> None:
    deployments = _by(rendered, "Deployment")
    for svc in SERVICES:
        names = [svc.name] + ([f"{svc.name}-worker"] if svc.worker else []) + [f"{svc.name}-{x.name}" for x in svc.listeners]
        for name in names:
            pod = deployments[name]["spec"]["template"]["spec"]
            assert pod["serviceAccountName"] == f"fibreflow-{svc.name}" and not pod["automountServiceAccountToken"]
            assert pod["securityContext"]["runAsNonRoot"] and pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
            assert {c["topologyKey"] for c in pod["topologySpreadConstraints"]} >= {"kubernetes.io/hostname"}
            for c in pod["containers"]:
                assert c["livenessProbe"] and (c.get("readinessProbe") or c.get("startupProbe")), name
                assert c["resources"]["requests"] and c["resources"]["limits"], name
                sc = c["securityContext"]
                assert sc["allowPrivilegeEscalation"] is False and sc["readOnlyRootFilesystem"] is True
                assert sc["capabilities"]["drop"] == ["ALL"]
        if svc.worker:
            probe = deployments[f"{svc.name}-worker"]["spec"]["template"]["spec"]["containers"][0]["livenessProbe"]
            assert probe["exec"]["command"] == ["python", "-m", "fibreflow_shared.healthcheck", "--worker"]
        assert svc.name in _by(rendered, "Service") and svc.name in _by(rendered, "HorizontalPodAutoscaler")
        assert svc.name in _by(rendered, "PodDisruptionBudget") and f"{svc.name}-migrate" in _by(rendered, "Job")
        assert f"fibreflow-{svc.name}" in _by(rendered, "ServiceAccount")
        assert svc.db_cluster in _by(rendered, "Cluster") and f"{svc.pooler}-rw" in _by(rendered, "Pooler")
    assert _by(rendered, "RabbitmqCluster")["rabbitmq"]["spec"]["replicas"] in (1, 3)
    assert all(p["spec"]["pgbouncer"]["poolMode"] == "transaction" for p in _by(rendered, "Pooler").values())


def test_only_the_gateway_is_reachable_from_outside_and_databases_only_through_the_pooler(
        rendered: list[dict[str, Any]]) -> None:
    assert list(_by(rendered, "Ingress")) == ["gateway"]
    assert {s["spec"]["type"] for s in _by(rendered, "Service").values() if "type" in s["spec"]} == {"ClusterIP"}
    policies = _by(rendered, "NetworkPolicy")
    deny = policies["default-deny"]["spec"]
    assert deny["policyTypes"] == ["Ingress", "Egress"] and "ingress" not in deny and "egress" not in deny
    assert set(deny["podSelector"]["matchExpressions"][0]["values"]) == {svc.name for svc in SERVICES}
    for svc in SERVICES:
        spec = policies[svc.name]["spec"]
        sources = [peer for rule in spec["ingress"] for peer in rule["from"]]
        outside = [p for p in sources if "namespaceSelector" in p
                   and p["namespaceSelector"]["matchLabels"].get("kubernetes.io/metadata.name") == "ingress-nginx"]
        assert bool(outside) == (svc.name == "gateway"), svc.name
        peers = [peer for rule in spec["egress"] for peer in rule["to"]]
        poolers = {p["podSelector"]["matchLabels"]["cnpg.io/poolerName"] for p in peers
                   if "cnpg.io/poolerName" in p.get("podSelector", {}).get("matchLabels", {})}
        assert poolers == {svc.pooler}
        assert not [p for p in peers if "cnpg.io/cluster" in p.get("podSelector", {}).get("matchLabels", {})]
        direct = policies[f"{svc.name}-direct-db"]["spec"]
        assert direct["podSelector"]["matchExpressions"][0]["values"] == ["worker", "migrate"]
        assert [p["podSelector"]["matchLabels"] for r in direct["egress"] for p in r["to"]] == [
            {"cnpg.io/cluster": svc.db_cluster}]
        # Web pods reach their database only through the pooler: DATABASE_URL is the pooled one.
        web = _by(rendered, "Deployment")[svc.name]["spec"]["template"]["spec"]["containers"][0]
        url = next(e for e in web["env"] if e["name"] == "DATABASE_URL")["valueFrom"]["secretKeyRef"]["key"]
        assert url == f"{svc.prefix}_DATABASE_URL"
        secret = _by(rendered, "Secret")["fibreflow-secrets"]["stringData"]
        assert f"@{svc.pooler}-rw:5432/{svc.database}" in secret[url]


BUILTIN_COMMANDS = {"migrate", "web", "serve", "worker", "declare-topology", "openapi", "dead-letters"}


@functools.lru_cache(maxsize=None)
def _subcommands(cli: str) -> set[str]:
    """The sub-commands of console script ``cli``: its ServiceCli's (read in-process), else --help's."""
    import importlib
    import importlib.metadata

    from fibreflow_shared.cli import ServiceCli

    entry = next((e for e in importlib.metadata.entry_points(group="console_scripts") if e.name == cli), None)
    if entry is not None:
        module = importlib.import_module(entry.module)
        found = [v for v in vars(module).values() if isinstance(v, ServiceCli)]
        if found:
            return BUILTIN_COMMANDS | set(found[0].extra_commands)
    out = subprocess.run([str(ROOT / ".venv" / "bin" / cli), "--help"], capture_output=True, text=True, timeout=60)
    match = re.search(r"\{([a-z,\-]+)\}", out.stdout)
    assert match, out.stdout + out.stderr
    return set(match.group(1).split(","))


def console_scripts(package_dir: str) -> set[str]:
    import tomllib

    return set(tomllib.loads((ROOT / package_dir / "pyproject.toml").read_text())["project"].get("scripts", {}))


def package_dir(svc_name: str) -> str:
    return "gateway" if svc_name == "gateway" else f"services/{svc_name}"


def commands_of(argv: list[str]) -> list[list[str]]:
    """``["/bin/sh", "-c", "a b && exec c d"]`` → ``[["a", "b"], ["c", "d"]]``; else ``[argv]``."""
    if argv[:2] == ["/bin/sh", "-c"]:
        return [part.split() for part in re.split(r"\s*&&\s*", argv[2].replace("exec ", ""))]
    return [argv]


def test_every_container_command_is_a_console_script_of_its_package_and_a_real_subcommand() -> None:
    checked = 0
    for obj in build(K8S / "overlays" / "prod"):
        pod = (obj.get("spec", {}).get("template", {}) or {}).get("spec", {})
        for container in pod.get("containers", []):
            image = container["image"].rsplit(":", 1)[0]
            svc = next((s for s in SERVICES if s.image == image), None)
            if svc is None:
                continue
            for argv in commands_of(container["command"]):
                assert argv[0] in console_scripts(package_dir(svc.name)), argv
                assert argv[1] in _subcommands(argv[0]), argv
                checked += 1
    assert checked >= 3 * len(SERVICES) - 1


def test_alerts_and_dashboard_name_only_metrics_the_code_exports() -> None:
    exported = exported_metrics()
    text = (K8S / "base" / "monitoring.yaml").read_text() + (K8S / "base" / "dashboards" / "fibreflow.json").read_text()
    used = set(re.findall(r"([a-zA-Z_:][a-zA-Z0-9_:]*)\{", text)) - {"$labels"}
    assert used, "no metric selector found"
    ours = {re.sub(r"_(bucket|count|sum)$", "", name) for name in used if not name.startswith("rabbitmq_")}
    assert ours - exported == set()
    assert {"SLABreachesRising", "DeadLetterQueueNotEmpty", "OutboxBacklogOld", "InvoicingFailures",
            "HTTP5xxRate", "HTTPLatencyP99High"} <= set(re.findall(r"alert: (\w+)", text))


def test_every_consuming_service_declares_its_queues_in_its_migrate_job() -> None:
    """A service with subscriptions must have its queues before its worker first runs, or events
    published meanwhile are dropped: its migrate Job (and compose's) runs declare-topology."""
    import importlib

    from fibreflow_shared.cli import ServiceCli

    jobs = _by(build(K8S / "overlays" / "prod"), "Job")
    for svc in SERVICES:
        module = importlib.import_module(f"{svc.package}.cli")
        cli = next(v for v in vars(module).values() if isinstance(v, ServiceCli))
        command = " ".join(jobs[f"{svc.name}-migrate"]["spec"]["template"]["spec"]["containers"][0]["command"])
        if cli.subscriptions:
            assert "declare-topology" in command, svc.name
