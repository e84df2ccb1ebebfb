from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ChannelSwitches")



@_attrs_define
class ChannelSwitches:
    """ 
        Attributes:
            email (bool | Unset):  Example: False.
            in_app (bool | Unset): always on Example: True.
            sms (bool | Unset):  Example: True.
            whatsapp (bool | Unset):  Example: True.
     """

    email: bool | Unset = UNSET
    in_app: bool | Unset = UNSET
    sms: bool | Unset = UNSET
    whatsapp: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        in_app = self.in_app

        sms = self.sms

        whatsapp = self.whatsapp


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if email is not UNSET:
            field_dict["email"] = email
        if in_app is not UNSET:
            field_dict["in_app"] = in_app
        if sms is not UNSET:
            field_dict["sms"] = sms
        if whatsapp is not UNSET:
            field_dict["whatsapp"] = whatsapp

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email", UNSET)

        in_app = d.pop("in_app", UNSET)

        sms = d.pop("sms", UNSET)

        whatsapp = d.pop("whatsapp", UNSET)

        channel_switches = cls(
            email=email,
            in_app=in_app,
            sms=sms,
            whatsapp=whatsapp,
        )

        return channel_switches

