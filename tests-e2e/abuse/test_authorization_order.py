"""Authorization before validation, in every service: a caller whose role may not use an operation
gets 403 whatever they send, never a 400 that describes the operation's schema (issue #11 item 5:
a viewer learned the body of admin endpoints from their validation errors).

Generated over every route of every service: the role set each view demands is read from its
``require_auth`` wrapper, so a new endpoint is covered the day it is added.
"""
from __future__ import annotations

import inspect
import re
import uuid
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import pytest
from flask import Flask

from fibreflow_shared.auth import Principal
from fibreflow_shared.roles import ROLES

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
_PARAM = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")


@dataclass(frozen=True)
class Guarded:
    """One operation behind ``require_auth``: who may call it, and whether that is checked first."""

    service: str
    method: str
    rule: str
    wanted: frozenset[str]
    check: Callable[[Principal], bool] | None
    auth_before_parsing: bool

    def allows(self, role: str) -> bool:
        principal = Principal(user_id=str(uuid.uuid4()), username="probe", roles=frozenset({role}))
        if self.wanted and role not in self.wanted:
            return False
        return self.check is None or self.check(principal)

    @property
    def path(self) -> str:
        return _PARAM.sub(lambda m: str(uuid.uuid4()) if "id" in m.group(1) else "FF-9999", self.rule)


def _chain(fn: Any) -> Iterator[Any]:
    while fn is not None:
        yield fn
        fn = getattr(fn, "__wrapped__", None)


def _kind(fn: Any) -> str:
    qualname = getattr(getattr(fn, "__code__", None), "co_qualname", "")
    if qualname.startswith("require_auth."):
        return "auth"
    if "use_args." in qualname or "arguments." in qualname:
        return "parse"
    return ""


def guarded_operations(service: str, app: Flask) -> list[Guarded]:
    """Every (method, rule) of ``app`` whose view sits behind ``require_auth``."""
    found = []
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        view_class = getattr(view, "view_class", None)
        for method in sorted((rule.methods or set()) & set(METHODS)):
            fn = getattr(view_class, method.lower(), None) if view_class is not None else view
            if fn is None:
                continue
            kinds = [(_kind(f), f) for f in _chain(fn)]
            auth = [f for kind, f in kinds if kind == "auth"]
            if not auth:
                continue
            names = [kind for kind, _ in kinds if kind]
            closure = inspect.getclosurevars(auth[0]).nonlocals
            found.append(Guarded(service, method, rule.rule, frozenset(closure["wanted"]), closure["check"],
                                 auth_before_parsing="parse" not in names[: names.index("auth")]))
    return found


@pytest.fixture(scope="module")
def guarded(service_apps: dict[str, Any]) -> list[Guarded]:
    ops = [op for name, svc in service_apps.items() for op in guarded_operations(name, svc.app)]
    assert len(ops) > 60, "the route walk found too few guarded operations"
    return ops


def test_every_view_checks_the_role_before_it_parses_arguments(guarded: list[Guarded]) -> None:
    late = [f"{op.service} {op.method} {op.rule}" for op in guarded if not op.auth_before_parsing]
    assert late == [], "require_auth must sit above @blp.arguments:\n" + "\n".join(late)


def test_a_refused_role_gets_403_for_an_invalid_request(guarded: list[Guarded], service_apps: dict[str, Any],
                                                        tokens: Callable[..., dict[str, str]]) -> None:
    """Every guarded operation × every role it refuses, sent garbage (an unknown query parameter and
    a body of the wrong type): 403, not the 400 that would describe the schema."""
    wrong: list[str] = []
    refused = 0
    for op in guarded:
        client = service_apps[op.service].app.test_client()
        for role in ROLES:
            if op.allows(role):
                continue
            refused += 1
            kwargs: dict[str, Any] = {"query_string": {"zz_not_a_parameter": "1"}, "headers": tokens(role)}
            if op.method != "GET":
                kwargs["json"] = ["not", "an", "object"]
            resp = client.open(op.path, method=op.method, **kwargs)
            if resp.status_code != 403:
                wrong.append(f"{op.service} {op.method} {op.rule} as {role}: {resp.status_code} "
                             f"{resp.get_data(as_text=True)[:160]}")
    assert refused > 100
    assert wrong == [], f"{len(wrong)} of {refused} refusals answered something else:\n" + "\n".join(wrong)


def test_an_allowed_role_still_gets_the_validation_error(service_apps: dict[str, Any],
                                                         tokens: Callable[..., dict[str, str]]) -> None:
    """The other side of the order: the 400 with its field details is there for those who may call."""
    client = service_apps["ticket-core"].app.test_client()
    resp = client.post("/api/tickets/bulk", json={}, headers=tokens("admin"))
    assert resp.status_code == 400 and "ticket_ids" in resp.get_json()["error"]["details"]
    assert client.post("/api/tickets/bulk", json={}, headers=tokens("viewer")).status_code == 403
