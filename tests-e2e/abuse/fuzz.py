"""Drive schemathesis over one service's OpenAPI document and collect every 5xx.

Each operation is run through Hypothesis directly (not schemathesis' pytest runner) so that one
test can cover every operation of a service, count what it sent, and report all server errors
at once instead of stopping at the first. Runs are derandomized: the same code sends the same
requests, so a failure reproduces.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

import schemathesis
from flask import Flask
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode


@dataclass
class ServerError:
    """One request that was answered with a 5xx."""

    operation: str
    role: str
    mode: str
    status: int
    body: str
    request: str


@dataclass
class FuzzReport:
    """What a run sent and what came back 5xx."""

    operations: int = 0
    requests: int = 0
    errors: list[ServerError] = field(default_factory=list)

    def merge(self, other: "FuzzReport") -> None:
        self.operations += other.operations
        self.requests += other.requests
        self.errors.extend(other.errors)

    def summary(self) -> str:
        lines = [f"{self.operations} operation runs, {self.requests} requests, {len(self.errors)} server errors"]
        seen: set[tuple[str, int]] = set()
        for err in self.errors:
            if (err.operation, err.status) in seen:
                continue
            seen.add((err.operation, err.status))
            lines.append(f"  {err.status} {err.operation} [{err.role}, {err.mode}]: {err.body[:160]}\n"
                         f"      {err.request[:300]}")
        return "\n".join(lines)


def load_schema(app: Flask) -> Any:
    """The service's served document as a schemathesis schema bound to the app (WSGI)."""
    return schemathesis.openapi.from_wsgi("/openapi.json", app)


def operations(schema: Any, only: Iterable[str] | None = None) -> list[Any]:
    """The schema's operations (``"GET /api/x"`` labels in ``only`` if given), in document order."""
    wanted = set(only) if only is not None else None
    found = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if wanted is None or operation.label in wanted:
            found.append(operation)
    if wanted is not None:
        missing = wanted - {op.label for op in found}
        assert not missing, f"operations not in the document: {sorted(missing)}"
    return found


def _describe(case: Any) -> str:
    body = getattr(case, "body", None)
    return f"{case.method} {case.formatted_path} query={case.query!r} body={body!r}"[:600]


def fuzz_operation(operation: Any, headers: dict[str, str], role: str, *, max_examples: int,
                   modes: Iterable[GenerationMode] = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)) -> FuzzReport:
    """Send ``max_examples`` generated requests per mode to one operation; collect the 5xx."""
    report = FuzzReport()
    for mode in modes:
        report.operations += 1

        @settings(max_examples=max_examples, derandomize=True, database=None, deadline=None,
                  suppress_health_check=list(HealthCheck), phases=(Phase.generate,))
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case: Any) -> None:
            response = case.call(headers=headers)
            report.requests += 1
            if response.status_code >= 500:
                report.errors.append(ServerError(operation.label, role, mode.value, response.status_code,
                                                 response.text, _describe(case)))

        try:
            run()
        except Exception as exc:  # noqa: BLE001 - generation errors are reported, not hidden
            if "Unsatisfiable" in type(exc).__name__ or "Unsatisfiable" in str(exc):
                continue  # no negative case exists for this operation (nothing to break)
            raise
    return report


def fuzz_service(app: Flask, tokens: dict[str, dict[str, str]], *, max_examples: int,
                 only: Iterable[str] | None = None) -> FuzzReport:
    """Every (chosen) operation of one service × every role's headers × positive and negative data."""
    report = FuzzReport()
    for operation in operations(load_schema(app), only):
        for role, headers in tokens.items():
            report.merge(fuzz_operation(operation, headers, role, max_examples=max_examples))
    return report
