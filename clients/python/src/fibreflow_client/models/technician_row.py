from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TechnicianRow")



@_attrs_define
class TechnicianRow:
    """ 
        Attributes:
            assigned_to (str | Unset):  Example: 9b2d6f1e-4c3a-4e8b-8f1a-2d3c4b5a6e7f.
            average_resolution_hours (float | None | Unset):  Example: 5.25.
            median_resolution_hours (float | None | Unset):  Example: 5.25.
            open_now (int | Unset):
            resolved (int | Unset):
            sla_breached (int | Unset):
            sla_compliance_percent (float | None | Unset):  Example: 92.5.
            technician (None | str | Unset):  Example: Thabo Nkosi.
            with_sla (int | Unset): resolved tickets that had a due time
            within_sla (int | Unset):
     """

    assigned_to: str | Unset = UNSET
    average_resolution_hours: float | None | Unset = UNSET
    median_resolution_hours: float | None | Unset = UNSET
    open_now: int | Unset = UNSET
    resolved: int | Unset = UNSET
    sla_breached: int | Unset = UNSET
    sla_compliance_percent: float | None | Unset = UNSET
    technician: None | str | Unset = UNSET
    with_sla: int | Unset = UNSET
    within_sla: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        assigned_to = self.assigned_to

        average_resolution_hours: float | None | Unset
        if isinstance(self.average_resolution_hours, Unset):
            average_resolution_hours = UNSET
        else:
            average_resolution_hours = self.average_resolution_hours

        median_resolution_hours: float | None | Unset
        if isinstance(self.median_resolution_hours, Unset):
            median_resolution_hours = UNSET
        else:
            median_resolution_hours = self.median_resolution_hours

        open_now = self.open_now

        resolved = self.resolved

        sla_breached = self.sla_breached

        sla_compliance_percent: float | None | Unset
        if isinstance(self.sla_compliance_percent, Unset):
            sla_compliance_percent = UNSET
        else:
            sla_compliance_percent = self.sla_compliance_percent

        technician: None | str | Unset
        if isinstance(self.technician, Unset):
            technician = UNSET
        else:
            technician = self.technician

        with_sla = self.with_sla

        within_sla = self.within_sla


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if assigned_to is not UNSET:
            field_dict["assigned_to"] = assigned_to
        if average_resolution_hours is not UNSET:
            field_dict["average_resolution_hours"] = average_resolution_hours
        if median_resolution_hours is not UNSET:
            field_dict["median_resolution_hours"] = median_resolution_hours
        if open_now is not UNSET:
            field_dict["open_now"] = open_now
        if resolved is not UNSET:
            field_dict["resolved"] = resolved
        if sla_breached is not UNSET:
            field_dict["sla_breached"] = sla_breached
        if sla_compliance_percent is not UNSET:
            field_dict["sla_compliance_percent"] = sla_compliance_percent
        if technician is not UNSET:
            field_dict["technician"] = technician
        if with_sla is not UNSET:
            field_dict["with_sla"] = with_sla
        if within_sla is not UNSET:
            field_dict["within_sla"] = within_sla

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assigned_to = d.pop("assigned_to", UNSET)

        def _parse_average_resolution_hours(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_resolution_hours = _parse_average_resolution_hours(d.pop("average_resolution_hours", UNSET))


        def _parse_median_resolution_hours(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        median_resolution_hours = _parse_median_resolution_hours(d.pop("median_resolution_hours", UNSET))


        open_now = d.pop("open_now", UNSET)

        resolved = d.pop("resolved", UNSET)

        sla_breached = d.pop("sla_breached", UNSET)

        def _parse_sla_compliance_percent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        sla_compliance_percent = _parse_sla_compliance_percent(d.pop("sla_compliance_percent", UNSET))


        def _parse_technician(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        technician = _parse_technician(d.pop("technician", UNSET))


        with_sla = d.pop("with_sla", UNSET)

        within_sla = d.pop("within_sla", UNSET)

        technician_row = cls(
            assigned_to=assigned_to,
            average_resolution_hours=average_resolution_hours,
            median_resolution_hours=median_resolution_hours,
            open_now=open_now,
            resolved=resolved,
            sla_breached=sla_breached,
            sla_compliance_percent=sla_compliance_percent,
            technician=technician,
            with_sla=with_sla,
            within_sla=within_sla,
        )

        return technician_row

