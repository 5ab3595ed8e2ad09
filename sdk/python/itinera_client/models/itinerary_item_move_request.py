from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ItineraryItemMoveRequest")


@_attrs_define
class ItineraryItemMoveRequest:
    """
    Attributes:
        day_id (int | Unset): A day of the same itinerary (its `id`, not its `day_number`); the item's own day by
            default. Must be the id of a record of your agency: any other id is a 422 naming it (a schema cannot say which
            ids exist).
        position (int | Unset): The item's `position` (from 0) in that day once moved; past the end (or left out) it
            goes last.
    """

    day_id: int | Unset = UNSET
    position: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        day_id = self.day_id

        position = self.position

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if day_id is not UNSET:
            field_dict["day_id"] = day_id
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        day_id = d.pop("day_id", UNSET)

        position = d.pop("position", UNSET)

        itinerary_item_move_request = cls(
            day_id=day_id,
            position=position,
        )

        return itinerary_item_move_request
