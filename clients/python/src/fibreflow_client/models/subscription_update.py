from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SubscriptionUpdate")



@_attrs_define
class SubscriptionUpdate:
    """ 
        Attributes:
            active (bool | Unset): true again after an automatic switch-off resumes the queue Example: True.
            description (str | Unset):  Example: ERP sync.
            event_types (list[str] | Unset): event types, `prefix.*` or `*`; one of: billing.approval_requested,
                billing.approved, billing.classified, billing.invoice_failed, billing.invoiced, billing.paid, billing.rejected,
                notification.failed, notification.sent, sla.breached, sla.critical, sla.updated, sla.warning, team.updated,
                ticket.assigned, ticket.created, ticket.deleted, ticket.note_added, ticket.restored, ticket.status_changed,
                ticket.updated, user.created, user.updated Example: ['ticket.*', 'billing.approved'].
            secret (str | Unset): Standard Webhooks secret `whsec_<base64 of 24-64 bytes>`; generated when absent Example:
                whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw.
            url (str | Unset):  Example: https://erp.example.com/hooks/v2.
     """

    active: bool | Unset = UNSET
    description: str | Unset = UNSET
    event_types: list[str] | Unset = UNSET
    secret: str | Unset = UNSET
    url: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        active = self.active

        description = self.description

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = self.event_types



        secret = self.secret

        url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if active is not UNSET:
            field_dict["active"] = active
        if description is not UNSET:
            field_dict["description"] = description
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if secret is not UNSET:
            field_dict["secret"] = secret
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active", UNSET)

        description = d.pop("description", UNSET)

        event_types = cast(list[str], d.pop("event_types", UNSET))


        secret = d.pop("secret", UNSET)

        url = d.pop("url", UNSET)

        subscription_update = cls(
            active=active,
            description=description,
            event_types=event_types,
            secret=secret,
            url=url,
        )

        return subscription_update

