from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Pause")



@_attrs_define
class Pause:
    """ 
        Attributes:
            end (datetime.datetime | None | Unset):
            reason (str | Unset): blocked (ticket blocked) or stopped (resolved/closed)
            start (datetime.datetime | Unset):
     """

    end: datetime.datetime | None | Unset = UNSET
    reason: str | Unset = UNSET
    start: datetime.datetime | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        end: None | str | Unset
        if isinstance(self.end, Unset):
            end = UNSET
        elif isinstance(self.end, datetime.datetime):
            end = self.end.isoformat()
        else:
            end = self.end

        reason = self.reason

        start: str | Unset = UNSET
        if not isinstance(self.start, Unset):
            start = self.start.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if end is not UNSET:
            field_dict["end"] = end
        if reason is not UNSET:
            field_dict["reason"] = reason
        if start is not UNSET:
            field_dict["start"] = start

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_end(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_type_0 = datetime.datetime.fromisoformat(data)



                return end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        end = _parse_end(d.pop("end", UNSET))


        reason = d.pop("reason", UNSET)

        _start = d.pop("start", UNSET)
        start: datetime.datetime | Unset
        if isinstance(_start,  Unset):
            start = UNSET
        else:
            start = datetime.datetime.fromisoformat(_start)




        pause = cls(
            end=end,
            reason=reason,
            start=start,
        )

        return pause

