from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_start_request_mapping_additional_property import ImportStartRequestMappingAdditionalProperty

T = TypeVar("T", bound="ImportStartRequestMapping")


@_attrs_define
class ImportStartRequestMapping:
    """Column position (counted from 0, as a string) to client field, "" to skip it; without it, the guessed mapping. Each
    field takes one column at most (a 422 naming it: a schema cannot say that an object's values differ).

    """

    additional_properties: dict[str, ImportStartRequestMappingAdditionalProperty] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        import_start_request_mapping = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = ImportStartRequestMappingAdditionalProperty(prop_dict)

            additional_properties[prop_name] = additional_property

        import_start_request_mapping.additional_properties = additional_properties
        return import_start_request_mapping

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> ImportStartRequestMappingAdditionalProperty:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: ImportStartRequestMappingAdditionalProperty) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
