from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.fibertime_ticket_priority_type_1 import FibertimeTicketPriorityType1
from ..models.fibertime_ticket_priority_type_2_type_1 import FibertimeTicketPriorityType2Type1
from ..models.fibertime_ticket_priority_type_3_type_1 import FibertimeTicketPriorityType3Type1
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="FibertimeTicket")



@_attrs_define
class FibertimeTicket:
    """ 
        Attributes:
            id (str):  Example: FT-2025-12345.
            address (None | str | Unset):
            created_at (datetime.datetime | None | Unset):
            customer_name (None | str | Unset):
            description (None | str | Unset):
            issue_type (None | str | Unset):  Example: no_service.
            priority (FibertimeTicketPriorityType1 | FibertimeTicketPriorityType2Type1 | FibertimeTicketPriorityType3Type1 |
                None | Unset):
            title (None | str | Unset):
            updated_at (datetime.datetime | None | Unset):
     """

    id: str
    address: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    customer_name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    issue_type: None | str | Unset = UNSET
    priority: FibertimeTicketPriorityType1 | FibertimeTicketPriorityType2Type1 | FibertimeTicketPriorityType3Type1 | None | Unset = UNSET
    title: None | str | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        customer_name: None | str | Unset
        if isinstance(self.customer_name, Unset):
            customer_name = UNSET
        else:
            customer_name = self.customer_name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        issue_type: None | str | Unset
        if isinstance(self.issue_type, Unset):
            issue_type = UNSET
        else:
            issue_type = self.issue_type

        priority: None | str | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        elif isinstance(self.priority, FibertimeTicketPriorityType1):
            priority = self.priority.value
        elif isinstance(self.priority, FibertimeTicketPriorityType2Type1):
            priority = self.priority.value
        elif isinstance(self.priority, FibertimeTicketPriorityType3Type1):
            priority = self.priority.value
        else:
            priority = self.priority

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
        })
        if address is not UNSET:
            field_dict["address"] = address
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if customer_name is not UNSET:
            field_dict["customer_name"] = customer_name
        if description is not UNSET:
            field_dict["description"] = description
        if issue_type is not UNSET:
            field_dict["issue_type"] = issue_type
        if priority is not UNSET:
            field_dict["priority"] = priority
        if title is not UNSET:
            field_dict["title"] = title
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))


        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)



                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))


        def _parse_customer_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_name = _parse_customer_name(d.pop("customer_name", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_issue_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issue_type = _parse_issue_type(d.pop("issue_type", UNSET))


        def _parse_priority(data: object) -> FibertimeTicketPriorityType1 | FibertimeTicketPriorityType2Type1 | FibertimeTicketPriorityType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                priority_type_1 = FibertimeTicketPriorityType1(data)



                return priority_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                priority_type_2_type_1 = FibertimeTicketPriorityType2Type1(data)



                return priority_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                priority_type_3_type_1 = FibertimeTicketPriorityType3Type1(data)



                return priority_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FibertimeTicketPriorityType1 | FibertimeTicketPriorityType2Type1 | FibertimeTicketPriorityType3Type1 | None | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))


        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))


        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))


        fibertime_ticket = cls(
            id=id,
            address=address,
            created_at=created_at,
            customer_name=customer_name,
            description=description,
            issue_type=issue_type,
            priority=priority,
            title=title,
            updated_at=updated_at,
        )

        return fibertime_ticket

