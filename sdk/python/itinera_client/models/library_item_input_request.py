from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.item_kind_enum import ItemKindEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="LibraryItemInputRequest")


@_attrs_define
class LibraryItemInputRequest:
    """
    Attributes:
        title (str):
        kind (ItemKindEnum | Unset): * `flight` - Flight
            * `transfer` - Transfer
            * `accommodation` - Accommodation
            * `activity` - Activity
            * `meal` - Meal
            * `note` - Note
        location (None | str | Unset):
        supplier (None | str | Unset): A supplier by name: your agency's supplier of that name (ignoring case), added to
            the directory (type `other`) when there is none; empty or null for none. Ignored when `supplier_id` is given.
        supplier_id (int | None | Unset): A supplier of your agency; wins over `supplier`. Must be the id of a record of
            your agency: any other id is a 422 naming it (a schema cannot say which ids exist).
        start_time (None | str | Unset):  Example: 08:40:00.
        end_time (None | str | Unset):  Example: 08:40:00.
        notes (None | str | Unset):
    """

    title: str
    kind: ItemKindEnum | Unset = UNSET
    location: None | str | Unset = UNSET
    supplier: None | str | Unset = UNSET
    supplier_id: int | None | Unset = UNSET
    start_time: None | str | Unset = UNSET
    end_time: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        supplier: None | str | Unset
        if isinstance(self.supplier, Unset):
            supplier = UNSET
        else:
            supplier = self.supplier

        supplier_id: int | None | Unset
        if isinstance(self.supplier_id, Unset):
            supplier_id = UNSET
        else:
            supplier_id = self.supplier_id

        start_time: None | str | Unset
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        else:
            start_time = self.start_time

        end_time: None | str | Unset
        if isinstance(self.end_time, Unset):
            end_time = UNSET
        else:
            end_time = self.end_time

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if location is not UNSET:
            field_dict["location"] = location
        if supplier is not UNSET:
            field_dict["supplier"] = supplier
        if supplier_id is not UNSET:
            field_dict["supplier_id"] = supplier_id
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        _kind = d.pop("kind", UNSET)
        kind: ItemKindEnum | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = ItemKindEnum(_kind)

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_supplier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        supplier = _parse_supplier(d.pop("supplier", UNSET))

        def _parse_supplier_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        supplier_id = _parse_supplier_id(d.pop("supplier_id", UNSET))

        def _parse_start_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_time = _parse_start_time(d.pop("start_time", UNSET))

        def _parse_end_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_time = _parse_end_time(d.pop("end_time", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        library_item_input_request = cls(
            title=title,
            kind=kind,
            location=location,
            supplier=supplier,
            supplier_id=supplier_id,
            start_time=start_time,
            end_time=end_time,
            notes=notes,
        )

        return library_item_input_request
