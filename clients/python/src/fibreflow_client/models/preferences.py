from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.channel_switches import ChannelSwitches





T = TypeVar("T", bound="Preferences")



@_attrs_define
class Preferences:
    """ 
        Attributes:
            channels (ChannelSwitches | Unset):
            quiet_hours_end (None | str | Unset):  Example: 07:00.
            quiet_hours_start (None | str | Unset):  Example: 21:00.
            timezone (str | Unset):  Example: Africa/Johannesburg.
            user_id (UUID | Unset):
     """

    channels: ChannelSwitches | Unset = UNSET
    quiet_hours_end: None | str | Unset = UNSET
    quiet_hours_start: None | str | Unset = UNSET
    timezone: str | Unset = UNSET
    user_id: UUID | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.channel_switches import ChannelSwitches # noqa: PLC0415
        channels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = self.channels.to_dict()

        quiet_hours_end: None | str | Unset
        if isinstance(self.quiet_hours_end, Unset):
            quiet_hours_end = UNSET
        else:
            quiet_hours_end = self.quiet_hours_end

        quiet_hours_start: None | str | Unset
        if isinstance(self.quiet_hours_start, Unset):
            quiet_hours_start = UNSET
        else:
            quiet_hours_start = self.quiet_hours_start

        timezone = self.timezone

        user_id: str | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = str(self.user_id)


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if channels is not UNSET:
            field_dict["channels"] = channels
        if quiet_hours_end is not UNSET:
            field_dict["quiet_hours_end"] = quiet_hours_end
        if quiet_hours_start is not UNSET:
            field_dict["quiet_hours_start"] = quiet_hours_start
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.channel_switches import ChannelSwitches # noqa: PLC0415
        d = dict(src_dict)
        _channels = d.pop("channels", UNSET)
        channels: ChannelSwitches | Unset
        if isinstance(_channels,  Unset):
            channels = UNSET
        else:
            channels = ChannelSwitches.from_dict(_channels)




        def _parse_quiet_hours_end(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quiet_hours_end = _parse_quiet_hours_end(d.pop("quiet_hours_end", UNSET))


        def _parse_quiet_hours_start(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quiet_hours_start = _parse_quiet_hours_start(d.pop("quiet_hours_start", UNSET))


        timezone = d.pop("timezone", UNSET)

        _user_id = d.pop("user_id", UNSET)
        user_id: UUID | Unset
        if isinstance(_user_id,  Unset):
            user_id = UNSET
        else:
            user_id = UUID(_user_id)




        preferences = cls(
            channels=channels,
            quiet_hours_end=quiet_hours_end,
            quiet_hours_start=quiet_hours_start,
            timezone=timezone,
            user_id=user_id,
        )

        return preferences

