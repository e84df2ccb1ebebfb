from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Verdicts")



@_attrs_define
class Verdicts:
    """ 
        Attributes:
            dkim (None | str | Unset):  Example: pass.
            dmarc (None | str | Unset):  Example: pass.
            spam_score (float | None | Unset):  Example: 0.4.
            spf (None | str | Unset):  Example: pass.
     """

    dkim: None | str | Unset = UNSET
    dmarc: None | str | Unset = UNSET
    spam_score: float | None | Unset = UNSET
    spf: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        dkim: None | str | Unset
        if isinstance(self.dkim, Unset):
            dkim = UNSET
        else:
            dkim = self.dkim

        dmarc: None | str | Unset
        if isinstance(self.dmarc, Unset):
            dmarc = UNSET
        else:
            dmarc = self.dmarc

        spam_score: float | None | Unset
        if isinstance(self.spam_score, Unset):
            spam_score = UNSET
        else:
            spam_score = self.spam_score

        spf: None | str | Unset
        if isinstance(self.spf, Unset):
            spf = UNSET
        else:
            spf = self.spf


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if dkim is not UNSET:
            field_dict["dkim"] = dkim
        if dmarc is not UNSET:
            field_dict["dmarc"] = dmarc
        if spam_score is not UNSET:
            field_dict["spam_score"] = spam_score
        if spf is not UNSET:
            field_dict["spf"] = spf

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_dkim(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dkim = _parse_dkim(d.pop("dkim", UNSET))


        def _parse_dmarc(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dmarc = _parse_dmarc(d.pop("dmarc", UNSET))


        def _parse_spam_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        spam_score = _parse_spam_score(d.pop("spam_score", UNSET))


        def _parse_spf(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        spf = _parse_spf(d.pop("spf", UNSET))


        verdicts = cls(
            dkim=dkim,
            dmarc=dmarc,
            spam_score=spam_score,
            spf=spf,
        )

        return verdicts

