from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="QcontactSyncWebhookResult")



@_attrs_define
class QcontactSyncWebhookResult:
    """ 
        Attributes:
            case_id (str | Unset):
            queued (bool | Unset):
     """

    case_id: str | Unset = UNSET
    queued: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        case_id = self.case_id

        queued = self.queued


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if case_id is not UNSET:
            field_dict["case_id"] = case_id
        if queued is not UNSET:
            field_dict["queued"] = queued

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        case_id = d.pop("case_id", UNSET)

        queued = d.pop("queued", UNSET)

        qcontact_sync_webhook_result = cls(
            case_id=case_id,
            queued=queued,
        )

        return qcontact_sync_webhook_result

