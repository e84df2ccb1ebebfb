from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.fee_create_priority import FeeCreatePriority
from ..models.fee_create_ticket_type import FeeCreateTicketType
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="FeeCreate")



@_attrs_define
class FeeCreate:
    """ 
        Attributes:
            effective_from (datetime.date):  Example: 2026-01-01.
            priority (FeeCreatePriority):  Example: high.
            ticket_type (FeeCreateTicketType):  Example: fault.
            description (None | str | Unset):  Example: High-priority fault call-out.
            effective_until (datetime.date | None | Unset): last day in force (inclusive)
            fixed_fee (float | None | Unset):  Example: 500.00.
            hourly_rate (float | None | Unset):  Example: 150.00.
            supersede (bool | Unset): close the open-ended range this one starts inside (the day before effective_from)
                Default: False.
     """

    effective_from: datetime.date
    priority: FeeCreatePriority
    ticket_type: FeeCreateTicketType
    description: None | str | Unset = UNSET
    effective_until: datetime.date | None | Unset = UNSET
    fixed_fee: float | None | Unset = UNSET
    hourly_rate: float | None | Unset = UNSET
    supersede: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        effective_from = self.effective_from.isoformat()

        priority = self.priority.value

        ticket_type = self.ticket_type.value

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        effective_until: None | str | Unset
        if isinstance(self.effective_until, Unset):
            effective_until = UNSET
        elif isinstance(self.effective_until, datetime.date):
            effective_until = self.effective_until.isoformat()
        else:
            effective_until = self.effective_until

        fixed_fee: float | None | Unset
        if isinstance(self.fixed_fee, Unset):
            fixed_fee = UNSET
        else:
            fixed_fee = self.fixed_fee

        hourly_rate: float | None | Unset
        if isinstance(self.hourly_rate, Unset):
            hourly_rate = UNSET
        else:
            hourly_rate = self.hourly_rate

        supersede = self.supersede


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "effective_from": effective_from,
            "priority": priority,
            "ticket_type": ticket_type,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if effective_until is not UNSET:
            field_dict["effective_until"] = effective_until
        if fixed_fee is not UNSET:
            field_dict["fixed_fee"] = fixed_fee
        if hourly_rate is not UNSET:
            field_dict["hourly_rate"] = hourly_rate
        if supersede is not UNSET:
            field_dict["supersede"] = supersede

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))




        priority = FeeCreatePriority(d.pop("priority"))




        ticket_type = FeeCreateTicketType(d.pop("ticket_type"))




        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


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


        def _parse_fixed_fee(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        fixed_fee = _parse_fixed_fee(d.pop("fixed_fee", UNSET))


        def _parse_hourly_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hourly_rate = _parse_hourly_rate(d.pop("hourly_rate", UNSET))


        supersede = d.pop("supersede", UNSET)

        fee_create = cls(
            effective_from=effective_from,
            priority=priority,
            ticket_type=ticket_type,
            description=description,
            effective_until=effective_until,
            fixed_fee=fixed_fee,
            hourly_rate=hourly_rate,
            supersede=supersede,
        )

        return fee_create

