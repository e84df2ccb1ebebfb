from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WorkReportRow")



@_attrs_define
class WorkReportRow:
    """ 
        Attributes:
            billable (int | Unset):
            billable_amount (str | Unset):  Example: 1000.00.
            guarantee (int | Unset):
            guarantee_share (float | Unset):
            internal (int | Unset):
            key (None | str | Unset): project id, or team (else person) id
            name (None | str | Unset):
            sla (int | Unset):
            total (int | Unset):
     """

    billable: int | Unset = UNSET
    billable_amount: str | Unset = UNSET
    guarantee: int | Unset = UNSET
    guarantee_share: float | Unset = UNSET
    internal: int | Unset = UNSET
    key: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    sla: int | Unset = UNSET
    total: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        billable = self.billable

        billable_amount = self.billable_amount

        guarantee = self.guarantee

        guarantee_share = self.guarantee_share

        internal = self.internal

        key: None | str | Unset
        if isinstance(self.key, Unset):
            key = UNSET
        else:
            key = self.key

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        sla = self.sla

        total = self.total


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if billable is not UNSET:
            field_dict["billable"] = billable
        if billable_amount is not UNSET:
            field_dict["billable_amount"] = billable_amount
        if guarantee is not UNSET:
            field_dict["guarantee"] = guarantee
        if guarantee_share is not UNSET:
            field_dict["guarantee_share"] = guarantee_share
        if internal is not UNSET:
            field_dict["internal"] = internal
        if key is not UNSET:
            field_dict["key"] = key
        if name is not UNSET:
            field_dict["name"] = name
        if sla is not UNSET:
            field_dict["sla"] = sla
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        billable = d.pop("billable", UNSET)

        billable_amount = d.pop("billable_amount", UNSET)

        guarantee = d.pop("guarantee", UNSET)

        guarantee_share = d.pop("guarantee_share", UNSET)

        internal = d.pop("internal", UNSET)

        def _parse_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key = _parse_key(d.pop("key", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        sla = d.pop("sla", UNSET)

        total = d.pop("total", UNSET)

        work_report_row = cls(
            billable=billable,
            billable_amount=billable_amount,
            guarantee=guarantee,
            guarantee_share=guarantee_share,
            internal=internal,
            key=key,
            name=name,
            sla=sla,
            total=total,
        )

        return work_report_row

