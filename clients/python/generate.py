"""Regenerate the Python client from the contracts: ``python clients/python/generate.py``
(``make contracts`` runs it after refreshing contracts/openapi).

1. Merge contracts/openapi/*.json exactly as the gateway merges the live documents at
   ``/api/docs`` (``gateway.entrypoints.openapi_merge.merge`` with the route table), into
   ``clients/python/openapi.json``.
2. Generate the package ``fibreflow_client`` from it with openapi-python-client (pinned in the
   workspace's dev dependencies) into ``clients/python/src/fibreflow_client``.

``--check`` regenerates into a temporary folder and exits 1 when the committed client differs
(the test ``clients/python/tests/test_client_in_step.py`` does this).
"""
from __future__ import annotations

import argparse
import filecmp
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CONTRACTS = ROOT / "contracts" / "openapi"
PACKAGE = "fibreflow_client"
CONFIG = HERE / "generator-config.yaml"


def merged_document() -> dict:
    """The gateway's merged OpenAPI document, built from the committed contracts."""
    from gateway.domain import routes
    from gateway.entrypoints.openapi_merge import merge

    base = json.loads((CONTRACTS / "gateway.json").read_text())
    services = {path.stem.replace("-", "_"): json.loads(path.read_text())
                for path in sorted(CONTRACTS.glob("*.json")) if path.stem != "gateway"}
    doc = merge(base, services, owner_of=routes.owner_of, missing=[])
    doc.pop("x-fibreflow-services", None)  # which services answered: not part of the contract
    return doc


def generate(into: Path) -> Path:
    """Write openapi.json and the generated package below ``into``; returns the package folder."""
    into.mkdir(parents=True, exist_ok=True)
    spec = into / "openapi.json"
    spec.write_text(json.dumps(merged_document(), indent=2, sort_keys=True) + "\n")
    out = into / "generated"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "openapi_python_client", "generate", "--path", str(spec), "--meta", "none",
           "--config", str(CONFIG), "--output-path", str(out), "--overwrite"]
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    return out


def _same_tree(a: Path, b: Path) -> bool:
    cmp = filecmp.dircmp(a, b, ignore=["__pycache__"])

    def same(c: filecmp.dircmp) -> bool:
        if c.left_only or c.right_only or c.diff_files or c.funny_files:
            return False
        return all(same(sub) for sub in c.subdirs.values())

    return same(cmp)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the committed client is stale")
    args = parser.parse_args(argv)
    target = HERE / "src" / PACKAGE
    with tempfile.TemporaryDirectory() as tmp:
        out = generate(Path(tmp))
        if args.check:
            same_spec = (Path(tmp) / "openapi.json").read_text() == (HERE / "openapi.json").read_text()
            if not same_spec or not target.exists() or not _same_tree(out, target):
                print("clients/python is stale: run `make contracts`", file=sys.stderr)
                return 1
            return 0
        shutil.copyfile(Path(tmp) / "openapi.json", HERE / "openapi.json")
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(out, target, ignore=shutil.ignore_patterns("__pycache__"))
    print(f"generated {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
