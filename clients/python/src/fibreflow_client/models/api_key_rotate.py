from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ApiKeyRotate")



@_attrs_define
class ApiKeyRotate:
    """ 
        Attributes:
            expires_at (datetime.datetime | Unset): the new key's expiry; default the old key's Example:
                2027-03-01T00:00:00+00:00.
            overlap_seconds (int | Unset): how long the old key keeps working Default: 86400. Example: 86400.
     """

    expires_at: datetime.datetime | Unset = UNSET
    overlap_seconds: int | Unset = 86400





    def to_dict(self) -> dict[str, Any]:
        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        overlap_seconds = self.overlap_seconds


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if overlap_seconds is not UNSET:
            field_dict["overlap_seconds"] = overlap_seconds

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at,  Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)




        overlap_seconds = d.pop("overlap_seconds", UNSET)

        api_key_rotate = cls(
            expires_at=expires_at,
            overlap_seconds=overlap_seconds,
        )

        return api_key_rotate

