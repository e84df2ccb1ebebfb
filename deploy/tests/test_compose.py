"""docker-compose.yml: valid against the Compose specification's schema (as vendored by
check-jsonschema), every FibreFlow container runs a real command of its package and waits for its
migration, the simulators sit under the dev profile, and the env file example holds no secret. The
PostgreSQL init script is run for real against the local server."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import uuid
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from sqlalchemy import create_engine, text

from deploy.catalog import SERVICES
from deploy.tests.test_k8s_manifests import _subcommands, commands_of, console_scripts, package_dir

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SCHEMA = json.loads((resources.files("check_jsonschema") / "builtin_schemas" / "vendor" / "compose-spec.json").read_text())


def _validator() -> jsonschema.Validator:
    cls = jsonschema.validators.validator_for(SCHEMA)
    return cls(SCHEMA, format_checker=cls.FORMAT_CHECKER)


def test_the_compose_file_validates_against_the_compose_specification() -> None:
    errors = sorted(_validator().iter_errors(COMPOSE), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


@pytest.mark.parametrize("mutate", [
    lambda c: c["services"]["gateway"].update(healtcheck={}),  # misspelt key
    lambda c: c["services"]["gateway"]["depends_on"]["gateway-migrate"].update(condition="finished"),
    lambda c: c["services"]["postgres"].update(restart=["always"]),
])
def test_the_schema_catches_a_mistake(mutate: Any) -> None:
    broken = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    mutate(broken)
    assert list(_validator().iter_errors(broken))


def test_every_service_runs_web_and_worker_after_its_migration_with_healthchecks() -> None:
    services = COMPOSE["services"]
    for svc in SERVICES:
        processes = [svc.name] + ([f"{svc.name}-worker"] if svc.worker else []) + [
            f"{svc.name}-{listener.name}" for listener in svc.listeners]
        for name in processes:
            spec = services[name]
            assert spec["depends_on"][f"{svc.name}-migrate"] == {"condition": "service_completed_successfully"}
            assert spec["depends_on"]["postgres"]["condition"] == "service_healthy"
            assert spec["healthcheck"]["test"][0] == "CMD"
            assert "profiles" not in spec
        assert services[f"{svc.name}-migrate"]["restart"] == "no"
        assert services[f"{svc.name}-migrate"]["build"]["args"] == {"SERVICE": svc.name, "PORT": str(svc.port)}
    assert services["gateway"]["ports"] == ["${GATEWAY_PUBLISH:-8080}:8080"]
    assert services["rabbitmq"]["image"].endswith("-management")
    assert "default_queue_type = quorum" in (ROOT / "deploy" / "compose" / "rabbitmq.conf").read_text()
    assert {"postgres", "rabbitmq", "redis", "minio"} <= set(services)
    sims = [name for name, spec in services.items() if name.endswith("-sim")]
    assert sims and all(services[name]["profiles"] == ["dev"] for name in sims)
    for name, spec in services.items():
        if "healthcheck" not in spec:
            assert spec.get("restart") == "no", f"{name}: a long-running container without a healthcheck"


def test_every_fibreflow_container_runs_a_console_script_of_its_package() -> None:
    checked = 0
    for name, spec in COMPOSE["services"].items():
        image = spec.get("image", "")
        if not image.startswith("ghcr.io/fibreflow/"):
            continue
        package = image.split("/")[-1].split(":")[0]
        folder = "simulators" if package == "simulators" else package_dir(package)
        argv = spec["entrypoint"] + spec.get("command", [])
        for cmd in commands_of(argv):
            assert cmd[0] in console_scripts(folder), (name, cmd)
            if folder != "simulators":
                assert cmd[1] in _subcommands(cmd[0]), (name, cmd)
            checked += 1
    assert checked > 2 * len(SERVICES)


def test_the_env_example_lists_every_interpolated_variable_and_no_secret() -> None:
    example = dict(line.split("=", 1) for line in (ROOT / ".env.example").read_text().splitlines()
                   if line and not line.startswith("#"))
    refs = re.findall(r"\$\{([A-Z0-9_]+)(?::?([-?]))?", (ROOT / "docker-compose.yml").read_text())
    assert {name for name, _ in refs} <= set(example)
    for name, kind in refs:
        if kind == "?":  # required: a secret or password
            assert example[name] == "CHANGE_ME", name


def test_new_env_fills_every_secret_with_a_fresh_value() -> None:
    one = subprocess.run(["python3", str(ROOT / "deploy" / "compose" / "new_env.py")], capture_output=True,
                         text=True, check=True).stdout
    two = subprocess.run(["python3", str(ROOT / "deploy" / "compose" / "new_env.py")], capture_output=True,
                         text=True, check=True).stdout
    assert "=CHANGE_ME" not in one and one != two
    values = dict(line.split("=", 1) for line in one.splitlines() if line and not line.startswith("#"))
    from cryptography.fernet import Fernet

    Fernet(values["BILLING_PII_KEYS"].encode())  # a usable Fernet key


@pytest.mark.integration
def test_the_postgres_init_script_makes_a_role_and_database_per_service(tmp_path: Path) -> None:
    """The script the compose PostgreSQL runs on first start, run against the local server."""
    psql = shutil.which("psql") or next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/psql"))), None)
    if psql is None:
        pytest.skip("psql is not installed")
    url = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    from sqlalchemy.engine import make_url

    server = make_url(url)
    tag = uuid.uuid4().hex[:8]
    pairs = [(f"ffinit_{tag}_{i}", f"ffinit_{tag}_db{i}") for i in range(2)]
    env = dict(os.environ, POSTGRES_USER=server.username or "postgres", PGHOST=server.host or "127.0.0.1",
               PGPORT=str(server.port or 5432), PGPASSWORD=server.password or "",
               FF_SERVICE_PASSWORD="s3cret-" + tag, FF_DATABASES=" ".join(f"{r}:{d}" for r, d in pairs),
               PATH=f"{Path(psql).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    admin = create_engine(server.set(drivername="postgresql+psycopg", database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        script = str(ROOT / "deploy" / "compose" / "postgres-init.sh")
        for _ in range(2):  # idempotent: a second run changes nothing and does not fail
            subprocess.run(["sh", script], env=env, check=True, capture_output=True, timeout=60)
        for role, db in pairs:
            own = create_engine(server.set(drivername="postgresql+psycopg", username=role, password="s3cret-" + tag,
                                           database=db))
            with own.connect() as conn:
                assert conn.execute(text("SELECT current_user, current_database()")).one() == (role, db)
            own.dispose()
    finally:
        with admin.connect() as conn:
            for role, db in pairs:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


def test_the_dockerfile_copies_every_workspace_members_pyproject() -> None:
    """`uv export --frozen` in the image's first stage reads every member's pyproject.toml: one
    missing (a new service) breaks every image build."""
    import tomllib

    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["uv"]["workspace"]["members"]
    members = sorted(p.relative_to(ROOT).as_posix() for g in globs for p in ROOT.glob(f"{g}/pyproject.toml"))
    assert len(members) >= 5
    missing = [m for m in members if f"COPY {m} {m}" not in dockerfile]
    assert not missing
    images = {spec["build"]["args"]["SERVICE"] for spec in COMPOSE["services"].values() if "build" in spec}
    assert images == {svc.name for svc in SERVICES} | {"simulators"}
