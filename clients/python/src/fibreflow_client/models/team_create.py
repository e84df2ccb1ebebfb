from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.team_create_specialty_types_item import TeamCreateSpecialtyTypesItem
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.member import Member





T = TypeVar("T", bound="TeamCreate")



@_attrs_define
class TeamCreate:
    """ 
        Attributes:
            name (str):  Example: Field Team A.
            active (bool | Unset):  Default: True. Example: True.
            members (list[Member] | Unset):
            specialty_types (list[TeamCreateSpecialtyTypesItem] | Unset):  Example: ['fault', 'build'].
            zone (None | str | Unset):  Example: Zone A.
     """

    name: str
    active: bool | Unset = True
    members: list[Member] | Unset = UNSET
    specialty_types: list[TeamCreateSpecialtyTypesItem] | Unset = UNSET
    zone: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.member import Member # noqa: PLC0415
        name = self.name

        active = self.active

        members: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = []
            for members_item_data in self.members:
                members_item = members_item_data.to_dict()
                members.append(members_item)



        specialty_types: list[str] | Unset = UNSET
        if not isinstance(self.specialty_types, Unset):
            specialty_types = []
            for specialty_types_item_data in self.specialty_types:
                specialty_types_item = specialty_types_item_data.value
                specialty_types.append(specialty_types_item)



        zone: None | str | Unset
        if isinstance(self.zone, Unset):
            zone = UNSET
        else:
            zone = self.zone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if active is not UNSET:
            field_dict["active"] = active
        if members is not UNSET:
            field_dict["members"] = members
        if specialty_types is not UNSET:
            field_dict["specialty_types"] = specialty_types
        if zone is not UNSET:
            field_dict["zone"] = zone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member import Member # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        active = d.pop("active", UNSET)

        _members = d.pop("members", UNSET)
        members: list[Member] | Unset = UNSET
        if _members is not UNSET:
            members = []
            for members_item_data in _members:
                members_item = Member.from_dict(members_item_data)



                members.append(members_item)


        _specialty_types = d.pop("specialty_types", UNSET)
        specialty_types: list[TeamCreateSpecialtyTypesItem] | Unset = UNSET
        if _specialty_types is not UNSET:
            specialty_types = []
            for specialty_types_item_data in _specialty_types:
                specialty_types_item = TeamCreateSpecialtyTypesItem(specialty_types_item_data)



                specialty_types.append(specialty_types_item)


        def _parse_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        zone = _parse_zone(d.pop("zone", UNSET))


        team_create = cls(
            name=name,
            active=active,
            members=members,
            specialty_types=specialty_types,
            zone=zone,
        )

        return team_create

