from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.case import Case
  from ..models.pagination import Pagination





T = TypeVar("T", bound="QContactCaseListEnvelopeData")



@_attrs_define
class QContactCaseListEnvelopeData:
    """ 
        Attributes:
            cases (list[Case] | Unset):
            pagination (Pagination | Unset):
     """

    cases: list[Case] | Unset = UNSET
    pagination: Pagination | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.case import Case # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        cases: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.cases, Unset):
            cases = []
            for cases_item_data in self.cases:
                cases_item = cases_item_data.to_dict()
                cases.append(cases_item)



        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if cases is not UNSET:
            field_dict["cases"] = cases
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.case import Case # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        d = dict(src_dict)
        _cases = d.pop("cases", UNSET)
        cases: list[Case] | Unset = UNSET
        if _cases is not UNSET:
            cases = []
            for cases_item_data in _cases:
                cases_item = Case.from_dict(cases_item_data)



                cases.append(cases_item)


        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        q_contact_case_list_envelope_data = cls(
            cases=cases,
            pagination=pagination,
        )

        return q_contact_case_list_envelope_data

