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
  from ..models.compliance_over_time_row import ComplianceOverTimeRow





T = TypeVar("T", bound="OverTimeReport")



@_attrs_define
class OverTimeReport:
    """ 
        Attributes:
            clock (str | Unset):  Example: resolution.
            period (str | Unset):  Example: week.
            period_from (datetime.date | Unset): first day counted
            period_to (datetime.date | Unset): end day, exclusive
            rows (list[ComplianceOverTimeRow] | Unset):
            timezone (str | Unset):  Example: Africa/Johannesburg.
     """

    clock: str | Unset = UNSET
    period: str | Unset = UNSET
    period_from: datetime.date | Unset = UNSET
    period_to: datetime.date | Unset = UNSET
    rows: list[ComplianceOverTimeRow] | Unset = UNSET
    timezone: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.compliance_over_time_row import ComplianceOverTimeRow # noqa: PLC0415
        clock = self.clock

        period = self.period

        period_from: str | Unset = UNSET
        if not isinstance(self.period_from, Unset):
            period_from = self.period_from.isoformat()

        period_to: str | Unset = UNSET
        if not isinstance(self.period_to, Unset):
            period_to = self.period_to.isoformat()

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
        if clock is not UNSET:
            field_dict["clock"] = clock
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
        from ..models.compliance_over_time_row import ComplianceOverTimeRow # noqa: PLC0415
        d = dict(src_dict)
        clock = d.pop("clock", UNSET)

        period = d.pop("period", UNSET)

        _period_from = d.pop("period_from", UNSET)
        period_from: datetime.date | Unset
        if isinstance(_period_from,  Unset):
            period_from = UNSET
        else:
            period_from = datetime.date.fromisoformat(_period_from)




        _period_to = d.pop("period_to", UNSET)
        period_to: datetime.date | Unset
        if isinstance(_period_to,  Unset):
            period_to = UNSET
        else:
            period_to = datetime.date.fromisoformat(_period_to)




        _rows = d.pop("rows", UNSET)
        rows: list[ComplianceOverTimeRow] | Unset = UNSET
        if _rows is not UNSET:
            rows = []
            for rows_item_data in _rows:
                rows_item = ComplianceOverTimeRow.from_dict(rows_item_data)



                rows.append(rows_item)


        timezone = d.pop("timezone", UNSET)

        over_time_report = cls(
            clock=clock,
            period=period,
            period_from=period_from,
            period_to=period_to,
            rows=rows,
            timezone=timezone,
        )

        return over_time_report

