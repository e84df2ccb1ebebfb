from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.pagination import Pagination
  from ..models.template import Template





T = TypeVar("T", bound="TemplateListEnvelopeData")



@_attrs_define
class TemplateListEnvelopeData:
    """ 
        Attributes:
            pagination (Pagination | Unset):
            templates (list[Template] | Unset):
     """

    pagination: Pagination | Unset = UNSET
    templates: list[Template] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.pagination import Pagination # noqa: PLC0415
        from ..models.template import Template # noqa: PLC0415
        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        templates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.templates, Unset):
            templates = []
            for templates_item_data in self.templates:
                templates_item = templates_item_data.to_dict()
                templates.append(templates_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if pagination is not UNSET:
            field_dict["pagination"] = pagination
        if templates is not UNSET:
            field_dict["templates"] = templates

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pagination import Pagination # noqa: PLC0415
        from ..models.template import Template # noqa: PLC0415
        d = dict(src_dict)
        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)




        _templates = d.pop("templates", UNSET)
        templates: list[Template] | Unset = UNSET
        if _templates is not UNSET:
            templates = []
            for templates_item_data in _templates:
                templates_item = Template.from_dict(templates_item_data)



                templates.append(templates_item)


        template_list_envelope_data = cls(
            pagination=pagination,
            templates=templates,
        )

        return template_list_envelope_data

