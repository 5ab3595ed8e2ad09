from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.item_kind_enum import ItemKindEnum

T = TypeVar("T", bound="LibraryItem")


@_attrs_define
class LibraryItem:
    """A saved item of the agency's library: what a day's item copies when it is inserted.

    Attributes:
        id (int):
        kind (ItemKindEnum): * `flight` - Flight
            * `transfer` - Transfer
            * `accommodation` - Accommodation
            * `activity` - Activity
            * `meal` - Meal
            * `note` - Note
        title (str):
        location (str):
        supplier (str): The linked supplier's name; empty when there is none.
        supplier_id (int | None):
        start_time (None | str): A default time of day; optional. Example: 08:40:00.
        end_time (None | str):  Example: 08:40:00.
        notes (str): The description the inserted item carries.
        created_by_id (int | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    kind: ItemKindEnum
    title: str
    location: str
    supplier: str
    supplier_id: int | None
    start_time: None | str
    end_time: None | str
    notes: str
    created_by_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        title = self.title

        location = self.location

        supplier = self.supplier

        supplier_id: int | None
        supplier_id = self.supplier_id

        start_time: None | str
        start_time = self.start_time

        end_time: None | str
        end_time = self.end_time

        notes = self.notes

        created_by_id: int | None
        created_by_id = self.created_by_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "title": title,
                "location": location,
                "supplier": supplier,
                "supplier_id": supplier_id,
                "start_time": start_time,
                "end_time": end_time,
                "notes": notes,
                "created_by_id": created_by_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = ItemKindEnum(d.pop("kind"))

        title = d.pop("title")

        location = d.pop("location")

        supplier = d.pop("supplier")

        def _parse_supplier_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        supplier_id = _parse_supplier_id(d.pop("supplier_id"))

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

        notes = d.pop("notes")

        def _parse_created_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        created_by_id = _parse_created_by_id(d.pop("created_by_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        library_item = cls(
            id=id,
            kind=kind,
            title=title,
            location=location,
            supplier=supplier,
            supplier_id=supplier_id,
            start_time=start_time,
            end_time=end_time,
            notes=notes,
            created_by_id=created_by_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        library_item.additional_properties = d
        return library_item

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
