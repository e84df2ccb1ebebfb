"""Merge the services' OpenAPI documents into one (pure functions, no I/O).

The merged document is finished like every served one (``finish_document``) and its
operationIds are made unique across services, so client generators accept it whole.
"""
from __future__ import annotations

import copy
import re
from typing import Any, Callable

from fibreflow_shared.web.openapi import METHODS, finish_document, operation_id

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
    # A service that is older than the kit (or a view naming its own operationId) must not make
    # the whole document invalid: finish it as one, then settle any clash of operationIds.
    doc = finish_document(doc)
    unique_operation_ids(doc)
    return doc


def unique_operation_ids(doc: dict[str, Any]) -> None:
    """Give every operation a unique operationId, in place. The first holder of a name keeps it
    (the gateway's own paths come first, then the services' in name order); a later one gets
    the name built from its method and path, which is unique per operation, or a numbered one."""
    taken: set[str] = set()
    for path, item in (doc.get("paths") or {}).items():
        for method in METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            if operation is None:
                continue
            name = operation.get("operationId") or operation_id(method, path)
            if name in taken:
                name = operation_id(method, path)
                base, n = name, 2
                while name in taken:
                    name, n = f"{base}{n}", n + 1
            operation["operationId"] = name
            taken.add(name)
