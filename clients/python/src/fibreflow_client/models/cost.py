from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.cost_fee_source import CostFeeSource
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Cost")



@_attrs_define
class Cost:
    """ 
        Attributes:
            fee_source (CostFeeSource):  Example: hourly.
            hours_worked (float | None | Unset):  Example: 3.50.
            manual_fee_amount (float | None | Unset): with fee_source manual
            reason (None | str | Unset): required with fee_source manual Example: Two technicians for three and a half
                hours.
     """

    fee_source: CostFeeSource
    hours_worked: float | None | Unset = UNSET
    manual_fee_amount: float | None | Unset = UNSET
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        fee_source = self.fee_source.value

        hours_worked: float | None | Unset
        if isinstance(self.hours_worked, Unset):
            hours_worked = UNSET
        else:
            hours_worked = self.hours_worked

        manual_fee_amount: float | None | Unset
        if isinstance(self.manual_fee_amount, Unset):
            manual_fee_amount = UNSET
        else:
            manual_fee_amount = self.manual_fee_amount

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "fee_source": fee_source,
        })
        if hours_worked is not UNSET:
            field_dict["hours_worked"] = hours_worked
        if manual_fee_amount is not UNSET:
            field_dict["manual_fee_amount"] = manual_fee_amount
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fee_source = CostFeeSource(d.pop("fee_source"))




        def _parse_hours_worked(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hours_worked = _parse_hours_worked(d.pop("hours_worked", UNSET))


        def _parse_manual_fee_amount(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        manual_fee_amount = _parse_manual_fee_amount(d.pop("manual_fee_amount", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        cost = cls(
            fee_source=fee_source,
            hours_worked=hours_worked,
            manual_fee_amount=manual_fee_amount,
            reason=reason,
        )

        return cost

