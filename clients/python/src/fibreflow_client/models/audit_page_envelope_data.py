from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.audit_record import AuditRecord
  from ..models.pagination import Pagination





T = TypeVar("T", bound="AuditPageEnvelopeData")



@_attrs_define
class AuditPageEnvelopeData:
    """ 
        Attributes:
            pagination (Pagination | Unset):
            records (list[AuditRecord] | Unset):
     """

    pagination: Pagination | Unset = UNSET
    records: list[AuditRecord] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_record import AuditRecord # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        records: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.records, Unset):
            records = []
            for records_item_data in self.records:
                records_item = records_item_data.to_dict()
                records.append(records_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if pagination is not UNSET:
            field_dict["pagination"] = pagination
        if records is not UNSET:
            field_dict["records"] = records

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_record import AuditRecord # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        d = dict(src_dict)
        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        _records = d.pop("records", UNSET)
        records: list[AuditRecord] | Unset = UNSET
        if _records is not UNSET:
            records = []
            for records_item_data in _records:
                records_item = AuditRecord.from_dict(records_item_data)



                records.append(records_item)


        audit_page_envelope_data = cls(
            pagination=pagination,
            records=records,
        )

        return audit_page_envelope_data

