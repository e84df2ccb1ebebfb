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

if TYPE_CHECKING:
  from ..models.audit_record_after_type_0 import AuditRecordAfterType0
  from ..models.audit_record_before_type_0 import AuditRecordBeforeType0





T = TypeVar("T", bound="AuditRecord")



@_attrs_define
class AuditRecord:
    """ 
        Attributes:
            action (str | Unset):  Example: billing.approved.
            actor_id (None | str | Unset):  Example: 3fa85f64-5717-4562-b3fc-2c963f66afa6.
            actor_name (None | str | Unset):  Example: thandi.nkosi.
            after (AuditRecordAfterType0 | None | Unset):  Example: {'billing_status': 'approved'}.
            before (AuditRecordBeforeType0 | None | Unset):  Example: {'billing_status': 'pending_approval'}.
            id (UUID | Unset):  Example: 3fa85f64-5717-4562-b3fc-2c963f66afa6.
            occurred_at (datetime.datetime | Unset):  Example: 2027-03-01T00:00:00+00:00.
            request_id (None | str | Unset):  Example: 5b0c6f2e9d7a4c1b.
            service (str | Unset):  Example: billing.
            target_id (str | Unset):  Example: FT12345.
            target_type (str | Unset):  Example: ticket.
     """

    action: str | Unset = UNSET
    actor_id: None | str | Unset = UNSET
    actor_name: None | str | Unset = UNSET
    after: AuditRecordAfterType0 | None | Unset = UNSET
    before: AuditRecordBeforeType0 | None | Unset = UNSET
    id: UUID | Unset = UNSET
    occurred_at: datetime.datetime | Unset = UNSET
    request_id: None | str | Unset = UNSET
    service: str | Unset = UNSET
    target_id: str | Unset = UNSET
    target_type: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_record_after_type_0 import AuditRecordAfterType0 # noqa: PLC0415
        from ..models.audit_record_before_type_0 import AuditRecordBeforeType0 # noqa: PLC0415
        action = self.action

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        else:
            actor_id = self.actor_id

        actor_name: None | str | Unset
        if isinstance(self.actor_name, Unset):
            actor_name = UNSET
        else:
            actor_name = self.actor_name

        after: dict[str, Any] | None | Unset
        if isinstance(self.after, Unset):
            after = UNSET
        elif isinstance(self.after, AuditRecordAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after

        before: dict[str, Any] | None | Unset
        if isinstance(self.before, Unset):
            before = UNSET
        elif isinstance(self.before, AuditRecordBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        occurred_at: str | Unset = UNSET
        if not isinstance(self.occurred_at, Unset):
            occurred_at = self.occurred_at.isoformat()

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        service = self.service

        target_id = self.target_id

        target_type = self.target_type


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if action is not UNSET:
            field_dict["action"] = action
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if actor_name is not UNSET:
            field_dict["actor_name"] = actor_name
        if after is not UNSET:
            field_dict["after"] = after
        if before is not UNSET:
            field_dict["before"] = before
        if id is not UNSET:
            field_dict["id"] = id
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if service is not UNSET:
            field_dict["service"] = service
        if target_id is not UNSET:
            field_dict["target_id"] = target_id
        if target_type is not UNSET:
            field_dict["target_type"] = target_type

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_record_after_type_0 import AuditRecordAfterType0 # noqa: PLC0415
        from ..models.audit_record_before_type_0 import AuditRecordBeforeType0 # noqa: PLC0415
        d = dict(src_dict)
        action = d.pop("action", UNSET)

        def _parse_actor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))


        def _parse_actor_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_name = _parse_actor_name(d.pop("actor_name", UNSET))


        def _parse_after(data: object) -> AuditRecordAfterType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = AuditRecordAfterType0.from_dict(data)



                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditRecordAfterType0 | None | Unset, data)

        after = _parse_after(d.pop("after", UNSET))


        def _parse_before(data: object) -> AuditRecordBeforeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = AuditRecordBeforeType0.from_dict(data)



                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditRecordBeforeType0 | None | Unset, data)

        before = _parse_before(d.pop("before", UNSET))


        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        _occurred_at = d.pop("occurred_at", UNSET)
        occurred_at: datetime.datetime | Unset
        if isinstance(_occurred_at,  Unset):
            occurred_at = UNSET
        else:
            occurred_at = datetime.datetime.fromisoformat(_occurred_at)




        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))


        service = d.pop("service", UNSET)

        target_id = d.pop("target_id", UNSET)

        target_type = d.pop("target_type", UNSET)

        audit_record = cls(
            action=action,
            actor_id=actor_id,
            actor_name=actor_name,
            after=after,
            before=before,
            id=id,
            occurred_at=occurred_at,
            request_id=request_id,
            service=service,
            target_id=target_id,
            target_type=target_type,
        )

        return audit_record

