from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PostNotificationsWebhooksSmsInboundBody")



@_attrs_define
class PostNotificationsWebhooksSmsInboundBody:
    """ 
        Attributes:
            body (str):
            from_ (str):
            message_sid (str):
            account_sid (str | Unset):
            num_media (str | Unset):
            to (str | Unset):
     """

    body: str
    from_: str
    message_sid: str
    account_sid: str | Unset = UNSET
    num_media: str | Unset = UNSET
    to: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        body = self.body

        from_ = self.from_

        message_sid = self.message_sid

        account_sid = self.account_sid

        num_media = self.num_media

        to = self.to


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "Body": body,
            "From": from_,
            "MessageSid": message_sid,
        })
        if account_sid is not UNSET:
            field_dict["AccountSid"] = account_sid
        if num_media is not UNSET:
            field_dict["NumMedia"] = num_media
        if to is not UNSET:
            field_dict["To"] = to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("Body")

        from_ = d.pop("From")

        message_sid = d.pop("MessageSid")

        account_sid = d.pop("AccountSid", UNSET)

        num_media = d.pop("NumMedia", UNSET)

        to = d.pop("To", UNSET)

        post_notifications_webhooks_sms_inbound_body = cls(
            body=body,
            from_=from_,
            message_sid=message_sid,
            account_sid=account_sid,
            num_media=num_media,
            to=to,
        )


        post_notifications_webhooks_sms_inbound_body.additional_properties = d
        return post_notifications_webhooks_sms_inbound_body

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
