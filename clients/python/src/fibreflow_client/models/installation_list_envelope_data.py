from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.installation import Installation
  from ..models.pagination import Pagination





T = TypeVar("T", bound="InstallationListEnvelopeData")



@_attrs_define
class InstallationListEnvelopeData:
    """ 
        Attributes:
            installations (list[Installation] | Unset):
            pagination (Pagination | Unset):
     """

    installations: list[Installation] | Unset = UNSET
    pagination: Pagination | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.installation import Installation # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        installations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.installations, Unset):
            installations = []
            for installations_item_data in self.installations:
                installations_item = installations_item_data.to_dict()
                installations.append(installations_item)



        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if installations is not UNSET:
            field_dict["installations"] = installations
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.installation import Installation # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        d = dict(src_dict)
        _installations = d.pop("installations", UNSET)
        installations: list[Installation] | Unset = UNSET
        if _installations is not UNSET:
            installations = []
            for installations_item_data in _installations:
                installations_item = Installation.from_dict(installations_item_data)



                installations.append(installations_item)


        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        installation_list_envelope_data = cls(
            installations=installations,
            pagination=pagination,
        )

        return installation_list_envelope_data

