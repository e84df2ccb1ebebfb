from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.user_create_roles_item import UserCreateRolesItem
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="UserCreate")



@_attrs_define
class UserCreate:
    """ 
        Attributes:
            display_name (str):  Example: Thandi Nkosi.
            email (None | str):  Example: thandi.nkosi@example.org.
            password (str):  Example: a-long-passphrase-2026.
            roles (list[UserCreateRolesItem]):  Example: ['technician'].
            username (str):  Example: thandi.nkosi.
            phone (None | str | Unset): stored as E.164; a national number (leading 0) gets GATEWAY_DEFAULT_COUNTRY_CODE
                Example: +27821234567.
            team_ids (list[UUID] | Unset):  Example: ['6f1c2a4e-8b0d-4c3e-9a57-2d1e0f3b4c5d'].
     """

    display_name: str
    email: None | str
    password: str
    roles: list[UserCreateRolesItem]
    username: str
    phone: None | str | Unset = UNSET
    team_ids: list[UUID] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        email: None | str
        email = self.email

        password = self.password

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)



        username = self.username

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        team_ids: list[str] | Unset = UNSET
        if not isinstance(self.team_ids, Unset):
            team_ids = []
            for team_ids_item_data in self.team_ids:
                team_ids_item = str(team_ids_item_data)
                team_ids.append(team_ids_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "display_name": display_name,
            "email": email,
            "password": password,
            "roles": roles,
            "username": username,
        })
        if phone is not UNSET:
            field_dict["phone"] = phone
        if team_ids is not UNSET:
            field_dict["team_ids"] = team_ids

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("display_name")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))


        password = d.pop("password")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in (_roles):
            roles_item = UserCreateRolesItem(roles_item_data)



            roles.append(roles_item)


        username = d.pop("username")

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        _team_ids = d.pop("team_ids", UNSET)
        team_ids: list[UUID] | Unset = UNSET
        if _team_ids is not UNSET:
            team_ids = []
            for team_ids_item_data in _team_ids:
                team_ids_item = UUID(team_ids_item_data)



                team_ids.append(team_ids_item)


        user_create = cls(
            display_name=display_name,
            email=email,
            password=password,
            roles=roles,
            username=username,
            phone=phone,
            team_ids=team_ids,
        )

        return user_create

