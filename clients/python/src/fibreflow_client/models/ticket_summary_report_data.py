from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.summary_row import SummaryRow





T = TypeVar("T", bound="TicketSummaryReportData")



@_attrs_define
class TicketSummaryReportData:
    """ 
        Attributes:
            group_by (str | Unset):
            period (str | Unset):  Example: week.
            period_from (str | Unset):  Example: 2026-11-01.
            period_to (str | Unset):  Example: 2026-12-01.
            rows (list[SummaryRow] | Unset):
            timezone (str | Unset):  Example: Africa/Johannesburg.
     """

    group_by: str | Unset = UNSET
    period: str | Unset = UNSET
    period_from: str | Unset = UNSET
    period_to: str | Unset = UNSET
    rows: list[SummaryRow] | Unset = UNSET
    timezone: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.summary_row import SummaryRow # noqa: PLC0415
        group_by = self.group_by

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
        if group_by is not UNSET:
            field_dict["group_by"] = group_by
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
        from ..models.summary_row import SummaryRow # noqa: PLC0415
        d = dict(src_dict)
        group_by = d.pop("group_by", UNSET)

        period = d.pop("period", UNSET)

        period_from = d.pop("period_from", UNSET)

        period_to = d.pop("period_to", UNSET)

        _rows = d.pop("rows", UNSET)
        rows: list[SummaryRow] | Unset = UNSET
        if _rows is not UNSET:
            rows = []
            for rows_item_data in _rows:
                rows_item = SummaryRow.from_dict(rows_item_data)



                rows.append(rows_item)


        timezone = d.pop("timezone", UNSET)

        ticket_summary_report_data = cls(
            group_by=group_by,
            period=period,
            period_from=period_from,
            period_to=period_to,
            rows=rows,
            timezone=timezone,
        )

        return ticket_summary_report_data

