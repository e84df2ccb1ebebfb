"""SLA targets (PRD FR-004, FR-006, FR-010): base hours per type × priority multiplier, with
optional per type × priority overrides and per-client contract overrides (FR-BIL-003)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Mapping

from sla.domain.errors import InvalidPolicy, UnknownTarget

TICKET_TYPES = ("build", "fault", "infrastructure", "preventative", "adhoc", "billing")
PRIORITIES = ("critical", "high", "medium", "low")
BASE_HOURS = {"build": 48, "fault": 4, "infrastructure": 24, "preventative": 168, "adhoc": 24, "billing": 24}
PRIORITY_MULTIPLIER = {"critical": Decimal("0.25"), "high": Decimal("0.5"), "medium": Decimal("1"), "low": Decimal("2")}
DEFAULT_WARNING, DEFAULT_CRITICAL = 75, 90


@dataclass(frozen=True)
class TypeConfig:
    """Base resolution (and optional response) hours of one ticket type, before the multiplier."""

    ticket_type: str
    base_hours: Decimal
    response_hours: Decimal | None = None
    business_hours_only: bool = False
    warning_threshold_percent: int = DEFAULT_WARNING
    critical_threshold_percent: int = DEFAULT_CRITICAL


@dataclass(frozen=True)
class Override:
    """A target for one type × priority that replaces base × multiplier (``None`` = inherit)."""

    ticket_type: str
    priority: str
    base_hours: Decimal
    response_hours: Decimal | None = None
    business_hours_only: bool | None = None
    warning_threshold_percent: int | None = None
    critical_threshold_percent: int | None = None


@dataclass(frozen=True)
class Target:
    """What a clock of one ticket runs against."""

    resolution_minutes: int
    response_minutes: int | None
    business_hours: bool
    warning_percent: int
    critical_percent: int
    source: str  # "default", "override" or "contract"

    def minutes(self, kind: str) -> int | None:
        return self.resolution_minutes if kind == "resolution" else self.response_minutes


def hours_to_minutes(hours: Decimal) -> int:
    return int((Decimal(hours) * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def check_thresholds(warning: int, critical: int) -> None:
    if not 0 < warning < critical < 100:
        raise InvalidPolicy(f"thresholds must satisfy 0 < warning ({warning}) < critical ({critical}) < 100")


@dataclass(frozen=True)
class SlaPolicy:
    """Every configured target; ``target()`` resolves the one a ticket runs against."""

    types: Mapping[str, TypeConfig]
    multipliers: Mapping[str, Decimal]
    overrides: Mapping[tuple[str, str], Override] = field(default_factory=dict)

    @classmethod
    def defaults(cls) -> "SlaPolicy":
        """The PRD defaults: FR-004 hours, FR-006 multipliers, 75/90 % thresholds, wall-clock."""
        return cls({t: TypeConfig(t, Decimal(h)) for t, h in BASE_HOURS.items()}, dict(PRIORITY_MULTIPLIER))

    def target(self, ticket_type: str, priority: str, *, contract_resolution_hours: Decimal | None = None,
               contract_response_hours: Decimal | None = None) -> Target:
        try:
            base = self.types[ticket_type]
            multiplier = self.multipliers[priority]
        except KeyError as exc:
            raise UnknownTarget(f"no SLA target for type={ticket_type!r} priority={priority!r}") from exc
        override = self.overrides.get((ticket_type, priority))
        source = "default"
        if override is not None:
            source = "override"
            resolution = hours_to_minutes(override.base_hours)
            response_hours = override.response_hours if override.response_hours is not None else (
                base.response_hours * multiplier if base.response_hours is not None else None)
            business = base.business_hours_only if override.business_hours_only is None else override.business_hours_only
            warning = override.warning_threshold_percent or base.warning_threshold_percent
            critical = override.critical_threshold_percent or base.critical_threshold_percent
        else:
            resolution = hours_to_minutes(base.base_hours * multiplier)
            response_hours = base.response_hours * multiplier if base.response_hours is not None else None
            business = base.business_hours_only
            warning, critical = base.warning_threshold_percent, base.critical_threshold_percent
        # A client's contract names its own hours: they replace the type default outright.
        if contract_resolution_hours is not None:
            resolution, source = hours_to_minutes(contract_resolution_hours), "contract"
        if contract_response_hours is not None:
            response_hours, source = Decimal(contract_response_hours), "contract"
        return Target(resolution, hours_to_minutes(response_hours) if response_hours is not None else None,
                      business, warning, critical, source)


def resolution_minutes(ticket_type: str, priority: str) -> int:
    """Minutes allowed to resolve a ticket of this type and priority under the PRD defaults."""
    return SlaPolicy.defaults().target(ticket_type, priority).resolution_minutes


def due_at(started_at: datetime, target_minutes: int) -> datetime:
    """When a wall-clock target runs out."""
    return started_at + timedelta(minutes=target_minutes)
