from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.member import Member





T = TypeVar("T", bound="Team")



@_attrs_define
class Team:
    """ 
        Attributes:
            active (bool | Unset):
            created_at (datetime.datetime | Unset):
            id (UUID | Unset):
            members (list[Member] | Unset):
            name (str | Unset):
            specialty_types (list[str] | Unset):
            updated_at (datetime.datetime | Unset):
            zone (None | str | Unset):
     """

    active: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    id: UUID | Unset = UNSET
    members: list[Member] | Unset = UNSET
    name: str | Unset = UNSET
    specialty_types: list[str] | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    zone: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.member import Member # noqa: PLC0415
        active = self.active

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        members: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = []
            for members_item_data in self.members:
                members_item = members_item_data.to_dict()
                members.append(members_item)



        name = self.name

        specialty_types: list[str] | Unset = UNSET
        if not isinstance(self.specialty_types, Unset):
            specialty_types = self.specialty_types



        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        zone: None | str | Unset
        if isinstance(self.zone, Unset):
            zone = UNSET
        else:
            zone = self.zone


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if active is not UNSET:
            field_dict["active"] = active
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if id is not UNSET:
            field_dict["id"] = id
        if members is not UNSET:
            field_dict["members"] = members
        if name is not UNSET:
            field_dict["name"] = name
        if specialty_types is not UNSET:
            field_dict["specialty_types"] = specialty_types
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if zone is not UNSET:
            field_dict["zone"] = zone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member import Member # noqa: PLC0415
        d = dict(src_dict)
        active = d.pop("active", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        _members = d.pop("members", UNSET)
        members: list[Member] | Unset = UNSET
        if _members is not UNSET:
            members = []
            for members_item_data in _members:
                members_item = Member.from_dict(members_item_data)



                members.append(members_item)


        name = d.pop("name", UNSET)

        specialty_types = cast(list[str], d.pop("specialty_types", UNSET))


        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at,  Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)




        def _parse_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        zone = _parse_zone(d.pop("zone", UNSET))


        team = cls(
            active=active,
            created_at=created_at,
            id=id,
            members=members,
            name=name,
            specialty_types=specialty_types,
            updated_at=updated_at,
            zone=zone,
        )

        return team

