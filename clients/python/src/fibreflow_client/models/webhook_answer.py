from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="WebhookAnswer")



@_attrs_define
class WebhookAnswer:
    """ 
        Attributes:
            outcome (str | Unset):  Example: stored.
     """

    outcome: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if outcome is not UNSET:
            field_dict["outcome"] = outcome

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = d.pop("outcome", UNSET)

        webhook_answer = cls(
            outcome=outcome,
        )

        return webhook_answer

