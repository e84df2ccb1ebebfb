from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ResyncResult")



@_attrs_define
class ResyncResult:
    """ 
        Attributes:
            case_id (None | str | Unset):
            queued (bool | Unset):
            scope (str | Unset):  Example: case.
     """

    case_id: None | str | Unset = UNSET
    queued: bool | Unset = UNSET
    scope: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        case_id: None | str | Unset
        if isinstance(self.case_id, Unset):
            case_id = UNSET
        else:
            case_id = self.case_id

        queued = self.queued

        scope = self.scope


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if case_id is not UNSET:
            field_dict["case_id"] = case_id
        if queued is not UNSET:
            field_dict["queued"] = queued
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_case_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        case_id = _parse_case_id(d.pop("case_id", UNSET))


        queued = d.pop("queued", UNSET)

        scope = d.pop("scope", UNSET)

        resync_result = cls(
            case_id=case_id,
            queued=queued,
            scope=scope,
        )

        return resync_result

