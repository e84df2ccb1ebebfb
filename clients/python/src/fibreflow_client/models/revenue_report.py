from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.revenue_row import RevenueRow





T = TypeVar("T", bound="RevenueReport")



@_attrs_define
class RevenueReport:
    """ 
        Attributes:
            rows (list[RevenueRow] | Unset):
     """

    rows: list[RevenueRow] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.revenue_row import RevenueRow # noqa: PLC0415
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
        from ..models.revenue_row import RevenueRow # noqa: PLC0415
        d = dict(src_dict)
        _rows = d.pop("rows", UNSET)
        rows: list[RevenueRow] | Unset = UNSET
        if _rows is not UNSET:
            rows = []
            for rows_item_data in _rows:
                rows_item = RevenueRow.from_dict(rows_item_data)



                rows.append(rows_item)


        revenue_report = cls(
            rows=rows,
        )

        return revenue_report

