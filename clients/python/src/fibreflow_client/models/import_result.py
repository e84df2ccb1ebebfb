from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ImportResult")



@_attrs_define
class ImportResult:
    """ 
        Attributes:
            received (int | Unset):  Example: 30.
            upserted (int | Unset):  Example: 30.
     """

    received: int | Unset = UNSET
    upserted: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        received = self.received

        upserted = self.upserted


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if received is not UNSET:
            field_dict["received"] = received
        if upserted is not UNSET:
            field_dict["upserted"] = upserted

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        received = d.pop("received", UNSET)

        upserted = d.pop("upserted", UNSET)

        import_result = cls(
            received=received,
            upserted=upserted,
        )

        return import_result

