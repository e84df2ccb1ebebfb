from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.api_key import ApiKey
  from ..models.pagination import Pagination





T = TypeVar("T", bound="ApiKeyPageEnvelopeData")



@_attrs_define
class ApiKeyPageEnvelopeData:
    """ 
        Attributes:
            api_keys (list[ApiKey] | Unset):
            pagination (Pagination | Unset):
     """

    api_keys: list[ApiKey] | Unset = UNSET
    pagination: Pagination | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.api_key import ApiKey # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        api_keys: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.api_keys, Unset):
            api_keys = []
            for api_keys_item_data in self.api_keys:
                api_keys_item = api_keys_item_data.to_dict()
                api_keys.append(api_keys_item)



        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if api_keys is not UNSET:
            field_dict["api_keys"] = api_keys
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_key import ApiKey # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        d = dict(src_dict)
        _api_keys = d.pop("api_keys", UNSET)
        api_keys: list[ApiKey] | Unset = UNSET
        if _api_keys is not UNSET:
            api_keys = []
            for api_keys_item_data in _api_keys:
                api_keys_item = ApiKey.from_dict(api_keys_item_data)



                api_keys.append(api_keys_item)


        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        api_key_page_envelope_data = cls(
            api_keys=api_keys,
            pagination=pagination,
        )

        return api_key_page_envelope_data

