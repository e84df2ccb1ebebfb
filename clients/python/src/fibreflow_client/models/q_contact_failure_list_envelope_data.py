from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.failure import Failure
  from ..models.pagination import Pagination





T = TypeVar("T", bound="QContactFailureListEnvelopeData")



@_attrs_define
class QContactFailureListEnvelopeData:
    """ 
        Attributes:
            failures (list[Failure] | Unset):
            pagination (Pagination | Unset):
     """

    failures: list[Failure] | Unset = UNSET
    pagination: Pagination | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.failure import Failure # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        failures: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.failures, Unset):
            failures = []
            for failures_item_data in self.failures:
                failures_item = failures_item_data.to_dict()
                failures.append(failures_item)



        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if failures is not UNSET:
            field_dict["failures"] = failures
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.failure import Failure # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        d = dict(src_dict)
        _failures = d.pop("failures", UNSET)
        failures: list[Failure] | Unset = UNSET
        if _failures is not UNSET:
            failures = []
            for failures_item_data in _failures:
                failures_item = Failure.from_dict(failures_item_data)



                failures.append(failures_item)


        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        q_contact_failure_list_envelope_data = cls(
            failures=failures,
            pagination=pagination,
        )

        return q_contact_failure_list_envelope_data

