from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.contract_create_contract_type import ContractCreateContractType
from ..models.contract_create_status import ContractCreateStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ContractCreate")



@_attrs_define
class ContractCreate:
    """ 
        Attributes:
            client_id (UUID):
            contract_number (str):  Example: CON-2026-001.
            contract_type (ContractCreateContractType):  Example: retainer.
            start_date (datetime.date):  Example: 2026-01-01.
            end_date (datetime.date | None | Unset):  Example: 2026-12-31.
            monthly_fee (float | None | Unset):  Example: 2500.00.
            notes (None | str | Unset):
            sla_resolution_hours (int | None | Unset):  Example: 8.
            sla_response_hours (int | None | Unset):  Example: 4.
            status (ContractCreateStatus | Unset):  Default: ContractCreateStatus.ACTIVE.
     """

    client_id: UUID
    contract_number: str
    contract_type: ContractCreateContractType
    start_date: datetime.date
    end_date: datetime.date | None | Unset = UNSET
    monthly_fee: float | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    sla_resolution_hours: int | None | Unset = UNSET
    sla_response_hours: int | None | Unset = UNSET
    status: ContractCreateStatus | Unset = ContractCreateStatus.ACTIVE





    def to_dict(self) -> dict[str, Any]:
        client_id = str(self.client_id)

        contract_number = self.contract_number

        contract_type = self.contract_type.value

        start_date = self.start_date.isoformat()

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

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "client_id": client_id,
            "contract_number": contract_number,
            "contract_type": contract_type,
            "start_date": start_date,
        })
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if monthly_fee is not UNSET:
            field_dict["monthly_fee"] = monthly_fee
        if notes is not UNSET:
            field_dict["notes"] = notes
        if sla_resolution_hours is not UNSET:
            field_dict["sla_resolution_hours"] = sla_resolution_hours
        if sla_response_hours is not UNSET:
            field_dict["sla_response_hours"] = sla_response_hours
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_id = UUID(d.pop("client_id"))




        contract_number = d.pop("contract_number")

        contract_type = ContractCreateContractType(d.pop("contract_type"))




        start_date = datetime.date.fromisoformat(d.pop("start_date"))




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


        _status = d.pop("status", UNSET)
        status: ContractCreateStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ContractCreateStatus(_status)




        contract_create = cls(
            client_id=client_id,
            contract_number=contract_number,
            contract_type=contract_type,
            start_date=start_date,
            end_date=end_date,
            monthly_fee=monthly_fee,
            notes=notes,
            sla_resolution_hours=sla_resolution_hours,
            sla_response_hours=sla_response_hours,
            status=status,
        )

        return contract_create

