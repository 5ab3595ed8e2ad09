from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ItineraryItemMoveRequest")


@_attrs_define
class ItineraryItemMoveRequest:
    """
    Attributes:
        day_id (int | Unset): A day of the same itinerary (its `id`, not its `day_number`); the item's own day by
            default.
        position (int | Unset): The item's `position` (from 0) in that day once moved; past the end (or left out) it
            goes last.
    """

    day_id: int | Unset = UNSET
    position: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        day_id = self.day_id

        position = self.position

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        itinerary_item_move_request.additional_properties = d
        return itinerary_item_move_request

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
