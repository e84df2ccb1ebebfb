from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.activity_assignment_kind import ActivityAssignmentKind
from ..models.activity_channel import ActivityChannel
from ..models.activity_kind import ActivityKind
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Activity")



@_attrs_define
class Activity:
    """ 
        Attributes:
            assigned_from_team_id (None | Unset | UUID):
            assigned_from_user_id (None | Unset | UUID):
            assigned_to_team_id (None | Unset | UUID):
            assigned_to_user_id (None | Unset | UUID):
            assignment_kind (ActivityAssignmentKind | Unset):
            at (datetime.datetime | Unset):
            author_name (None | str | Unset):
            by (None | Unset | UUID):
            channel (ActivityChannel | Unset):
            content (str | Unset):
            field_changed (str | Unset):
            file_name (str | Unset):
            file_size (int | Unset):
            file_type (str | Unset):
            id (str | Unset):
            is_internal (bool | Unset):
            kind (ActivityKind | Unset):
            mentions (list[UUID] | Unset):
            new_value (None | str | Unset):
            old_value (None | str | Unset):
            origin (None | str | Unset):
            reason (None | str | Unset):
     """

    assigned_from_team_id: None | Unset | UUID = UNSET
    assigned_from_user_id: None | Unset | UUID = UNSET
    assigned_to_team_id: None | Unset | UUID = UNSET
    assigned_to_user_id: None | Unset | UUID = UNSET
    assignment_kind: ActivityAssignmentKind | Unset = UNSET
    at: datetime.datetime | Unset = UNSET
    author_name: None | str | Unset = UNSET
    by: None | Unset | UUID = UNSET
    channel: ActivityChannel | Unset = UNSET
    content: str | Unset = UNSET
    field_changed: str | Unset = UNSET
    file_name: str | Unset = UNSET
    file_size: int | Unset = UNSET
    file_type: str | Unset = UNSET
    id: str | Unset = UNSET
    is_internal: bool | Unset = UNSET
    kind: ActivityKind | Unset = UNSET
    mentions: list[UUID] | Unset = UNSET
    new_value: None | str | Unset = UNSET
    old_value: None | str | Unset = UNSET
    origin: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        assigned_from_team_id: None | str | Unset
        if isinstance(self.assigned_from_team_id, Unset):
            assigned_from_team_id = UNSET
        elif isinstance(self.assigned_from_team_id, UUID):
            assigned_from_team_id = str(self.assigned_from_team_id)
        else:
            assigned_from_team_id = self.assigned_from_team_id

        assigned_from_user_id: None | str | Unset
        if isinstance(self.assigned_from_user_id, Unset):
            assigned_from_user_id = UNSET
        elif isinstance(self.assigned_from_user_id, UUID):
            assigned_from_user_id = str(self.assigned_from_user_id)
        else:
            assigned_from_user_id = self.assigned_from_user_id

        assigned_to_team_id: None | str | Unset
        if isinstance(self.assigned_to_team_id, Unset):
            assigned_to_team_id = UNSET
        elif isinstance(self.assigned_to_team_id, UUID):
            assigned_to_team_id = str(self.assigned_to_team_id)
        else:
            assigned_to_team_id = self.assigned_to_team_id

        assigned_to_user_id: None | str | Unset
        if isinstance(self.assigned_to_user_id, Unset):
            assigned_to_user_id = UNSET
        elif isinstance(self.assigned_to_user_id, UUID):
            assigned_to_user_id = str(self.assigned_to_user_id)
        else:
            assigned_to_user_id = self.assigned_to_user_id

        assignment_kind: str | Unset = UNSET
        if not isinstance(self.assignment_kind, Unset):
            assignment_kind = self.assignment_kind.value


        at: str | Unset = UNSET
        if not isinstance(self.at, Unset):
            at = self.at.isoformat()

        author_name: None | str | Unset
        if isinstance(self.author_name, Unset):
            author_name = UNSET
        else:
            author_name = self.author_name

        by: None | str | Unset
        if isinstance(self.by, Unset):
            by = UNSET
        elif isinstance(self.by, UUID):
            by = str(self.by)
        else:
            by = self.by

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value


        content = self.content

        field_changed = self.field_changed

        file_name = self.file_name

        file_size = self.file_size

        file_type = self.file_type

        id = self.id

        is_internal = self.is_internal

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        mentions: list[str] | Unset = UNSET
        if not isinstance(self.mentions, Unset):
            mentions = []
            for mentions_item_data in self.mentions:
                mentions_item = str(mentions_item_data)
                mentions.append(mentions_item)



        new_value: None | str | Unset
        if isinstance(self.new_value, Unset):
            new_value = UNSET
        else:
            new_value = self.new_value

        old_value: None | str | Unset
        if isinstance(self.old_value, Unset):
            old_value = UNSET
        else:
            old_value = self.old_value

        origin: None | str | Unset
        if isinstance(self.origin, Unset):
            origin = UNSET
        else:
            origin = self.origin

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if assigned_from_team_id is not UNSET:
            field_dict["assigned_from_team_id"] = assigned_from_team_id
        if assigned_from_user_id is not UNSET:
            field_dict["assigned_from_user_id"] = assigned_from_user_id
        if assigned_to_team_id is not UNSET:
            field_dict["assigned_to_team_id"] = assigned_to_team_id
        if assigned_to_user_id is not UNSET:
            field_dict["assigned_to_user_id"] = assigned_to_user_id
        if assignment_kind is not UNSET:
            field_dict["assignment_kind"] = assignment_kind
        if at is not UNSET:
            field_dict["at"] = at
        if author_name is not UNSET:
            field_dict["author_name"] = author_name
        if by is not UNSET:
            field_dict["by"] = by
        if channel is not UNSET:
            field_dict["channel"] = channel
        if content is not UNSET:
            field_dict["content"] = content
        if field_changed is not UNSET:
            field_dict["field_changed"] = field_changed
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if file_size is not UNSET:
            field_dict["file_size"] = file_size
        if file_type is not UNSET:
            field_dict["file_type"] = file_type
        if id is not UNSET:
            field_dict["id"] = id
        if is_internal is not UNSET:
            field_dict["is_internal"] = is_internal
        if kind is not UNSET:
            field_dict["kind"] = kind
        if mentions is not UNSET:
            field_dict["mentions"] = mentions
        if new_value is not UNSET:
            field_dict["new_value"] = new_value
        if old_value is not UNSET:
            field_dict["old_value"] = old_value
        if origin is not UNSET:
            field_dict["origin"] = origin
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_assigned_from_team_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assigned_from_team_id_type_0 = UUID(data)



                return assigned_from_team_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assigned_from_team_id = _parse_assigned_from_team_id(d.pop("assigned_from_team_id", UNSET))


        def _parse_assigned_from_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assigned_from_user_id_type_0 = UUID(data)



                return assigned_from_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assigned_from_user_id = _parse_assigned_from_user_id(d.pop("assigned_from_user_id", UNSET))


        def _parse_assigned_to_team_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assigned_to_team_id_type_0 = UUID(data)



                return assigned_to_team_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assigned_to_team_id = _parse_assigned_to_team_id(d.pop("assigned_to_team_id", UNSET))


        def _parse_assigned_to_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assigned_to_user_id_type_0 = UUID(data)



                return assigned_to_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assigned_to_user_id = _parse_assigned_to_user_id(d.pop("assigned_to_user_id", UNSET))


        _assignment_kind = d.pop("assignment_kind", UNSET)
        assignment_kind: ActivityAssignmentKind | Unset
        if isinstance(_assignment_kind,  Unset):
            assignment_kind = UNSET
        else:
            assignment_kind = ActivityAssignmentKind(_assignment_kind)




        _at = d.pop("at", UNSET)
        at: datetime.datetime | Unset
        if isinstance(_at,  Unset):
            at = UNSET
        else:
            at = datetime.datetime.fromisoformat(_at)




        def _parse_author_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        author_name = _parse_author_name(d.pop("author_name", UNSET))


        def _parse_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                by_type_0 = UUID(data)



                return by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        by = _parse_by(d.pop("by", UNSET))


        _channel = d.pop("channel", UNSET)
        channel: ActivityChannel | Unset
        if isinstance(_channel,  Unset):
            channel = UNSET
        else:
            channel = ActivityChannel(_channel)




        content = d.pop("content", UNSET)

        field_changed = d.pop("field_changed", UNSET)

        file_name = d.pop("file_name", UNSET)

        file_size = d.pop("file_size", UNSET)

        file_type = d.pop("file_type", UNSET)

        id = d.pop("id", UNSET)

        is_internal = d.pop("is_internal", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: ActivityKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = ActivityKind(_kind)




        _mentions = d.pop("mentions", UNSET)
        mentions: list[UUID] | Unset = UNSET
        if _mentions is not UNSET:
            mentions = []
            for mentions_item_data in _mentions:
                mentions_item = UUID(mentions_item_data)



                mentions.append(mentions_item)


        def _parse_new_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        new_value = _parse_new_value(d.pop("new_value", UNSET))


        def _parse_old_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        old_value = _parse_old_value(d.pop("old_value", UNSET))


        def _parse_origin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        origin = _parse_origin(d.pop("origin", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        activity = cls(
            assigned_from_team_id=assigned_from_team_id,
            assigned_from_user_id=assigned_from_user_id,
            assigned_to_team_id=assigned_to_team_id,
            assigned_to_user_id=assigned_to_user_id,
            assignment_kind=assignment_kind,
            at=at,
            author_name=author_name,
            by=by,
            channel=channel,
            content=content,
            field_changed=field_changed,
            file_name=file_name,
            file_size=file_size,
            file_type=file_type,
            id=id,
            is_internal=is_internal,
            kind=kind,
            mentions=mentions,
            new_value=new_value,
            old_value=old_value,
            origin=origin,
            reason=reason,
        )

        return activity

