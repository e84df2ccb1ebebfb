from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field
import json
from .. import types

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PostEmailIntakeInboundMailgunBody")



@_attrs_define
class PostEmailIntakeInboundMailgunBody:
    """ 
        Attributes:
            signature (str): hex HMAC-SHA256(key, timestamp+token)
            timestamp (str): unix seconds
            token (str): random, once only
            body_html (str | Unset): HTML body
            body_mime (str | Unset): raw mode: the full message
            body_plain (str | Unset): text body
            message_headers (str | Unset): JSON list of [name, value]
            recipient (str | Unset): envelope recipient
            sender (str | Unset): envelope sender
     """

    signature: str
    timestamp: str
    token: str
    body_html: str | Unset = UNSET
    body_mime: str | Unset = UNSET
    body_plain: str | Unset = UNSET
    message_headers: str | Unset = UNSET
    recipient: str | Unset = UNSET
    sender: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        signature = self.signature

        timestamp = self.timestamp

        token = self.token

        body_html = self.body_html

        body_mime = self.body_mime

        body_plain = self.body_plain

        message_headers = self.message_headers

        recipient = self.recipient

        sender = self.sender


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "signature": signature,
            "timestamp": timestamp,
            "token": token,
        })
        if body_html is not UNSET:
            field_dict["body-html"] = body_html
        if body_mime is not UNSET:
            field_dict["body-mime"] = body_mime
        if body_plain is not UNSET:
            field_dict["body-plain"] = body_plain
        if message_headers is not UNSET:
            field_dict["message-headers"] = message_headers
        if recipient is not UNSET:
            field_dict["recipient"] = recipient
        if sender is not UNSET:
            field_dict["sender"] = sender

        return field_dict


    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("signature", (None, str(self.signature).encode(), "text/plain")))



        files.append(("timestamp", (None, str(self.timestamp).encode(), "text/plain")))



        files.append(("token", (None, str(self.token).encode(), "text/plain")))



        if not isinstance(self.body_html, Unset):
            files.append(("body-html", (None, str(self.body_html).encode(), "text/plain")))



        if not isinstance(self.body_mime, Unset):
            files.append(("body-mime", (None, str(self.body_mime).encode(), "text/plain")))



        if not isinstance(self.body_plain, Unset):
            files.append(("body-plain", (None, str(self.body_plain).encode(), "text/plain")))



        if not isinstance(self.message_headers, Unset):
            files.append(("message-headers", (None, str(self.message_headers).encode(), "text/plain")))



        if not isinstance(self.recipient, Unset):
            files.append(("recipient", (None, str(self.recipient).encode(), "text/plain")))



        if not isinstance(self.sender, Unset):
            files.append(("sender", (None, str(self.sender).encode(), "text/plain")))




        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))



        return files


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        signature = d.pop("signature")

        timestamp = d.pop("timestamp")

        token = d.pop("token")

        body_html = d.pop("body-html", UNSET)

        body_mime = d.pop("body-mime", UNSET)

        body_plain = d.pop("body-plain", UNSET)

        message_headers = d.pop("message-headers", UNSET)

        recipient = d.pop("recipient", UNSET)

        sender = d.pop("sender", UNSET)

        post_email_intake_inbound_mailgun_body = cls(
            signature=signature,
            timestamp=timestamp,
            token=token,
            body_html=body_html,
            body_mime=body_mime,
            body_plain=body_plain,
            message_headers=message_headers,
            recipient=recipient,
            sender=sender,
        )


        post_email_intake_inbound_mailgun_body.additional_properties = d
        return post_email_intake_inbound_mailgun_body

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
