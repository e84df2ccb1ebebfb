from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="TicketPagination")



@_attrs_define
class TicketPagination:
    """ 
        Attributes:
            limit (int | Unset):  Example: 50.
            page (int | Unset):  Example: 1.
            total (int | Unset):  Example: 1.
            total_pages (int | Unset):  Example: 1.
            total_is_estimate (bool | Unset): true when total is PostgreSQL's estimate (more matches than the exact-count
                limit)
     """

    limit: int | Unset = UNSET
    page: int | Unset = UNSET
    total: int | Unset = UNSET
    total_pages: int | Unset = UNSET
    total_is_estimate: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        limit = self.limit

        page = self.page

        total = self.total

        total_pages = self.total_pages

        total_is_estimate = self.total_is_estimate


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if limit is not UNSET:
            field_dict["limit"] = limit
        if page is not UNSET:
            field_dict["page"] = page
        if total is not UNSET:
            field_dict["total"] = total
        if total_pages is not UNSET:
            field_dict["totalPages"] = total_pages
        if total_is_estimate is not UNSET:
            field_dict["total_is_estimate"] = total_is_estimate

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        limit = d.pop("limit", UNSET)

        page = d.pop("page", UNSET)

        total = d.pop("total", UNSET)

        total_pages = d.pop("totalPages", UNSET)

        total_is_estimate = d.pop("total_is_estimate", UNSET)

        ticket_pagination = cls(
            limit=limit,
            page=page,
            total=total,
            total_pages=total_pages,
            total_is_estimate=total_is_estimate,
        )

        return ticket_pagination

