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






T = TypeVar("T", bound="Fee")



@_attrs_define
class Fee:
    """ 
        Attributes:
            created_at (datetime.datetime | Unset):
            created_by (None | str | Unset):
            description (None | str | Unset):
            effective_from (datetime.date | Unset):
            effective_until (datetime.date | None | Unset):
            fixed_fee (None | str | Unset):  Example: 500.00.
            hourly_rate (None | str | Unset):  Example: 150.00.
            id (UUID | Unset):
            priority (str | Unset):  Example: high.
            ticket_type (str | Unset):  Example: fault.
     """

    created_at: datetime.datetime | Unset = UNSET
    created_by: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    effective_from: datetime.date | Unset = UNSET
    effective_until: datetime.date | None | Unset = UNSET
    fixed_fee: None | str | Unset = UNSET
    hourly_rate: None | str | Unset = UNSET
    id: UUID | Unset = UNSET
    priority: str | Unset = UNSET
    ticket_type: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        effective_from: str | Unset = UNSET
        if not isinstance(self.effective_from, Unset):
            effective_from = self.effective_from.isoformat()

        effective_until: None | str | Unset
        if isinstance(self.effective_until, Unset):
            effective_until = UNSET
        elif isinstance(self.effective_until, datetime.date):
            effective_until = self.effective_until.isoformat()
        else:
            effective_until = self.effective_until

        fixed_fee: None | str | Unset
        if isinstance(self.fixed_fee, Unset):
            fixed_fee = UNSET
        else:
            fixed_fee = self.fixed_fee

        hourly_rate: None | str | Unset
        if isinstance(self.hourly_rate, Unset):
            hourly_rate = UNSET
        else:
            hourly_rate = self.hourly_rate

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        priority = self.priority

        ticket_type = self.ticket_type


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if description is not UNSET:
            field_dict["description"] = description
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from
        if effective_until is not UNSET:
            field_dict["effective_until"] = effective_until
        if fixed_fee is not UNSET:
            field_dict["fixed_fee"] = fixed_fee
        if hourly_rate is not UNSET:
            field_dict["hourly_rate"] = hourly_rate
        if id is not UNSET:
            field_dict["id"] = id
        if priority is not UNSET:
            field_dict["priority"] = priority
        if ticket_type is not UNSET:
            field_dict["ticket_type"] = ticket_type

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        def _parse_created_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_by = _parse_created_by(d.pop("created_by", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        _effective_from = d.pop("effective_from", UNSET)
        effective_from: datetime.date | Unset
        if isinstance(_effective_from,  Unset):
            effective_from = UNSET
        else:
            effective_from = datetime.date.fromisoformat(_effective_from)




        def _parse_effective_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_until_type_0 = datetime.date.fromisoformat(data)



                return effective_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_until = _parse_effective_until(d.pop("effective_until", UNSET))


        def _parse_fixed_fee(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fixed_fee = _parse_fixed_fee(d.pop("fixed_fee", UNSET))


        def _parse_hourly_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hourly_rate = _parse_hourly_rate(d.pop("hourly_rate", UNSET))


        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        priority = d.pop("priority", UNSET)

        ticket_type = d.pop("ticket_type", UNSET)

        fee = cls(
            created_at=created_at,
            created_by=created_by,
            description=description,
            effective_from=effective_from,
            effective_until=effective_until,
            fixed_fee=fixed_fee,
            hourly_rate=hourly_rate,
            id=id,
            priority=priority,
            ticket_type=ticket_type,
        )

        return fee

