from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.template_item import TemplateItem


T = TypeVar("T", bound="TemplateDay")


@_attrs_define
class TemplateDay:
    """One day of a template's plan: numbered, never dated.

    Attributes:
        day_number (int):
        title (str):
        description (str):
        location (str):
        items (list[TemplateItem]):
    """

    day_number: int
    title: str
    description: str
    location: str
    items: list[TemplateItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        day_number = self.day_number

        title = self.title

        description = self.description

        location = self.location

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "day_number": day_number,
                "title": title,
                "description": description,
                "location": location,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.template_item import TemplateItem  # noqa: PLC0415

        d = dict(src_dict)
        day_number = d.pop("day_number")

        title = d.pop("title")

        description = d.pop("description")

        location = d.pop("location")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = TemplateItem.from_dict(items_item_data)

            items.append(items_item)

        template_day = cls(
            day_number=day_number,
            title=title,
            description=description,
            location=location,
            items=items,
        )

        template_day.additional_properties = d
        return template_day

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
