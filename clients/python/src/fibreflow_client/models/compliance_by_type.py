from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ComplianceByType")



@_attrs_define
class ComplianceByType:
    """ 
        Attributes:
            breached (int | Unset):
            compliance_percent (float | None | Unset):
            met (int | Unset):
            ticket_type (str | Unset):
            total (int | Unset):
     """

    breached: int | Unset = UNSET
    compliance_percent: float | None | Unset = UNSET
    met: int | Unset = UNSET
    ticket_type: str | Unset = UNSET
    total: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        breached = self.breached

        compliance_percent: float | None | Unset
        if isinstance(self.compliance_percent, Unset):
            compliance_percent = UNSET
        else:
            compliance_percent = self.compliance_percent

        met = self.met

        ticket_type = self.ticket_type

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
        if ticket_type is not UNSET:
            field_dict["ticket_type"] = ticket_type
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

        ticket_type = d.pop("ticket_type", UNSET)

        total = d.pop("total", UNSET)

        compliance_by_type = cls(
            breached=breached,
            compliance_percent=compliance_percent,
            met=met,
            ticket_type=ticket_type,
            total=total,
        )

        return compliance_by_type

