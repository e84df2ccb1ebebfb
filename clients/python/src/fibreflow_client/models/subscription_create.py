from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SubscriptionCreate")



@_attrs_define
class SubscriptionCreate:
    """ 
        Attributes:
            event_types (list[str]): event types, `prefix.*` or `*`; one of: billing.approval_requested, billing.approved,
                billing.classified, billing.invoice_failed, billing.invoiced, billing.paid, billing.rejected,
                notification.failed, notification.sent, sla.breached, sla.critical, sla.updated, sla.warning, team.updated,
                ticket.assigned, ticket.created, ticket.deleted, ticket.note_added, ticket.restored, ticket.status_changed,
                ticket.updated, user.created, user.updated Example: ['ticket.*', 'billing.approved'].
            url (str):  Example: https://erp.example.com/hooks/fibreflow.
            active (bool | Unset):  Default: True. Example: True.
            description (str | Unset):  Default: ''. Example: ERP sync.
            secret (str | Unset): Standard Webhooks secret `whsec_<base64 of 24-64 bytes>`; generated when absent Example:
                whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw.
     """

    event_types: list[str]
    url: str
    active: bool | Unset = True
    description: str | Unset = ''
    secret: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        event_types = self.event_types



        url = self.url

        active = self.active

        description = self.description

        secret = self.secret


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "event_types": event_types,
            "url": url,
        })
        if active is not UNSET:
            field_dict["active"] = active
        if description is not UNSET:
            field_dict["description"] = description
        if secret is not UNSET:
            field_dict["secret"] = secret

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_types = cast(list[str], d.pop("event_types"))


        url = d.pop("url")

        active = d.pop("active", UNSET)

        description = d.pop("description", UNSET)

        secret = d.pop("secret", UNSET)

        subscription_create = cls(
            event_types=event_types,
            url=url,
            active=active,
            description=description,
            secret=secret,
        )

        return subscription_create

