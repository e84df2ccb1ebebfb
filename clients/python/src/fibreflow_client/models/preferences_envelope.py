from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.preferences import Preferences





T = TypeVar("T", bound="PreferencesEnvelope")



@_attrs_define
class PreferencesEnvelope:
    """ 
        Attributes:
            data (Preferences | Unset):
            success (bool | Unset):  Example: True.
     """

    data: Preferences | Unset = UNSET
    success: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.preferences import Preferences # noqa: PLC0415
        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        success = self.success


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if data is not UNSET:
            field_dict["data"] = data
        if success is not UNSET:
            field_dict["success"] = success

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preferences import Preferences # noqa: PLC0415
        d = dict(src_dict)
        _data = d.pop("data", UNSET)
        data: Preferences | Unset
        if isinstance(_data,  Unset):
            data = UNSET
        else:
            data = Preferences.from_dict(_data)




        success = d.pop("success", UNSET)

        preferences_envelope = cls(
            data=data,
            success=success,
        )

        return preferences_envelope

