from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="AgeingRow")



@_attrs_define
class AgeingRow:
    """ 
        Attributes:
            bucket (str | Unset):  Example: under_24h.
            count (int | Unset):
            currency (str | Unset):  Example: ZAR.
            estimated_amount (str | Unset):  Example: 500.00.
     """

    bucket: str | Unset = UNSET
    count: int | Unset = UNSET
    currency: str | Unset = UNSET
    estimated_amount: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        bucket = self.bucket

        count = self.count

        currency = self.currency

        estimated_amount = self.estimated_amount


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if bucket is not UNSET:
            field_dict["bucket"] = bucket
        if count is not UNSET:
            field_dict["count"] = count
        if currency is not UNSET:
            field_dict["currency"] = currency
        if estimated_amount is not UNSET:
            field_dict["estimated_amount"] = estimated_amount

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bucket = d.pop("bucket", UNSET)

        count = d.pop("count", UNSET)

        currency = d.pop("currency", UNSET)

        estimated_amount = d.pop("estimated_amount", UNSET)

        ageing_row = cls(
            bucket=bucket,
            count=count,
            currency=currency,
            estimated_amount=estimated_amount,
        )

        return ageing_row

