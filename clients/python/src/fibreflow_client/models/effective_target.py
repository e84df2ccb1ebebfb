from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="EffectiveTarget")



@_attrs_define
class EffectiveTarget:
    """ 
        Attributes:
            business_hours_only (bool | Unset):  Example: True.
            critical_threshold_percent (int | Unset):  Example: 90.
            priority (str | Unset):  Example: critical.
            resolution_minutes (int | Unset):  Example: 60.
            response_minutes (int | None | Unset):  Example: 15.
            source (str | Unset): default or override Example: default.
            ticket_type (str | Unset):  Example: fault.
            warning_threshold_percent (int | Unset):  Example: 75.
     """

    business_hours_only: bool | Unset = UNSET
    critical_threshold_percent: int | Unset = UNSET
    priority: str | Unset = UNSET
    resolution_minutes: int | Unset = UNSET
    response_minutes: int | None | Unset = UNSET
    source: str | Unset = UNSET
    ticket_type: str | Unset = UNSET
    warning_threshold_percent: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        business_hours_only = self.business_hours_only

        critical_threshold_percent = self.critical_threshold_percent

        priority = self.priority

        resolution_minutes = self.resolution_minutes

        response_minutes: int | None | Unset
        if isinstance(self.response_minutes, Unset):
            response_minutes = UNSET
        else:
            response_minutes = self.response_minutes

        source = self.source

        ticket_type = self.ticket_type

        warning_threshold_percent = self.warning_threshold_percent


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if business_hours_only is not UNSET:
            field_dict["business_hours_only"] = business_hours_only
        if critical_threshold_percent is not UNSET:
            field_dict["critical_threshold_percent"] = critical_threshold_percent
        if priority is not UNSET:
            field_dict["priority"] = priority
        if resolution_minutes is not UNSET:
            field_dict["resolution_minutes"] = resolution_minutes
        if response_minutes is not UNSET:
            field_dict["response_minutes"] = response_minutes
        if source is not UNSET:
            field_dict["source"] = source
        if ticket_type is not UNSET:
            field_dict["ticket_type"] = ticket_type
        if warning_threshold_percent is not UNSET:
            field_dict["warning_threshold_percent"] = warning_threshold_percent

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        business_hours_only = d.pop("business_hours_only", UNSET)

        critical_threshold_percent = d.pop("critical_threshold_percent", UNSET)

        priority = d.pop("priority", UNSET)

        resolution_minutes = d.pop("resolution_minutes", UNSET)

        def _parse_response_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        response_minutes = _parse_response_minutes(d.pop("response_minutes", UNSET))


        source = d.pop("source", UNSET)

        ticket_type = d.pop("ticket_type", UNSET)

        warning_threshold_percent = d.pop("warning_threshold_percent", UNSET)

        effective_target = cls(
            business_hours_only=business_hours_only,
            critical_threshold_percent=critical_threshold_percent,
            priority=priority,
            resolution_minutes=resolution_minutes,
            response_minutes=response_minutes,
            source=source,
            ticket_type=ticket_type,
            warning_threshold_percent=warning_threshold_percent,
        )

        return effective_target

