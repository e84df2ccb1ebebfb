"""What the gateway consumes: the audit trail of every service (``audit.recorded``)."""
from __future__ import annotations

from fibreflow_shared.messaging.use_cases import Handler, bind_use_cases, check_table
from gateway.service_layer.audit import on_audit_recorded
from gateway.service_layer.deps import Deps

SUBSCRIPTIONS = ("audit.recorded",)

USE_CASES = {"audit.recorded": on_audit_recorded}
check_table(USE_CASES, SUBSCRIPTIONS)


def make_handlers(deps: Deps) -> dict[str, Handler]:
    """The worker's handlers, bound to the gateway's deps."""
    return bind_use_cases(USE_CASES, deps)
