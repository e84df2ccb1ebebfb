from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ManualInvoice")



@_attrs_define
class ManualInvoice:
    """ 
        Attributes:
            invoice_id (str):  Example: INV-MANUAL-7.
            reason (str):  Example: Invoicing API down, invoiced by hand.
            amount (float | None | Unset): default: the final cost Example: 500.00.
     """

    invoice_id: str
    reason: str
    amount: float | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        invoice_id = self.invoice_id

        reason = self.reason

        amount: float | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "invoice_id": invoice_id,
            "reason": reason,
        })
        if amount is not UNSET:
            field_dict["amount"] = amount

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        invoice_id = d.pop("invoice_id")

        reason = d.pop("reason")

        def _parse_amount(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))


        manual_invoice = cls(
            invoice_id=invoice_id,
            reason=reason,
            amount=amount,
        )

        return manual_invoice

