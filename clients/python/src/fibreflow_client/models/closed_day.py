from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ClosedDay")



@_attrs_define
class ClosedDay:
    """ 
        Attributes:
            date (datetime.date):  Example: 2026-12-31.
            name (str):  Example: Year-end shutdown.
     """

    date: datetime.date
    name: str





    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "date": date,
            "name": name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))




        name = d.pop("name")

        closed_day = cls(
            date=date,
            name=name,
        )

        return closed_day

