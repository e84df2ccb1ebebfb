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
  from ..models.pause import Pause





T = TypeVar("T", bound="Clock")



@_attrs_define
class Clock:
    """ 
        Attributes:
            alerts_sent (list[str] | Unset):
            business_hours (bool | Unset):
            critical_threshold_percent (int | Unset):
            cycle (int | Unset):
            due_at (datetime.datetime | Unset):
            kind (str | Unset):  Example: resolution.
            met (bool | None | Unset):
            next_event_at (datetime.datetime | None | Unset):
            paused (bool | Unset):
            paused_seconds (int | Unset):
            pauses (list[Pause] | Unset):
            percent_elapsed (float | Unset):
            priority (str | Unset):
            seconds_remaining (int | Unset): counted (business) seconds left; negative when late
            sla_state (str | Unset): on_track, warning, critical, breached, paused or met
            started_at (datetime.datetime | Unset):
            state (str | Unset): running, paused, stopped or cancelled
            stopped_at (datetime.datetime | None | Unset):
            target_minutes (int | Unset):
            target_source (str | Unset): default, override or contract
            ticket_type (str | Unset):
            warning_threshold_percent (int | Unset):
     """

    alerts_sent: list[str] | Unset = UNSET
    business_hours: bool | Unset = UNSET
    critical_threshold_percent: int | Unset = UNSET
    cycle: int | Unset = UNSET
    due_at: datetime.datetime | Unset = UNSET
    kind: str | Unset = UNSET
    met: bool | None | Unset = UNSET
    next_event_at: datetime.datetime | None | Unset = UNSET
    paused: bool | Unset = UNSET
    paused_seconds: int | Unset = UNSET
    pauses: list[Pause] | Unset = UNSET
    percent_elapsed: float | Unset = UNSET
    priority: str | Unset = UNSET
    seconds_remaining: int | Unset = UNSET
    sla_state: str | Unset = UNSET
    started_at: datetime.datetime | Unset = UNSET
    state: str | Unset = UNSET
    stopped_at: datetime.datetime | None | Unset = UNSET
    target_minutes: int | Unset = UNSET
    target_source: str | Unset = UNSET
    ticket_type: str | Unset = UNSET
    warning_threshold_percent: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.pause import Pause # noqa: PLC0415
        alerts_sent: list[str] | Unset = UNSET
        if not isinstance(self.alerts_sent, Unset):
            alerts_sent = self.alerts_sent



        business_hours = self.business_hours

        critical_threshold_percent = self.critical_threshold_percent

        cycle = self.cycle

        due_at: str | Unset = UNSET
        if not isinstance(self.due_at, Unset):
            due_at = self.due_at.isoformat()

        kind = self.kind

        met: bool | None | Unset
        if isinstance(self.met, Unset):
            met = UNSET
        else:
            met = self.met

        next_event_at: None | str | Unset
        if isinstance(self.next_event_at, Unset):
            next_event_at = UNSET
        elif isinstance(self.next_event_at, datetime.datetime):
            next_event_at = self.next_event_at.isoformat()
        else:
            next_event_at = self.next_event_at

        paused = self.paused

        paused_seconds = self.paused_seconds

        pauses: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.pauses, Unset):
            pauses = []
            for pauses_item_data in self.pauses:
                pauses_item = pauses_item_data.to_dict()
                pauses.append(pauses_item)



        percent_elapsed = self.percent_elapsed

        priority = self.priority

        seconds_remaining = self.seconds_remaining

        sla_state = self.sla_state

        started_at: str | Unset = UNSET
        if not isinstance(self.started_at, Unset):
            started_at = self.started_at.isoformat()

        state = self.state

        stopped_at: None | str | Unset
        if isinstance(self.stopped_at, Unset):
            stopped_at = UNSET
        elif isinstance(self.stopped_at, datetime.datetime):
            stopped_at = self.stopped_at.isoformat()
        else:
            stopped_at = self.stopped_at

        target_minutes = self.target_minutes

        target_source = self.target_source

        ticket_type = self.ticket_type

        warning_threshold_percent = self.warning_threshold_percent


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if alerts_sent is not UNSET:
            field_dict["alerts_sent"] = alerts_sent
        if business_hours is not UNSET:
            field_dict["business_hours"] = business_hours
        if critical_threshold_percent is not UNSET:
            field_dict["critical_threshold_percent"] = critical_threshold_percent
        if cycle is not UNSET:
            field_dict["cycle"] = cycle
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if kind is not UNSET:
            field_dict["kind"] = kind
        if met is not UNSET:
            field_dict["met"] = met
        if next_event_at is not UNSET:
            field_dict["next_event_at"] = next_event_at
        if paused is not UNSET:
            field_dict["paused"] = paused
        if paused_seconds is not UNSET:
            field_dict["paused_seconds"] = paused_seconds
        if pauses is not UNSET:
            field_dict["pauses"] = pauses
        if percent_elapsed is not UNSET:
            field_dict["percent_elapsed"] = percent_elapsed
        if priority is not UNSET:
            field_dict["priority"] = priority
        if seconds_remaining is not UNSET:
            field_dict["seconds_remaining"] = seconds_remaining
        if sla_state is not UNSET:
            field_dict["sla_state"] = sla_state
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if state is not UNSET:
            field_dict["state"] = state
        if stopped_at is not UNSET:
            field_dict["stopped_at"] = stopped_at
        if target_minutes is not UNSET:
            field_dict["target_minutes"] = target_minutes
        if target_source is not UNSET:
            field_dict["target_source"] = target_source
        if ticket_type is not UNSET:
            field_dict["ticket_type"] = ticket_type
        if warning_threshold_percent is not UNSET:
            field_dict["warning_threshold_percent"] = warning_threshold_percent

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pause import Pause # noqa: PLC0415
        d = dict(src_dict)
        alerts_sent = cast(list[str], d.pop("alerts_sent", UNSET))


        business_hours = d.pop("business_hours", UNSET)

        critical_threshold_percent = d.pop("critical_threshold_percent", UNSET)

        cycle = d.pop("cycle", UNSET)

        _due_at = d.pop("due_at", UNSET)
        due_at: datetime.datetime | Unset
        if isinstance(_due_at,  Unset):
            due_at = UNSET
        else:
            due_at = datetime.datetime.fromisoformat(_due_at)




        kind = d.pop("kind", UNSET)

        def _parse_met(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        met = _parse_met(d.pop("met", UNSET))


        def _parse_next_event_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_event_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_event_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_event_at = _parse_next_event_at(d.pop("next_event_at", UNSET))


        paused = d.pop("paused", UNSET)

        paused_seconds = d.pop("paused_seconds", UNSET)

        _pauses = d.pop("pauses", UNSET)
        pauses: list[Pause] | Unset = UNSET
        if _pauses is not UNSET:
            pauses = []
            for pauses_item_data in _pauses:
                pauses_item = Pause.from_dict(pauses_item_data)



                pauses.append(pauses_item)


        percent_elapsed = d.pop("percent_elapsed", UNSET)

        priority = d.pop("priority", UNSET)

        seconds_remaining = d.pop("seconds_remaining", UNSET)

        sla_state = d.pop("sla_state", UNSET)

        _started_at = d.pop("started_at", UNSET)
        started_at: datetime.datetime | Unset
        if isinstance(_started_at,  Unset):
            started_at = UNSET
        else:
            started_at = datetime.datetime.fromisoformat(_started_at)




        state = d.pop("state", UNSET)

        def _parse_stopped_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stopped_at_type_0 = datetime.datetime.fromisoformat(data)



                return stopped_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        stopped_at = _parse_stopped_at(d.pop("stopped_at", UNSET))


        target_minutes = d.pop("target_minutes", UNSET)

        target_source = d.pop("target_source", UNSET)

        ticket_type = d.pop("ticket_type", UNSET)

        warning_threshold_percent = d.pop("warning_threshold_percent", UNSET)

        clock = cls(
            alerts_sent=alerts_sent,
            business_hours=business_hours,
            critical_threshold_percent=critical_threshold_percent,
            cycle=cycle,
            due_at=due_at,
            kind=kind,
            met=met,
            next_event_at=next_event_at,
            paused=paused,
            paused_seconds=paused_seconds,
            pauses=pauses,
            percent_elapsed=percent_elapsed,
            priority=priority,
            seconds_remaining=seconds_remaining,
            sla_state=sla_state,
            started_at=started_at,
            state=state,
            stopped_at=stopped_at,
            target_minutes=target_minutes,
            target_source=target_source,
            ticket_type=ticket_type,
            warning_threshold_percent=warning_threshold_percent,
        )

        return clock

