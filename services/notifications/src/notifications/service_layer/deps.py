"""The one dependency object every use case of this service receives (``fn(session, ..., deps)``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fibreflow_shared.messaging.outbox import Outbox
from notifications.config import Settings
from notifications.domain.model import RuleOptions


@dataclass(frozen=True)
class Deps:
    """Settings and the outbox; what the rules and the renderer read is derived from settings."""

    settings: Settings
    outbox: Outbox

    @property
    def rule_options(self) -> RuleOptions:
        """What the notification rules are allowed to decide (brand, Fibertime, optional SMS)."""
        s = self.settings
        return RuleOptions(brand=s.brand, fibertime_email=s.fibertime_email, sla_breach_sms=s.sla_breach_sms,
                           whatsapp_enabled=bool(s.wa_bridge_url))

    @property
    def render_limits(self) -> dict[str, Any]:
        """Keyword arguments of ``domain.templates.render``: SMS length and GSM-7 folding."""
        s = self.settings
        return {"sms_max_segments": s.sms_max_segments, "sms_issue_max": s.sms_issue_max_chars,
                "sms_fold": s.sms_fold_gsm7}
