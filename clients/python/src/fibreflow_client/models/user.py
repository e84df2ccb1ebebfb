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






T = TypeVar("T", bound="User")



@_attrs_define
class User:
    """ 
        Attributes:
            active (bool | Unset):  Example: True.
            created_at (datetime.datetime | Unset):  Example: 2026-11-02T08:15:00+00:00.
            display_name (str | Unset):  Example: Thandi Nkosi.
            email (None | str | Unset):  Example: thandi.nkosi@example.org.
            id (UUID | Unset):  Example: 3fa85f64-5717-4562-b3fc-2c963f66afa6.
            password_changed_at (datetime.datetime | Unset):  Example: 2026-11-02T08:15:00+00:00.
            phone (None | str | Unset): E.164 Example: +27821234567.
            roles (list[str] | Unset):  Example: ['technician'].
            team_ids (list[UUID] | Unset):  Example: ['6f1c2a4e-8b0d-4c3e-9a57-2d1e0f3b4c5d'].
            updated_at (datetime.datetime | Unset):  Example: 2026-11-02T08:15:00+00:00.
            username (str | Unset):  Example: thandi.nkosi.
     """

    active: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    display_name: str | Unset = UNSET
    email: None | str | Unset = UNSET
    id: UUID | Unset = UNSET
    password_changed_at: datetime.datetime | Unset = UNSET
    phone: None | str | Unset = UNSET
    roles: list[str] | Unset = UNSET
    team_ids: list[UUID] | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    username: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        active = self.active

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        display_name = self.display_name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        password_changed_at: str | Unset = UNSET
        if not isinstance(self.password_changed_at, Unset):
            password_changed_at = self.password_changed_at.isoformat()

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = self.roles



        team_ids: list[str] | Unset = UNSET
        if not isinstance(self.team_ids, Unset):
            team_ids = []
            for team_ids_item_data in self.team_ids:
                team_ids_item = str(team_ids_item_data)
                team_ids.append(team_ids_item)



        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        username = self.username


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if active is not UNSET:
            field_dict["active"] = active
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if email is not UNSET:
            field_dict["email"] = email
        if id is not UNSET:
            field_dict["id"] = id
        if password_changed_at is not UNSET:
            field_dict["password_changed_at"] = password_changed_at
        if phone is not UNSET:
            field_dict["phone"] = phone
        if roles is not UNSET:
            field_dict["roles"] = roles
        if team_ids is not UNSET:
            field_dict["team_ids"] = team_ids
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if username is not UNSET:
            field_dict["username"] = username

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        display_name = d.pop("display_name", UNSET)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        _password_changed_at = d.pop("password_changed_at", UNSET)
        password_changed_at: datetime.datetime | Unset
        if isinstance(_password_changed_at,  Unset):
            password_changed_at = UNSET
        else:
            password_changed_at = datetime.datetime.fromisoformat(_password_changed_at)




        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        roles = cast(list[str], d.pop("roles", UNSET))


        _team_ids = d.pop("team_ids", UNSET)
        team_ids: list[UUID] | Unset = UNSET
        if _team_ids is not UNSET:
            team_ids = []
            for team_ids_item_data in _team_ids:
                team_ids_item = UUID(team_ids_item_data)



                team_ids.append(team_ids_item)


        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at,  Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)




        username = d.pop("username", UNSET)

        user = cls(
            active=active,
            created_at=created_at,
            display_name=display_name,
            email=email,
            id=id,
            password_changed_at=password_changed_at,
            phone=phone,
            roles=roles,
            team_ids=team_ids,
            updated_at=updated_at,
            username=username,
        )

        return user

