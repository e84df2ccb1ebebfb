from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.session_state import SessionState





T = TypeVar("T", bound="Health")



@_attrs_define
class Health:
    """ 
        Attributes:
            cases_mirrored (int | Unset):  Example: 27.
            conflicts_last_24h (int | Unset):
            failures_needing_manual_retry (int | Unset):  Example: 0.
            last_poll_at (None | str | Unset):
            last_successful_poll (None | str | Unset):
            next_poll_at (None | str | Unset):
            oldest_unsent_export (None | str | Unset):
            open_failures (int | Unset):  Example: 0.
            pending_exports (int | Unset):
            pending_fibertime_posts (int | Unset):
            reasons (list[str] | Unset):
            session (SessionState | Unset):
            status (str | Unset): ok or degraded Example: ok.
            success_rate_24h (float | None | Unset):  Example: 0.998.
            synced_last_hour (int | Unset):  Example: 3.
            watermark (None | str | Unset):
     """

    cases_mirrored: int | Unset = UNSET
    conflicts_last_24h: int | Unset = UNSET
    failures_needing_manual_retry: int | Unset = UNSET
    last_poll_at: None | str | Unset = UNSET
    last_successful_poll: None | str | Unset = UNSET
    next_poll_at: None | str | Unset = UNSET
    oldest_unsent_export: None | str | Unset = UNSET
    open_failures: int | Unset = UNSET
    pending_exports: int | Unset = UNSET
    pending_fibertime_posts: int | Unset = UNSET
    reasons: list[str] | Unset = UNSET
    session: SessionState | Unset = UNSET
    status: str | Unset = UNSET
    success_rate_24h: float | None | Unset = UNSET
    synced_last_hour: int | Unset = UNSET
    watermark: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.session_state import SessionState # noqa: PLC0415
        cases_mirrored = self.cases_mirrored

        conflicts_last_24h = self.conflicts_last_24h

        failures_needing_manual_retry = self.failures_needing_manual_retry

        last_poll_at: None | str | Unset
        if isinstance(self.last_poll_at, Unset):
            last_poll_at = UNSET
        else:
            last_poll_at = self.last_poll_at

        last_successful_poll: None | str | Unset
        if isinstance(self.last_successful_poll, Unset):
            last_successful_poll = UNSET
        else:
            last_successful_poll = self.last_successful_poll

        next_poll_at: None | str | Unset
        if isinstance(self.next_poll_at, Unset):
            next_poll_at = UNSET
        else:
            next_poll_at = self.next_poll_at

        oldest_unsent_export: None | str | Unset
        if isinstance(self.oldest_unsent_export, Unset):
            oldest_unsent_export = UNSET
        else:
            oldest_unsent_export = self.oldest_unsent_export

        open_failures = self.open_failures

        pending_exports = self.pending_exports

        pending_fibertime_posts = self.pending_fibertime_posts

        reasons: list[str] | Unset = UNSET
        if not isinstance(self.reasons, Unset):
            reasons = self.reasons



        session: dict[str, Any] | Unset = UNSET
        if not isinstance(self.session, Unset):
            session = self.session.to_dict()

        status = self.status

        success_rate_24h: float | None | Unset
        if isinstance(self.success_rate_24h, Unset):
            success_rate_24h = UNSET
        else:
            success_rate_24h = self.success_rate_24h

        synced_last_hour = self.synced_last_hour

        watermark: None | str | Unset
        if isinstance(self.watermark, Unset):
            watermark = UNSET
        else:
            watermark = self.watermark


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if cases_mirrored is not UNSET:
            field_dict["cases_mirrored"] = cases_mirrored
        if conflicts_last_24h is not UNSET:
            field_dict["conflicts_last_24h"] = conflicts_last_24h
        if failures_needing_manual_retry is not UNSET:
            field_dict["failures_needing_manual_retry"] = failures_needing_manual_retry
        if last_poll_at is not UNSET:
            field_dict["last_poll_at"] = last_poll_at
        if last_successful_poll is not UNSET:
            field_dict["last_successful_poll"] = last_successful_poll
        if next_poll_at is not UNSET:
            field_dict["next_poll_at"] = next_poll_at
        if oldest_unsent_export is not UNSET:
            field_dict["oldest_unsent_export"] = oldest_unsent_export
        if open_failures is not UNSET:
            field_dict["open_failures"] = open_failures
        if pending_exports is not UNSET:
            field_dict["pending_exports"] = pending_exports
        if pending_fibertime_posts is not UNSET:
            field_dict["pending_fibertime_posts"] = pending_fibertime_posts
        if reasons is not UNSET:
            field_dict["reasons"] = reasons
        if session is not UNSET:
            field_dict["session"] = session
        if status is not UNSET:
            field_dict["status"] = status
        if success_rate_24h is not UNSET:
            field_dict["success_rate_24h"] = success_rate_24h
        if synced_last_hour is not UNSET:
            field_dict["synced_last_hour"] = synced_last_hour
        if watermark is not UNSET:
            field_dict["watermark"] = watermark

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session_state import SessionState # noqa: PLC0415
        d = dict(src_dict)
        cases_mirrored = d.pop("cases_mirrored", UNSET)

        conflicts_last_24h = d.pop("conflicts_last_24h", UNSET)

        failures_needing_manual_retry = d.pop("failures_needing_manual_retry", UNSET)

        def _parse_last_poll_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_poll_at = _parse_last_poll_at(d.pop("last_poll_at", UNSET))


        def _parse_last_successful_poll(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_successful_poll = _parse_last_successful_poll(d.pop("last_successful_poll", UNSET))


        def _parse_next_poll_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_poll_at = _parse_next_poll_at(d.pop("next_poll_at", UNSET))


        def _parse_oldest_unsent_export(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        oldest_unsent_export = _parse_oldest_unsent_export(d.pop("oldest_unsent_export", UNSET))


        open_failures = d.pop("open_failures", UNSET)

        pending_exports = d.pop("pending_exports", UNSET)

        pending_fibertime_posts = d.pop("pending_fibertime_posts", UNSET)

        reasons = cast(list[str], d.pop("reasons", UNSET))


        _session = d.pop("session", UNSET)
        session: SessionState | Unset
        if isinstance(_session,  Unset):
            session = UNSET
        else:
            session = SessionState.from_dict(_session)




        status = d.pop("status", UNSET)

        def _parse_success_rate_24h(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        success_rate_24h = _parse_success_rate_24h(d.pop("success_rate_24h", UNSET))


        synced_last_hour = d.pop("synced_last_hour", UNSET)

        def _parse_watermark(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        watermark = _parse_watermark(d.pop("watermark", UNSET))


        health = cls(
            cases_mirrored=cases_mirrored,
            conflicts_last_24h=conflicts_last_24h,
            failures_needing_manual_retry=failures_needing_manual_retry,
            last_poll_at=last_poll_at,
            last_successful_poll=last_successful_poll,
            next_poll_at=next_poll_at,
            oldest_unsent_export=oldest_unsent_export,
            open_failures=open_failures,
            pending_exports=pending_exports,
            pending_fibertime_posts=pending_fibertime_posts,
            reasons=reasons,
            session=session,
            status=status,
            success_rate_24h=success_rate_24h,
            synced_last_hour=synced_last_hour,
            watermark=watermark,
        )

        return health

