"""Marshmallow building blocks every service's ``entrypoints/schemas.py`` uses.

- ``envelope`` / ``list_envelope``: the documented shape of ``{success, data}`` answers
  (the views build them with ``fibreflow_shared.envelope``);
- ``PaginationSchema`` and ``PageArgs``: PRD §9.4 ``page``/``limit`` and the ``pagination`` block;
- ``QueryArgs``: query-string schemas that refuse unknown names and keep renamed ones working
  for a release (answering with a ``Deprecation`` header, see contracts/README.md);
- ``CommaList``: ``status=new,triaged``; ``SortArg``: ``sort=-created_at,priority``.
"""
from __future__ import annotations

import re
from typing import Any, Callable, ClassVar, Iterable

from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate

from fibreflow_shared.web.deprecation import note_deprecated

MAX_PAGE = 100_000
MAX_LIMIT = 200
DEFAULT_LIMIT = 50


class PaginationSchema(Schema):
    """The ``pagination`` block of every list answer (PRD §9.4)."""

    page = fields.Integer(metadata={"example": 1})
    limit = fields.Integer(metadata={"example": DEFAULT_LIMIT})
    total = fields.Integer(metadata={"example": 1})
    totalPages = fields.Integer(metadata={"example": 1})  # noqa: N815 - PRD §9.4 name


def envelope(name: str, data: fields.Field | type[Schema] | Schema) -> type[Schema]:
    """``{"success": true, "data": <data>}`` as a named schema for OpenAPI."""
    if not isinstance(data, fields.Field):
        data = fields.Nested(data)
    return Schema.from_dict({"success": fields.Boolean(metadata={"example": True}), "data": data}, name=name)


def list_envelope(name: str, noun: str, item: fields.Field | type[Schema] | Schema,
                  extra: dict[str, fields.Field] | None = None) -> type[Schema]:
    """``{"success": true, "data": {<noun>: [...], "pagination": {...}, **extra}}``."""
    items = fields.List(item if isinstance(item, fields.Field) else fields.Nested(item))
    inner = Schema.from_dict({noun: items, "pagination": fields.Nested(PaginationSchema), **(extra or {})},
                             name=f"{name}Data")
    return envelope(name, fields.Nested(inner))


class QueryArgs(Schema):
    """A query-string schema: unknown names are refused (a misspelt filter must not widen a
    query), and ``RENAMED = {"old": "new"}`` keeps an old parameter name answering for one
    release while the response carries ``Deprecation`` (contracts/README.md).

    Where the old parameter meant something else, ``{"old": ("new", convert)}`` turns its raw
    text into the new parameter's (an inclusive end date into the exclusive one). ``convert``
    may also answer ``("other_new", value)`` to pick the new name by the value (a UUID goes to
    ``ticket_id``, a UID to ``ticket_uid``), or ``None`` when the old value selected nothing."""

    RENAMED: ClassVar[dict[str, str | tuple[str, Callable[[str], Any]]]] = {}

    class Meta:
        unknown = RAISE

    def load(self, data: Any, *, many: bool | None = None, partial: Any = None, unknown: str | None = None) -> Any:
        # webargs asks query schemas to EXCLUDE unknown names; ours refuse them whoever asks.
        return super().load(data, many=many, partial=partial, unknown=RAISE)

    @pre_load
    def _renamed(self, data: Any, **_kwargs: Any) -> Any:
        if not self.RENAMED or not hasattr(data, "keys"):
            return data
        used = [old for old in self.RENAMED if old in data]
        if not used:
            return data
        out = {key: data[key] for key in data.keys()}  # MultiDict → plain dict of first values
        for old in used:
            rule = self.RENAMED[old]
            new, convert = (rule, None) if isinstance(rule, str) else rule
            value: Any = out.pop(old)
            if convert is not None:
                try:
                    value = convert(value)
                except (ValueError, ValidationError) as exc:
                    message = exc.messages if isinstance(exc, ValidationError) else [str(exc) or "Invalid value"]
                    raise ValidationError({old: message}) from exc
                if isinstance(value, tuple):
                    new, value = value
            if new in out:
                raise ValidationError({old: [f"Deprecated name of {new!r}; give only {new!r}"]})
            if value is not None:
                out[new] = value
            note_deprecated(old, new)
        return out


class PageArgs(QueryArgs):
    """``page`` (1-based) and ``limit`` of a list."""

    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_PAGE),
                          metadata={"description": "1-based page number"})
    limit = fields.Integer(load_default=DEFAULT_LIMIT, validate=validate.Range(min=1, max=MAX_LIMIT),
                           metadata={"description": f"items per page, at most {MAX_LIMIT}"})


class CommaList(fields.String):
    """``a,b,c`` in a query string → a list of 1 to 50 values, each checked against ``choices``
    or ``pattern``, or loaded by ``item`` (e.g. ``fields.UUID()``) when given."""

    def __init__(self, choices: Iterable[str] | None = None, *, pattern: re.Pattern[str] | None = None,
                 item: fields.Field | None = None, max_items: int = 50, **kwargs: Any) -> None:
        self.choices = tuple(choices) if choices is not None else None
        metadata = dict(kwargs.pop("metadata", {}) or {})
        if self.choices:
            metadata.setdefault("description", "comma list of: " + ", ".join(self.choices))
        else:
            metadata.setdefault("description", "comma-separated list")
        # Documented as an array sent comma-separated (style form, explode false): see web/openapi.py.
        items: dict[str, Any] = {"type": "string"}
        if self.choices:
            items["enum"] = list(self.choices)
        elif pattern is not None:
            items["pattern"] = pattern.pattern
        metadata.setdefault("x-comma-list", {"items": items, "maxItems": max_items})
        super().__init__(metadata=metadata, **kwargs)
        self.pattern, self.item, self.max_items = pattern, item, max_items

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> list[Any]:
        if not isinstance(value, str):
            raise ValidationError("Expected a comma-separated list.")
        items = [v.strip() for v in value.split(",") if v.strip()]
        if not items or len(items) > self.max_items:
            raise ValidationError(f"Expected 1 to {self.max_items} comma-separated values.")
        bad = [v for v in items if (self.choices and v not in self.choices)
               or (self.pattern is not None and not self.pattern.match(v))]
        if bad:
            allowed = f"; one of {list(self.choices)}" if self.choices else ""
            raise ValidationError(f"Unknown value(s) {bad}{allowed}.")
        if self.item is not None:
            return [self.item.deserialize(v) for v in items]
        return items

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        return None if value is None else ",".join(str(v) for v in value)


SortKey = tuple[str, bool]  # (field, descending)


class SortArg(fields.String):
    """``sort=-created_at,priority``: comma list of response field names, ``-`` for descending.
    Loads as ``[("created_at", True), ("priority", False)]``; each field must be in ``allowed``."""

    def __init__(self, allowed: Iterable[str], *, default: str | None = None, **kwargs: Any) -> None:
        self.allowed = tuple(allowed)
        metadata = dict(kwargs.pop("metadata", {}) or {})
        metadata.setdefault("description", "comma list of fields, '-' before a field for descending; fields: "
                            + ", ".join(self.allowed))
        metadata.setdefault("x-sort-fields", list(self.allowed))
        metadata.setdefault("x-comma-list", {"items": {"type": "string", "enum": [
            prefix + name for name in self.allowed for prefix in ("", "-")]}, "maxItems": 5})
        if default is not None:
            kwargs.setdefault("load_default", parse_sort(default, self.allowed))
            metadata.setdefault("example", default)
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> list[SortKey]:
        if not isinstance(value, str):
            raise ValidationError("Expected fields separated by commas, e.g. -created_at,priority.")
        try:
            return parse_sort(value, self.allowed)
        except ValueError as exc:
            raise ValidationError(str(exc)) from exc

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        return None if value is None else ",".join(("-" if d else "") + f for f, d in value)


def parse_sort(value: str, allowed: Iterable[str]) -> list[SortKey]:
    """``"-created_at,priority"`` → ``[("created_at", True), ("priority", False)]``."""
    allowed = tuple(allowed)
    keys: list[SortKey] = []
    for part in (p.strip() for p in value.split(",")):
        if not part:
            continue
        desc = part.startswith("-")
        name = part[1:] if desc or part.startswith("+") else part
        if name not in allowed:
            raise ValueError(f"Cannot sort by {name!r}; one of {list(allowed)}")
        if any(name == k for k, _ in keys):
            raise ValueError(f"{name!r} is named twice")
        keys.append((name, desc))
    if not keys or len(keys) > 5:
        raise ValueError("Expected 1 to 5 sort fields")
    return keys
