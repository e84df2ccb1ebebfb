"""Merge the services' OpenAPI documents into one (pure functions, no I/O)."""
from __future__ import annotations

import copy
import re
from typing import Any, Callable

_REF = re.compile(r"^#/components/([^/]+)/(.+)$")


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", name) if part)


def _rewrite_refs(node: Any, renames: dict[tuple[str, str], str]) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                m = _REF.match(value)
                if m and (m.group(1), m.group(2)) in renames:
                    value = f"#/components/{m.group(1)}/{renames[(m.group(1), m.group(2))]}"
            out[key] = _rewrite_refs(value, renames)
        return out
    if isinstance(node, list):
        return [_rewrite_refs(v, renames) for v in node]
    return node


def merge(base: dict[str, Any], services: dict[str, dict[str, Any]], *,
          owner_of: Callable[[str], str | None], missing: list[str]) -> dict[str, Any]:
    """``base`` (the gateway's spec) plus each service's paths and components.

    A path is taken from the service the routing table sends it to (a service describing a
    path it does not own is ignored). A component whose name clashes with a different
    definition is renamed ``<Service><Name>`` and that service's $refs follow the rename.
    """
    doc = copy.deepcopy(base)
    doc.setdefault("paths", {})
    components = doc.setdefault("components", {})
    tags = {t["name"]: t for t in doc.get("tags", [])}
    for service, spec in sorted(services.items()):
        renames: dict[tuple[str, str], str] = {}
        for section, entries in (spec.get("components") or {}).items():
            existing = components.get(section, {})
            for name, definition in entries.items():
                if name in existing and existing[name] != definition:
                    renames[(section, name)] = _camel(service) + name
        spec = _rewrite_refs(spec, renames)
        for section, entries in (spec.get("components") or {}).items():
            target = components.setdefault(section, {})
            for name, definition in entries.items():
                target.setdefault(renames.get((section, name), name), definition)
        for path, item in (spec.get("paths") or {}).items():
            if owner_of(path) == service and path not in doc["paths"]:
                doc["paths"][path] = item
        for tag in spec.get("tags") or []:
            tags.setdefault(tag["name"], tag)
    if tags:
        doc["tags"] = list(tags.values())
    doc["x-fibreflow-services"] = {"merged": sorted(services), "missing": sorted(missing)}
    return doc
