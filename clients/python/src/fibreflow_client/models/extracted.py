from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.extracted_thread_type_0 import ExtractedThreadType0





T = TypeVar("T", bound="Extracted")



@_attrs_define
class Extracted:
    """ 
        Attributes:
            comment (None | str | Unset):
            description (None | str | Unset):
            drop_number (None | str | Unset):
            drop_numbers (list[str] | None | Unset):
            priority (None | str | Unset):
            reporter_email (None | str | Unset):
            reporter_name (None | str | Unset):
            thread (ExtractedThreadType0 | None | Unset):
            title (None | str | Unset):
            type_ (None | str | Unset):
            unsure (list[str] | None | Unset):
     """

    comment: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    drop_number: None | str | Unset = UNSET
    drop_numbers: list[str] | None | Unset = UNSET
    priority: None | str | Unset = UNSET
    reporter_email: None | str | Unset = UNSET
    reporter_name: None | str | Unset = UNSET
    thread: ExtractedThreadType0 | None | Unset = UNSET
    title: None | str | Unset = UNSET
    type_: None | str | Unset = UNSET
    unsure: list[str] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.extracted_thread_type_0 import ExtractedThreadType0 # noqa: PLC0415
        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        drop_number: None | str | Unset
        if isinstance(self.drop_number, Unset):
            drop_number = UNSET
        else:
            drop_number = self.drop_number

        drop_numbers: list[str] | None | Unset
        if isinstance(self.drop_numbers, Unset):
            drop_numbers = UNSET
        elif isinstance(self.drop_numbers, list):
            drop_numbers = self.drop_numbers


        else:
            drop_numbers = self.drop_numbers

        priority: None | str | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        reporter_email: None | str | Unset
        if isinstance(self.reporter_email, Unset):
            reporter_email = UNSET
        else:
            reporter_email = self.reporter_email

        reporter_name: None | str | Unset
        if isinstance(self.reporter_name, Unset):
            reporter_name = UNSET
        else:
            reporter_name = self.reporter_name

        thread: dict[str, Any] | None | Unset
        if isinstance(self.thread, Unset):
            thread = UNSET
        elif isinstance(self.thread, ExtractedThreadType0):
            thread = self.thread.to_dict()
        else:
            thread = self.thread

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        unsure: list[str] | None | Unset
        if isinstance(self.unsure, Unset):
            unsure = UNSET
        elif isinstance(self.unsure, list):
            unsure = self.unsure


        else:
            unsure = self.unsure


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if comment is not UNSET:
            field_dict["comment"] = comment
        if description is not UNSET:
            field_dict["description"] = description
        if drop_number is not UNSET:
            field_dict["drop_number"] = drop_number
        if drop_numbers is not UNSET:
            field_dict["drop_numbers"] = drop_numbers
        if priority is not UNSET:
            field_dict["priority"] = priority
        if reporter_email is not UNSET:
            field_dict["reporter_email"] = reporter_email
        if reporter_name is not UNSET:
            field_dict["reporter_name"] = reporter_name
        if thread is not UNSET:
            field_dict["thread"] = thread
        if title is not UNSET:
            field_dict["title"] = title
        if type_ is not UNSET:
            field_dict["type"] = type_
        if unsure is not UNSET:
            field_dict["unsure"] = unsure

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.extracted_thread_type_0 import ExtractedThreadType0 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_drop_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        drop_number = _parse_drop_number(d.pop("drop_number", UNSET))


        def _parse_drop_numbers(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                drop_numbers_type_0 = cast(list[str], data)

                return drop_numbers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        drop_numbers = _parse_drop_numbers(d.pop("drop_numbers", UNSET))


        def _parse_priority(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))


        def _parse_reporter_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reporter_email = _parse_reporter_email(d.pop("reporter_email", UNSET))


        def _parse_reporter_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reporter_name = _parse_reporter_name(d.pop("reporter_name", UNSET))


        def _parse_thread(data: object) -> ExtractedThreadType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                thread_type_0 = ExtractedThreadType0.from_dict(data)



                return thread_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExtractedThreadType0 | None | Unset, data)

        thread = _parse_thread(d.pop("thread", UNSET))


        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))


        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))


        def _parse_unsure(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                unsure_type_0 = cast(list[str], data)

                return unsure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        unsure = _parse_unsure(d.pop("unsure", UNSET))


        extracted = cls(
            comment=comment,
            description=description,
            drop_number=drop_number,
            drop_numbers=drop_numbers,
            priority=priority,
            reporter_email=reporter_email,
            reporter_name=reporter_name,
            thread=thread,
            title=title,
            type_=type_,
            unsure=unsure,
        )

        return extracted

