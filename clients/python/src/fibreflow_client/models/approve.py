from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Approve")



@_attrs_define
class Approve:
    """ 
        Attributes:
            approved_cost (float | None | Unset): replaces the estimate Example: 450.00.
            reason (None | str | Unset):  Example: Client agreed to the call-out fee.
     """

    approved_cost: float | None | Unset = UNSET
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        approved_cost: float | None | Unset
        if isinstance(self.approved_cost, Unset):
            approved_cost = UNSET
        else:
            approved_cost = self.approved_cost

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if approved_cost is not UNSET:
            field_dict["approved_cost"] = approved_cost
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_approved_cost(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        approved_cost = _parse_approved_cost(d.pop("approved_cost", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        approve = cls(
            approved_cost=approved_cost,
            reason=reason,
        )

        return approve

