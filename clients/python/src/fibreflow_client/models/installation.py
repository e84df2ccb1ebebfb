from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Installation")



@_attrs_define
class Installation:
    """ 
        Attributes:
            days_left (int | Unset):
            drop_number (str | Unset):  Example: DR1234.
            guarantee_expires_at (datetime.date | Unset):
            install_date (datetime.date | Unset):
            under_guarantee (bool | Unset):
     """

    days_left: int | Unset = UNSET
    drop_number: str | Unset = UNSET
    guarantee_expires_at: datetime.date | Unset = UNSET
    install_date: datetime.date | Unset = UNSET
    under_guarantee: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        days_left = self.days_left

        drop_number = self.drop_number

        guarantee_expires_at: str | Unset = UNSET
        if not isinstance(self.guarantee_expires_at, Unset):
            guarantee_expires_at = self.guarantee_expires_at.isoformat()

        install_date: str | Unset = UNSET
        if not isinstance(self.install_date, Unset):
            install_date = self.install_date.isoformat()

        under_guarantee = self.under_guarantee


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if days_left is not UNSET:
            field_dict["days_left"] = days_left
        if drop_number is not UNSET:
            field_dict["drop_number"] = drop_number
        if guarantee_expires_at is not UNSET:
            field_dict["guarantee_expires_at"] = guarantee_expires_at
        if install_date is not UNSET:
            field_dict["install_date"] = install_date
        if under_guarantee is not UNSET:
            field_dict["under_guarantee"] = under_guarantee

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        days_left = d.pop("days_left", UNSET)

        drop_number = d.pop("drop_number", UNSET)

        _guarantee_expires_at = d.pop("guarantee_expires_at", UNSET)
        guarantee_expires_at: datetime.date | Unset
        if isinstance(_guarantee_expires_at,  Unset):
            guarantee_expires_at = UNSET
        else:
            guarantee_expires_at = datetime.date.fromisoformat(_guarantee_expires_at)




        _install_date = d.pop("install_date", UNSET)
        install_date: datetime.date | Unset
        if isinstance(_install_date,  Unset):
            install_date = UNSET
        else:
            install_date = datetime.date.fromisoformat(_install_date)




        under_guarantee = d.pop("under_guarantee", UNSET)

        installation = cls(
            days_left=days_left,
            drop_number=drop_number,
            guarantee_expires_at=guarantee_expires_at,
            install_date=install_date,
            under_guarantee=under_guarantee,
        )

        return installation

