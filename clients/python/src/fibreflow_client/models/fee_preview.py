from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.fee import Fee
  from ..models.fee_preview_fee_type_0_type_0 import FeePreviewFeeType0Type0





T = TypeVar("T", bound="FeePreview")



@_attrs_define
class FeePreview:
    """ 
        Attributes:
            cost (None | str | Unset):  Example: 500.00.
            currency (str | Unset):  Example: ZAR.
            error (None | str | Unset): why no cost could be computed
            fee (Fee | FeePreviewFeeType0Type0 | None | Unset):
            fee_source (None | str | Unset):  Example: fixed_fee.
     """

    cost: None | str | Unset = UNSET
    currency: str | Unset = UNSET
    error: None | str | Unset = UNSET
    fee: Fee | FeePreviewFeeType0Type0 | None | Unset = UNSET
    fee_source: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.fee import Fee # noqa: PLC0415
        from ..models.fee_preview_fee_type_0_type_0 import FeePreviewFeeType0Type0 # noqa: PLC0415
        cost: None | str | Unset
        if isinstance(self.cost, Unset):
            cost = UNSET
        else:
            cost = self.cost

        currency = self.currency

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        fee: dict[str, Any] | None | Unset
        if isinstance(self.fee, Unset):
            fee = UNSET
        elif isinstance(self.fee, FeePreviewFeeType0Type0):
            fee = self.fee.to_dict()
        elif isinstance(self.fee, Fee):
            fee = self.fee.to_dict()
        else:
            fee = self.fee

        fee_source: None | str | Unset
        if isinstance(self.fee_source, Unset):
            fee_source = UNSET
        else:
            fee_source = self.fee_source


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if cost is not UNSET:
            field_dict["cost"] = cost
        if currency is not UNSET:
            field_dict["currency"] = currency
        if error is not UNSET:
            field_dict["error"] = error
        if fee is not UNSET:
            field_dict["fee"] = fee
        if fee_source is not UNSET:
            field_dict["fee_source"] = fee_source

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fee import Fee # noqa: PLC0415
        from ..models.fee_preview_fee_type_0_type_0 import FeePreviewFeeType0Type0 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_cost(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cost = _parse_cost(d.pop("cost", UNSET))


        currency = d.pop("currency", UNSET)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        def _parse_fee(data: object) -> Fee | FeePreviewFeeType0Type0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fee_type_0_type_0 = FeePreviewFeeType0Type0.from_dict(data)



                return fee_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fee_type_1 = Fee.from_dict(data)



                return fee_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Fee | FeePreviewFeeType0Type0 | None | Unset, data)

        fee = _parse_fee(d.pop("fee", UNSET))


        def _parse_fee_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fee_source = _parse_fee_source(d.pop("fee_source", UNSET))


        fee_preview = cls(
            cost=cost,
            currency=currency,
            error=error,
            fee=fee,
            fee_source=fee_source,
        )

        return fee_preview

