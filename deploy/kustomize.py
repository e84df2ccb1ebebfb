"""``kustomize build`` for the subset of Kustomize that deploy/k8s uses, in Python, so `make test`
renders the overlays without a kustomize binary (none is packaged by Debian or PyPI at a version that
knows ``labels:``). A key outside the subset is an error, never silently ignored; where a
``kubectl``/``kustomize`` binary exists, deploy/tests check that both render the same objects.

Subset: ``resources`` (files and directories with a kustomization.yaml), ``namespace``,
``labels`` (``pairs``, ``includeSelectors: false``), ``images`` (``newName``, ``newTag``, ``digest``)
and ``patches`` with an inline JSON 6902 ``patch`` and a ``target`` (``kind``, ``name``, ``labelSelector``
with ``key=value`` terms).

    python deploy/kustomize.py deploy/k8s/overlays/prod > prod.yaml
"""
from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

import yaml

SUPPORTED = {"apiVersion", "kind", "resources", "namespace", "labels", "images", "patches"}
CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
                  "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass"}


class KustomizeError(ValueError):
    """The kustomization uses something outside the supported subset, or a patch does not apply."""


def build(directory: str | Path) -> list[dict[str, Any]]:
    """The objects ``kustomize build directory`` would print (as dicts, in resource order)."""
    directory = Path(directory)
    spec = yaml.safe_load((directory / "kustomization.yaml").read_text()) or {}
    unknown = set(spec) - SUPPORTED
    if unknown:
        raise KustomizeError(f"{directory}: unsupported kustomization fields {sorted(unknown)}")
    objects: list[dict[str, Any]] = []
    for entry in spec.get("resources", []):
        path = directory / entry
        if path.is_dir():
            objects.extend(build(path))
        else:
            objects.extend(doc for doc in yaml.safe_load_all(path.read_text()) if doc)
    for patch in spec.get("patches", []):
        _apply_patch(objects, patch, directory)
    if "namespace" in spec:
        for obj in objects:
            if obj["kind"] == "Namespace":
                obj["metadata"]["name"] = spec["namespace"]
            elif obj["kind"] not in CLUSTER_SCOPED:
                obj["metadata"]["namespace"] = spec["namespace"]
    for label in spec.get("labels", []):
        if label.get("includeSelectors") or label.get("includeTemplates"):
            raise KustomizeError("labels: only includeSelectors/includeTemplates false are supported")
        for obj in objects:
            obj["metadata"].setdefault("labels", {}).update(label["pairs"])
    for image in spec.get("images", []):
        for obj in objects:
            _set_images(obj, image)
    return objects


def _matches(obj: dict[str, Any], target: dict[str, Any]) -> bool:
    unknown = set(target) - {"kind", "name", "labelSelector"}
    if unknown:
        raise KustomizeError(f"patch target fields {sorted(unknown)} are not supported")
    if "kind" in target and obj["kind"] != target["kind"]:
        return False
    if "name" in target and obj["metadata"]["name"] != target["name"]:
        return False
    if "labelSelector" in target:
        have = obj["metadata"].get("labels", {})
        for term in target["labelSelector"].split(","):
            key, _, value = term.partition("=")
            if have.get(key.strip()) != value.strip():
                return False
    return True


def _apply_patch(objects: list[dict[str, Any]], patch: dict[str, Any], directory: Path) -> None:
    if set(patch) - {"target", "patch"} or "patch" not in patch or "target" not in patch:
        raise KustomizeError(f"{directory}: only inline JSON 6902 patches with a target are supported")
    ops = yaml.safe_load(patch["patch"])
    if not isinstance(ops, list):
        raise KustomizeError(f"{directory}: a patch must be a JSON 6902 list of operations")
    hits = [obj for obj in objects if _matches(obj, patch["target"])]
    if not hits:
        raise KustomizeError(f"{directory}: patch target {patch['target']} matches nothing")
    for obj in hits:
        for op in ops:
            json_patch(obj, op)


def _pointer(path: str) -> list[str]:
    if not path.startswith("/"):
        raise KustomizeError(f"bad JSON pointer {path!r}")
    return [part.replace("~1", "/").replace("~0", "~") for part in path[1:].split("/")]


def json_patch(doc: Any, op: dict[str, Any]) -> None:
    """One RFC 6902 operation (add, replace, remove) applied in place."""
    kind = op["op"]
    if kind not in ("add", "replace", "remove"):
        raise KustomizeError(f"JSON patch op {kind!r} is not supported")
    *parents, last = _pointer(op["path"])
    node = doc
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if isinstance(node, list):
        index = len(node) if last == "-" else int(last)
        if kind == "add":
            node.insert(index, copy.deepcopy(op["value"]))
        elif kind == "replace":
            node[index] = copy.deepcopy(op["value"])
        else:
            del node[index]
        return
    if kind in ("replace", "remove") and last not in node:
        raise KustomizeError(f"{kind} {op['path']}: no such field")
    if kind == "remove":
        del node[last]
    else:
        node[last] = copy.deepcopy(op["value"])


def _set_images(node: Any, image: dict[str, Any]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("containers", "initContainers") and isinstance(value, list):
                for container in value:
                    if isinstance(container, dict) and "image" in container:
                        container["image"] = _retag(container["image"], image)
            _set_images(value, image)
    elif isinstance(node, list):
        for item in node:
            _set_images(item, image)


def _retag(ref: str, image: dict[str, Any]) -> str:
    name, tag = ref, ""
    if "@" in name:
        name, tag = name.split("@", 1)[0], "@" + name.split("@", 1)[1]
    elif ":" in name.rsplit("/", 1)[-1]:
        name, tag = name.rsplit(":", 1)[0], ":" + name.rsplit(":", 1)[1]
    if name != image["name"]:
        return ref
    name = image.get("newName", name)
    if "digest" in image:
        tag = "@" + image["digest"]
    elif "newTag" in image:
        tag = ":" + image["newTag"]
    return name + tag


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python deploy/kustomize.py <directory with kustomization.yaml>", file=sys.stderr)
        return 2
    sys.stdout.write("---\n".join(yaml.safe_dump(obj, sort_keys=False) for obj in build(argv[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
