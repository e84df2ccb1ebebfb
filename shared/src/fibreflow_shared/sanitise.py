"""One screen for untrusted text and JSON, before anything parses, stores or encodes it.

PostgreSQL refuses a NUL (``\\u0000``) in text, and a lone UTF-16 surrogate (``\\ud800``, legal
in a JSON string escape) cannot be encoded as UTF-8; either one used to surface as a 500
wherever it reached the database, a cipher or a log. JSON nested thousands deep blows the
parser's (and every recursive walker's) stack. So every service refuses them at the door with
400 ``VALIDATION_ERROR`` naming the field:

- ``screen_request`` (a ``before_request`` hook of the shared app) checks the path, the query
  string, an urlencoded form and a JSON body (depth first, with a non-recursive scan, then every
  key and string value);
- ``loads`` is the same for a body parsed by hand (a signed webhook, an import upload);
- ``check_text`` is the same for one value (an upload's file name).
"""
from __future__ import annotations

import json
import re
from typing import Any

from flask import request

from fibreflow_shared.errors import InvalidRequest

MAX_JSON_DEPTH = 64
# NUL, and any surrogate code point: a decoded str holds one only when it was a lone one.
_BAD_TEXT = re.compile("[\x00\ud800-\udfff]")
# JSON strings (skipped whole, escapes included) and the brackets that nest.
_JSON_TOKENS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)
_OPEN = frozenset(b"[{")
# In UTF-8 JSON a NUL or a surrogate can only arrive as a \u escape (raw control characters are
# invalid in strings); a body without one needs no walk. Any NUL byte (UTF-16/32 JSON) walks.
_SUSPECT_ESCAPE = re.compile(rb"\\u(?:0000|[dD][89a-fA-F])|\x00")


class UnsafeInput(InvalidRequest):
    """Input the service cannot store or parse safely (NUL, a lone surrogate, too deep JSON)."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__("Request validation failed", {field: [problem]})
        self.field = field


def text_problem(value: str) -> str | None:
    """Why ``value`` is refused (``None`` when it is fine)."""
    found = _BAD_TEXT.search(value)
    if found is None:
        return None
    if found.group() == "\x00":
        return "Must not contain a NUL character (\\u0000)."
    return "Must not contain a lone surrogate (not valid Unicode text)."


def check_text(value: str | None, field: str) -> None:
    """Refuse ``value`` (400 naming ``field``) if it holds a NUL or a lone surrogate."""
    if value is not None:
        problem = text_problem(value)
        if problem is not None:
            raise UnsafeInput(field, problem)


def json_depth_exceeds(raw: bytes | str, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when the JSON text nests arrays/objects deeper than ``limit``. A scan, not a parse:
    strings are skipped whole by the regex engine, so the cost is one step per bracket and no
    stack is used however deep the input goes."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    if data.count(b"[") + data.count(b"{") <= limit:
        return False  # cannot nest deeper than it has brackets (the common, small body)
    depth = 0
    for token in _JSON_TOKENS.finditer(data):
        first = token.group()[0]
        if first in _OPEN:
            depth += 1
            if depth > limit:
                return True
        elif first != 0x22:  # a closing bracket (a string starts with '"')
            depth -= 1
    return False


def check_json_depth(raw: bytes | str, field: str = "body", limit: int = MAX_JSON_DEPTH) -> None:
    """Refuse a JSON text nested deeper than ``limit`` (400 naming ``field``)."""
    if json_depth_exceeds(raw, limit):
        raise UnsafeInput(field, f"JSON nested deeper than {limit} levels.")


def check_json_text(value: Any, root: str = "") -> None:
    """Refuse a parsed JSON value with a bad key or string anywhere in it; the field is named by
    its dotted path (``items.0.name``). Iterative: depth is bounded before this runs anyway."""
    stack: list[tuple[str, Any]] = [(root, value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            check_text(item, path or "body")
        elif isinstance(item, dict):
            for key, sub in item.items():
                name = f"{path}.{key}" if path else str(key)
                if isinstance(key, str):
                    check_text(key, name)
                stack.append((name, sub))
        elif isinstance(item, list):
            stack.extend((f"{path}.{i}" if path else str(i), sub) for i, sub in enumerate(item))


def loads(raw: bytes | str, field: str = "body") -> Any:
    """``json.loads`` for untrusted bytes: depth checked first, then every key and string.
    Raises ``ValueError`` for text that is not JSON (as ``json.loads`` does) and ``UnsafeInput``
    (400) for JSON that is too deep or holds NUL/lone surrogates."""
    check_json_depth(raw, field)
    data = json.loads(raw)
    if _may_hold_bad_text(raw):
        check_json_text(data, "" if field == "body" else field)
    return data


def _may_hold_bad_text(raw: bytes | str) -> bool:
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    return _SUSPECT_ESCAPE.search(data) is not None


def screen_request() -> None:
    """``before_request``: refuse a NUL or lone surrogate in the path, the query, an urlencoded
    form or a JSON body, and JSON deeper than ``MAX_JSON_DEPTH``, before any view parses them.
    A multipart body is left to its view (it may raise its own size limit first); uploads check
    their file names with ``check_text``."""
    for name, value in (request.view_args or {}).items():
        if isinstance(value, str):
            check_text(value, name)
    check_text(request.path, "path")
    for key, value in request.args.items(multi=True):
        check_text(key, key)
        check_text(value, key)
    if request.mimetype == "application/x-www-form-urlencoded":
        for key, value in request.form.items(multi=True):
            check_text(key, key)
            check_text(value, key)
    elif request.is_json and request.content_length != 0:
        raw = request.get_data(cache=True)
        if not raw:
            return
        check_json_depth(raw)
        if not _may_hold_bad_text(raw):
            return
        try:
            data = json.loads(raw)
        except ValueError:
            return  # not JSON: the view's parser answers that with its own 400
        check_json_text(data)
