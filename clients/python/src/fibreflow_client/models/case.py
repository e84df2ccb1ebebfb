from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Case")



@_attrs_define
class Case:
    """ 
        Attributes:
            case_id (str | Unset):  Example: 10001.
            fibertime_reference (None | str | Unset):
            first_seen_at (None | str | Unset):
            last_export_at (None | str | Unset):
            last_import_at (None | str | Unset):
            last_synced_at (None | str | Unset):
            origin (str | Unset): qcontact or fibertime Example: qcontact.
            qc_status (None | str | Unset):  Example: Open.
            qc_updated_at (None | str | Unset):
            queue (None | str | Unset):  Example: Maintenance - Velocity.
            synced_priority (None | str | Unset):
            synced_status (None | str | Unset):
            ticket_id (None | str | Unset):
            ticket_status (None | str | Unset):  Example: new.
            ticket_uid (str | Unset):  Example: FT10001.
     """

    case_id: str | Unset = UNSET
    fibertime_reference: None | str | Unset = UNSET
    first_seen_at: None | str | Unset = UNSET
    last_export_at: None | str | Unset = UNSET
    last_import_at: None | str | Unset = UNSET
    last_synced_at: None | str | Unset = UNSET
    origin: str | Unset = UNSET
    qc_status: None | str | Unset = UNSET
    qc_updated_at: None | str | Unset = UNSET
    queue: None | str | Unset = UNSET
    synced_priority: None | str | Unset = UNSET
    synced_status: None | str | Unset = UNSET
    ticket_id: None | str | Unset = UNSET
    ticket_status: None | str | Unset = UNSET
    ticket_uid: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        case_id = self.case_id

        fibertime_reference: None | str | Unset
        if isinstance(self.fibertime_reference, Unset):
            fibertime_reference = UNSET
        else:
            fibertime_reference = self.fibertime_reference

        first_seen_at: None | str | Unset
        if isinstance(self.first_seen_at, Unset):
            first_seen_at = UNSET
        else:
            first_seen_at = self.first_seen_at

        last_export_at: None | str | Unset
        if isinstance(self.last_export_at, Unset):
            last_export_at = UNSET
        else:
            last_export_at = self.last_export_at

        last_import_at: None | str | Unset
        if isinstance(self.last_import_at, Unset):
            last_import_at = UNSET
        else:
            last_import_at = self.last_import_at

        last_synced_at: None | str | Unset
        if isinstance(self.last_synced_at, Unset):
            last_synced_at = UNSET
        else:
            last_synced_at = self.last_synced_at

        origin = self.origin

        qc_status: None | str | Unset
        if isinstance(self.qc_status, Unset):
            qc_status = UNSET
        else:
            qc_status = self.qc_status

        qc_updated_at: None | str | Unset
        if isinstance(self.qc_updated_at, Unset):
            qc_updated_at = UNSET
        else:
            qc_updated_at = self.qc_updated_at

        queue: None | str | Unset
        if isinstance(self.queue, Unset):
            queue = UNSET
        else:
            queue = self.queue

        synced_priority: None | str | Unset
        if isinstance(self.synced_priority, Unset):
            synced_priority = UNSET
        else:
            synced_priority = self.synced_priority

        synced_status: None | str | Unset
        if isinstance(self.synced_status, Unset):
            synced_status = UNSET
        else:
            synced_status = self.synced_status

        ticket_id: None | str | Unset
        if isinstance(self.ticket_id, Unset):
            ticket_id = UNSET
        else:
            ticket_id = self.ticket_id

        ticket_status: None | str | Unset
        if isinstance(self.ticket_status, Unset):
            ticket_status = UNSET
        else:
            ticket_status = self.ticket_status

        ticket_uid = self.ticket_uid


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if case_id is not UNSET:
            field_dict["case_id"] = case_id
        if fibertime_reference is not UNSET:
            field_dict["fibertime_reference"] = fibertime_reference
        if first_seen_at is not UNSET:
            field_dict["first_seen_at"] = first_seen_at
        if last_export_at is not UNSET:
            field_dict["last_export_at"] = last_export_at
        if last_import_at is not UNSET:
            field_dict["last_import_at"] = last_import_at
        if last_synced_at is not UNSET:
            field_dict["last_synced_at"] = last_synced_at
        if origin is not UNSET:
            field_dict["origin"] = origin
        if qc_status is not UNSET:
            field_dict["qc_status"] = qc_status
        if qc_updated_at is not UNSET:
            field_dict["qc_updated_at"] = qc_updated_at
        if queue is not UNSET:
            field_dict["queue"] = queue
        if synced_priority is not UNSET:
            field_dict["synced_priority"] = synced_priority
        if synced_status is not UNSET:
            field_dict["synced_status"] = synced_status
        if ticket_id is not UNSET:
            field_dict["ticket_id"] = ticket_id
        if ticket_status is not UNSET:
            field_dict["ticket_status"] = ticket_status
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        case_id = d.pop("case_id", UNSET)

        def _parse_fibertime_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fibertime_reference = _parse_fibertime_reference(d.pop("fibertime_reference", UNSET))


        def _parse_first_seen_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        first_seen_at = _parse_first_seen_at(d.pop("first_seen_at", UNSET))


        def _parse_last_export_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_export_at = _parse_last_export_at(d.pop("last_export_at", UNSET))


        def _parse_last_import_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_import_at = _parse_last_import_at(d.pop("last_import_at", UNSET))


        def _parse_last_synced_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_synced_at = _parse_last_synced_at(d.pop("last_synced_at", UNSET))


        origin = d.pop("origin", UNSET)

        def _parse_qc_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        qc_status = _parse_qc_status(d.pop("qc_status", UNSET))


        def _parse_qc_updated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        qc_updated_at = _parse_qc_updated_at(d.pop("qc_updated_at", UNSET))


        def _parse_queue(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        queue = _parse_queue(d.pop("queue", UNSET))


        def _parse_synced_priority(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        synced_priority = _parse_synced_priority(d.pop("synced_priority", UNSET))


        def _parse_synced_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        synced_status = _parse_synced_status(d.pop("synced_status", UNSET))


        def _parse_ticket_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ticket_id = _parse_ticket_id(d.pop("ticket_id", UNSET))


        def _parse_ticket_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ticket_status = _parse_ticket_status(d.pop("ticket_status", UNSET))


        ticket_uid = d.pop("ticket_uid", UNSET)

        case = cls(
            case_id=case_id,
            fibertime_reference=fibertime_reference,
            first_seen_at=first_seen_at,
            last_export_at=last_export_at,
            last_import_at=last_import_at,
            last_synced_at=last_synced_at,
            origin=origin,
            qc_status=qc_status,
            qc_updated_at=qc_updated_at,
            queue=queue,
            synced_priority=synced_priority,
            synced_status=synced_status,
            ticket_id=ticket_id,
            ticket_status=ticket_status,
            ticket_uid=ticket_uid,
        )

        return case

