from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="TrendRow")



@_attrs_define
class TrendRow:
    """ 
        Attributes:
            period_start (str | Unset):  Example: 2026-11-02.
            source (str | Unset):  Example: qcontact.
            tickets (int | Unset):
            type_ (str | Unset):  Example: fault.
     """

    period_start: str | Unset = UNSET
    source: str | Unset = UNSET
    tickets: int | Unset = UNSET
    type_: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        period_start = self.period_start

        source = self.source

        tickets = self.tickets

        type_ = self.type_


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if period_start is not UNSET:
            field_dict["period_start"] = period_start
        if source is not UNSET:
            field_dict["source"] = source
        if tickets is not UNSET:
            field_dict["tickets"] = tickets
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period_start = d.pop("period_start", UNSET)

        source = d.pop("source", UNSET)

        tickets = d.pop("tickets", UNSET)

        type_ = d.pop("type", UNSET)

        trend_row = cls(
            period_start=period_start,
            source=source,
            tickets=tickets,
            type_=type_,
        )

        return trend_row

