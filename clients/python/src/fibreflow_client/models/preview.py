from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Preview")



@_attrs_define
class Preview:
    """ 
        Attributes:
            body (str | Unset):  Example: FibreFlow: Ref BILL-20261122-0042 logged..
            channel (str | Unset):  Example: sms.
            characters (int | Unset):  Example: 41.
            encoding (str | Unset):  Example: GSM-7.
            key (str | Unset):  Example: billing_created.sms.
            segments (int | Unset):  Example: 1.
            subject (str | Unset):
     """

    body: str | Unset = UNSET
    channel: str | Unset = UNSET
    characters: int | Unset = UNSET
    encoding: str | Unset = UNSET
    key: str | Unset = UNSET
    segments: int | Unset = UNSET
    subject: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        body = self.body

        channel = self.channel

        characters = self.characters

        encoding = self.encoding

        key = self.key

        segments = self.segments

        subject = self.subject


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if body is not UNSET:
            field_dict["body"] = body
        if channel is not UNSET:
            field_dict["channel"] = channel
        if characters is not UNSET:
            field_dict["characters"] = characters
        if encoding is not UNSET:
            field_dict["encoding"] = encoding
        if key is not UNSET:
            field_dict["key"] = key
        if segments is not UNSET:
            field_dict["segments"] = segments
        if subject is not UNSET:
            field_dict["subject"] = subject

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body", UNSET)

        channel = d.pop("channel", UNSET)

        characters = d.pop("characters", UNSET)

        encoding = d.pop("encoding", UNSET)

        key = d.pop("key", UNSET)

        segments = d.pop("segments", UNSET)

        subject = d.pop("subject", UNSET)

        preview = cls(
            body=body,
            channel=channel,
            characters=characters,
            encoding=encoding,
            key=key,
            segments=segments,
            subject=subject,
        )

        return preview

