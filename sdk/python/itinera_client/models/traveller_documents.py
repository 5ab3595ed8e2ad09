from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TravellerDocuments")


@_attrs_define
class TravellerDocuments:
    """The full document numbers asked for (`fields`; all three by default), empty when none
    is recorded: only the fields asked for are in it.

        Attributes:
            passport_number (str | Unset):
            known_traveller_number (str | Unset):
            redress_number (str | Unset):
    """

    passport_number: str | Unset = UNSET
    known_traveller_number: str | Unset = UNSET
    redress_number: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        passport_number = self.passport_number

        known_traveller_number = self.known_traveller_number

        redress_number = self.redress_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if passport_number is not UNSET:
            field_dict["passport_number"] = passport_number
        if known_traveller_number is not UNSET:
            field_dict["known_traveller_number"] = known_traveller_number
        if redress_number is not UNSET:
            field_dict["redress_number"] = redress_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        passport_number = d.pop("passport_number", UNSET)

        known_traveller_number = d.pop("known_traveller_number", UNSET)

        redress_number = d.pop("redress_number", UNSET)

        traveller_documents = cls(
            passport_number=passport_number,
            known_traveller_number=known_traveller_number,
            redress_number=redress_number,
        )

        traveller_documents.additional_properties = d
        return traveller_documents

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
