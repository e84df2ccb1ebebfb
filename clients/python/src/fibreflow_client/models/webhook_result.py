from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WebhookResult")



@_attrs_define
class WebhookResult:
    """ 
        Attributes:
            tickets_updated (list[str] | Unset):  Example: ['FT12345'].
     """

    tickets_updated: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        tickets_updated: list[str] | Unset = UNSET
        if not isinstance(self.tickets_updated, Unset):
            tickets_updated = self.tickets_updated




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if tickets_updated is not UNSET:
            field_dict["tickets_updated"] = tickets_updated

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tickets_updated = cast(list[str], d.pop("tickets_updated", UNSET))


        webhook_result = cls(
            tickets_updated=tickets_updated,
        )

        return webhook_result

