from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PostNotificationsWebhooksSmsStatusBody")



@_attrs_define
class PostNotificationsWebhooksSmsStatusBody:
    """ 
        Attributes:
            message_sid (str):
            message_status (str):
            account_sid (str | Unset):
            from_ (str | Unset):
            to (str | Unset):
     """

    message_sid: str
    message_status: str
    account_sid: str | Unset = UNSET
    from_: str | Unset = UNSET
    to: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        message_sid = self.message_sid

        message_status = self.message_status

        account_sid = self.account_sid

        from_ = self.from_

        to = self.to


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "MessageSid": message_sid,
            "MessageStatus": message_status,
        })
        if account_sid is not UNSET:
            field_dict["AccountSid"] = account_sid
        if from_ is not UNSET:
            field_dict["From"] = from_
        if to is not UNSET:
            field_dict["To"] = to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message_sid = d.pop("MessageSid")

        message_status = d.pop("MessageStatus")

        account_sid = d.pop("AccountSid", UNSET)

        from_ = d.pop("From", UNSET)

        to = d.pop("To", UNSET)

        post_notifications_webhooks_sms_status_body = cls(
            message_sid=message_sid,
            message_status=message_status,
            account_sid=account_sid,
            from_=from_,
            to=to,
        )


        post_notifications_webhooks_sms_status_body.additional_properties = d
        return post_notifications_webhooks_sms_status_body

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
