from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.template_preview_context import TemplatePreviewContext





T = TypeVar("T", bound="TemplatePreview")



@_attrs_define
class TemplatePreview:
    """ 
        Attributes:
            body (str | Unset):  Example: {{ brand }}: Ref {{ ticket_uid }} logged..
            context (TemplatePreviewContext | Unset): values that override the sample data Example: {'ticket_uid':
                'BILL-20261122-0042'}.
            subject (str | Unset):  Example: [{{ ticket_uid }}] logged.
     """

    body: str | Unset = UNSET
    context: TemplatePreviewContext | Unset = UNSET
    subject: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.template_preview_context import TemplatePreviewContext # noqa: PLC0415
        body = self.body

        context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        subject = self.subject


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if body is not UNSET:
            field_dict["body"] = body
        if context is not UNSET:
            field_dict["context"] = context
        if subject is not UNSET:
            field_dict["subject"] = subject

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.template_preview_context import TemplatePreviewContext # noqa: PLC0415
        d = dict(src_dict)
        body = d.pop("body", UNSET)

        _context = d.pop("context", UNSET)
        context: TemplatePreviewContext | Unset
        if isinstance(_context,  Unset):
            context = UNSET
        else:
            context = TemplatePreviewContext.from_dict(_context)




        subject = d.pop("subject", UNSET)

        template_preview = cls(
            body=body,
            context=context,
            subject=subject,
        )

        return template_preview

