"""Environment variables: every one a Kubernetes manifest or docker-compose.yml gives a FibreFlow
container is one the code reads, and every one a service's settings require in production
(no default, or a development default production refuses) is given to each of its processes."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path
import pytest
import yaml

from deploy.catalog import SERVICES, Service, settings_class
from deploy.kustomize import build
from fibreflow_shared.settings import CommonSettings, SettingsError, load_settings

ROOT = Path(__file__).resolve().parents[2]
# Read by libraries, not by our code: boto3 (ticket-core's S3 attachments).
LIBRARY_VARIABLES = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION"}
_READ = re.compile(r"""(?:environ\.get|environ\.setdefault|getenv|environ\[|env)\(?\s*["']([A-Z][A-Z0-9_]+)["']""")


def variables_the_code_reads() -> set[str]:
    names = {f.metadata["env"] for f in dataclasses.fields(CommonSettings) if f.metadata.get("env")}
    for svc in SERVICES:
        cls = settings_class(svc)
        if cls is not None:
            names |= {f.metadata["env"] for f in dataclasses.fields(cls) if f.metadata.get("env")}
    for folder in ("shared/src", "gateway/src", "services", "simulators/src"):
        for path in (ROOT / folder).rglob("*.py"):
            if "/tests/" not in path.as_posix():
                names |= set(_READ.findall(path.read_text(errors="replace")))
    return names | LIBRARY_VARIABLES


def _svc_of_image(image: str) -> Service | None:
    name = image.split("/")[-1].split(":")[0]
    return next((s for s in SERVICES if s.name == name), None)


def k8s_containers(overlay: str) -> list[tuple[Service, str, dict[str, str]]]:
    """(service, process, the variables it gets with their values) per FibreFlow container."""
    objects = build(ROOT / "deploy" / "k8s" / overlay)
    configmaps = {o["metadata"]["name"]: o["data"] for o in objects if o["kind"] == "ConfigMap"}
    secrets = {o["metadata"]["name"]: o.get("stringData", {}) for o in objects if o["kind"] == "Secret"}
    out = []
    for obj in objects:
        pod = (obj.get("spec", {}).get("template", {}) or {}).get("spec", {})
        for container in pod.get("containers", []):
            svc = _svc_of_image(container["image"])
            if svc is None:
                continue
            env: dict[str, str] = {}
            for source in container.get("envFrom", []):
                env.update(configmaps[source["configMapRef"]["name"]])
            for item in container.get("env", []):
                if "value" in item:
                    env[item["name"]] = item["value"]
                else:
                    ref = item["valueFrom"]["secretKeyRef"]
                    assert ref["key"] in secrets[ref["name"]], f"{ref} is not in the Secret template"
                    env[item["name"]] = secrets[ref["name"]][ref["key"]]
            out.append((svc, f"{obj['kind']}/{obj['metadata']['name']}", env))
    return out


def compose_containers() -> list[tuple[Service | None, str, dict[str, str]]]:
    doc = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    out = []
    for name, spec in doc["services"].items():
        if spec.get("image", "").startswith("ghcr.io/fibreflow/"):
            out.append((_svc_of_image(spec["image"]), name, {k: str(v) for k, v in spec.get("environment", {}).items()}))
    return out


def test_every_variable_a_manifest_or_compose_sets_is_read_by_the_code() -> None:
    read = variables_the_code_reads()
    unknown: dict[str, set[str]] = {}
    sets = [(where, env) for overlay in ("overlays/dev", "overlays/prod") for _s, where, env in k8s_containers(overlay)]
    sets += [(f"compose {where}", env) for _s, where, env in compose_containers()]
    for where, env in sets:
        for name in set(env) - read:
            unknown.setdefault(name, set()).add(where)
    assert not unknown, {name: sorted(places)[:3] for name, places in unknown.items()}


def test_a_variable_nobody_reads_would_be_caught() -> None:
    assert "TICKET_CORE_S3_BUCKET" in variables_the_code_reads()
    assert "TICKET_CORE_S3_BUCKT" not in variables_the_code_reads()


def _production_gaps(svc: Service, env: dict[str, str]) -> list[str]:
    """What load_settings says is missing when the process starts in production with ``env``."""
    cls = settings_class(svc)
    if cls is None:
        return []
    try:
        load_settings(cls, {**env, "FIBREFLOW_ENV": "production"})
    except SettingsError as exc:
        return [p for p in str(exc).removeprefix("Configuration error: ").split("; ")
                if "is required" in p or "must be set in production" in p]
    return []


@pytest.mark.parametrize("overlay", ["overlays/dev", "overlays/prod"])
def test_every_variable_production_requires_is_set_in_the_manifests(overlay: str) -> None:
    gaps = {where: gaps for svc, where, env in k8s_containers(overlay) if (gaps := _production_gaps(svc, env))}
    assert not gaps


def test_every_variable_production_requires_is_set_in_compose() -> None:
    gaps = {where: gaps for svc, where, env in compose_containers() if svc and (gaps := _production_gaps(svc, env))}
    assert not gaps


def test_the_gap_check_sees_a_missing_secret() -> None:
    billing = next(s for s in SERVICES if s.name == "billing")
    svc, _where, env = next(c for c in k8s_containers("overlays/prod") if c[0] is billing)
    del env["BILLING_INDEX_KEY"]
    assert any("BILLING_INDEX_KEY" in gap for gap in _production_gaps(svc, env))


def test_processes_get_only_their_own_services_secrets() -> None:
    prefixes = {s.prefix for s in SERVICES}
    for svc, where, env in k8s_containers("overlays/prod"):
        for name in env:
            other = [p for p in prefixes if name.startswith(p + "_") and p != svc.prefix
                     and not name.startswith(svc.prefix + "_")]
            secretish = any(word in name for word in ("KEY", "SECRET", "PASSWORD", "TOKEN", "DATABASE_URL"))
            if other and secretish:
                # The shared ConfigMap holds no secret; a secret of another service would come from env.
                raise AssertionError(f"{where} gets {name}")
