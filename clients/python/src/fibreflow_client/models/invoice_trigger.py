from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="InvoiceTrigger")



@_attrs_define
class InvoiceTrigger:
    """ 
        Attributes:
            amount (None | str | Unset):  Example: 500.00.
            billing_status (str | Unset):  Example: approved.
            currency (str | Unset):  Example: ZAR.
            job_status (str | Unset):  Example: pending.
            ticket_uid (str | Unset):  Example: FT12345.
     """

    amount: None | str | Unset = UNSET
    billing_status: str | Unset = UNSET
    currency: str | Unset = UNSET
    job_status: str | Unset = UNSET
    ticket_uid: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        billing_status = self.billing_status

        currency = self.currency

        job_status = self.job_status

        ticket_uid = self.ticket_uid


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if amount is not UNSET:
            field_dict["amount"] = amount
        if billing_status is not UNSET:
            field_dict["billing_status"] = billing_status
        if currency is not UNSET:
            field_dict["currency"] = currency
        if job_status is not UNSET:
            field_dict["job_status"] = job_status
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))


        billing_status = d.pop("billing_status", UNSET)

        currency = d.pop("currency", UNSET)

        job_status = d.pop("job_status", UNSET)

        ticket_uid = d.pop("ticket_uid", UNSET)

        invoice_trigger = cls(
            amount=amount,
            billing_status=billing_status,
            currency=currency,
            job_status=job_status,
            ticket_uid=ticket_uid,
        )

        return invoice_trigger

