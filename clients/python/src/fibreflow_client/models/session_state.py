from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SessionState")



@_attrs_define
class SessionState:
    """ 
        Attributes:
            auth_style (str | Unset):  Example: cookie.
            error (None | str | Unset):
            expires_at (float | None | Unset): unix time the session is renewed by
            state (str | Unset): up, down or unknown Example: up.
     """

    auth_style: str | Unset = UNSET
    error: None | str | Unset = UNSET
    expires_at: float | None | Unset = UNSET
    state: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        auth_style = self.auth_style

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        expires_at: float | None | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = self.expires_at

        state = self.state


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if auth_style is not UNSET:
            field_dict["auth_style"] = auth_style
        if error is not UNSET:
            field_dict["error"] = error
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if state is not UNSET:
            field_dict["state"] = state

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        auth_style = d.pop("auth_style", UNSET)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        def _parse_expires_at(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))


        state = d.pop("state", UNSET)

        session_state = cls(
            auth_style=auth_style,
            error=error,
            expires_at=expires_at,
            state=state,
        )

        return session_state

