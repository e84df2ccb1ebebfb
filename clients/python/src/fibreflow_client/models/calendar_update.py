from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.working_hours import WorkingHours





T = TypeVar("T", bound="CalendarUpdate")



@_attrs_define
class CalendarUpdate:
    """ 
        Attributes:
            country (None | str | Unset): ISO country of the public holidays; null: none Example: ZA.
            subdivision (None | str | Unset):
            timezone (str | Unset):  Example: Africa/Johannesburg.
            working_hours (list[WorkingHours] | Unset):
     """

    country: None | str | Unset = UNSET
    subdivision: None | str | Unset = UNSET
    timezone: str | Unset = UNSET
    working_hours: list[WorkingHours] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.working_hours import WorkingHours # noqa: PLC0415
        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        subdivision: None | str | Unset
        if isinstance(self.subdivision, Unset):
            subdivision = UNSET
        else:
            subdivision = self.subdivision

        timezone = self.timezone

        working_hours: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.working_hours, Unset):
            working_hours = []
            for working_hours_item_data in self.working_hours:
                working_hours_item = working_hours_item_data.to_dict()
                working_hours.append(working_hours_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if country is not UNSET:
            field_dict["country"] = country
        if subdivision is not UNSET:
            field_dict["subdivision"] = subdivision
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if working_hours is not UNSET:
            field_dict["working_hours"] = working_hours

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.working_hours import WorkingHours # noqa: PLC0415
        d = dict(src_dict)
        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))


        def _parse_subdivision(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subdivision = _parse_subdivision(d.pop("subdivision", UNSET))


        timezone = d.pop("timezone", UNSET)

        _working_hours = d.pop("working_hours", UNSET)
        working_hours: list[WorkingHours] | Unset = UNSET
        if _working_hours is not UNSET:
            working_hours = []
            for working_hours_item_data in _working_hours:
                working_hours_item = WorkingHours.from_dict(working_hours_item_data)



                working_hours.append(working_hours_item)


        calendar_update = cls(
            country=country,
            subdivision=subdivision,
            timezone=timezone,
            working_hours=working_hours,
        )

        return calendar_update

