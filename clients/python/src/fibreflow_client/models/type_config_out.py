from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.type_config_out_ticket_type import TypeConfigOutTicketType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TypeConfigOut")



@_attrs_define
class TypeConfigOut:
    """ 
        Attributes:
            ticket_type (TypeConfigOutTicketType):  Example: fault.
            base_hours (float | Unset):  Example: 4.
            business_hours_only (bool | Unset):  Example: True.
            critical_threshold_percent (int | Unset):  Example: 90.
            response_hours (float | None | Unset):  Example: 1.
            warning_threshold_percent (int | Unset):  Example: 75.
     """

    ticket_type: TypeConfigOutTicketType
    base_hours: float | Unset = UNSET
    business_hours_only: bool | Unset = UNSET
    critical_threshold_percent: int | Unset = UNSET
    response_hours: float | None | Unset = UNSET
    warning_threshold_percent: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        ticket_type = self.ticket_type.value

        base_hours = self.base_hours

        business_hours_only = self.business_hours_only

        critical_threshold_percent = self.critical_threshold_percent

        response_hours: float | None | Unset
        if isinstance(self.response_hours, Unset):
            response_hours = UNSET
        else:
            response_hours = self.response_hours

        warning_threshold_percent = self.warning_threshold_percent


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "ticket_type": ticket_type,
        })
        if base_hours is not UNSET:
            field_dict["base_hours"] = base_hours
        if business_hours_only is not UNSET:
            field_dict["business_hours_only"] = business_hours_only
        if critical_threshold_percent is not UNSET:
            field_dict["critical_threshold_percent"] = critical_threshold_percent
        if response_hours is not UNSET:
            field_dict["response_hours"] = response_hours
        if warning_threshold_percent is not UNSET:
            field_dict["warning_threshold_percent"] = warning_threshold_percent

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ticket_type = TypeConfigOutTicketType(d.pop("ticket_type"))




        base_hours = d.pop("base_hours", UNSET)

        business_hours_only = d.pop("business_hours_only", UNSET)

        critical_threshold_percent = d.pop("critical_threshold_percent", UNSET)

        def _parse_response_hours(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        response_hours = _parse_response_hours(d.pop("response_hours", UNSET))


        warning_threshold_percent = d.pop("warning_threshold_percent", UNSET)

        type_config_out = cls(
            ticket_type=ticket_type,
            base_hours=base_hours,
            business_hours_only=business_hours_only,
            critical_threshold_percent=critical_threshold_percent,
            response_hours=response_hours,
            warning_threshold_percent=warning_threshold_percent,
        )

        return type_config_out

