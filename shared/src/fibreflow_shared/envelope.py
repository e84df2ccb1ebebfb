"""The success envelope: ``{"success": true, "data": ...}`` and paginated lists."""
from __future__ import annotations

import math
from typing import Any

from flask import jsonify
from flask.wrappers import Response

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


def ok(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> tuple[Response, int, dict[str, str]]:
    """A success response with ``data``."""
    return jsonify({"success": True, "data": data}), status, headers or {}


def pagination(page: int, limit: int, total: int) -> dict[str, int]:
    """The pagination block of a list response (PRD §9.4 names)."""
    return {"page": page, "limit": limit, "total": total, "totalPages": math.ceil(total / limit) if limit else 0}


def ok_list(noun: str, items: list[Any], *, page: int, limit: int, total: int,
            extra: dict[str, Any] | None = None) -> tuple[Response, int, dict[str, str]]:
    """A list response: items under a plural noun next to ``pagination``."""
    data: dict[str, Any] = {noun: items, "pagination": pagination(page, limit, total)}
    if extra:
        data.update(extra)
    return ok(data)
