from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.item_kind_enum import ItemKindEnum

T = TypeVar("T", bound="TemplateItem")


@_attrs_define
class TemplateItem:
    """One item of a template's day, in order.

    Attributes:
        kind (ItemKindEnum): * `flight` - Flight
            * `transfer` - Transfer
            * `accommodation` - Accommodation
            * `activity` - Activity
            * `meal` - Meal
            * `note` - Note
        title (str):
        start_time (None | str):  Example: 08:40:00.
        end_time (None | str):  Example: 08:40:00.
        location (str):
        supplier_id (int | None):
        reference (str):
        notes (str):
    """

    kind: ItemKindEnum
    title: str
    start_time: None | str
    end_time: None | str
    location: str
    supplier_id: int | None
    reference: str
    notes: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        title = self.title

        start_time: None | str
        start_time = self.start_time

        end_time: None | str
        end_time = self.end_time

        location = self.location

        supplier_id: int | None
        supplier_id = self.supplier_id

        reference = self.reference

        notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "title": title,
                "start_time": start_time,
                "end_time": end_time,
                "location": location,
                "supplier_id": supplier_id,
                "reference": reference,
                "notes": notes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ItemKindEnum(d.pop("kind"))

        title = d.pop("title")

        def _parse_start_time(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        start_time = _parse_start_time(d.pop("start_time"))

        def _parse_end_time(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        end_time = _parse_end_time(d.pop("end_time"))

        location = d.pop("location")

        def _parse_supplier_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        supplier_id = _parse_supplier_id(d.pop("supplier_id"))

        reference = d.pop("reference")

        notes = d.pop("notes")

        template_item = cls(
            kind=kind,
            title=title,
            start_time=start_time,
            end_time=end_time,
            location=location,
            supplier_id=supplier_id,
            reference=reference,
            notes=notes,
        )

        template_item.additional_properties = d
        return template_item

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
