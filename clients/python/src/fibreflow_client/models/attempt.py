from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Attempt")



@_attrs_define
class Attempt:
    """ 
        Attributes:
            attempted_at (datetime.datetime | Unset):  Example: 2026-12-02T08:00:00+00:00.
            duration_ms (int | Unset):  Example: 12.
            error (None | str | Unset):  Example: HTTP 500.
            status_code (int | None | Unset):  Example: 500.
     """

    attempted_at: datetime.datetime | Unset = UNSET
    duration_ms: int | Unset = UNSET
    error: None | str | Unset = UNSET
    status_code: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        attempted_at: str | Unset = UNSET
        if not isinstance(self.attempted_at, Unset):
            attempted_at = self.attempted_at.isoformat()

        duration_ms = self.duration_ms

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        status_code: int | None | Unset
        if isinstance(self.status_code, Unset):
            status_code = UNSET
        else:
            status_code = self.status_code


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if attempted_at is not UNSET:
            field_dict["attempted_at"] = attempted_at
        if duration_ms is not UNSET:
            field_dict["duration_ms"] = duration_ms
        if error is not UNSET:
            field_dict["error"] = error
        if status_code is not UNSET:
            field_dict["status_code"] = status_code

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _attempted_at = d.pop("attempted_at", UNSET)
        attempted_at: datetime.datetime | Unset
        if isinstance(_attempted_at,  Unset):
            attempted_at = UNSET
        else:
            attempted_at = datetime.datetime.fromisoformat(_attempted_at)




        duration_ms = d.pop("duration_ms", UNSET)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        def _parse_status_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        status_code = _parse_status_code(d.pop("status_code", UNSET))


        attempt = cls(
            attempted_at=attempted_at,
            duration_ms=duration_ms,
            error=error,
            status_code=status_code,
        )

        return attempt

