from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.fee import Fee
  from ..models.pagination import Pagination





T = TypeVar("T", bound="FeeListEnvelopeData")



@_attrs_define
class FeeListEnvelopeData:
    """ 
        Attributes:
            fees (list[Fee] | Unset):
            pagination (Pagination | Unset):
     """

    fees: list[Fee] | Unset = UNSET
    pagination: Pagination | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.fee import Fee # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        fees: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fees, Unset):
            fees = []
            for fees_item_data in self.fees:
                fees_item = fees_item_data.to_dict()
                fees.append(fees_item)



        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if fees is not UNSET:
            field_dict["fees"] = fees
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fee import Fee # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        d = dict(src_dict)
        _fees = d.pop("fees", UNSET)
        fees: list[Fee] | Unset = UNSET
        if _fees is not UNSET:
            fees = []
            for fees_item_data in _fees:
                fees_item = Fee.from_dict(fees_item_data)



                fees.append(fees_item)


        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        fee_list_envelope_data = cls(
            fees=fees,
            pagination=pagination,
        )

        return fee_list_envelope_data

