"""Use cases driven by inbound webhooks. The entrypoint has verified the signature; here a
webhook is accepted once (replays refused) and what it announces is queued for the sync loop."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from qcontact_sync.service_layer import journal
from qcontact_sync.service_layer.deps import Deps
from qcontact_sync.service_layer.fibertime import on_webhook as on_fibertime_webhook, remember_receipt
from qcontact_sync.service_layer.syncer import request_sync


def on_qcontact_webhook(session: Session, deps: Deps, webhook_id: str, payload: dict[str, Any]) -> dict[str, Any]:
    """``case.updated`` (or ``case.created``): sync that one case now. Other events are acknowledged."""
    remember_receipt(session, "qc:" + webhook_id, "qcontact")
    queued = payload["event"] in ("case.updated", "case.created")
    if queued:
        request_sync(session, payload["case_id"], "webhook")
    journal.log(session, "webhook", journal.QC_TO_FF, case_id=payload["case_id"],
                new={"event": payload["event"], "queued": queued})
    return {"case_id": payload["case_id"], "queued": queued}


__all__ = ["on_qcontact_webhook", "on_fibertime_webhook"]
