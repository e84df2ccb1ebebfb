from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="TokenPair")



@_attrs_define
class TokenPair:
    """ 
        Attributes:
            access_token (str):  Example: eyJhbGciOiJSUzI1NiIsImtpZCI6IjIwMjYtMTEtMDEifQ.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl.
            expires_in (int): access token lifetime in seconds Example: 900.
            refresh_token (str):  Example: rt_3q2-7wE9xYzA1bC4dF6gH8jK0mN2pQ5sT7vW9yZ1.
            token_type (str):  Example: Bearer.
     """

    access_token: str
    expires_in: int
    refresh_token: str
    token_type: str





    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        expires_in = self.expires_in

        refresh_token = self.refresh_token

        token_type = self.token_type


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "access_token": access_token,
            "expires_in": expires_in,
            "refresh_token": refresh_token,
            "token_type": token_type,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        expires_in = d.pop("expires_in")

        refresh_token = d.pop("refresh_token")

        token_type = d.pop("token_type")

        token_pair = cls(
            access_token=access_token,
            expires_in=expires_in,
            refresh_token=refresh_token,
            token_type=token_type,
        )

        return token_pair

