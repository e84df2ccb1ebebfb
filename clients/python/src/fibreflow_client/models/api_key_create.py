from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.api_key_create_role import ApiKeyCreateRole
from ..models.api_key_create_scopes_item import ApiKeyCreateScopesItem
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ApiKeyCreate")



@_attrs_define
class ApiKeyCreate:
    """ 
        Attributes:
            name (str): the service account Example: erp-sync.
            role (ApiKeyCreateRole):  Example: technician.
            expires_at (datetime.datetime | Unset): default 90 days from now, at most API_KEY_MAX_DAYS Example:
                2027-03-01T00:00:00+00:00.
            rate_limit (None | str | Unset): e.g. 120/minute; default API_KEY_RATE_LIMIT Example: 120/minute.
            scopes (list[ApiKeyCreateScopesItem] | Unset): none: everything the role may; else only these. One of:
                billing:read, billing:write, console:read, console:write, email:read, email:write, notifications:read,
                notifications:write, qcontact:read, qcontact:write, sla:read, sla:write, tickets:read, tickets:write,
                webhooks:read, webhooks:write, whatsapp:read, whatsapp:write Example: ['tickets:read'].
     """

    name: str
    role: ApiKeyCreateRole
    expires_at: datetime.datetime | Unset = UNSET
    rate_limit: None | str | Unset = UNSET
    scopes: list[ApiKeyCreateScopesItem] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        role = self.role.value

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        rate_limit: None | str | Unset
        if isinstance(self.rate_limit, Unset):
            rate_limit = UNSET
        else:
            rate_limit = self.rate_limit

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = []
            for scopes_item_data in self.scopes:
                scopes_item = scopes_item_data.value
                scopes.append(scopes_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "role": role,
        })
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if rate_limit is not UNSET:
            field_dict["rate_limit"] = rate_limit
        if scopes is not UNSET:
            field_dict["scopes"] = scopes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        role = ApiKeyCreateRole(d.pop("role"))




        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at,  Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)




        def _parse_rate_limit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rate_limit = _parse_rate_limit(d.pop("rate_limit", UNSET))


        _scopes = d.pop("scopes", UNSET)
        scopes: list[ApiKeyCreateScopesItem] | Unset = UNSET
        if _scopes is not UNSET:
            scopes = []
            for scopes_item_data in _scopes:
                scopes_item = ApiKeyCreateScopesItem(scopes_item_data)



                scopes.append(scopes_item)


        api_key_create = cls(
            name=name,
            role=role,
            expires_at=expires_at,
            rate_limit=rate_limit,
            scopes=scopes,
        )

        return api_key_create

