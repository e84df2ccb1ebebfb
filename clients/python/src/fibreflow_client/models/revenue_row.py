from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="RevenueRow")



@_attrs_define
class RevenueRow:
    """ 
        Attributes:
            currency (str | Unset):  Example: ZAR.
            invoiced_amount (str | Unset):  Example: 500.00.
            invoiced_count (int | Unset):
            month (str | Unset):  Example: 2026-11.
            paid_amount (str | Unset):  Example: 500.00.
            paid_count (int | Unset):
     """

    currency: str | Unset = UNSET
    invoiced_amount: str | Unset = UNSET
    invoiced_count: int | Unset = UNSET
    month: str | Unset = UNSET
    paid_amount: str | Unset = UNSET
    paid_count: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        invoiced_amount = self.invoiced_amount

        invoiced_count = self.invoiced_count

        month = self.month

        paid_amount = self.paid_amount

        paid_count = self.paid_count


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if currency is not UNSET:
            field_dict["currency"] = currency
        if invoiced_amount is not UNSET:
            field_dict["invoiced_amount"] = invoiced_amount
        if invoiced_count is not UNSET:
            field_dict["invoiced_count"] = invoiced_count
        if month is not UNSET:
            field_dict["month"] = month
        if paid_amount is not UNSET:
            field_dict["paid_amount"] = paid_amount
        if paid_count is not UNSET:
            field_dict["paid_count"] = paid_count

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency", UNSET)

        invoiced_amount = d.pop("invoiced_amount", UNSET)

        invoiced_count = d.pop("invoiced_count", UNSET)

        month = d.pop("month", UNSET)

        paid_amount = d.pop("paid_amount", UNSET)

        paid_count = d.pop("paid_count", UNSET)

        revenue_row = cls(
            currency=currency,
            invoiced_amount=invoiced_amount,
            invoiced_count=invoiced_count,
            month=month,
            paid_amount=paid_amount,
            paid_count=paid_count,
        )

        return revenue_row

