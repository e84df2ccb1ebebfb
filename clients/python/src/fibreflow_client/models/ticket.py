from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ticket_billing_status_type_1 import TicketBillingStatusType1
from ..models.ticket_billing_status_type_2_type_1 import TicketBillingStatusType2Type1
from ..models.ticket_billing_status_type_3_type_1 import TicketBillingStatusType3Type1
from ..models.ticket_billing_type_type_1 import TicketBillingTypeType1
from ..models.ticket_billing_type_type_2_type_1 import TicketBillingTypeType2Type1
from ..models.ticket_billing_type_type_3_type_1 import TicketBillingTypeType3Type1
from ..models.ticket_issue_type_type_1 import TicketIssueTypeType1
from ..models.ticket_issue_type_type_2_type_1 import TicketIssueTypeType2Type1
from ..models.ticket_issue_type_type_3_type_1 import TicketIssueTypeType3Type1
from ..models.ticket_priority import TicketPriority
from ..models.ticket_sla_state_type_1 import TicketSlaStateType1
from ..models.ticket_sla_state_type_2_type_1 import TicketSlaStateType2Type1
from ..models.ticket_sla_state_type_3_type_1 import TicketSlaStateType3Type1
from ..models.ticket_source import TicketSource
from ..models.ticket_status import TicketStatus
from ..models.ticket_type import TicketType
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Ticket")



@_attrs_define
class Ticket:
    """ 
        Attributes:
            address (None | str | Unset):
            assigned_team (None | Unset | UUID):
            assigned_to (None | Unset | UUID):
            billing_status (None | TicketBillingStatusType1 | TicketBillingStatusType2Type1 | TicketBillingStatusType3Type1
                | Unset):
            billing_type (None | TicketBillingTypeType1 | TicketBillingTypeType2Type1 | TicketBillingTypeType3Type1 |
                Unset):
            category (None | str | Unset):
            client_account_id (None | str | Unset):
            client_email (None | str | Unset):
            client_name (None | str | Unset):
            client_phone (None | str | Unset):
            closed_at (datetime.datetime | None | Unset):
            created_at (datetime.datetime | Unset):
            created_by (UUID | Unset):
            deleted_at (datetime.datetime | None | Unset):
            description (str | Unset):  Example: Router shows no signal light since 06:00..
            drop_number (None | str | Unset):  Example: DR1234.
            drop_unknown (bool | Unset):
            due_at (datetime.datetime | None | Unset):
            escalated_at (datetime.datetime | None | Unset):
            external_uid (None | str | Unset):
            id (UUID | Unset):
            install_date (datetime.date | None | Unset):
            issue_type (None | TicketIssueTypeType1 | TicketIssueTypeType2Type1 | TicketIssueTypeType3Type1 | Unset):
            last_assigned_at (datetime.datetime | None | Unset):
            latitude (float | None | Unset):
            longitude (float | None | Unset):
            pole_number (None | str | Unset):
            pon (None | str | Unset):
            priority (TicketPriority | Unset):  Example: high.
            project_id (None | Unset | UUID):
            project_name (None | str | Unset):
            requires_billing_approval (bool | Unset):
            resolved_at (datetime.datetime | None | Unset):
            sla_breached (bool | Unset):
            sla_paused (bool | Unset):
            sla_state (None | TicketSlaStateType1 | TicketSlaStateType2Type1 | TicketSlaStateType3Type1 | Unset):
            source (TicketSource | Unset):  Example: ff_internal.
            source_reference (None | str | Unset):
            status (TicketStatus | Unset):  Example: new.
            tags (list[str] | Unset):
            ticket_uid (str | Unset):  Example: FF-0001.
            title (str | Unset):  Example: No signal at customer premises.
            type_ (TicketType | Unset):  Example: fault.
            updated_at (datetime.datetime | Unset):
            zone (None | str | Unset):
     """

    address: None | str | Unset = UNSET
    assigned_team: None | Unset | UUID = UNSET
    assigned_to: None | Unset | UUID = UNSET
    billing_status: None | TicketBillingStatusType1 | TicketBillingStatusType2Type1 | TicketBillingStatusType3Type1 | Unset = UNSET
    billing_type: None | TicketBillingTypeType1 | TicketBillingTypeType2Type1 | TicketBillingTypeType3Type1 | Unset = UNSET
    category: None | str | Unset = UNSET
    client_account_id: None | str | Unset = UNSET
    client_email: None | str | Unset = UNSET
    client_name: None | str | Unset = UNSET
    client_phone: None | str | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    created_by: UUID | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    description: str | Unset = UNSET
    drop_number: None | str | Unset = UNSET
    drop_unknown: bool | Unset = UNSET
    due_at: datetime.datetime | None | Unset = UNSET
    escalated_at: datetime.datetime | None | Unset = UNSET
    external_uid: None | str | Unset = UNSET
    id: UUID | Unset = UNSET
    install_date: datetime.date | None | Unset = UNSET
    issue_type: None | TicketIssueTypeType1 | TicketIssueTypeType2Type1 | TicketIssueTypeType3Type1 | Unset = UNSET
    last_assigned_at: datetime.datetime | None | Unset = UNSET
    latitude: float | None | Unset = UNSET
    longitude: float | None | Unset = UNSET
    pole_number: None | str | Unset = UNSET
    pon: None | str | Unset = UNSET
    priority: TicketPriority | Unset = UNSET
    project_id: None | Unset | UUID = UNSET
    project_name: None | str | Unset = UNSET
    requires_billing_approval: bool | Unset = UNSET
    resolved_at: datetime.datetime | None | Unset = UNSET
    sla_breached: bool | Unset = UNSET
    sla_paused: bool | Unset = UNSET
    sla_state: None | TicketSlaStateType1 | TicketSlaStateType2Type1 | TicketSlaStateType3Type1 | Unset = UNSET
    source: TicketSource | Unset = UNSET
    source_reference: None | str | Unset = UNSET
    status: TicketStatus | Unset = UNSET
    tags: list[str] | Unset = UNSET
    ticket_uid: str | Unset = UNSET
    title: str | Unset = UNSET
    type_: TicketType | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    zone: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        assigned_team: None | str | Unset
        if isinstance(self.assigned_team, Unset):
            assigned_team = UNSET
        elif isinstance(self.assigned_team, UUID):
            assigned_team = str(self.assigned_team)
        else:
            assigned_team = self.assigned_team

        assigned_to: None | str | Unset
        if isinstance(self.assigned_to, Unset):
            assigned_to = UNSET
        elif isinstance(self.assigned_to, UUID):
            assigned_to = str(self.assigned_to)
        else:
            assigned_to = self.assigned_to

        billing_status: None | str | Unset
        if isinstance(self.billing_status, Unset):
            billing_status = UNSET
        elif isinstance(self.billing_status, TicketBillingStatusType1):
            billing_status = self.billing_status.value
        elif isinstance(self.billing_status, TicketBillingStatusType2Type1):
            billing_status = self.billing_status.value
        elif isinstance(self.billing_status, TicketBillingStatusType3Type1):
            billing_status = self.billing_status.value
        else:
            billing_status = self.billing_status

        billing_type: None | str | Unset
        if isinstance(self.billing_type, Unset):
            billing_type = UNSET
        elif isinstance(self.billing_type, TicketBillingTypeType1):
            billing_type = self.billing_type.value
        elif isinstance(self.billing_type, TicketBillingTypeType2Type1):
            billing_type = self.billing_type.value
        elif isinstance(self.billing_type, TicketBillingTypeType3Type1):
            billing_type = self.billing_type.value
        else:
            billing_type = self.billing_type

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

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        deleted_at: None | str | Unset
        if isinstance(self.deleted_at, Unset):
            deleted_at = UNSET
        elif isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        description = self.description

        drop_number: None | str | Unset
        if isinstance(self.drop_number, Unset):
            drop_number = UNSET
        else:
            drop_number = self.drop_number

        drop_unknown = self.drop_unknown

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        elif isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        escalated_at: None | str | Unset
        if isinstance(self.escalated_at, Unset):
            escalated_at = UNSET
        elif isinstance(self.escalated_at, datetime.datetime):
            escalated_at = self.escalated_at.isoformat()
        else:
            escalated_at = self.escalated_at

        external_uid: None | str | Unset
        if isinstance(self.external_uid, Unset):
            external_uid = UNSET
        else:
            external_uid = self.external_uid

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        install_date: None | str | Unset
        if isinstance(self.install_date, Unset):
            install_date = UNSET
        elif isinstance(self.install_date, datetime.date):
            install_date = self.install_date.isoformat()
        else:
            install_date = self.install_date

        issue_type: None | str | Unset
        if isinstance(self.issue_type, Unset):
            issue_type = UNSET
        elif isinstance(self.issue_type, TicketIssueTypeType1):
            issue_type = self.issue_type.value
        elif isinstance(self.issue_type, TicketIssueTypeType2Type1):
            issue_type = self.issue_type.value
        elif isinstance(self.issue_type, TicketIssueTypeType3Type1):
            issue_type = self.issue_type.value
        else:
            issue_type = self.issue_type

        last_assigned_at: None | str | Unset
        if isinstance(self.last_assigned_at, Unset):
            last_assigned_at = UNSET
        elif isinstance(self.last_assigned_at, datetime.datetime):
            last_assigned_at = self.last_assigned_at.isoformat()
        else:
            last_assigned_at = self.last_assigned_at

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

        pole_number: None | str | Unset
        if isinstance(self.pole_number, Unset):
            pole_number = UNSET
        else:
            pole_number = self.pole_number

        pon: None | str | Unset
        if isinstance(self.pon, Unset):
            pon = UNSET
        else:
            pon = self.pon

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value


        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        elif isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        project_name: None | str | Unset
        if isinstance(self.project_name, Unset):
            project_name = UNSET
        else:
            project_name = self.project_name

        requires_billing_approval = self.requires_billing_approval

        resolved_at: None | str | Unset
        if isinstance(self.resolved_at, Unset):
            resolved_at = UNSET
        elif isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        sla_breached = self.sla_breached

        sla_paused = self.sla_paused

        sla_state: None | str | Unset
        if isinstance(self.sla_state, Unset):
            sla_state = UNSET
        elif isinstance(self.sla_state, TicketSlaStateType1):
            sla_state = self.sla_state.value
        elif isinstance(self.sla_state, TicketSlaStateType2Type1):
            sla_state = self.sla_state.value
        elif isinstance(self.sla_state, TicketSlaStateType3Type1):
            sla_state = self.sla_state.value
        else:
            sla_state = self.sla_state

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value


        source_reference: None | str | Unset
        if isinstance(self.source_reference, Unset):
            source_reference = UNSET
        else:
            source_reference = self.source_reference

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        ticket_uid = self.ticket_uid

        title = self.title

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value


        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

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
        if assigned_team is not UNSET:
            field_dict["assigned_team"] = assigned_team
        if assigned_to is not UNSET:
            field_dict["assigned_to"] = assigned_to
        if billing_status is not UNSET:
            field_dict["billing_status"] = billing_status
        if billing_type is not UNSET:
            field_dict["billing_type"] = billing_type
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
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at
        if description is not UNSET:
            field_dict["description"] = description
        if drop_number is not UNSET:
            field_dict["drop_number"] = drop_number
        if drop_unknown is not UNSET:
            field_dict["drop_unknown"] = drop_unknown
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if escalated_at is not UNSET:
            field_dict["escalated_at"] = escalated_at
        if external_uid is not UNSET:
            field_dict["external_uid"] = external_uid
        if id is not UNSET:
            field_dict["id"] = id
        if install_date is not UNSET:
            field_dict["install_date"] = install_date
        if issue_type is not UNSET:
            field_dict["issue_type"] = issue_type
        if last_assigned_at is not UNSET:
            field_dict["last_assigned_at"] = last_assigned_at
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if pole_number is not UNSET:
            field_dict["pole_number"] = pole_number
        if pon is not UNSET:
            field_dict["pon"] = pon
        if priority is not UNSET:
            field_dict["priority"] = priority
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if project_name is not UNSET:
            field_dict["project_name"] = project_name
        if requires_billing_approval is not UNSET:
            field_dict["requires_billing_approval"] = requires_billing_approval
        if resolved_at is not UNSET:
            field_dict["resolved_at"] = resolved_at
        if sla_breached is not UNSET:
            field_dict["sla_breached"] = sla_breached
        if sla_paused is not UNSET:
            field_dict["sla_paused"] = sla_paused
        if sla_state is not UNSET:
            field_dict["sla_state"] = sla_state
        if source is not UNSET:
            field_dict["source"] = source
        if source_reference is not UNSET:
            field_dict["source_reference"] = source_reference
        if status is not UNSET:
            field_dict["status"] = status
        if tags is not UNSET:
            field_dict["tags"] = tags
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid
        if title is not UNSET:
            field_dict["title"] = title
        if type_ is not UNSET:
            field_dict["type"] = type_
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
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


        def _parse_assigned_team(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assigned_team_type_0 = UUID(data)



                return assigned_team_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assigned_team = _parse_assigned_team(d.pop("assigned_team", UNSET))


        def _parse_assigned_to(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assigned_to_type_0 = UUID(data)



                return assigned_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assigned_to = _parse_assigned_to(d.pop("assigned_to", UNSET))


        def _parse_billing_status(data: object) -> None | TicketBillingStatusType1 | TicketBillingStatusType2Type1 | TicketBillingStatusType3Type1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                billing_status_type_1 = TicketBillingStatusType1(data)



                return billing_status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                billing_status_type_2_type_1 = TicketBillingStatusType2Type1(data)



                return billing_status_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                billing_status_type_3_type_1 = TicketBillingStatusType3Type1(data)



                return billing_status_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TicketBillingStatusType1 | TicketBillingStatusType2Type1 | TicketBillingStatusType3Type1 | Unset, data)

        billing_status = _parse_billing_status(d.pop("billing_status", UNSET))


        def _parse_billing_type(data: object) -> None | TicketBillingTypeType1 | TicketBillingTypeType2Type1 | TicketBillingTypeType3Type1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                billing_type_type_1 = TicketBillingTypeType1(data)



                return billing_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                billing_type_type_2_type_1 = TicketBillingTypeType2Type1(data)



                return billing_type_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                billing_type_type_3_type_1 = TicketBillingTypeType3Type1(data)



                return billing_type_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TicketBillingTypeType1 | TicketBillingTypeType2Type1 | TicketBillingTypeType3Type1 | Unset, data)

        billing_type = _parse_billing_type(d.pop("billing_type", UNSET))


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


        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)



                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))


        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by,  Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)




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


        description = d.pop("description", UNSET)

        def _parse_drop_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        drop_number = _parse_drop_number(d.pop("drop_number", UNSET))


        drop_unknown = d.pop("drop_unknown", UNSET)

        def _parse_due_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)



                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        due_at = _parse_due_at(d.pop("due_at", UNSET))


        def _parse_escalated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                escalated_at_type_0 = datetime.datetime.fromisoformat(data)



                return escalated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        escalated_at = _parse_escalated_at(d.pop("escalated_at", UNSET))


        def _parse_external_uid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_uid = _parse_external_uid(d.pop("external_uid", UNSET))


        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        def _parse_install_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                install_date_type_0 = datetime.date.fromisoformat(data)



                return install_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        install_date = _parse_install_date(d.pop("install_date", UNSET))


        def _parse_issue_type(data: object) -> None | TicketIssueTypeType1 | TicketIssueTypeType2Type1 | TicketIssueTypeType3Type1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issue_type_type_1 = TicketIssueTypeType1(data)



                return issue_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issue_type_type_2_type_1 = TicketIssueTypeType2Type1(data)



                return issue_type_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issue_type_type_3_type_1 = TicketIssueTypeType3Type1(data)



                return issue_type_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TicketIssueTypeType1 | TicketIssueTypeType2Type1 | TicketIssueTypeType3Type1 | Unset, data)

        issue_type = _parse_issue_type(d.pop("issue_type", UNSET))


        def _parse_last_assigned_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_assigned_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_assigned_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_assigned_at = _parse_last_assigned_at(d.pop("last_assigned_at", UNSET))


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


        def _parse_pole_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pole_number = _parse_pole_number(d.pop("pole_number", UNSET))


        def _parse_pon(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pon = _parse_pon(d.pop("pon", UNSET))


        _priority = d.pop("priority", UNSET)
        priority: TicketPriority | Unset
        if isinstance(_priority,  Unset):
            priority = UNSET
        else:
            priority = TicketPriority(_priority)




        def _parse_project_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)



                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))


        def _parse_project_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_name = _parse_project_name(d.pop("project_name", UNSET))


        requires_billing_approval = d.pop("requires_billing_approval", UNSET)

        def _parse_resolved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)



                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at", UNSET))


        sla_breached = d.pop("sla_breached", UNSET)

        sla_paused = d.pop("sla_paused", UNSET)

        def _parse_sla_state(data: object) -> None | TicketSlaStateType1 | TicketSlaStateType2Type1 | TicketSlaStateType3Type1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sla_state_type_1 = TicketSlaStateType1(data)



                return sla_state_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sla_state_type_2_type_1 = TicketSlaStateType2Type1(data)



                return sla_state_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sla_state_type_3_type_1 = TicketSlaStateType3Type1(data)



                return sla_state_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TicketSlaStateType1 | TicketSlaStateType2Type1 | TicketSlaStateType3Type1 | Unset, data)

        sla_state = _parse_sla_state(d.pop("sla_state", UNSET))


        _source = d.pop("source", UNSET)
        source: TicketSource | Unset
        if isinstance(_source,  Unset):
            source = UNSET
        else:
            source = TicketSource(_source)




        def _parse_source_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_reference = _parse_source_reference(d.pop("source_reference", UNSET))


        _status = d.pop("status", UNSET)
        status: TicketStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = TicketStatus(_status)




        tags = cast(list[str], d.pop("tags", UNSET))


        ticket_uid = d.pop("ticket_uid", UNSET)

        title = d.pop("title", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: TicketType | Unset
        if isinstance(_type_,  Unset):
            type_ = UNSET
        else:
            type_ = TicketType(_type_)




        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at,  Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)




        def _parse_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        zone = _parse_zone(d.pop("zone", UNSET))


        ticket = cls(
            address=address,
            assigned_team=assigned_team,
            assigned_to=assigned_to,
            billing_status=billing_status,
            billing_type=billing_type,
            category=category,
            client_account_id=client_account_id,
            client_email=client_email,
            client_name=client_name,
            client_phone=client_phone,
            closed_at=closed_at,
            created_at=created_at,
            created_by=created_by,
            deleted_at=deleted_at,
            description=description,
            drop_number=drop_number,
            drop_unknown=drop_unknown,
            due_at=due_at,
            escalated_at=escalated_at,
            external_uid=external_uid,
            id=id,
            install_date=install_date,
            issue_type=issue_type,
            last_assigned_at=last_assigned_at,
            latitude=latitude,
            longitude=longitude,
            pole_number=pole_number,
            pon=pon,
            priority=priority,
            project_id=project_id,
            project_name=project_name,
            requires_billing_approval=requires_billing_approval,
            resolved_at=resolved_at,
            sla_breached=sla_breached,
            sla_paused=sla_paused,
            sla_state=sla_state,
            source=source,
            source_reference=source_reference,
            status=status,
            tags=tags,
            ticket_uid=ticket_uid,
            title=title,
            type_=type_,
            updated_at=updated_at,
            zone=zone,
        )

        return ticket

