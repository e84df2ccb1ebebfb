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






T = TypeVar("T", bound="Template")



@_attrs_define
class Template:
    """ 
        Attributes:
            body (str | Unset):  Example: {{ brand }}: billing complaint logged. Ref {{ ticket_uid }}..
            channel (str | Unset):  Example: sms.
            default_body (str | Unset):
            default_subject (str | Unset):
            is_default (bool | Unset):  Example: False.
            key (str | Unset):  Example: billing_created.sms.
            subject (str | Unset):
            updated_at (datetime.datetime | None | Unset):
            updated_by (None | Unset | UUID):
     """

    body: str | Unset = UNSET
    channel: str | Unset = UNSET
    default_body: str | Unset = UNSET
    default_subject: str | Unset = UNSET
    is_default: bool | Unset = UNSET
    key: str | Unset = UNSET
    subject: str | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    updated_by: None | Unset | UUID = UNSET





    def to_dict(self) -> dict[str, Any]:
        body = self.body

        channel = self.channel

        default_body = self.default_body

        default_subject = self.default_subject

        is_default = self.is_default

        key = self.key

        subject = self.subject

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        updated_by: None | str | Unset
        if isinstance(self.updated_by, Unset):
            updated_by = UNSET
        elif isinstance(self.updated_by, UUID):
            updated_by = str(self.updated_by)
        else:
            updated_by = self.updated_by


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if body is not UNSET:
            field_dict["body"] = body
        if channel is not UNSET:
            field_dict["channel"] = channel
        if default_body is not UNSET:
            field_dict["default_body"] = default_body
        if default_subject is not UNSET:
            field_dict["default_subject"] = default_subject
        if is_default is not UNSET:
            field_dict["is_default"] = is_default
        if key is not UNSET:
            field_dict["key"] = key
        if subject is not UNSET:
            field_dict["subject"] = subject
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if updated_by is not UNSET:
            field_dict["updated_by"] = updated_by

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body", UNSET)

        channel = d.pop("channel", UNSET)

        default_body = d.pop("default_body", UNSET)

        default_subject = d.pop("default_subject", UNSET)

        is_default = d.pop("is_default", UNSET)

        key = d.pop("key", UNSET)

        subject = d.pop("subject", UNSET)

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


        def _parse_updated_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_by_type_0 = UUID(data)



                return updated_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        updated_by = _parse_updated_by(d.pop("updated_by", UNSET))


        template = cls(
            body=body,
            channel=channel,
            default_body=default_body,
            default_subject=default_subject,
            is_default=is_default,
            key=key,
            subject=subject,
            updated_at=updated_at,
            updated_by=updated_by,
        )

        return template

