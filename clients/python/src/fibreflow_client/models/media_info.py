from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="MediaInfo")



@_attrs_define
class MediaInfo:
    """ 
        Attributes:
            error (None | str | Unset):  Example: media not available.
            filename (None | str | Unset):
            mimetype (None | str | Unset):
            size (int | None | Unset):
            status (str | Unset): pending, stored, not_available Example: stored.
            url (None | str | Unset):  Example: /api/wa-bridge/media/6f1d….
     """

    error: None | str | Unset = UNSET
    filename: None | str | Unset = UNSET
    mimetype: None | str | Unset = UNSET
    size: int | None | Unset = UNSET
    status: str | Unset = UNSET
    url: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        filename: None | str | Unset
        if isinstance(self.filename, Unset):
            filename = UNSET
        else:
            filename = self.filename

        mimetype: None | str | Unset
        if isinstance(self.mimetype, Unset):
            mimetype = UNSET
        else:
            mimetype = self.mimetype

        size: int | None | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        else:
            size = self.size

        status = self.status

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if error is not UNSET:
            field_dict["error"] = error
        if filename is not UNSET:
            field_dict["filename"] = filename
        if mimetype is not UNSET:
            field_dict["mimetype"] = mimetype
        if size is not UNSET:
            field_dict["size"] = size
        if status is not UNSET:
            field_dict["status"] = status
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        def _parse_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        filename = _parse_filename(d.pop("filename", UNSET))


        def _parse_mimetype(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mimetype = _parse_mimetype(d.pop("mimetype", UNSET))


        def _parse_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        size = _parse_size(d.pop("size", UNSET))


        status = d.pop("status", UNSET)

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))


        media_info = cls(
            error=error,
            filename=filename,
            mimetype=mimetype,
            size=size,
            status=status,
            url=url,
        )

        return media_info

