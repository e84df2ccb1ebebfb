from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.multiplier import Multiplier
  from ..models.override import Override
  from ..models.type_config import TypeConfig





T = TypeVar("T", bound="ConfigUpdate")



@_attrs_define
class ConfigUpdate:
    """ 
        Attributes:
            overrides (list[Override] | Unset):
            priority_multipliers (list[Multiplier] | Unset):
            types (list[TypeConfig] | Unset):
     """

    overrides: list[Override] | Unset = UNSET
    priority_multipliers: list[Multiplier] | Unset = UNSET
    types: list[TypeConfig] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.multiplier import Multiplier # noqa: PLC0415
        from ..models.override import Override # noqa: PLC0415
        from ..models.type_config import TypeConfig # noqa: PLC0415
        overrides: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.overrides, Unset):
            overrides = []
            for overrides_item_data in self.overrides:
                overrides_item = overrides_item_data.to_dict()
                overrides.append(overrides_item)



        priority_multipliers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.priority_multipliers, Unset):
            priority_multipliers = []
            for priority_multipliers_item_data in self.priority_multipliers:
                priority_multipliers_item = priority_multipliers_item_data.to_dict()
                priority_multipliers.append(priority_multipliers_item)



        types: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.types, Unset):
            types = []
            for types_item_data in self.types:
                types_item = types_item_data.to_dict()
                types.append(types_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if overrides is not UNSET:
            field_dict["overrides"] = overrides
        if priority_multipliers is not UNSET:
            field_dict["priority_multipliers"] = priority_multipliers
        if types is not UNSET:
            field_dict["types"] = types

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.multiplier import Multiplier # noqa: PLC0415
        from ..models.override import Override # noqa: PLC0415
        from ..models.type_config import TypeConfig # noqa: PLC0415
        d = dict(src_dict)
        _overrides = d.pop("overrides", UNSET)
        overrides: list[Override] | Unset = UNSET
        if _overrides is not UNSET:
            overrides = []
            for overrides_item_data in _overrides:
                overrides_item = Override.from_dict(overrides_item_data)



                overrides.append(overrides_item)


        _priority_multipliers = d.pop("priority_multipliers", UNSET)
        priority_multipliers: list[Multiplier] | Unset = UNSET
        if _priority_multipliers is not UNSET:
            priority_multipliers = []
            for priority_multipliers_item_data in _priority_multipliers:
                priority_multipliers_item = Multiplier.from_dict(priority_multipliers_item_data)



                priority_multipliers.append(priority_multipliers_item)


        _types = d.pop("types", UNSET)
        types: list[TypeConfig] | Unset = UNSET
        if _types is not UNSET:
            types = []
            for types_item_data in _types:
                types_item = TypeConfig.from_dict(types_item_data)



                types.append(types_item)


        config_update = cls(
            overrides=overrides,
            priority_multipliers=priority_multipliers,
            types=types,
        )

        return config_update

