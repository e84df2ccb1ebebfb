from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PaidLineItem")



@_attrs_define
class PaidLineItem:
    """ 
        Attributes:
            ticket_uid (str):  Example: FT12345.
            amount_paid (float | None | Unset):  Example: 500.0.
            line_item_id (None | str | Unset):  Example: LI-1.
            paid_at (None | str | Unset):  Example: 2026-12-25T10:00:00Z.
     """

    ticket_uid: str
    amount_paid: float | None | Unset = UNSET
    line_item_id: None | str | Unset = UNSET
    paid_at: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        ticket_uid = self.ticket_uid

        amount_paid: float | None | Unset
        if isinstance(self.amount_paid, Unset):
            amount_paid = UNSET
        else:
            amount_paid = self.amount_paid

        line_item_id: None | str | Unset
        if isinstance(self.line_item_id, Unset):
            line_item_id = UNSET
        else:
            line_item_id = self.line_item_id

        paid_at: None | str | Unset
        if isinstance(self.paid_at, Unset):
            paid_at = UNSET
        else:
            paid_at = self.paid_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "ticket_uid": ticket_uid,
        })
        if amount_paid is not UNSET:
            field_dict["amount_paid"] = amount_paid
        if line_item_id is not UNSET:
            field_dict["line_item_id"] = line_item_id
        if paid_at is not UNSET:
            field_dict["paid_at"] = paid_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ticket_uid = d.pop("ticket_uid")

        def _parse_amount_paid(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        amount_paid = _parse_amount_paid(d.pop("amount_paid", UNSET))


        def _parse_line_item_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        line_item_id = _parse_line_item_id(d.pop("line_item_id", UNSET))


        def _parse_paid_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        paid_at = _parse_paid_at(d.pop("paid_at", UNSET))


        paid_line_item = cls(
            ticket_uid=ticket_uid,
            amount_paid=amount_paid,
            line_item_id=line_item_id,
            paid_at=paid_at,
        )

        return paid_line_item

