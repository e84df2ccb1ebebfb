from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.activity import Activity
  from ..models.pagination import Pagination





T = TypeVar("T", bound="ActivityListData")



@_attrs_define
class ActivityListData:
    """ 
        Attributes:
            activity (list[Activity] | Unset):
            pagination (Pagination | Unset):
     """

    activity: list[Activity] | Unset = UNSET
    pagination: Pagination | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.activity import Activity # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        activity: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.activity, Unset):
            activity = []
            for activity_item_data in self.activity:
                activity_item = activity_item_data.to_dict()
                activity.append(activity_item)



        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if activity is not UNSET:
            field_dict["activity"] = activity
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity import Activity # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        d = dict(src_dict)
        _activity = d.pop("activity", UNSET)
        activity: list[Activity] | Unset = UNSET
        if _activity is not UNSET:
            activity = []
            for activity_item_data in _activity:
                activity_item = Activity.from_dict(activity_item_data)



                activity.append(activity_item)


        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        activity_list_data = cls(
            activity=activity,
            pagination=pagination,
        )

        return activity_list_data

