from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.matched_on_enum import MatchedOnEnum

T = TypeVar("T", bound="DuplicatePair")


@_attrs_define
class DuplicatePair:
    """Two live clients that look like one person; ``client_id`` is the older one.

    Attributes:
        client_id (int):
        client_name (str):
        duplicate_id (int):
        duplicate_name (str):
        matched_on (list[MatchedOnEnum]): What the two share (`name_and_birth_date`: their lead travellers' first and
            last name, in any case, and date of birth).
    """

    client_id: int
    client_name: str
    duplicate_id: int
    duplicate_name: str
    matched_on: list[MatchedOnEnum]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        client_name = self.client_name

        duplicate_id = self.duplicate_id

        duplicate_name = self.duplicate_name

        matched_on = []
        for matched_on_item_data in self.matched_on:
            matched_on_item = matched_on_item_data.value
            matched_on.append(matched_on_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client_id": client_id,
                "client_name": client_name,
                "duplicate_id": duplicate_id,
                "duplicate_name": duplicate_name,
                "matched_on": matched_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_id = d.pop("client_id")

        client_name = d.pop("client_name")

        duplicate_id = d.pop("duplicate_id")

        duplicate_name = d.pop("duplicate_name")

        matched_on = []
        _matched_on = d.pop("matched_on")
        for matched_on_item_data in _matched_on:
            matched_on_item = MatchedOnEnum(matched_on_item_data)

            matched_on.append(matched_on_item)

        duplicate_pair = cls(
            client_id=client_id,
            client_name=client_name,
            duplicate_id=duplicate_id,
            duplicate_name=duplicate_name,
            matched_on=matched_on,
        )

        duplicate_pair.additional_properties = d
        return duplicate_pair

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
