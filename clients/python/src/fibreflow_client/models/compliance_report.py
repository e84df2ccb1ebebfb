from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.breached_clock import BreachedClock
  from ..models.compliance_by_priority import ComplianceByPriority
  from ..models.compliance_by_team import ComplianceByTeam
  from ..models.compliance_by_type import ComplianceByType
  from ..models.compliance_cell import ComplianceCell
  from ..models.compliance_period import CompliancePeriod





T = TypeVar("T", bound="ComplianceReport")



@_attrs_define
class ComplianceReport:
    """ 
        Attributes:
            breached (list[BreachedClock] | Unset):
            by_period (list[CompliancePeriod] | Unset):
            by_priority (list[ComplianceByPriority] | Unset):
            by_team (list[ComplianceByTeam] | Unset):
            by_type (list[ComplianceByType] | Unset):
            clock (str | Unset):
            from_ (datetime.date | Unset): deprecated: period_from
            period (str | Unset):
            period_from (datetime.date | Unset): first day counted
            period_to (datetime.date | Unset): end day, exclusive
            summary (ComplianceCell | Unset):
            timezone (str | Unset):
            to (datetime.date | Unset): deprecated: the last day counted (period_to - 1 day)
     """

    breached: list[BreachedClock] | Unset = UNSET
    by_period: list[CompliancePeriod] | Unset = UNSET
    by_priority: list[ComplianceByPriority] | Unset = UNSET
    by_team: list[ComplianceByTeam] | Unset = UNSET
    by_type: list[ComplianceByType] | Unset = UNSET
    clock: str | Unset = UNSET
    from_: datetime.date | Unset = UNSET
    period: str | Unset = UNSET
    period_from: datetime.date | Unset = UNSET
    period_to: datetime.date | Unset = UNSET
    summary: ComplianceCell | Unset = UNSET
    timezone: str | Unset = UNSET
    to: datetime.date | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.breached_clock import BreachedClock # noqa: PLC0415
        from ..models.compliance_by_priority import ComplianceByPriority # noqa: PLC0415
        from ..models.compliance_by_team import ComplianceByTeam # noqa: PLC0415
        from ..models.compliance_by_type import ComplianceByType # noqa: PLC0415
        from ..models.compliance_cell import ComplianceCell # noqa: PLC0415
        from ..models.compliance_period import CompliancePeriod # noqa: PLC0415
        breached: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.breached, Unset):
            breached = []
            for breached_item_data in self.breached:
                breached_item = breached_item_data.to_dict()
                breached.append(breached_item)



        by_period: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.by_period, Unset):
            by_period = []
            for by_period_item_data in self.by_period:
                by_period_item = by_period_item_data.to_dict()
                by_period.append(by_period_item)



        by_priority: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.by_priority, Unset):
            by_priority = []
            for by_priority_item_data in self.by_priority:
                by_priority_item = by_priority_item_data.to_dict()
                by_priority.append(by_priority_item)



        by_team: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.by_team, Unset):
            by_team = []
            for by_team_item_data in self.by_team:
                by_team_item = by_team_item_data.to_dict()
                by_team.append(by_team_item)



        by_type: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.by_type, Unset):
            by_type = []
            for by_type_item_data in self.by_type:
                by_type_item = by_type_item_data.to_dict()
                by_type.append(by_type_item)



        clock = self.clock

        from_: str | Unset = UNSET
        if not isinstance(self.from_, Unset):
            from_ = self.from_.isoformat()

        period = self.period

        period_from: str | Unset = UNSET
        if not isinstance(self.period_from, Unset):
            period_from = self.period_from.isoformat()

        period_to: str | Unset = UNSET
        if not isinstance(self.period_to, Unset):
            period_to = self.period_to.isoformat()

        summary: dict[str, Any] | Unset = UNSET
        if not isinstance(self.summary, Unset):
            summary = self.summary.to_dict()

        timezone = self.timezone

        to: str | Unset = UNSET
        if not isinstance(self.to, Unset):
            to = self.to.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if breached is not UNSET:
            field_dict["breached"] = breached
        if by_period is not UNSET:
            field_dict["by_period"] = by_period
        if by_priority is not UNSET:
            field_dict["by_priority"] = by_priority
        if by_team is not UNSET:
            field_dict["by_team"] = by_team
        if by_type is not UNSET:
            field_dict["by_type"] = by_type
        if clock is not UNSET:
            field_dict["clock"] = clock
        if from_ is not UNSET:
            field_dict["from"] = from_
        if period is not UNSET:
            field_dict["period"] = period
        if period_from is not UNSET:
            field_dict["period_from"] = period_from
        if period_to is not UNSET:
            field_dict["period_to"] = period_to
        if summary is not UNSET:
            field_dict["summary"] = summary
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if to is not UNSET:
            field_dict["to"] = to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.breached_clock import BreachedClock # noqa: PLC0415
        from ..models.compliance_by_priority import ComplianceByPriority # noqa: PLC0415
        from ..models.compliance_by_team import ComplianceByTeam # noqa: PLC0415
        from ..models.compliance_by_type import ComplianceByType # noqa: PLC0415
        from ..models.compliance_cell import ComplianceCell # noqa: PLC0415
        from ..models.compliance_period import CompliancePeriod # noqa: PLC0415
        d = dict(src_dict)
        _breached = d.pop("breached", UNSET)
        breached: list[BreachedClock] | Unset = UNSET
        if _breached is not UNSET:
            breached = []
            for breached_item_data in _breached:
                breached_item = BreachedClock.from_dict(breached_item_data)



                breached.append(breached_item)


        _by_period = d.pop("by_period", UNSET)
        by_period: list[CompliancePeriod] | Unset = UNSET
        if _by_period is not UNSET:
            by_period = []
            for by_period_item_data in _by_period:
                by_period_item = CompliancePeriod.from_dict(by_period_item_data)



                by_period.append(by_period_item)


        _by_priority = d.pop("by_priority", UNSET)
        by_priority: list[ComplianceByPriority] | Unset = UNSET
        if _by_priority is not UNSET:
            by_priority = []
            for by_priority_item_data in _by_priority:
                by_priority_item = ComplianceByPriority.from_dict(by_priority_item_data)



                by_priority.append(by_priority_item)


        _by_team = d.pop("by_team", UNSET)
        by_team: list[ComplianceByTeam] | Unset = UNSET
        if _by_team is not UNSET:
            by_team = []
            for by_team_item_data in _by_team:
                by_team_item = ComplianceByTeam.from_dict(by_team_item_data)



                by_team.append(by_team_item)


        _by_type = d.pop("by_type", UNSET)
        by_type: list[ComplianceByType] | Unset = UNSET
        if _by_type is not UNSET:
            by_type = []
            for by_type_item_data in _by_type:
                by_type_item = ComplianceByType.from_dict(by_type_item_data)



                by_type.append(by_type_item)


        clock = d.pop("clock", UNSET)

        _from_ = d.pop("from", UNSET)
        from_: datetime.date | Unset
        if isinstance(_from_,  Unset):
            from_ = UNSET
        else:
            from_ = datetime.date.fromisoformat(_from_)




        period = d.pop("period", UNSET)

        _period_from = d.pop("period_from", UNSET)
        period_from: datetime.date | Unset
        if isinstance(_period_from,  Unset):
            period_from = UNSET
        else:
            period_from = datetime.date.fromisoformat(_period_from)




        _period_to = d.pop("period_to", UNSET)
        period_to: datetime.date | Unset
        if isinstance(_period_to,  Unset):
            period_to = UNSET
        else:
            period_to = datetime.date.fromisoformat(_period_to)




        _summary = d.pop("summary", UNSET)
        summary: ComplianceCell | Unset
        if isinstance(_summary,  Unset):
            summary = UNSET
        else:
            summary = ComplianceCell.from_dict(_summary)




        timezone = d.pop("timezone", UNSET)

        _to = d.pop("to", UNSET)
        to: datetime.date | Unset
        if isinstance(_to,  Unset):
            to = UNSET
        else:
            to = datetime.date.fromisoformat(_to)




        compliance_report = cls(
            breached=breached,
            by_period=by_period,
            by_priority=by_priority,
            by_team=by_team,
            by_type=by_type,
            clock=clock,
            from_=from_,
            period=period,
            period_from=period_from,
            period_to=period_to,
            summary=summary,
            timezone=timezone,
            to=to,
        )

        return compliance_report

