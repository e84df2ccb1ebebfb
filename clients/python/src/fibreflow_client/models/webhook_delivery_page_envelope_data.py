from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.delivery import Delivery
  from ..models.pagination import Pagination





T = TypeVar("T", bound="WebhookDeliveryPageEnvelopeData")



@_attrs_define
class WebhookDeliveryPageEnvelopeData:
    """ 
        Attributes:
            deliveries (list[Delivery] | Unset):
            pagination (Pagination | Unset):
     """

    deliveries: list[Delivery] | Unset = UNSET
    pagination: Pagination | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.delivery import Delivery # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        deliveries: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.deliveries, Unset):
            deliveries = []
            for deliveries_item_data in self.deliveries:
                deliveries_item = deliveries_item_data.to_dict()
                deliveries.append(deliveries_item)



        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if deliveries is not UNSET:
            field_dict["deliveries"] = deliveries
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery import Delivery # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        d = dict(src_dict)
        _deliveries = d.pop("deliveries", UNSET)
        deliveries: list[Delivery] | Unset = UNSET
        if _deliveries is not UNSET:
            deliveries = []
            for deliveries_item_data in _deliveries:
                deliveries_item = Delivery.from_dict(deliveries_item_data)



                deliveries.append(deliveries_item)


        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        webhook_delivery_page_envelope_data = cls(
            deliveries=deliveries,
            pagination=pagination,
        )

        return webhook_delivery_page_envelope_data

