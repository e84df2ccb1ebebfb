from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.paid_line_item import PaidLineItem





T = TypeVar("T", bound="InvoiceWebhook")



@_attrs_define
class InvoiceWebhook:
    """ 
        Attributes:
            event (str):  Example: invoice.paid.
            invoice_id (str):  Example: INV-2026-001.
            line_items (list[PaidLineItem] | Unset):
            total_paid (float | None | Unset):  Example: 500.0.
     """

    event: str
    invoice_id: str
    line_items: list[PaidLineItem] | Unset = UNSET
    total_paid: float | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.paid_line_item import PaidLineItem # noqa: PLC0415
        event = self.event

        invoice_id = self.invoice_id

        line_items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.line_items, Unset):
            line_items = []
            for line_items_item_data in self.line_items:
                line_items_item = line_items_item_data.to_dict()
                line_items.append(line_items_item)



        total_paid: float | None | Unset
        if isinstance(self.total_paid, Unset):
            total_paid = UNSET
        else:
            total_paid = self.total_paid


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "event": event,
            "invoice_id": invoice_id,
        })
        if line_items is not UNSET:
            field_dict["line_items"] = line_items
        if total_paid is not UNSET:
            field_dict["total_paid"] = total_paid

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.paid_line_item import PaidLineItem # noqa: PLC0415
        d = dict(src_dict)
        event = d.pop("event")

        invoice_id = d.pop("invoice_id")

        _line_items = d.pop("line_items", UNSET)
        line_items: list[PaidLineItem] | Unset = UNSET
        if _line_items is not UNSET:
            line_items = []
            for line_items_item_data in _line_items:
                line_items_item = PaidLineItem.from_dict(line_items_item_data)



                line_items.append(line_items_item)


        def _parse_total_paid(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        total_paid = _parse_total_paid(d.pop("total_paid", UNSET))


        invoice_webhook = cls(
            event=event,
            invoice_id=invoice_id,
            line_items=line_items,
            total_paid=total_paid,
        )

        return invoice_webhook

