from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.history_item import HistoryItem
  from ..models.pagination import Pagination





T = TypeVar("T", bound="ClockHistoryEnvelopeData")



@_attrs_define
class ClockHistoryEnvelopeData:
    """ 
        Attributes:
            history (list[HistoryItem] | Unset):
            pagination (Pagination | Unset):
            ticket_uid (str | Unset):  Example: FF-0042.
     """

    history: list[HistoryItem] | Unset = UNSET
    pagination: Pagination | Unset = UNSET
    ticket_uid: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.history_item import HistoryItem # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = []
            for history_item_data in self.history:
                history_item = history_item_data.to_dict()
                history.append(history_item)



        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        ticket_uid = self.ticket_uid


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if history is not UNSET:
            field_dict["history"] = history
        if pagination is not UNSET:
            field_dict["pagination"] = pagination
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_item import HistoryItem # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        d = dict(src_dict)
        _history = d.pop("history", UNSET)
        history: list[HistoryItem] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = HistoryItem.from_dict(history_item_data)



                history.append(history_item)


        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        ticket_uid = d.pop("ticket_uid", UNSET)

        clock_history_envelope_data = cls(
            history=history,
            pagination=pagination,
            ticket_uid=ticket_uid,
        )

        return clock_history_envelope_data

