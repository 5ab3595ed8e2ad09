from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ItineraryItemFromLibraryRequest")


@_attrs_define
class ItineraryItemFromLibraryRequest:
    """
    Attributes:
        library_item_id (int): An item of your agency's library (`/library-items`). Must be the id of a record of your
            agency: any other id is a 422 naming it (a schema cannot say which ids exist).
        day_number (int): The day of this itinerary to insert into.
        position (int | Unset): The new item's `position` (from 0) in that day; past the end (or left out) it goes last.
    """

    library_item_id: int
    day_number: int
    position: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        library_item_id = self.library_item_id

        day_number = self.day_number

        position = self.position

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "library_item_id": library_item_id,
                "day_number": day_number,
            }
        )
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        library_item_id = d.pop("library_item_id")

        day_number = d.pop("day_number")

        position = d.pop("position", UNSET)

        itinerary_item_from_library_request = cls(
            library_item_id=library_item_id,
            day_number=day_number,
            position=position,
        )

        return itinerary_item_from_library_request
