from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.contract_tickets import ContractTickets
  from ..models.contract_version import ContractVersion





T = TypeVar("T", bound="Contract")



@_attrs_define
class Contract:
    """ 
        Attributes:
            archived (bool | Unset):  Example: False.
            client_id (UUID | Unset):
            contract_number (str | Unset):  Example: CON-2026-001.
            contract_type (str | Unset):  Example: retainer.
            created_at (datetime.datetime | Unset):
            deleted_at (datetime.datetime | None | Unset):
            end_date (datetime.date | None | Unset):
            history (list[ContractVersion] | Unset):
            id (UUID | Unset):
            monthly_fee (None | str | Unset): ZAR decimal string Example: 2500.00.
            notes (None | str | Unset):
            sla_resolution_hours (int | None | Unset):  Example: 8.
            sla_response_hours (int | None | Unset):  Example: 4.
            start_date (datetime.date | Unset):
            status (str | Unset): active, expired (end date passed) or terminated Example: active.
            tickets (ContractTickets | Unset): ticket counts under this contract: total, open Example: {'open': 1, 'total':
                3}.
            updated_at (datetime.datetime | Unset):
            version (int | Unset):  Example: 1.
     """

    archived: bool | Unset = UNSET
    client_id: UUID | Unset = UNSET
    contract_number: str | Unset = UNSET
    contract_type: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    history: list[ContractVersion] | Unset = UNSET
    id: UUID | Unset = UNSET
    monthly_fee: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    sla_resolution_hours: int | None | Unset = UNSET
    sla_response_hours: int | None | Unset = UNSET
    start_date: datetime.date | Unset = UNSET
    status: str | Unset = UNSET
    tickets: ContractTickets | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    version: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.contract_tickets import ContractTickets # noqa: PLC0415
        from ..models.contract_version import ContractVersion # noqa: PLC0415
        archived = self.archived

        client_id: str | Unset = UNSET
        if not isinstance(self.client_id, Unset):
            client_id = str(self.client_id)

        contract_number = self.contract_number

        contract_type = self.contract_type

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        deleted_at: None | str | Unset
        if isinstance(self.deleted_at, Unset):
            deleted_at = UNSET
        elif isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = []
            for history_item_data in self.history:
                history_item = history_item_data.to_dict()
                history.append(history_item)



        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        monthly_fee: None | str | Unset
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

        start_date: str | Unset = UNSET
        if not isinstance(self.start_date, Unset):
            start_date = self.start_date.isoformat()

        status = self.status

        tickets: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tickets, Unset):
            tickets = self.tickets.to_dict()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        version = self.version


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if archived is not UNSET:
            field_dict["archived"] = archived
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if contract_number is not UNSET:
            field_dict["contract_number"] = contract_number
        if contract_type is not UNSET:
            field_dict["contract_type"] = contract_type
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if history is not UNSET:
            field_dict["history"] = history
        if id is not UNSET:
            field_dict["id"] = id
        if monthly_fee is not UNSET:
            field_dict["monthly_fee"] = monthly_fee
        if notes is not UNSET:
            field_dict["notes"] = notes
        if sla_resolution_hours is not UNSET:
            field_dict["sla_resolution_hours"] = sla_resolution_hours
        if sla_response_hours is not UNSET:
            field_dict["sla_response_hours"] = sla_response_hours
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if status is not UNSET:
            field_dict["status"] = status
        if tickets is not UNSET:
            field_dict["tickets"] = tickets
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_tickets import ContractTickets # noqa: PLC0415
        from ..models.contract_version import ContractVersion # noqa: PLC0415
        d = dict(src_dict)
        archived = d.pop("archived", UNSET)

        _client_id = d.pop("client_id", UNSET)
        client_id: UUID | Unset
        if isinstance(_client_id,  Unset):
            client_id = UNSET
        else:
            client_id = UUID(_client_id)




        contract_number = d.pop("contract_number", UNSET)

        contract_type = d.pop("contract_type", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        def _parse_deleted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deleted_at_type_0 = datetime.datetime.fromisoformat(data)



                return deleted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        deleted_at = _parse_deleted_at(d.pop("deleted_at", UNSET))


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


        _history = d.pop("history", UNSET)
        history: list[ContractVersion] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = ContractVersion.from_dict(history_item_data)



                history.append(history_item)


        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        def _parse_monthly_fee(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

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


        _start_date = d.pop("start_date", UNSET)
        start_date: datetime.date | Unset
        if isinstance(_start_date,  Unset):
            start_date = UNSET
        else:
            start_date = datetime.date.fromisoformat(_start_date)




        status = d.pop("status", UNSET)

        _tickets = d.pop("tickets", UNSET)
        tickets: ContractTickets | Unset
        if isinstance(_tickets,  Unset):
            tickets = UNSET
        else:
            tickets = ContractTickets.from_dict(_tickets)




        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at,  Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)




        version = d.pop("version", UNSET)

        contract = cls(
            archived=archived,
            client_id=client_id,
            contract_number=contract_number,
            contract_type=contract_type,
            created_at=created_at,
            deleted_at=deleted_at,
            end_date=end_date,
            history=history,
            id=id,
            monthly_fee=monthly_fee,
            notes=notes,
            sla_resolution_hours=sla_resolution_hours,
            sla_response_hours=sla_response_hours,
            start_date=start_date,
            status=status,
            tickets=tickets,
            updated_at=updated_at,
            version=version,
        )

        return contract

