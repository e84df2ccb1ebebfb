from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.fibertime_webhook_event import FibertimeWebhookEvent
from typing import cast

if TYPE_CHECKING:
  from ..models.fibertime_ticket import FibertimeTicket





T = TypeVar("T", bound="FibertimeWebhook")



@_attrs_define
class FibertimeWebhook:
    """ 
        Attributes:
            event (FibertimeWebhookEvent):
            ticket (FibertimeTicket):
     """

    event: FibertimeWebhookEvent
    ticket: FibertimeTicket





    def to_dict(self) -> dict[str, Any]:
        from ..models.fibertime_ticket import FibertimeTicket # noqa: PLC0415
        event = self.event.value

        ticket = self.ticket.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "event": event,
            "ticket": ticket,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fibertime_ticket import FibertimeTicket # noqa: PLC0415
        d = dict(src_dict)
        event = FibertimeWebhookEvent(d.pop("event"))




        ticket = FibertimeTicket.from_dict(d.pop("ticket"))




        fibertime_webhook = cls(
            event=event,
            ticket=ticket,
        )

        return fibertime_webhook

