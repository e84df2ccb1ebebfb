from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Qr")



@_attrs_define
class Qr:
    """ 
        Attributes:
            data (str | Unset): base64 PNG Example: iVBORw0KGgo=.
            mimetype (str | Unset):  Example: image/png.
     """

    data: str | Unset = UNSET
    mimetype: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        data = self.data

        mimetype = self.mimetype


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if data is not UNSET:
            field_dict["data"] = data
        if mimetype is not UNSET:
            field_dict["mimetype"] = mimetype

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        data = d.pop("data", UNSET)

        mimetype = d.pop("mimetype", UNSET)

        qr = cls(
            data=data,
            mimetype=mimetype,
        )

        return qr

