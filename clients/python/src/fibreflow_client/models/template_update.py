from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="TemplateUpdate")



@_attrs_define
class TemplateUpdate:
    """ 
        Attributes:
            body (str): Jinja2 (sandboxed); must render with the sample data Example: Hello {{ recipient_name }}, {{
                ticket_uid }} - {{ title }} was assigned to you by {{ actor }}..
            subject (str | Unset): email and in-app only; SMS sends the body Default: ''. Example: [{{ ticket_uid }}]
                assigned to you.
     """

    body: str
    subject: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        body = self.body

        subject = self.subject


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "body": body,
        })
        if subject is not UNSET:
            field_dict["subject"] = subject

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        subject = d.pop("subject", UNSET)

        template_update = cls(
            body=body,
            subject=subject,
        )

        return template_update

