from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.guarantee_upsert_applies_to_ticket_types_type_0_item import GuaranteeUpsertAppliesToTicketTypesType0Item
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="GuaranteeUpsert")



@_attrs_define
class GuaranteeUpsert:
    """ 
        Attributes:
            guarantee_period_days (int):  Example: 60.
            project_id (str):  Example: lawley.
            applies_to_ticket_types (list[GuaranteeUpsertAppliesToTicketTypesType0Item] | None | Unset): default: fault and
                build Example: ['fault', 'build'].
            notes (None | str | Unset):
            project_name (None | str | Unset):  Example: Lawley Expansion.
     """

    guarantee_period_days: int
    project_id: str
    applies_to_ticket_types: list[GuaranteeUpsertAppliesToTicketTypesType0Item] | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    project_name: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        guarantee_period_days = self.guarantee_period_days

        project_id = self.project_id

        applies_to_ticket_types: list[str] | None | Unset
        if isinstance(self.applies_to_ticket_types, Unset):
            applies_to_ticket_types = UNSET
        elif isinstance(self.applies_to_ticket_types, list):
            applies_to_ticket_types = []
            for applies_to_ticket_types_type_0_item_data in self.applies_to_ticket_types:
                applies_to_ticket_types_type_0_item = applies_to_ticket_types_type_0_item_data.value
                applies_to_ticket_types.append(applies_to_ticket_types_type_0_item)


        else:
            applies_to_ticket_types = self.applies_to_ticket_types

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        project_name: None | str | Unset
        if isinstance(self.project_name, Unset):
            project_name = UNSET
        else:
            project_name = self.project_name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "guarantee_period_days": guarantee_period_days,
            "project_id": project_id,
        })
        if applies_to_ticket_types is not UNSET:
            field_dict["applies_to_ticket_types"] = applies_to_ticket_types
        if notes is not UNSET:
            field_dict["notes"] = notes
        if project_name is not UNSET:
            field_dict["project_name"] = project_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        guarantee_period_days = d.pop("guarantee_period_days")

        project_id = d.pop("project_id")

        def _parse_applies_to_ticket_types(data: object) -> list[GuaranteeUpsertAppliesToTicketTypesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                applies_to_ticket_types_type_0 = []
                _applies_to_ticket_types_type_0 = data
                for applies_to_ticket_types_type_0_item_data in (_applies_to_ticket_types_type_0):
                    applies_to_ticket_types_type_0_item = GuaranteeUpsertAppliesToTicketTypesType0Item(applies_to_ticket_types_type_0_item_data)



                    applies_to_ticket_types_type_0.append(applies_to_ticket_types_type_0_item)

                return applies_to_ticket_types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[GuaranteeUpsertAppliesToTicketTypesType0Item] | None | Unset, data)

        applies_to_ticket_types = _parse_applies_to_ticket_types(d.pop("applies_to_ticket_types", UNSET))


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        def _parse_project_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_name = _parse_project_name(d.pop("project_name", UNSET))


        guarantee_upsert = cls(
            guarantee_period_days=guarantee_period_days,
            project_id=project_id,
            applies_to_ticket_types=applies_to_ticket_types,
            notes=notes,
            project_name=project_name,
        )

        return guarantee_upsert

