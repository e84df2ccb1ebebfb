from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.log_item import LogItem
  from ..models.pagination import Pagination





T = TypeVar("T", bound="LogEnvelopeData")



@_attrs_define
class LogEnvelopeData:
    """ 
        Attributes:
            notifications (list[LogItem] | Unset):
            pagination (Pagination | Unset):
     """

    notifications: list[LogItem] | Unset = UNSET
    pagination: Pagination | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.log_item import LogItem # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        notifications: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.notifications, Unset):
            notifications = []
            for notifications_item_data in self.notifications:
                notifications_item = notifications_item_data.to_dict()
                notifications.append(notifications_item)



        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if notifications is not UNSET:
            field_dict["notifications"] = notifications
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.log_item import LogItem # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        d = dict(src_dict)
        _notifications = d.pop("notifications", UNSET)
        notifications: list[LogItem] | Unset = UNSET
        if _notifications is not UNSET:
            notifications = []
            for notifications_item_data in _notifications:
                notifications_item = LogItem.from_dict(notifications_item_data)



                notifications.append(notifications_item)


        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        log_envelope_data = cls(
            notifications=notifications,
            pagination=pagination,
        )

        return log_envelope_data

