from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.q_contact_webhook_changes import QContactWebhookChanges





T = TypeVar("T", bound="QContactWebhook")



@_attrs_define
class QContactWebhook:
    """ 
        Attributes:
            case_id (str):  Example: 10001.
            event (str):  Example: case.updated.
            changes (QContactWebhookChanges | Unset):  Example: {'status': 'In Progress'}.
     """

    case_id: str
    event: str
    changes: QContactWebhookChanges | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.q_contact_webhook_changes import QContactWebhookChanges # noqa: PLC0415
        case_id = self.case_id

        event = self.event

        changes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.changes, Unset):
            changes = self.changes.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "case_id": case_id,
            "event": event,
        })
        if changes is not UNSET:
            field_dict["changes"] = changes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.q_contact_webhook_changes import QContactWebhookChanges # noqa: PLC0415
        d = dict(src_dict)
        case_id = d.pop("case_id")

        event = d.pop("event")

        _changes = d.pop("changes", UNSET)
        changes: QContactWebhookChanges | Unset
        if isinstance(_changes,  Unset):
            changes = UNSET
        else:
            changes = QContactWebhookChanges.from_dict(_changes)




        q_contact_webhook = cls(
            case_id=case_id,
            event=event,
            changes=changes,
        )

        return q_contact_webhook

