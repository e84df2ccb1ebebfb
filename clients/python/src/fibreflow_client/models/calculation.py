from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.calculation_inputs import CalculationInputs





T = TypeVar("T", bound="Calculation")



@_attrs_define
class Calculation:
    """ 
        Attributes:
            billing_status (str | Unset):  Example: pending_approval.
            billing_type (str | Unset):  Example: billable.
            client_id (None | str | Unset):
            contract_id (None | str | Unset):
            contract_number (None | str | Unset):
            currency (str | Unset):  Example: ZAR.
            estimated_cost (None | str | Unset):  Example: 500.00.
            fee_schedule_id (None | str | Unset):
            guarantee_expires_at (datetime.date | None | Unset):
            inputs (CalculationInputs | Unset):
            reason (str | Unset):
            requires_approval (bool | Unset):
            sla_resolution_hours (int | None | Unset):
            sla_response_hours (int | None | Unset):
     """

    billing_status: str | Unset = UNSET
    billing_type: str | Unset = UNSET
    client_id: None | str | Unset = UNSET
    contract_id: None | str | Unset = UNSET
    contract_number: None | str | Unset = UNSET
    currency: str | Unset = UNSET
    estimated_cost: None | str | Unset = UNSET
    fee_schedule_id: None | str | Unset = UNSET
    guarantee_expires_at: datetime.date | None | Unset = UNSET
    inputs: CalculationInputs | Unset = UNSET
    reason: str | Unset = UNSET
    requires_approval: bool | Unset = UNSET
    sla_resolution_hours: int | None | Unset = UNSET
    sla_response_hours: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.calculation_inputs import CalculationInputs # noqa: PLC0415
        billing_status = self.billing_status

        billing_type = self.billing_type

        client_id: None | str | Unset
        if isinstance(self.client_id, Unset):
            client_id = UNSET
        else:
            client_id = self.client_id

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        else:
            contract_id = self.contract_id

        contract_number: None | str | Unset
        if isinstance(self.contract_number, Unset):
            contract_number = UNSET
        else:
            contract_number = self.contract_number

        currency = self.currency

        estimated_cost: None | str | Unset
        if isinstance(self.estimated_cost, Unset):
            estimated_cost = UNSET
        else:
            estimated_cost = self.estimated_cost

        fee_schedule_id: None | str | Unset
        if isinstance(self.fee_schedule_id, Unset):
            fee_schedule_id = UNSET
        else:
            fee_schedule_id = self.fee_schedule_id

        guarantee_expires_at: None | str | Unset
        if isinstance(self.guarantee_expires_at, Unset):
            guarantee_expires_at = UNSET
        elif isinstance(self.guarantee_expires_at, datetime.date):
            guarantee_expires_at = self.guarantee_expires_at.isoformat()
        else:
            guarantee_expires_at = self.guarantee_expires_at

        inputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = self.inputs.to_dict()

        reason = self.reason

        requires_approval = self.requires_approval

        sla_resolution_hours: int | None | Unset
        if isinstance(self.sla_resolution_hours, Unset):
            sla_resolution_hours = UNSET
        else:
            sla_resolution_hours = self.sla_resolution_hours

        sla_response_hours: int | None | Unset
        if isinstance(self.sla_response_hours, Unset):
            sla_response_hours = UNSET
        else:
            sla_response_hours = self.sla_response_hours


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if billing_status is not UNSET:
            field_dict["billing_status"] = billing_status
        if billing_type is not UNSET:
            field_dict["billing_type"] = billing_type
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id
        if contract_number is not UNSET:
            field_dict["contract_number"] = contract_number
        if currency is not UNSET:
            field_dict["currency"] = currency
        if estimated_cost is not UNSET:
            field_dict["estimated_cost"] = estimated_cost
        if fee_schedule_id is not UNSET:
            field_dict["fee_schedule_id"] = fee_schedule_id
        if guarantee_expires_at is not UNSET:
            field_dict["guarantee_expires_at"] = guarantee_expires_at
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if reason is not UNSET:
            field_dict["reason"] = reason
        if requires_approval is not UNSET:
            field_dict["requires_approval"] = requires_approval
        if sla_resolution_hours is not UNSET:
            field_dict["sla_resolution_hours"] = sla_resolution_hours
        if sla_response_hours is not UNSET:
            field_dict["sla_response_hours"] = sla_response_hours

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calculation_inputs import CalculationInputs # noqa: PLC0415
        d = dict(src_dict)
        billing_status = d.pop("billing_status", UNSET)

        billing_type = d.pop("billing_type", UNSET)

        def _parse_client_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_id = _parse_client_id(d.pop("client_id", UNSET))


        def _parse_contract_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contract_id = _parse_contract_id(d.pop("contract_id", UNSET))


        def _parse_contract_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contract_number = _parse_contract_number(d.pop("contract_number", UNSET))


        currency = d.pop("currency", UNSET)

        def _parse_estimated_cost(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        estimated_cost = _parse_estimated_cost(d.pop("estimated_cost", UNSET))


        def _parse_fee_schedule_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fee_schedule_id = _parse_fee_schedule_id(d.pop("fee_schedule_id", UNSET))


        def _parse_guarantee_expires_at(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                guarantee_expires_at_type_0 = datetime.date.fromisoformat(data)



                return guarantee_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        guarantee_expires_at = _parse_guarantee_expires_at(d.pop("guarantee_expires_at", UNSET))


        _inputs = d.pop("inputs", UNSET)
        inputs: CalculationInputs | Unset
        if isinstance(_inputs,  Unset):
            inputs = UNSET
        else:
            inputs = CalculationInputs.from_dict(_inputs)




        reason = d.pop("reason", UNSET)

        requires_approval = d.pop("requires_approval", UNSET)

        def _parse_sla_resolution_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sla_resolution_hours = _parse_sla_resolution_hours(d.pop("sla_resolution_hours", UNSET))


        def _parse_sla_response_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sla_response_hours = _parse_sla_response_hours(d.pop("sla_response_hours", UNSET))


        calculation = cls(
            billing_status=billing_status,
            billing_type=billing_type,
            client_id=client_id,
            contract_id=contract_id,
            contract_number=contract_number,
            currency=currency,
            estimated_cost=estimated_cost,
            fee_schedule_id=fee_schedule_id,
            guarantee_expires_at=guarantee_expires_at,
            inputs=inputs,
            reason=reason,
            requires_approval=requires_approval,
            sla_resolution_hours=sla_resolution_hours,
            sla_response_hours=sla_response_hours,
        )

        return calculation

