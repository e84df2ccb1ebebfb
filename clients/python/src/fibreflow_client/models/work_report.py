from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.work_report_row import WorkReportRow





T = TypeVar("T", bound="WorkReport")



@_attrs_define
class WorkReport:
    """ 
        Attributes:
            rows (list[WorkReportRow] | Unset):
     """

    rows: list[WorkReportRow] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.work_report_row import WorkReportRow # noqa: PLC0415
        rows: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rows, Unset):
            rows = []
            for rows_item_data in self.rows:
                rows_item = rows_item_data.to_dict()
                rows.append(rows_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if rows is not UNSET:
            field_dict["rows"] = rows

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.work_report_row import WorkReportRow # noqa: PLC0415
        d = dict(src_dict)
        _rows = d.pop("rows", UNSET)
        rows: list[WorkReportRow] | Unset = UNSET
        if _rows is not UNSET:
            rows = []
            for rows_item_data in _rows:
                rows_item = WorkReportRow.from_dict(rows_item_data)



                rows.append(rows_item)


        work_report = cls(
            rows=rows,
        )

        return work_report

