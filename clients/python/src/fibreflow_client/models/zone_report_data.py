from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.zone_row import ZoneRow





T = TypeVar("T", bound="ZoneReportData")



@_attrs_define
class ZoneReportData:
    """ 
        Attributes:
            period (str | Unset):  Example: week.
            period_from (str | Unset):  Example: 2026-11-01.
            period_to (str | Unset):  Example: 2026-12-01.
            rows (list[ZoneRow] | Unset):
            timezone (str | Unset):  Example: Africa/Johannesburg.
     """

    period: str | Unset = UNSET
    period_from: str | Unset = UNSET
    period_to: str | Unset = UNSET
    rows: list[ZoneRow] | Unset = UNSET
    timezone: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.zone_row import ZoneRow # noqa: PLC0415
        period = self.period

        period_from = self.period_from

        period_to = self.period_to

        rows: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rows, Unset):
            rows = []
            for rows_item_data in self.rows:
                rows_item = rows_item_data.to_dict()
                rows.append(rows_item)



        timezone = self.timezone


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if period is not UNSET:
            field_dict["period"] = period
        if period_from is not UNSET:
            field_dict["period_from"] = period_from
        if period_to is not UNSET:
            field_dict["period_to"] = period_to
        if rows is not UNSET:
            field_dict["rows"] = rows
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.zone_row import ZoneRow # noqa: PLC0415
        d = dict(src_dict)
        period = d.pop("period", UNSET)

        period_from = d.pop("period_from", UNSET)

        period_to = d.pop("period_to", UNSET)

        _rows = d.pop("rows", UNSET)
        rows: list[ZoneRow] | Unset = UNSET
        if _rows is not UNSET:
            rows = []
            for rows_item_data in _rows:
                rows_item = ZoneRow.from_dict(rows_item_data)



                rows.append(rows_item)


        timezone = d.pop("timezone", UNSET)

        zone_report_data = cls(
            period=period,
            period_from=period_from,
            period_to=period_to,
            rows=rows,
            timezone=timezone,
        )

        return zone_report_data

