"""What an image is built from: every package builds a wheel that carries its migrations, a
plain install of the wheels (no checkout) can `migrate` a fresh database, and the one
Dockerfile's lock export works for every service."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Callable

import pytest
from sqlalchemy import create_engine, text

from fibreflow_shared.db import normalise_url

ROOT = Path(__file__).resolve().parents[2]
# package name → (source folder, Python package)
PACKAGES = {
    "gateway": ("gateway", "gateway"),
    "ticket-core": ("services/ticket-core", "ticket_core"),
    "sla": ("services/sla", "sla"),
    "billing": ("services/billing", "billing"),
    "notifications": ("services/notifications", "notifications"),
    "console": ("services/console", "console"),
    "email-intake": ("services/email-intake", "email_intake"),
    "wa-bridge": ("services/wa-bridge", "wa_bridge"),
    "qcontact-sync": ("services/qcontact-sync", "qcontact_sync"),
}
PUBLISHES_NOTHING = {"console"}  # a backend-for-frontend: sessions only, no outbox
pytestmark = [pytest.mark.integration, pytest.mark.xdist_group("packaging")]


def _uv() -> list[str]:
    for candidate in ([sys.executable, "-m", "uv"], ["python3", "-m", "uv"]):
        if subprocess.run([*candidate, "--version"], capture_output=True).returncode == 0:
            return candidate
    found = shutil.which("uv")
    if found:
        return [found]
    raise RuntimeError("uv is not installed (make install installs it)")


def _run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(kwargs.pop("env", {}) or {})  # type: ignore[arg-type]
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, **kwargs)  # type: ignore[call-overload]
    assert result.returncode == 0, f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("wheels")
    for name in ("shared", *PACKAGES):
        _run([*_uv(), "build", "--wheel", "--package", f"fibreflow-{name}", "--out-dir", str(out)], cwd=ROOT)
    found = {}
    for name in ("shared", *PACKAGES):
        [wheel] = out.glob(f"fibreflow_{name.replace('-', '_')}-*.whl")
        found[name] = wheel
    return found


@pytest.fixture(scope="module")
def installed(wheels: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch virtualenv with only the built wheels (and their pinned dependencies)."""
    venv = tmp_path_factory.mktemp("venv") / "v"
    _run([*_uv(), "venv", "--python", sys.executable, str(venv)])
    _run([*_uv(), "pip", "install", "--python", str(venv / "bin" / "python"), *map(str, wheels.values())])
    return venv


@pytest.mark.parametrize("service", list(PACKAGES))
def test_wheel_carries_the_migrations(wheels: dict[str, Path], service: str) -> None:
    package = PACKAGES[service][1]
    names = zipfile.ZipFile(wheels[service]).namelist()
    assert f"{package}/migrations/env.py" in names
    versions = [n for n in names if n.startswith(f"{package}/migrations/versions/") and n.endswith(".py")]
    source = sorted((ROOT / PACKAGES[service][0] / "src" / package / "migrations" / "versions").glob("*.py"))
    assert len(versions) == len(source) >= 1


@pytest.mark.parametrize("service", list(PACKAGES))
def test_installed_wheel_migrates_a_fresh_database(installed: Path, service: str, tmp_path: Path,
                                                   make_database: Callable[[str], str]) -> None:
    package = PACKAGES[service][1]
    url = make_database(f"wheel_{package}")
    # From an empty folder, so nothing of the checkout can be imported instead of the wheel.
    where = _run([str(installed / "bin" / "python"), "-c",
                  f"import {package}, fibreflow_shared.db as d; print({package}.__file__); "
                  f"print(d.packaged_migrations('{package}'))"], cwd=tmp_path).stdout.split()
    assert all(str(installed) in line for line in where), where
    _run([str(installed / "bin" / f"fibreflow-{service}"), "migrate"], cwd=tmp_path,
         env={"DATABASE_URL": url, "FIBREFLOW_ENV": "development"})
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if service not in PUBLISHES_NOTHING:
                assert conn.execute(text("SELECT to_regclass('outbox')")).scalar() == "outbox"
    finally:
        engine.dispose()


@pytest.mark.parametrize("service", list(PACKAGES))
def test_the_one_dockerfile_can_export_each_service_from_the_lock(service: str) -> None:
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    assert 'uv export --frozen --no-dev --package "fibreflow-${SERVICE}"' in dockerfile
    exported = _run([*_uv(), "export", "--frozen", "--no-dev", "--package", f"fibreflow-{service}",
                     "--no-emit-workspace", "--format", "requirements-txt"], cwd=ROOT).stdout
    assert "--hash=sha256:" in exported and "flask==" in exported
    # Workspace members are built from source, not pulled from an index.
    assert not [line for line in exported.splitlines() if line.startswith("fibreflow-")]


def test_no_service_keeps_its_own_dockerfile() -> None:
    assert sorted(p.relative_to(ROOT).as_posix() for p in ROOT.glob("**/Dockerfile")
                  if ".venv" not in p.parts) == ["deploy/Dockerfile"]
    text_ = (ROOT / "deploy" / "Dockerfile").read_text()
    healthcheck = next(line for line in text_.splitlines() if line.strip().startswith("CMD [\"python\""))
    assert "fibreflow_shared.healthcheck" in healthcheck  # exec form, no shell
    assert 'ENTRYPOINT ["fibreflow-service"]' in text_ and "python:3.11-slim" in text_
