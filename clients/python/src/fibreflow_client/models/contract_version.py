from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.contract_version_terms import ContractVersionTerms





T = TypeVar("T", bound="ContractVersion")



@_attrs_define
class ContractVersion:
    """ 
        Attributes:
            applied (bool | Unset):
            changed_by (None | str | Unset):
            created_at (datetime.datetime | Unset):
            effective_from (datetime.date | Unset):
            reason (None | str | Unset):
            terms (ContractVersionTerms | Unset):
            version (int | Unset):  Example: 2.
     """

    applied: bool | Unset = UNSET
    changed_by: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    effective_from: datetime.date | Unset = UNSET
    reason: None | str | Unset = UNSET
    terms: ContractVersionTerms | Unset = UNSET
    version: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.contract_version_terms import ContractVersionTerms # noqa: PLC0415
        applied = self.applied

        changed_by: None | str | Unset
        if isinstance(self.changed_by, Unset):
            changed_by = UNSET
        else:
            changed_by = self.changed_by

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        effective_from: str | Unset = UNSET
        if not isinstance(self.effective_from, Unset):
            effective_from = self.effective_from.isoformat()

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        terms: dict[str, Any] | Unset = UNSET
        if not isinstance(self.terms, Unset):
            terms = self.terms.to_dict()

        version = self.version


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if applied is not UNSET:
            field_dict["applied"] = applied
        if changed_by is not UNSET:
            field_dict["changed_by"] = changed_by
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from
        if reason is not UNSET:
            field_dict["reason"] = reason
        if terms is not UNSET:
            field_dict["terms"] = terms
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_version_terms import ContractVersionTerms # noqa: PLC0415
        d = dict(src_dict)
        applied = d.pop("applied", UNSET)

        def _parse_changed_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        changed_by = _parse_changed_by(d.pop("changed_by", UNSET))


        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        _effective_from = d.pop("effective_from", UNSET)
        effective_from: datetime.date | Unset
        if isinstance(_effective_from,  Unset):
            effective_from = UNSET
        else:
            effective_from = datetime.date.fromisoformat(_effective_from)




        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        _terms = d.pop("terms", UNSET)
        terms: ContractVersionTerms | Unset
        if isinstance(_terms,  Unset):
            terms = UNSET
        else:
            terms = ContractVersionTerms.from_dict(_terms)




        version = d.pop("version", UNSET)

        contract_version = cls(
            applied=applied,
            changed_by=changed_by,
            created_at=created_at,
            effective_from=effective_from,
            reason=reason,
            terms=terms,
            version=version,
        )

        return contract_version

