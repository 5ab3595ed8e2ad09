from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MeCounts")


@_attrs_define
class MeCounts:
    """How many records your agency holds.

    Attributes:
        clients (int):
        itineraries (int):
        proposals (int):
        bookings (int):
    """

    clients: int
    itineraries: int
    proposals: int
    bookings: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clients = self.clients

        itineraries = self.itineraries

        proposals = self.proposals

        bookings = self.bookings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clients": clients,
                "itineraries": itineraries,
                "proposals": proposals,
                "bookings": bookings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        clients = d.pop("clients")

        itineraries = d.pop("itineraries")

        proposals = d.pop("proposals")

        bookings = d.pop("bookings")

        me_counts = cls(
            clients=clients,
            itineraries=itineraries,
            proposals=proposals,
            bookings=bookings,
        )

        me_counts.additional_properties = d
        return me_counts

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
