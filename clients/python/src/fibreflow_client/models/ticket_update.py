from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ticket_update_issue_type_type_1 import TicketUpdateIssueTypeType1
from ..models.ticket_update_issue_type_type_2_type_1 import TicketUpdateIssueTypeType2Type1
from ..models.ticket_update_issue_type_type_3_type_1 import TicketUpdateIssueTypeType3Type1
from ..models.ticket_update_priority import TicketUpdatePriority
from ..models.ticket_update_type import TicketUpdateType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TicketUpdate")



@_attrs_define
class TicketUpdate:
    """ 
        Attributes:
            address (None | str | Unset):  Example: 12 Main Street, Lawley.
            category (None | str | Unset):  Example: maintenance.
            client_account_id (None | str | Unset):
            client_email (None | str | Unset):
            client_name (None | str | Unset): billing complaints: the client's name
            client_phone (None | str | Unset): Any format; stored as E.164 (default region ZA)
            description (str | Unset):  Example: Router shows no signal light since 06:00..
            drop_number (None | str | Unset): DR number; a known drop fills project, pole, zone, address... Example: DR1234.
            issue_type (None | TicketUpdateIssueTypeType1 | TicketUpdateIssueTypeType2Type1 |
                TicketUpdateIssueTypeType3Type1 | Unset): billing complaints only
            latitude (float | None | Unset):  Example: -26.3912.
            longitude (float | None | Unset):  Example: 27.8215.
            pon (None | str | Unset):  Example: PON-7.
            priority (TicketUpdatePriority | Unset):  Example: critical.
            source_reference (None | str | Unset):
            tags (list[str] | Unset):  Example: ['storm', 'urgent'].
            title (str | Unset):  Example: No signal after storm.
            type_ (TicketUpdateType | Unset):  Example: fault.
            zone (None | str | Unset):  Example: Zone A.
     """

    address: None | str | Unset = UNSET
    category: None | str | Unset = UNSET
    client_account_id: None | str | Unset = UNSET
    client_email: None | str | Unset = UNSET
    client_name: None | str | Unset = UNSET
    client_phone: None | str | Unset = UNSET
    description: str | Unset = UNSET
    drop_number: None | str | Unset = UNSET
    issue_type: None | TicketUpdateIssueTypeType1 | TicketUpdateIssueTypeType2Type1 | TicketUpdateIssueTypeType3Type1 | Unset = UNSET
    latitude: float | None | Unset = UNSET
    longitude: float | None | Unset = UNSET
    pon: None | str | Unset = UNSET
    priority: TicketUpdatePriority | Unset = UNSET
    source_reference: None | str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    title: str | Unset = UNSET
    type_: TicketUpdateType | Unset = UNSET
    zone: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        client_account_id: None | str | Unset
        if isinstance(self.client_account_id, Unset):
            client_account_id = UNSET
        else:
            client_account_id = self.client_account_id

        client_email: None | str | Unset
        if isinstance(self.client_email, Unset):
            client_email = UNSET
        else:
            client_email = self.client_email

        client_name: None | str | Unset
        if isinstance(self.client_name, Unset):
            client_name = UNSET
        else:
            client_name = self.client_name

        client_phone: None | str | Unset
        if isinstance(self.client_phone, Unset):
            client_phone = UNSET
        else:
            client_phone = self.client_phone

        description = self.description

        drop_number: None | str | Unset
        if isinstance(self.drop_number, Unset):
            drop_number = UNSET
        else:
            drop_number = self.drop_number

        issue_type: None | str | Unset
        if isinstance(self.issue_type, Unset):
            issue_type = UNSET
        elif isinstance(self.issue_type, TicketUpdateIssueTypeType1):
            issue_type = self.issue_type.value
        elif isinstance(self.issue_type, TicketUpdateIssueTypeType2Type1):
            issue_type = self.issue_type.value
        elif isinstance(self.issue_type, TicketUpdateIssueTypeType3Type1):
            issue_type = self.issue_type.value
        else:
            issue_type = self.issue_type

        latitude: float | None | Unset
        if isinstance(self.latitude, Unset):
            latitude = UNSET
        else:
            latitude = self.latitude

        longitude: float | None | Unset
        if isinstance(self.longitude, Unset):
            longitude = UNSET
        else:
            longitude = self.longitude

        pon: None | str | Unset
        if isinstance(self.pon, Unset):
            pon = UNSET
        else:
            pon = self.pon

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value


        source_reference: None | str | Unset
        if isinstance(self.source_reference, Unset):
            source_reference = UNSET
        else:
            source_reference = self.source_reference

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        title = self.title

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value


        zone: None | str | Unset
        if isinstance(self.zone, Unset):
            zone = UNSET
        else:
            zone = self.zone


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if address is not UNSET:
            field_dict["address"] = address
        if category is not UNSET:
            field_dict["category"] = category
        if client_account_id is not UNSET:
            field_dict["client_account_id"] = client_account_id
        if client_email is not UNSET:
            field_dict["client_email"] = client_email
        if client_name is not UNSET:
            field_dict["client_name"] = client_name
        if client_phone is not UNSET:
            field_dict["client_phone"] = client_phone
        if description is not UNSET:
            field_dict["description"] = description
        if drop_number is not UNSET:
            field_dict["drop_number"] = drop_number
        if issue_type is not UNSET:
            field_dict["issue_type"] = issue_type
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if pon is not UNSET:
            field_dict["pon"] = pon
        if priority is not UNSET:
            field_dict["priority"] = priority
        if source_reference is not UNSET:
            field_dict["source_reference"] = source_reference
        if tags is not UNSET:
            field_dict["tags"] = tags
        if title is not UNSET:
            field_dict["title"] = title
        if type_ is not UNSET:
            field_dict["type"] = type_
        if zone is not UNSET:
            field_dict["zone"] = zone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))


        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))


        def _parse_client_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_account_id = _parse_client_account_id(d.pop("client_account_id", UNSET))


        def _parse_client_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_email = _parse_client_email(d.pop("client_email", UNSET))


        def _parse_client_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_name = _parse_client_name(d.pop("client_name", UNSET))


        def _parse_client_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_phone = _parse_client_phone(d.pop("client_phone", UNSET))


        description = d.pop("description", UNSET)

        def _parse_drop_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        drop_number = _parse_drop_number(d.pop("drop_number", UNSET))


        def _parse_issue_type(data: object) -> None | TicketUpdateIssueTypeType1 | TicketUpdateIssueTypeType2Type1 | TicketUpdateIssueTypeType3Type1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issue_type_type_1 = TicketUpdateIssueTypeType1(data)



                return issue_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issue_type_type_2_type_1 = TicketUpdateIssueTypeType2Type1(data)



                return issue_type_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issue_type_type_3_type_1 = TicketUpdateIssueTypeType3Type1(data)



                return issue_type_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TicketUpdateIssueTypeType1 | TicketUpdateIssueTypeType2Type1 | TicketUpdateIssueTypeType3Type1 | Unset, data)

        issue_type = _parse_issue_type(d.pop("issue_type", UNSET))


        def _parse_latitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        latitude = _parse_latitude(d.pop("latitude", UNSET))


        def _parse_longitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        longitude = _parse_longitude(d.pop("longitude", UNSET))


        def _parse_pon(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pon = _parse_pon(d.pop("pon", UNSET))


        _priority = d.pop("priority", UNSET)
        priority: TicketUpdatePriority | Unset
        if isinstance(_priority,  Unset):
            priority = UNSET
        else:
            priority = TicketUpdatePriority(_priority)




        def _parse_source_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_reference = _parse_source_reference(d.pop("source_reference", UNSET))


        tags = cast(list[str], d.pop("tags", UNSET))


        title = d.pop("title", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: TicketUpdateType | Unset
        if isinstance(_type_,  Unset):
            type_ = UNSET
        else:
            type_ = TicketUpdateType(_type_)




        def _parse_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        zone = _parse_zone(d.pop("zone", UNSET))


        ticket_update = cls(
            address=address,
            category=category,
            client_account_id=client_account_id,
            client_email=client_email,
            client_name=client_name,
            client_phone=client_phone,
            description=description,
            drop_number=drop_number,
            issue_type=issue_type,
            latitude=latitude,
            longitude=longitude,
            pon=pon,
            priority=priority,
            source_reference=source_reference,
            tags=tags,
            title=title,
            type_=type_,
            zone=zone,
        )

        return ticket_update

