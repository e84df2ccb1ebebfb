from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.pagination import Pagination
  from ..models.ticket_core_attachment import TicketCoreAttachment





T = TypeVar("T", bound="AttachmentListData")



@_attrs_define
class AttachmentListData:
    """ 
        Attributes:
            attachments (list[TicketCoreAttachment] | Unset):
            pagination (Pagination | Unset):
     """

    attachments: list[TicketCoreAttachment] | Unset = UNSET
    pagination: Pagination | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.pagination import Pagination # noqa: PLC0415
        from ..models.ticket_core_attachment import TicketCoreAttachment # noqa: PLC0415
        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item = attachments_item_data.to_dict()
                attachments.append(attachments_item)



        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pagination import Pagination # noqa: PLC0415
        from ..models.ticket_core_attachment import TicketCoreAttachment # noqa: PLC0415
        d = dict(src_dict)
        _attachments = d.pop("attachments", UNSET)
        attachments: list[TicketCoreAttachment] | Unset = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:
                attachments_item = TicketCoreAttachment.from_dict(attachments_item_data)



                attachments.append(attachments_item)


        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        attachment_list_data = cls(
            attachments=attachments,
            pagination=pagination,
        )

        return attachment_list_data

