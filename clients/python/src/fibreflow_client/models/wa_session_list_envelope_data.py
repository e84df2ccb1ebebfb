from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.pagination import Pagination
  from ..models.session import Session





T = TypeVar("T", bound="WaSessionListEnvelopeData")



@_attrs_define
class WaSessionListEnvelopeData:
    """ 
        Attributes:
            pagination (Pagination | Unset):
            sessions (list[Session] | Unset):
     """

    pagination: Pagination | Unset = UNSET
    sessions: list[Session] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.pagination import Pagination # noqa: PLC0415
        from ..models.session import Session # noqa: PLC0415
        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        sessions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sessions, Unset):
            sessions = []
            for sessions_item_data in self.sessions:
                sessions_item = sessions_item_data.to_dict()
                sessions.append(sessions_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if pagination is not UNSET:
            field_dict["pagination"] = pagination
        if sessions is not UNSET:
            field_dict["sessions"] = sessions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pagination import Pagination # noqa: PLC0415
        from ..models.session import Session # noqa: PLC0415
        d = dict(src_dict)
        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        _sessions = d.pop("sessions", UNSET)
        sessions: list[Session] | Unset = UNSET
        if _sessions is not UNSET:
            sessions = []
            for sessions_item_data in _sessions:
                sessions_item = Session.from_dict(sessions_item_data)



                sessions.append(sessions_item)


        wa_session_list_envelope_data = cls(
            pagination=pagination,
            sessions=sessions,
        )

        return wa_session_list_envelope_data

