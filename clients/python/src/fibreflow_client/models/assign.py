from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="Assign")



@_attrs_define
class Assign:
    """ 
        Attributes:
            assigned_team (None | Unset | UUID):  Example: 7c9e6679-7425-40de-944b-e07fc1f90ae7.
            assigned_to (None | Unset | UUID):  Example: 9b2d6f1e-4c3a-4e8b-8f1a-2d3c4b5a6e7f.
            reason (None | str | Unset): required when reassigning Example: Thabo is on leave.
     """

    assigned_team: None | Unset | UUID = UNSET
    assigned_to: None | Unset | UUID = UNSET
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        assigned_team: None | str | Unset
        if isinstance(self.assigned_team, Unset):
            assigned_team = UNSET
        elif isinstance(self.assigned_team, UUID):
            assigned_team = str(self.assigned_team)
        else:
            assigned_team = self.assigned_team

        assigned_to: None | str | Unset
        if isinstance(self.assigned_to, Unset):
            assigned_to = UNSET
        elif isinstance(self.assigned_to, UUID):
            assigned_to = str(self.assigned_to)
        else:
            assigned_to = self.assigned_to

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if assigned_team is not UNSET:
            field_dict["assigned_team"] = assigned_team
        if assigned_to is not UNSET:
            field_dict["assigned_to"] = assigned_to
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_assigned_team(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assigned_team_type_0 = UUID(data)



                return assigned_team_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assigned_team = _parse_assigned_team(d.pop("assigned_team", UNSET))


        def _parse_assigned_to(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assigned_to_type_0 = UUID(data)



                return assigned_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assigned_to = _parse_assigned_to(d.pop("assigned_to", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        assign = cls(
            assigned_team=assigned_team,
            assigned_to=assigned_to,
            reason=reason,
        )

        return assign

