from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ZoneRow")



@_attrs_define
class ZoneRow:
    """ 
        Attributes:
            average_resolution_hours (float | None | Unset):  Example: 5.25.
            created (int | Unset):
            period_start (str | Unset):  Example: 2026-11-02.
            resolved (int | Unset):
            sla_breached (int | Unset): of the tickets created in the period
            zone (None | str | Unset):  Example: Zone A.
     """

    average_resolution_hours: float | None | Unset = UNSET
    created: int | Unset = UNSET
    period_start: str | Unset = UNSET
    resolved: int | Unset = UNSET
    sla_breached: int | Unset = UNSET
    zone: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        average_resolution_hours: float | None | Unset
        if isinstance(self.average_resolution_hours, Unset):
            average_resolution_hours = UNSET
        else:
            average_resolution_hours = self.average_resolution_hours

        created = self.created

        period_start = self.period_start

        resolved = self.resolved

        sla_breached = self.sla_breached

        zone: None | str | Unset
        if isinstance(self.zone, Unset):
            zone = UNSET
        else:
            zone = self.zone


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if average_resolution_hours is not UNSET:
            field_dict["average_resolution_hours"] = average_resolution_hours
        if created is not UNSET:
            field_dict["created"] = created
        if period_start is not UNSET:
            field_dict["period_start"] = period_start
        if resolved is not UNSET:
            field_dict["resolved"] = resolved
        if sla_breached is not UNSET:
            field_dict["sla_breached"] = sla_breached
        if zone is not UNSET:
            field_dict["zone"] = zone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_average_resolution_hours(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_resolution_hours = _parse_average_resolution_hours(d.pop("average_resolution_hours", UNSET))


        created = d.pop("created", UNSET)

        period_start = d.pop("period_start", UNSET)

        resolved = d.pop("resolved", UNSET)

        sla_breached = d.pop("sla_breached", UNSET)

        def _parse_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        zone = _parse_zone(d.pop("zone", UNSET))


        zone_row = cls(
            average_resolution_hours=average_resolution_hours,
            created=created,
            period_start=period_start,
            resolved=resolved,
            sla_breached=sla_breached,
            zone=zone,
        )

        return zone_row

