from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Media")



@_attrs_define
class Media:
    """ 
        Attributes:
            data (str): base64; at most 16 MB decoded (413 above) Example: /9j/4AAQSkZJRgABAQ==.
            mimetype (str):  Example: image/jpeg.
            filename (str | Unset):  Example: pole-P-4521.jpg.
     """

    data: str
    mimetype: str
    filename: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        data = self.data

        mimetype = self.mimetype

        filename = self.filename


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "data": data,
            "mimetype": mimetype,
        })
        if filename is not UNSET:
            field_dict["filename"] = filename

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        data = d.pop("data")

        mimetype = d.pop("mimetype")

        filename = d.pop("filename", UNSET)

        media = cls(
            data=data,
            mimetype=mimetype,
            filename=filename,
        )

        return media

