from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.matched_on_enum import MatchedOnEnum

T = TypeVar("T", bound="DuplicateMatch")


@_attrs_define
class DuplicateMatch:
    """An existing client a create would duplicate, and what they share.

    Attributes:
        id (int):
        name (str):
        email (str):
        phone (str):
        archived (bool):
        matched_on (list[MatchedOnEnum]): What the new client shares with this one (`name_and_birth_date`: the first and
            last name, in any case, and the date of birth of its lead traveller).
    """

    id: int
    name: str
    email: str
    phone: str
    archived: bool
    matched_on: list[MatchedOnEnum]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        email = self.email

        phone = self.phone

        archived = self.archived

        matched_on = []
        for matched_on_item_data in self.matched_on:
            matched_on_item = matched_on_item_data.value
            matched_on.append(matched_on_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "email": email,
                "phone": phone,
                "archived": archived,
                "matched_on": matched_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        email = d.pop("email")

        phone = d.pop("phone")

        archived = d.pop("archived")

        matched_on = []
        _matched_on = d.pop("matched_on")
        for matched_on_item_data in _matched_on:
            matched_on_item = MatchedOnEnum(matched_on_item_data)

            matched_on.append(matched_on_item)

        duplicate_match = cls(
            id=id,
            name=name,
            email=email,
            phone=phone,
            archived=archived,
            matched_on=matched_on,
        )

        duplicate_match.additional_properties = d
        return duplicate_match

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
