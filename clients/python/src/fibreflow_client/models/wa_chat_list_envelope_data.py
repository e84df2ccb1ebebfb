from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.chat import Chat
  from ..models.pagination import Pagination





T = TypeVar("T", bound="WaChatListEnvelopeData")



@_attrs_define
class WaChatListEnvelopeData:
    """ 
        Attributes:
            chats (list[Chat] | Unset):
            pagination (Pagination | Unset):
     """

    chats: list[Chat] | Unset = UNSET
    pagination: Pagination | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.chat import Chat # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        chats: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.chats, Unset):
            chats = []
            for chats_item_data in self.chats:
                chats_item = chats_item_data.to_dict()
                chats.append(chats_item)



        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if chats is not UNSET:
            field_dict["chats"] = chats
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chat import Chat # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        d = dict(src_dict)
        _chats = d.pop("chats", UNSET)
        chats: list[Chat] | Unset = UNSET
        if _chats is not UNSET:
            chats = []
            for chats_item_data in _chats:
                chats_item = Chat.from_dict(chats_item_data)



                chats.append(chats_item)


        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        wa_chat_list_envelope_data = cls(
            chats=chats,
            pagination=pagination,
        )

        return wa_chat_list_envelope_data

