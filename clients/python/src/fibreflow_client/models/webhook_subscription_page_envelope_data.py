from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.pagination import Pagination
  from ..models.subscription import Subscription





T = TypeVar("T", bound="WebhookSubscriptionPageEnvelopeData")



@_attrs_define
class WebhookSubscriptionPageEnvelopeData:
    """ 
        Attributes:
            pagination (Pagination | Unset):
            subscriptions (list[Subscription] | Unset):
     """

    pagination: Pagination | Unset = UNSET
    subscriptions: list[Subscription] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.pagination import Pagination # noqa: PLC0415
        from ..models.subscription import Subscription # noqa: PLC0415
        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        subscriptions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.subscriptions, Unset):
            subscriptions = []
            for subscriptions_item_data in self.subscriptions:
                subscriptions_item = subscriptions_item_data.to_dict()
                subscriptions.append(subscriptions_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if pagination is not UNSET:
            field_dict["pagination"] = pagination
        if subscriptions is not UNSET:
            field_dict["subscriptions"] = subscriptions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pagination import Pagination # noqa: PLC0415
        from ..models.subscription import Subscription # noqa: PLC0415
        d = dict(src_dict)
        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        _subscriptions = d.pop("subscriptions", UNSET)
        subscriptions: list[Subscription] | Unset = UNSET
        if _subscriptions is not UNSET:
            subscriptions = []
            for subscriptions_item_data in _subscriptions:
                subscriptions_item = Subscription.from_dict(subscriptions_item_data)



                subscriptions.append(subscriptions_item)


        webhook_subscription_page_envelope_data = cls(
            pagination=pagination,
            subscriptions=subscriptions,
        )

        return webhook_subscription_page_envelope_data

