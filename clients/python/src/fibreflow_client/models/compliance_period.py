from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="CompliancePeriod")



@_attrs_define
class CompliancePeriod:
    """ 
        Attributes:
            breached (int | Unset):
            compliance_percent (float | None | Unset):
            met (int | Unset):
            period_start (datetime.date | Unset):
            total (int | Unset):
     """

    breached: int | Unset = UNSET
    compliance_percent: float | None | Unset = UNSET
    met: int | Unset = UNSET
    period_start: datetime.date | Unset = UNSET
    total: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        breached = self.breached

        compliance_percent: float | None | Unset
        if isinstance(self.compliance_percent, Unset):
            compliance_percent = UNSET
        else:
            compliance_percent = self.compliance_percent

        met = self.met

        period_start: str | Unset = UNSET
        if not isinstance(self.period_start, Unset):
            period_start = self.period_start.isoformat()

        total = self.total


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if breached is not UNSET:
            field_dict["breached"] = breached
        if compliance_percent is not UNSET:
            field_dict["compliance_percent"] = compliance_percent
        if met is not UNSET:
            field_dict["met"] = met
        if period_start is not UNSET:
            field_dict["period_start"] = period_start
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        breached = d.pop("breached", UNSET)

        def _parse_compliance_percent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        compliance_percent = _parse_compliance_percent(d.pop("compliance_percent", UNSET))


        met = d.pop("met", UNSET)

        _period_start = d.pop("period_start", UNSET)
        period_start: datetime.date | Unset
        if isinstance(_period_start,  Unset):
            period_start = UNSET
        else:
            period_start = datetime.date.fromisoformat(_period_start)




        total = d.pop("total", UNSET)

        compliance_period = cls(
            breached=breached,
            compliance_percent=compliance_percent,
            met=met,
            period_start=period_start,
            total=total,
        )

        return compliance_period

