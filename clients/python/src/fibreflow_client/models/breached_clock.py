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






T = TypeVar("T", bound="BreachedClock")



@_attrs_define
class BreachedClock:
    """ 
        Attributes:
            assigned_team (None | Unset | UUID):
            assigned_to (None | Unset | UUID):
            clock (str | Unset):
            due_at (datetime.datetime | Unset):
            priority (str | Unset):
            started_at (datetime.datetime | Unset):
            state (str | Unset):
            stopped_at (datetime.datetime | None | Unset):
            target_minutes (int | Unset):
            ticket_id (UUID | Unset):
            ticket_type (str | Unset):
            ticket_uid (str | Unset):
     """

    assigned_team: None | Unset | UUID = UNSET
    assigned_to: None | Unset | UUID = UNSET
    clock: str | Unset = UNSET
    due_at: datetime.datetime | Unset = UNSET
    priority: str | Unset = UNSET
    started_at: datetime.datetime | Unset = UNSET
    state: str | Unset = UNSET
    stopped_at: datetime.datetime | None | Unset = UNSET
    target_minutes: int | Unset = UNSET
    ticket_id: UUID | Unset = UNSET
    ticket_type: str | Unset = UNSET
    ticket_uid: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
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

        clock = self.clock

        due_at: str | Unset = UNSET
        if not isinstance(self.due_at, Unset):
            due_at = self.due_at.isoformat()

        priority = self.priority

        started_at: str | Unset = UNSET
        if not isinstance(self.started_at, Unset):
            started_at = self.started_at.isoformat()

        state = self.state

        stopped_at: None | str | Unset
        if isinstance(self.stopped_at, Unset):
            stopped_at = UNSET
        elif isinstance(self.stopped_at, datetime.datetime):
            stopped_at = self.stopped_at.isoformat()
        else:
            stopped_at = self.stopped_at

        target_minutes = self.target_minutes

        ticket_id: str | Unset = UNSET
        if not isinstance(self.ticket_id, Unset):
            ticket_id = str(self.ticket_id)

        ticket_type = self.ticket_type

        ticket_uid = self.ticket_uid


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if assigned_team is not UNSET:
            field_dict["assigned_team"] = assigned_team
        if assigned_to is not UNSET:
            field_dict["assigned_to"] = assigned_to
        if clock is not UNSET:
            field_dict["clock"] = clock
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if priority is not UNSET:
            field_dict["priority"] = priority
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if state is not UNSET:
            field_dict["state"] = state
        if stopped_at is not UNSET:
            field_dict["stopped_at"] = stopped_at
        if target_minutes is not UNSET:
            field_dict["target_minutes"] = target_minutes
        if ticket_id is not UNSET:
            field_dict["ticket_id"] = ticket_id
        if ticket_type is not UNSET:
            field_dict["ticket_type"] = ticket_type
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
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


        clock = d.pop("clock", UNSET)

        _due_at = d.pop("due_at", UNSET)
        due_at: datetime.datetime | Unset
        if isinstance(_due_at,  Unset):
            due_at = UNSET
        else:
            due_at = datetime.datetime.fromisoformat(_due_at)




        priority = d.pop("priority", UNSET)

        _started_at = d.pop("started_at", UNSET)
        started_at: datetime.datetime | Unset
        if isinstance(_started_at,  Unset):
            started_at = UNSET
        else:
            started_at = datetime.datetime.fromisoformat(_started_at)




        state = d.pop("state", UNSET)

        def _parse_stopped_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stopped_at_type_0 = datetime.datetime.fromisoformat(data)



                return stopped_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        stopped_at = _parse_stopped_at(d.pop("stopped_at", UNSET))


        target_minutes = d.pop("target_minutes", UNSET)

        _ticket_id = d.pop("ticket_id", UNSET)
        ticket_id: UUID | Unset
        if isinstance(_ticket_id,  Unset):
            ticket_id = UNSET
        else:
            ticket_id = UUID(_ticket_id)




        ticket_type = d.pop("ticket_type", UNSET)

        ticket_uid = d.pop("ticket_uid", UNSET)

        breached_clock = cls(
            assigned_team=assigned_team,
            assigned_to=assigned_to,
            clock=clock,
            due_at=due_at,
            priority=priority,
            started_at=started_at,
            state=state,
            stopped_at=stopped_at,
            target_minutes=target_minutes,
            ticket_id=ticket_id,
            ticket_type=ticket_type,
            ticket_uid=ticket_uid,
        )

        return breached_clock

