from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.guarantee import Guarantee
  from ..models.pagination import Pagination





T = TypeVar("T", bound="GuaranteeListEnvelopeData")



@_attrs_define
class GuaranteeListEnvelopeData:
    """ 
        Attributes:
            guarantees (list[Guarantee] | Unset):
            pagination (Pagination | Unset):
     """

    guarantees: list[Guarantee] | Unset = UNSET
    pagination: Pagination | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.guarantee import Guarantee # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        guarantees: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.guarantees, Unset):
            guarantees = []
            for guarantees_item_data in self.guarantees:
                guarantees_item = guarantees_item_data.to_dict()
                guarantees.append(guarantees_item)



        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if guarantees is not UNSET:
            field_dict["guarantees"] = guarantees
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.guarantee import Guarantee # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        d = dict(src_dict)
        _guarantees = d.pop("guarantees", UNSET)
        guarantees: list[Guarantee] | Unset = UNSET
        if _guarantees is not UNSET:
            guarantees = []
            for guarantees_item_data in _guarantees:
                guarantees_item = Guarantee.from_dict(guarantees_item_data)



                guarantees.append(guarantees_item)


        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        guarantee_list_envelope_data = cls(
            guarantees=guarantees,
            pagination=pagination,
        )

        return guarantee_list_envelope_data

