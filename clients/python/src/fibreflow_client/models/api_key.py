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






T = TypeVar("T", bound="ApiKey")



@_attrs_define
class ApiKey:
    """ 
        Attributes:
            created_at (datetime.datetime | Unset):  Example: 2027-03-01T00:00:00+00:00.
            expires_at (datetime.datetime | Unset):  Example: 2027-03-01T00:00:00+00:00.
            id (UUID | Unset):  Example: 3fa85f64-5717-4562-b3fc-2c963f66afa6.
            last_used_at (datetime.datetime | None | Unset): to within a minute Example: 2026-12-02T08:00:00+00:00.
            name (str | Unset):  Example: erp-sync.
            prefix (str | Unset):  Example: ffk_Q2x4bW9f.
            rate_limit (None | str | Unset):  Example: 120/minute.
            revoked_at (datetime.datetime | None | Unset):  Example: 2027-03-01T00:00:00+00:00.
            role (str | Unset):  Example: technician.
            rotated_from (None | Unset | UUID):  Example: 3fa85f64-5717-4562-b3fc-2c963f66afa6.
            scopes (list[str] | Unset):  Example: ['tickets:read'].
     """

    created_at: datetime.datetime | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    id: UUID | Unset = UNSET
    last_used_at: datetime.datetime | None | Unset = UNSET
    name: str | Unset = UNSET
    prefix: str | Unset = UNSET
    rate_limit: None | str | Unset = UNSET
    revoked_at: datetime.datetime | None | Unset = UNSET
    role: str | Unset = UNSET
    rotated_from: None | Unset | UUID = UNSET
    scopes: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        last_used_at: None | str | Unset
        if isinstance(self.last_used_at, Unset):
            last_used_at = UNSET
        elif isinstance(self.last_used_at, datetime.datetime):
            last_used_at = self.last_used_at.isoformat()
        else:
            last_used_at = self.last_used_at

        name = self.name

        prefix = self.prefix

        rate_limit: None | str | Unset
        if isinstance(self.rate_limit, Unset):
            rate_limit = UNSET
        else:
            rate_limit = self.rate_limit

        revoked_at: None | str | Unset
        if isinstance(self.revoked_at, Unset):
            revoked_at = UNSET
        elif isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        role = self.role

        rotated_from: None | str | Unset
        if isinstance(self.rotated_from, Unset):
            rotated_from = UNSET
        elif isinstance(self.rotated_from, UUID):
            rotated_from = str(self.rotated_from)
        else:
            rotated_from = self.rotated_from

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = self.scopes




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if id is not UNSET:
            field_dict["id"] = id
        if last_used_at is not UNSET:
            field_dict["last_used_at"] = last_used_at
        if name is not UNSET:
            field_dict["name"] = name
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if rate_limit is not UNSET:
            field_dict["rate_limit"] = rate_limit
        if revoked_at is not UNSET:
            field_dict["revoked_at"] = revoked_at
        if role is not UNSET:
            field_dict["role"] = role
        if rotated_from is not UNSET:
            field_dict["rotated_from"] = rotated_from
        if scopes is not UNSET:
            field_dict["scopes"] = scopes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at,  Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)




        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        def _parse_last_used_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_used_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at", UNSET))


        name = d.pop("name", UNSET)

        prefix = d.pop("prefix", UNSET)

        def _parse_rate_limit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rate_limit = _parse_rate_limit(d.pop("rate_limit", UNSET))


        def _parse_revoked_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)



                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at", UNSET))


        role = d.pop("role", UNSET)

        def _parse_rotated_from(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rotated_from_type_0 = UUID(data)



                return rotated_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        rotated_from = _parse_rotated_from(d.pop("rotated_from", UNSET))


        scopes = cast(list[str], d.pop("scopes", UNSET))


        api_key = cls(
            created_at=created_at,
            expires_at=expires_at,
            id=id,
            last_used_at=last_used_at,
            name=name,
            prefix=prefix,
            rate_limit=rate_limit,
            revoked_at=revoked_at,
            role=role,
            rotated_from=rotated_from,
            scopes=scopes,
        )

        return api_key

