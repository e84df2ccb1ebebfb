from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.override_priority import OverridePriority
from ..models.override_ticket_type import OverrideTicketType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Override")



@_attrs_define
class Override:
    """ 
        Attributes:
            base_hours (float): resolution hours (no multiplier) Example: 12.
            priority (OverridePriority):  Example: critical.
            ticket_type (OverrideTicketType):  Example: build.
            business_hours_only (bool | None | Unset):  Example: False.
            critical_threshold_percent (int | None | Unset):  Example: 85.
            response_hours (float | None | Unset):  Example: 2.
            warning_threshold_percent (int | None | Unset):  Example: 60.
     """

    base_hours: float
    priority: OverridePriority
    ticket_type: OverrideTicketType
    business_hours_only: bool | None | Unset = UNSET
    critical_threshold_percent: int | None | Unset = UNSET
    response_hours: float | None | Unset = UNSET
    warning_threshold_percent: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        base_hours = self.base_hours

        priority = self.priority.value

        ticket_type = self.ticket_type.value

        business_hours_only: bool | None | Unset
        if isinstance(self.business_hours_only, Unset):
            business_hours_only = UNSET
        else:
            business_hours_only = self.business_hours_only

        critical_threshold_percent: int | None | Unset
        if isinstance(self.critical_threshold_percent, Unset):
            critical_threshold_percent = UNSET
        else:
            critical_threshold_percent = self.critical_threshold_percent

        response_hours: float | None | Unset
        if isinstance(self.response_hours, Unset):
            response_hours = UNSET
        else:
            response_hours = self.response_hours

        warning_threshold_percent: int | None | Unset
        if isinstance(self.warning_threshold_percent, Unset):
            warning_threshold_percent = UNSET
        else:
            warning_threshold_percent = self.warning_threshold_percent


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "base_hours": base_hours,
            "priority": priority,
            "ticket_type": ticket_type,
        })
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
        base_hours = d.pop("base_hours")

        priority = OverridePriority(d.pop("priority"))




        ticket_type = OverrideTicketType(d.pop("ticket_type"))




        def _parse_business_hours_only(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        business_hours_only = _parse_business_hours_only(d.pop("business_hours_only", UNSET))


        def _parse_critical_threshold_percent(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        critical_threshold_percent = _parse_critical_threshold_percent(d.pop("critical_threshold_percent", UNSET))


        def _parse_response_hours(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        response_hours = _parse_response_hours(d.pop("response_hours", UNSET))


        def _parse_warning_threshold_percent(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        warning_threshold_percent = _parse_warning_threshold_percent(d.pop("warning_threshold_percent", UNSET))


        override = cls(
            base_hours=base_hours,
            priority=priority,
            ticket_type=ticket_type,
            business_hours_only=business_hours_only,
            critical_threshold_percent=critical_threshold_percent,
            response_hours=response_hours,
            warning_threshold_percent=warning_threshold_percent,
        )

        return override

