from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Delivery")



@_attrs_define
class Delivery:
    """ 
        Attributes:
            attempts (int | Unset):  Example: 1.
            created_at (datetime.datetime | Unset):  Example: 2026-12-02T08:00:00+00:00.
            delivered_at (datetime.datetime | None | Unset):  Example: 2026-12-02T08:00:00+00:00.
            event_id (str | Unset):  Example: 6f1c2a4e-8b0d-4c3e-9a57-2d1e0f3b4c5d.
            event_occurred_at (datetime.datetime | Unset):  Example: 2026-12-02T08:00:00+00:00.
            event_type (str | Unset):  Example: ticket.created.
            id (str | Unset):  Example: 6f1c2a4e-8b0d-4c3e-9a57-2d1e0f3b4c5d.
            last_error (None | str | Unset):
            last_status_code (int | None | Unset):  Example: 200.
            next_attempt_at (datetime.datetime | None | Unset):  Example: 2026-12-02T08:00:00+00:00.
            status (str | Unset):  Example: delivered.
            subscription_id (str | Unset):  Example: 6f1c2a4e-8b0d-4c3e-9a57-2d1e0f3b4c5d.
            webhook_id (Any | Unset): the webhook-id header Example: msg_6f1c2a4e-8b0d-4c3e-9a57.
     """

    attempts: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    delivered_at: datetime.datetime | None | Unset = UNSET
    event_id: str | Unset = UNSET
    event_occurred_at: datetime.datetime | Unset = UNSET
    event_type: str | Unset = UNSET
    id: str | Unset = UNSET
    last_error: None | str | Unset = UNSET
    last_status_code: int | None | Unset = UNSET
    next_attempt_at: datetime.datetime | None | Unset = UNSET
    status: str | Unset = UNSET
    subscription_id: str | Unset = UNSET
    webhook_id: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        delivered_at: None | str | Unset
        if isinstance(self.delivered_at, Unset):
            delivered_at = UNSET
        elif isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        event_id = self.event_id

        event_occurred_at: str | Unset = UNSET
        if not isinstance(self.event_occurred_at, Unset):
            event_occurred_at = self.event_occurred_at.isoformat()

        event_type = self.event_type

        id = self.id

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error

        last_status_code: int | None | Unset
        if isinstance(self.last_status_code, Unset):
            last_status_code = UNSET
        else:
            last_status_code = self.last_status_code

        next_attempt_at: None | str | Unset
        if isinstance(self.next_attempt_at, Unset):
            next_attempt_at = UNSET
        elif isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        status = self.status

        subscription_id = self.subscription_id

        webhook_id = self.webhook_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if attempts is not UNSET:
            field_dict["attempts"] = attempts
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if delivered_at is not UNSET:
            field_dict["delivered_at"] = delivered_at
        if event_id is not UNSET:
            field_dict["event_id"] = event_id
        if event_occurred_at is not UNSET:
            field_dict["event_occurred_at"] = event_occurred_at
        if event_type is not UNSET:
            field_dict["event_type"] = event_type
        if id is not UNSET:
            field_dict["id"] = id
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if last_status_code is not UNSET:
            field_dict["last_status_code"] = last_status_code
        if next_attempt_at is not UNSET:
            field_dict["next_attempt_at"] = next_attempt_at
        if status is not UNSET:
            field_dict["status"] = status
        if subscription_id is not UNSET:
            field_dict["subscription_id"] = subscription_id
        if webhook_id is not UNSET:
            field_dict["webhook_id"] = webhook_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts = d.pop("attempts", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        def _parse_delivered_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)



                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at", UNSET))


        event_id = d.pop("event_id", UNSET)

        _event_occurred_at = d.pop("event_occurred_at", UNSET)
        event_occurred_at: datetime.datetime | Unset
        if isinstance(_event_occurred_at,  Unset):
            event_occurred_at = UNSET
        else:
            event_occurred_at = datetime.datetime.fromisoformat(_event_occurred_at)




        event_type = d.pop("event_type", UNSET)

        id = d.pop("id", UNSET)

        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))


        def _parse_last_status_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        last_status_code = _parse_last_status_code(d.pop("last_status_code", UNSET))


        def _parse_next_attempt_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at", UNSET))


        status = d.pop("status", UNSET)

        subscription_id = d.pop("subscription_id", UNSET)

        webhook_id = d.pop("webhook_id", UNSET)

        delivery = cls(
            attempts=attempts,
            created_at=created_at,
            delivered_at=delivered_at,
            event_id=event_id,
            event_occurred_at=event_occurred_at,
            event_type=event_type,
            id=id,
            last_error=last_error,
            last_status_code=last_status_code,
            next_attempt_at=next_attempt_at,
            status=status,
            subscription_id=subscription_id,
            webhook_id=webhook_id,
        )

        return delivery

