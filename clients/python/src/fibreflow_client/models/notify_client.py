from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.notify_client_status import NotifyClientStatus
from ..types import UNSET, Unset






T = TypeVar("T", bound="NotifyClient")



@_attrs_define
class NotifyClient:
    """ 
        Attributes:
            message (str):  Example: Technician dispatched, ETA 2 hours.
            status (NotifyClientStatus | Unset): status to report (default: the ticket's last known)
     """

    message: str
    status: NotifyClientStatus | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        message = self.message

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "message": message,
        })
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message")

        _status = d.pop("status", UNSET)
        status: NotifyClientStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = NotifyClientStatus(_status)




        notify_client = cls(
            message=message,
            status=status,
        )

        return notify_client

