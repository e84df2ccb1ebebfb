from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="ComplianceByTeam")



@_attrs_define
class ComplianceByTeam:
    """ 
        Attributes:
            assigned_team (None | Unset | UUID):
            breached (int | Unset):
            compliance_percent (float | None | Unset):
            met (int | Unset):
            total (int | Unset):
     """

    assigned_team: None | Unset | UUID = UNSET
    breached: int | Unset = UNSET
    compliance_percent: float | None | Unset = UNSET
    met: int | Unset = UNSET
    total: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        assigned_team: None | str | Unset
        if isinstance(self.assigned_team, Unset):
            assigned_team = UNSET
        elif isinstance(self.assigned_team, UUID):
            assigned_team = str(self.assigned_team)
        else:
            assigned_team = self.assigned_team

        breached = self.breached

        compliance_percent: float | None | Unset
        if isinstance(self.compliance_percent, Unset):
            compliance_percent = UNSET
        else:
            compliance_percent = self.compliance_percent

        met = self.met

        total = self.total


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if assigned_team is not UNSET:
            field_dict["assigned_team"] = assigned_team
        if breached is not UNSET:
            field_dict["breached"] = breached
        if compliance_percent is not UNSET:
            field_dict["compliance_percent"] = compliance_percent
        if met is not UNSET:
            field_dict["met"] = met
        if total is not UNSET:
            field_dict["total"] = total

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


        breached = d.pop("breached", UNSET)

        def _parse_compliance_percent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        compliance_percent = _parse_compliance_percent(d.pop("compliance_percent", UNSET))


        met = d.pop("met", UNSET)

        total = d.pop("total", UNSET)

        compliance_by_team = cls(
            assigned_team=assigned_team,
            breached=breached,
            compliance_percent=compliance_percent,
            met=met,
            total=total,
        )

        return compliance_by_team

