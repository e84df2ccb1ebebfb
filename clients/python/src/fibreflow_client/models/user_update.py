from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.user_update_roles_item import UserUpdateRolesItem
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="UserUpdate")



@_attrs_define
class UserUpdate:
    """ 
        Attributes:
            active (bool | Unset):  Example: True.
            display_name (str | Unset):  Example: Thandi Mokoena.
            email (None | str | Unset):  Example: thandi.mokoena@example.org.
            phone (None | str | Unset): stored as E.164; a national number (leading 0) gets GATEWAY_DEFAULT_COUNTRY_CODE
                Example: +27821234567.
            roles (list[UserUpdateRolesItem] | Unset):  Example: ['technician'].
            team_ids (list[UUID] | Unset):  Example: ['6f1c2a4e-8b0d-4c3e-9a57-2d1e0f3b4c5d'].
     """

    active: bool | Unset = UNSET
    display_name: str | Unset = UNSET
    email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    roles: list[UserUpdateRolesItem] | Unset = UNSET
    team_ids: list[UUID] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        active = self.active

        display_name = self.display_name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = []
            for roles_item_data in self.roles:
                roles_item = roles_item_data.value
                roles.append(roles_item)



        team_ids: list[str] | Unset = UNSET
        if not isinstance(self.team_ids, Unset):
            team_ids = []
            for team_ids_item_data in self.team_ids:
                team_ids_item = str(team_ids_item_data)
                team_ids.append(team_ids_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if active is not UNSET:
            field_dict["active"] = active
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if roles is not UNSET:
            field_dict["roles"] = roles
        if team_ids is not UNSET:
            field_dict["team_ids"] = team_ids

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active", UNSET)

        display_name = d.pop("display_name", UNSET)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        _roles = d.pop("roles", UNSET)
        roles: list[UserUpdateRolesItem] | Unset = UNSET
        if _roles is not UNSET:
            roles = []
            for roles_item_data in _roles:
                roles_item = UserUpdateRolesItem(roles_item_data)



                roles.append(roles_item)


        _team_ids = d.pop("team_ids", UNSET)
        team_ids: list[UUID] | Unset = UNSET
        if _team_ids is not UNSET:
            team_ids = []
            for team_ids_item_data in _team_ids:
                team_ids_item = UUID(team_ids_item_data)



                team_ids.append(team_ids_item)


        user_update = cls(
            active=active,
            display_name=display_name,
            email=email,
            phone=phone,
            roles=roles,
            team_ids=team_ids,
        )

        return user_update

