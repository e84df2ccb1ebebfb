from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field
import json
from .. import types

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PostEmailIntakeInboundBody")



@_attrs_define
class PostEmailIntakeInboundBody:
    """ 
        Attributes:
            spf (str | Unset): e.g. pass
            attachment_info (str | Unset): JSON per attachmentN
            dkim (str | Unset): e.g. {@example.com : pass}
            email (str | Unset): raw mode: the full MIME message
            envelope (str | Unset): JSON {to:[...], from}
            headers (str | Unset): parsed mode: the raw header block
            html (str | Unset): parsed mode: HTML body
            spam_score (str | Unset): e.g. 0.4
            text (str | Unset): parsed mode: text body
     """

    spf: str | Unset = UNSET
    attachment_info: str | Unset = UNSET
    dkim: str | Unset = UNSET
    email: str | Unset = UNSET
    envelope: str | Unset = UNSET
    headers: str | Unset = UNSET
    html: str | Unset = UNSET
    spam_score: str | Unset = UNSET
    text: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        spf = self.spf

        attachment_info = self.attachment_info

        dkim = self.dkim

        email = self.email

        envelope = self.envelope

        headers = self.headers

        html = self.html

        spam_score = self.spam_score

        text = self.text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if spf is not UNSET:
            field_dict["SPF"] = spf
        if attachment_info is not UNSET:
            field_dict["attachment-info"] = attachment_info
        if dkim is not UNSET:
            field_dict["dkim"] = dkim
        if email is not UNSET:
            field_dict["email"] = email
        if envelope is not UNSET:
            field_dict["envelope"] = envelope
        if headers is not UNSET:
            field_dict["headers"] = headers
        if html is not UNSET:
            field_dict["html"] = html
        if spam_score is not UNSET:
            field_dict["spam_score"] = spam_score
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict


    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        if not isinstance(self.spf, Unset):
            files.append(("SPF", (None, str(self.spf).encode(), "text/plain")))



        if not isinstance(self.attachment_info, Unset):
            files.append(("attachment-info", (None, str(self.attachment_info).encode(), "text/plain")))



        if not isinstance(self.dkim, Unset):
            files.append(("dkim", (None, str(self.dkim).encode(), "text/plain")))



        if not isinstance(self.email, Unset):
            files.append(("email", (None, str(self.email).encode(), "text/plain")))



        if not isinstance(self.envelope, Unset):
            files.append(("envelope", (None, str(self.envelope).encode(), "text/plain")))



        if not isinstance(self.headers, Unset):
            files.append(("headers", (None, str(self.headers).encode(), "text/plain")))



        if not isinstance(self.html, Unset):
            files.append(("html", (None, str(self.html).encode(), "text/plain")))



        if not isinstance(self.spam_score, Unset):
            files.append(("spam_score", (None, str(self.spam_score).encode(), "text/plain")))



        if not isinstance(self.text, Unset):
            files.append(("text", (None, str(self.text).encode(), "text/plain")))




        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))



        return files


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        spf = d.pop("SPF", UNSET)

        attachment_info = d.pop("attachment-info", UNSET)

        dkim = d.pop("dkim", UNSET)

        email = d.pop("email", UNSET)

        envelope = d.pop("envelope", UNSET)

        headers = d.pop("headers", UNSET)

        html = d.pop("html", UNSET)

        spam_score = d.pop("spam_score", UNSET)

        text = d.pop("text", UNSET)

        post_email_intake_inbound_body = cls(
            spf=spf,
            attachment_info=attachment_info,
            dkim=dkim,
            email=email,
            envelope=envelope,
            headers=headers,
            html=html,
            spam_score=spam_score,
            text=text,
        )


        post_email_intake_inbound_body.additional_properties = d
        return post_email_intake_inbound_body

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
