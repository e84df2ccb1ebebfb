from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.revenue_report import RevenueReport





T = TypeVar("T", bound="RevenueReportEnvelope")



@_attrs_define
class RevenueReportEnvelope:
    """ 
        Attributes:
            data (RevenueReport | Unset):
            success (bool | Unset):  Example: True.
     """

    data: RevenueReport | Unset = UNSET
    success: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.revenue_report import RevenueReport # noqa: PLC0415
        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        success = self.success


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if data is not UNSET:
            field_dict["data"] = data
        if success is not UNSET:
            field_dict["success"] = success

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.revenue_report import RevenueReport # noqa: PLC0415
        d = dict(src_dict)
        _data = d.pop("data", UNSET)
        data: RevenueReport | Unset
        if isinstance(_data,  Unset):
            data = UNSET
        else:
            data = RevenueReport.from_dict(_data)




        success = d.pop("success", UNSET)

        revenue_report_envelope = cls(
            data=data,
            success=success,
        )

        return revenue_report_envelope

