from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SummaryRow")



@_attrs_define
class SummaryRow:
    """ 
        Attributes:
            average_resolution_hours (float | None | Unset):  Example: 5.25.
            group_by (str | Unset):  Example: status.
            key (None | str | Unset): the group's value Example: resolved.
            open_ (int | Unset):
            overdue (int | Unset): open and past due now
            resolved (int | Unset):
            sla_breached (int | Unset):
            tickets (int | Unset):
     """

    average_resolution_hours: float | None | Unset = UNSET
    group_by: str | Unset = UNSET
    key: None | str | Unset = UNSET
    open_: int | Unset = UNSET
    overdue: int | Unset = UNSET
    resolved: int | Unset = UNSET
    sla_breached: int | Unset = UNSET
    tickets: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        average_resolution_hours: float | None | Unset
        if isinstance(self.average_resolution_hours, Unset):
            average_resolution_hours = UNSET
        else:
            average_resolution_hours = self.average_resolution_hours

        group_by = self.group_by

        key: None | str | Unset
        if isinstance(self.key, Unset):
            key = UNSET
        else:
            key = self.key

        open_ = self.open_

        overdue = self.overdue

        resolved = self.resolved

        sla_breached = self.sla_breached

        tickets = self.tickets


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if average_resolution_hours is not UNSET:
            field_dict["average_resolution_hours"] = average_resolution_hours
        if group_by is not UNSET:
            field_dict["group_by"] = group_by
        if key is not UNSET:
            field_dict["key"] = key
        if open_ is not UNSET:
            field_dict["open"] = open_
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if resolved is not UNSET:
            field_dict["resolved"] = resolved
        if sla_breached is not UNSET:
            field_dict["sla_breached"] = sla_breached
        if tickets is not UNSET:
            field_dict["tickets"] = tickets

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


        group_by = d.pop("group_by", UNSET)

        def _parse_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key = _parse_key(d.pop("key", UNSET))


        open_ = d.pop("open", UNSET)

        overdue = d.pop("overdue", UNSET)

        resolved = d.pop("resolved", UNSET)

        sla_breached = d.pop("sla_breached", UNSET)

        tickets = d.pop("tickets", UNSET)

        summary_row = cls(
            average_resolution_hours=average_resolution_hours,
            group_by=group_by,
            key=key,
            open_=open_,
            overdue=overdue,
            resolved=resolved,
            sla_breached=sla_breached,
            tickets=tickets,
        )

        return summary_row

