from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.closed_day import ClosedDay
  from ..models.pagination import Pagination





T = TypeVar("T", bound="ClosedDaysEnvelopeData")



@_attrs_define
class ClosedDaysEnvelopeData:
    """ 
        Attributes:
            closed_days (list[ClosedDay] | Unset):
            pagination (Pagination | Unset):
            year (int | None | Unset): the year asked for; null: every year
     """

    closed_days: list[ClosedDay] | Unset = UNSET
    pagination: Pagination | Unset = UNSET
    year: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.closed_day import ClosedDay # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        closed_days: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.closed_days, Unset):
            closed_days = []
            for closed_days_item_data in self.closed_days:
                closed_days_item = closed_days_item_data.to_dict()
                closed_days.append(closed_days_item)



        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        year: int | None | Unset
        if isinstance(self.year, Unset):
            year = UNSET
        else:
            year = self.year


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if closed_days is not UNSET:
            field_dict["closed_days"] = closed_days
        if pagination is not UNSET:
            field_dict["pagination"] = pagination
        if year is not UNSET:
            field_dict["year"] = year

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.closed_day import ClosedDay # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        d = dict(src_dict)
        _closed_days = d.pop("closed_days", UNSET)
        closed_days: list[ClosedDay] | Unset = UNSET
        if _closed_days is not UNSET:
            closed_days = []
            for closed_days_item_data in _closed_days:
                closed_days_item = ClosedDay.from_dict(closed_days_item_data)



                closed_days.append(closed_days_item)


        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        def _parse_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        year = _parse_year(d.pop("year", UNSET))


        closed_days_envelope_data = cls(
            closed_days=closed_days,
            pagination=pagination,
            year=year,
        )

        return closed_days_envelope_data

