from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.rule_create_match_type_type_1 import RuleCreateMatchTypeType1
from ..models.rule_create_match_type_type_2_type_1 import RuleCreateMatchTypeType2Type1
from ..models.rule_create_match_type_type_3_type_1 import RuleCreateMatchTypeType3Type1
from ..models.rule_create_strategy import RuleCreateStrategy
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="RuleCreate")



@_attrs_define
class RuleCreate:
    """ 
        Attributes:
            name (str):  Example: Zone A faults.
            strategy (RuleCreateStrategy):  Example: round_robin.
            team_id (UUID):  Example: 7c9e6679-7425-40de-944b-e07fc1f90ae7.
            active (bool | Unset):  Default: True. Example: True.
            match_type (None | RuleCreateMatchTypeType1 | RuleCreateMatchTypeType2Type1 | RuleCreateMatchTypeType3Type1 |
                Unset):  Example: fault.
            match_zone (None | str | Unset):  Example: Zone A.
            position (int | Unset):  Default: 100. Example: 10.
     """

    name: str
    strategy: RuleCreateStrategy
    team_id: UUID
    active: bool | Unset = True
    match_type: None | RuleCreateMatchTypeType1 | RuleCreateMatchTypeType2Type1 | RuleCreateMatchTypeType3Type1 | Unset = UNSET
    match_zone: None | str | Unset = UNSET
    position: int | Unset = 100





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        strategy = self.strategy.value

        team_id = str(self.team_id)

        active = self.active

        match_type: None | str | Unset
        if isinstance(self.match_type, Unset):
            match_type = UNSET
        elif isinstance(self.match_type, RuleCreateMatchTypeType1):
            match_type = self.match_type.value
        elif isinstance(self.match_type, RuleCreateMatchTypeType2Type1):
            match_type = self.match_type.value
        elif isinstance(self.match_type, RuleCreateMatchTypeType3Type1):
            match_type = self.match_type.value
        else:
            match_type = self.match_type

        match_zone: None | str | Unset
        if isinstance(self.match_zone, Unset):
            match_zone = UNSET
        else:
            match_zone = self.match_zone

        position = self.position


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "strategy": strategy,
            "team_id": team_id,
        })
        if active is not UNSET:
            field_dict["active"] = active
        if match_type is not UNSET:
            field_dict["match_type"] = match_type
        if match_zone is not UNSET:
            field_dict["match_zone"] = match_zone
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        strategy = RuleCreateStrategy(d.pop("strategy"))




        team_id = UUID(d.pop("team_id"))




        active = d.pop("active", UNSET)

        def _parse_match_type(data: object) -> None | RuleCreateMatchTypeType1 | RuleCreateMatchTypeType2Type1 | RuleCreateMatchTypeType3Type1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                match_type_type_1 = RuleCreateMatchTypeType1(data)



                return match_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                match_type_type_2_type_1 = RuleCreateMatchTypeType2Type1(data)



                return match_type_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                match_type_type_3_type_1 = RuleCreateMatchTypeType3Type1(data)



                return match_type_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RuleCreateMatchTypeType1 | RuleCreateMatchTypeType2Type1 | RuleCreateMatchTypeType3Type1 | Unset, data)

        match_type = _parse_match_type(d.pop("match_type", UNSET))


        def _parse_match_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        match_zone = _parse_match_zone(d.pop("match_zone", UNSET))


        position = d.pop("position", UNSET)

        rule_create = cls(
            name=name,
            strategy=strategy,
            team_id=team_id,
            active=active,
            match_type=match_type,
            match_zone=match_zone,
            position=position,
        )

        return rule_create

