from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.day_entry import DayEntry
  from ..models.pagination import Pagination





T = TypeVar("T", bound="HolidaysEnvelopeData")



@_attrs_define
class HolidaysEnvelopeData:
    """ 
        Attributes:
            days (list[DayEntry] | Unset):
            pagination (Pagination | Unset):
            year (int | Unset):  Example: 2026.
     """

    days: list[DayEntry] | Unset = UNSET
    pagination: Pagination | Unset = UNSET
    year: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.day_entry import DayEntry # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        days: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.days, Unset):
            days = []
            for days_item_data in self.days:
                days_item = days_item_data.to_dict()
                days.append(days_item)



        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        year = self.year


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if days is not UNSET:
            field_dict["days"] = days
        if pagination is not UNSET:
            field_dict["pagination"] = pagination
        if year is not UNSET:
            field_dict["year"] = year

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.day_entry import DayEntry # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        d = dict(src_dict)
        _days = d.pop("days", UNSET)
        days: list[DayEntry] | Unset = UNSET
        if _days is not UNSET:
            days = []
            for days_item_data in _days:
                days_item = DayEntry.from_dict(days_item_data)



                days.append(days_item)


        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        year = d.pop("year", UNSET)

        holidays_envelope_data = cls(
            days=days,
            pagination=pagination,
            year=year,
        )

        return holidays_envelope_data

