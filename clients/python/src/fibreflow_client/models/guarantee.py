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






T = TypeVar("T", bound="Guarantee")



@_attrs_define
class Guarantee:
    """ 
        Attributes:
            applies_to_ticket_types (list[str] | Unset):  Example: ['fault', 'build'].
            created_at (datetime.datetime | Unset):
            guarantee_expires_at (datetime.date | None | Unset):
            guarantee_period_days (int | Unset):  Example: 60.
            id (UUID | Unset):
            install_date (datetime.date | None | Unset):
            notes (None | str | Unset):
            project_id (str | Unset):  Example: lawley.
            project_name (None | str | Unset):  Example: Lawley Expansion.
            updated_at (datetime.datetime | Unset):
     """

    applies_to_ticket_types: list[str] | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    guarantee_expires_at: datetime.date | None | Unset = UNSET
    guarantee_period_days: int | Unset = UNSET
    id: UUID | Unset = UNSET
    install_date: datetime.date | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    project_id: str | Unset = UNSET
    project_name: None | str | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        applies_to_ticket_types: list[str] | Unset = UNSET
        if not isinstance(self.applies_to_ticket_types, Unset):
            applies_to_ticket_types = self.applies_to_ticket_types



        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        guarantee_expires_at: None | str | Unset
        if isinstance(self.guarantee_expires_at, Unset):
            guarantee_expires_at = UNSET
        elif isinstance(self.guarantee_expires_at, datetime.date):
            guarantee_expires_at = self.guarantee_expires_at.isoformat()
        else:
            guarantee_expires_at = self.guarantee_expires_at

        guarantee_period_days = self.guarantee_period_days

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        install_date: None | str | Unset
        if isinstance(self.install_date, Unset):
            install_date = UNSET
        elif isinstance(self.install_date, datetime.date):
            install_date = self.install_date.isoformat()
        else:
            install_date = self.install_date

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        project_id = self.project_id

        project_name: None | str | Unset
        if isinstance(self.project_name, Unset):
            project_name = UNSET
        else:
            project_name = self.project_name

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if applies_to_ticket_types is not UNSET:
            field_dict["applies_to_ticket_types"] = applies_to_ticket_types
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if guarantee_expires_at is not UNSET:
            field_dict["guarantee_expires_at"] = guarantee_expires_at
        if guarantee_period_days is not UNSET:
            field_dict["guarantee_period_days"] = guarantee_period_days
        if id is not UNSET:
            field_dict["id"] = id
        if install_date is not UNSET:
            field_dict["install_date"] = install_date
        if notes is not UNSET:
            field_dict["notes"] = notes
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if project_name is not UNSET:
            field_dict["project_name"] = project_name
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applies_to_ticket_types = cast(list[str], d.pop("applies_to_ticket_types", UNSET))


        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        def _parse_guarantee_expires_at(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                guarantee_expires_at_type_0 = datetime.date.fromisoformat(data)



                return guarantee_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        guarantee_expires_at = _parse_guarantee_expires_at(d.pop("guarantee_expires_at", UNSET))


        guarantee_period_days = d.pop("guarantee_period_days", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        def _parse_install_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                install_date_type_0 = datetime.date.fromisoformat(data)



                return install_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        install_date = _parse_install_date(d.pop("install_date", UNSET))


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        project_id = d.pop("project_id", UNSET)

        def _parse_project_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_name = _parse_project_name(d.pop("project_name", UNSET))


        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at,  Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)




        guarantee = cls(
            applies_to_ticket_types=applies_to_ticket_types,
            created_at=created_at,
            guarantee_expires_at=guarantee_expires_at,
            guarantee_period_days=guarantee_period_days,
            id=id,
            install_date=install_date,
            notes=notes,
            project_id=project_id,
            project_name=project_name,
            updated_at=updated_at,
        )

        return guarantee

