from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.working_hours_weekday import WorkingHoursWeekday
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WorkingHours")



@_attrs_define
class WorkingHours:
    """ 
        Attributes:
            weekday (WorkingHoursWeekday):  Example: monday.
            end (None | str | Unset):  Example: 17:00.
            open_ (bool | Unset):  Default: True. Example: True.
            start (None | str | Unset):  Example: 08:00.
     """

    weekday: WorkingHoursWeekday
    end: None | str | Unset = UNSET
    open_: bool | Unset = True
    start: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        weekday = self.weekday.value

        end: None | str | Unset
        if isinstance(self.end, Unset):
            end = UNSET
        else:
            end = self.end

        open_ = self.open_

        start: None | str | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        else:
            start = self.start


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "weekday": weekday,
        })
        if end is not UNSET:
            field_dict["end"] = end
        if open_ is not UNSET:
            field_dict["open"] = open_
        if start is not UNSET:
            field_dict["start"] = start

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        weekday = WorkingHoursWeekday(d.pop("weekday"))




        def _parse_end(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end = _parse_end(d.pop("end", UNSET))


        open_ = d.pop("open", UNSET)

        def _parse_start(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start = _parse_start(d.pop("start", UNSET))


        working_hours = cls(
            weekday=weekday,
            end=end,
            open_=open_,
            start=start,
        )

        return working_hours

