from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.contract_update_contract_type import ContractUpdateContractType
from ..models.contract_update_status import ContractUpdateStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ContractUpdate")



@_attrs_define
class ContractUpdate:
    """ 
        Attributes:
            effective_from (datetime.date): day the new terms apply from Example: 2026-12-01.
            contract_type (ContractUpdateContractType | Unset):
            end_date (datetime.date | None | Unset):
            monthly_fee (float | None | Unset):  Example: 3000.00.
            notes (None | str | Unset):
            reason (None | str | Unset):  Example: renegotiated at renewal.
            sla_resolution_hours (int | None | Unset):  Example: 6.
            sla_response_hours (int | None | Unset):
            start_date (datetime.date | Unset):
            status (ContractUpdateStatus | Unset):
     """

    effective_from: datetime.date
    contract_type: ContractUpdateContractType | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    monthly_fee: float | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    sla_resolution_hours: int | None | Unset = UNSET
    sla_response_hours: int | None | Unset = UNSET
    start_date: datetime.date | Unset = UNSET
    status: ContractUpdateStatus | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        effective_from = self.effective_from.isoformat()

        contract_type: str | Unset = UNSET
        if not isinstance(self.contract_type, Unset):
            contract_type = self.contract_type.value


        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        monthly_fee: float | None | Unset
        if isinstance(self.monthly_fee, Unset):
            monthly_fee = UNSET
        else:
            monthly_fee = self.monthly_fee

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

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

        start_date: str | Unset = UNSET
        if not isinstance(self.start_date, Unset):
            start_date = self.start_date.isoformat()

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "effective_from": effective_from,
        })
        if contract_type is not UNSET:
            field_dict["contract_type"] = contract_type
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if monthly_fee is not UNSET:
            field_dict["monthly_fee"] = monthly_fee
        if notes is not UNSET:
            field_dict["notes"] = notes
        if reason is not UNSET:
            field_dict["reason"] = reason
        if sla_resolution_hours is not UNSET:
            field_dict["sla_resolution_hours"] = sla_resolution_hours
        if sla_response_hours is not UNSET:
            field_dict["sla_response_hours"] = sla_response_hours
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))




        _contract_type = d.pop("contract_type", UNSET)
        contract_type: ContractUpdateContractType | Unset
        if isinstance(_contract_type,  Unset):
            contract_type = UNSET
        else:
            contract_type = ContractUpdateContractType(_contract_type)




        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)



                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))


        def _parse_monthly_fee(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        monthly_fee = _parse_monthly_fee(d.pop("monthly_fee", UNSET))


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


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


        _start_date = d.pop("start_date", UNSET)
        start_date: datetime.date | Unset
        if isinstance(_start_date,  Unset):
            start_date = UNSET
        else:
            start_date = datetime.date.fromisoformat(_start_date)




        _status = d.pop("status", UNSET)
        status: ContractUpdateStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ContractUpdateStatus(_status)




        contract_update = cls(
            effective_from=effective_from,
            contract_type=contract_type,
            end_date=end_date,
            monthly_fee=monthly_fee,
            notes=notes,
            reason=reason,
            sla_resolution_hours=sla_resolution_hours,
            sla_response_hours=sla_response_hours,
            start_date=start_date,
            status=status,
        )

        return contract_update

