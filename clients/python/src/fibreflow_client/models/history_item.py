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
  from ..models.history_item_detail import HistoryItemDetail





T = TypeVar("T", bound="HistoryItem")



@_attrs_define
class HistoryItem:
    """ 
        Attributes:
            action (str | Unset):
            at (datetime.datetime | Unset):
            clock (str | Unset):
            created_at (datetime.datetime | Unset):
            cycle (int | Unset):
            detail (HistoryItemDetail | Unset):
            due_at (datetime.datetime | Unset):
            percent_elapsed (float | Unset):
            sla_state (str | Unset):
            state (str | Unset):
            target_minutes (int | Unset):
     """

    action: str | Unset = UNSET
    at: datetime.datetime | Unset = UNSET
    clock: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    cycle: int | Unset = UNSET
    detail: HistoryItemDetail | Unset = UNSET
    due_at: datetime.datetime | Unset = UNSET
    percent_elapsed: float | Unset = UNSET
    sla_state: str | Unset = UNSET
    state: str | Unset = UNSET
    target_minutes: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.history_item_detail import HistoryItemDetail # noqa: PLC0415
        action = self.action

        at: str | Unset = UNSET
        if not isinstance(self.at, Unset):
            at = self.at.isoformat()

        clock = self.clock

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        cycle = self.cycle

        detail: dict[str, Any] | Unset = UNSET
        if not isinstance(self.detail, Unset):
            detail = self.detail.to_dict()

        due_at: str | Unset = UNSET
        if not isinstance(self.due_at, Unset):
            due_at = self.due_at.isoformat()

        percent_elapsed = self.percent_elapsed

        sla_state = self.sla_state

        state = self.state

        target_minutes = self.target_minutes


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if action is not UNSET:
            field_dict["action"] = action
        if at is not UNSET:
            field_dict["at"] = at
        if clock is not UNSET:
            field_dict["clock"] = clock
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if cycle is not UNSET:
            field_dict["cycle"] = cycle
        if detail is not UNSET:
            field_dict["detail"] = detail
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if percent_elapsed is not UNSET:
            field_dict["percent_elapsed"] = percent_elapsed
        if sla_state is not UNSET:
            field_dict["sla_state"] = sla_state
        if state is not UNSET:
            field_dict["state"] = state
        if target_minutes is not UNSET:
            field_dict["target_minutes"] = target_minutes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_item_detail import HistoryItemDetail # noqa: PLC0415
        d = dict(src_dict)
        action = d.pop("action", UNSET)

        _at = d.pop("at", UNSET)
        at: datetime.datetime | Unset
        if isinstance(_at,  Unset):
            at = UNSET
        else:
            at = datetime.datetime.fromisoformat(_at)




        clock = d.pop("clock", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        cycle = d.pop("cycle", UNSET)

        _detail = d.pop("detail", UNSET)
        detail: HistoryItemDetail | Unset
        if isinstance(_detail,  Unset):
            detail = UNSET
        else:
            detail = HistoryItemDetail.from_dict(_detail)




        _due_at = d.pop("due_at", UNSET)
        due_at: datetime.datetime | Unset
        if isinstance(_due_at,  Unset):
            due_at = UNSET
        else:
            due_at = datetime.datetime.fromisoformat(_due_at)




        percent_elapsed = d.pop("percent_elapsed", UNSET)

        sla_state = d.pop("sla_state", UNSET)

        state = d.pop("state", UNSET)

        target_minutes = d.pop("target_minutes", UNSET)

        history_item = cls(
            action=action,
            at=at,
            clock=clock,
            created_at=created_at,
            cycle=cycle,
            detail=detail,
            due_at=due_at,
            percent_elapsed=percent_elapsed,
            sla_state=sla_state,
            state=state,
            target_minutes=target_minutes,
        )

        return history_item

