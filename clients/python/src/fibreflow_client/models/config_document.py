from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.effective_target import EffectiveTarget
  from ..models.multiplier_out import MultiplierOut
  from ..models.override_out import OverrideOut
  from ..models.type_config_out import TypeConfigOut





T = TypeVar("T", bound="ConfigDocument")



@_attrs_define
class ConfigDocument:
    """ 
        Attributes:
            effective (list[EffectiveTarget] | Unset):
            overrides (list[OverrideOut] | Unset):
            priority_multipliers (list[MultiplierOut] | Unset):
            types (list[TypeConfigOut] | Unset):
     """

    effective: list[EffectiveTarget] | Unset = UNSET
    overrides: list[OverrideOut] | Unset = UNSET
    priority_multipliers: list[MultiplierOut] | Unset = UNSET
    types: list[TypeConfigOut] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.effective_target import EffectiveTarget # noqa: PLC0415
        from ..models.multiplier_out import MultiplierOut # noqa: PLC0415
        from ..models.override_out import OverrideOut # noqa: PLC0415
        from ..models.type_config_out import TypeConfigOut # noqa: PLC0415
        effective: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.effective, Unset):
            effective = []
            for effective_item_data in self.effective:
                effective_item = effective_item_data.to_dict()
                effective.append(effective_item)



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
        if effective is not UNSET:
            field_dict["effective"] = effective
        if overrides is not UNSET:
            field_dict["overrides"] = overrides
        if priority_multipliers is not UNSET:
            field_dict["priority_multipliers"] = priority_multipliers
        if types is not UNSET:
            field_dict["types"] = types

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.effective_target import EffectiveTarget # noqa: PLC0415
        from ..models.multiplier_out import MultiplierOut # noqa: PLC0415
        from ..models.override_out import OverrideOut # noqa: PLC0415
        from ..models.type_config_out import TypeConfigOut # noqa: PLC0415
        d = dict(src_dict)
        _effective = d.pop("effective", UNSET)
        effective: list[EffectiveTarget] | Unset = UNSET
        if _effective is not UNSET:
            effective = []
            for effective_item_data in _effective:
                effective_item = EffectiveTarget.from_dict(effective_item_data)



                effective.append(effective_item)


        _overrides = d.pop("overrides", UNSET)
        overrides: list[OverrideOut] | Unset = UNSET
        if _overrides is not UNSET:
            overrides = []
            for overrides_item_data in _overrides:
                overrides_item = OverrideOut.from_dict(overrides_item_data)



                overrides.append(overrides_item)


        _priority_multipliers = d.pop("priority_multipliers", UNSET)
        priority_multipliers: list[MultiplierOut] | Unset = UNSET
        if _priority_multipliers is not UNSET:
            priority_multipliers = []
            for priority_multipliers_item_data in _priority_multipliers:
                priority_multipliers_item = MultiplierOut.from_dict(priority_multipliers_item_data)



                priority_multipliers.append(priority_multipliers_item)


        _types = d.pop("types", UNSET)
        types: list[TypeConfigOut] | Unset = UNSET
        if _types is not UNSET:
            types = []
            for types_item_data in _types:
                types_item = TypeConfigOut.from_dict(types_item_data)



                types.append(types_item)


        config_document = cls(
            effective=effective,
            overrides=overrides,
            priority_multipliers=priority_multipliers,
            types=types,
        )

        return config_document

