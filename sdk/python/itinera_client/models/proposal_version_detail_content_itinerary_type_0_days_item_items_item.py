from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proposal_version_detail_content_itinerary_type_0_days_item_items_item_kind import (
    ProposalVersionDetailContentItineraryType0DaysItemItemsItemKind,
)

T = TypeVar("T", bound="ProposalVersionDetailContentItineraryType0DaysItemItemsItem")


@_attrs_define
class ProposalVersionDetailContentItineraryType0DaysItemItemsItem:
    """
    Attributes:
        id (int):
        position (int):
        kind (ProposalVersionDetailContentItineraryType0DaysItemItemsItemKind):
        title (str):
        start_time (None | str):  Example: 08:40:00.
        end_time (None | str):  Example: 10:00:00.
        location (str):
        supplier (str):
        reference (str):
        notes (str):
    """

    id: int
    position: int
    kind: ProposalVersionDetailContentItineraryType0DaysItemItemsItemKind
    title: str
    start_time: None | str
    end_time: None | str
    location: str
    supplier: str
    reference: str
    notes: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        position = self.position

        kind = self.kind.value

        title = self.title

        start_time: None | str
        start_time = self.start_time

        end_time: None | str
        end_time = self.end_time

        location = self.location

        supplier = self.supplier

        reference = self.reference

        notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "position": position,
                "kind": kind,
                "title": title,
                "start_time": start_time,
                "end_time": end_time,
                "location": location,
                "supplier": supplier,
                "reference": reference,
                "notes": notes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        position = d.pop("position")

        kind = ProposalVersionDetailContentItineraryType0DaysItemItemsItemKind(d.pop("kind"))

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

        supplier = d.pop("supplier")

        reference = d.pop("reference")

        notes = d.pop("notes")

        proposal_version_detail_content_itinerary_type_0_days_item_items_item = cls(
            id=id,
            position=position,
            kind=kind,
            title=title,
            start_time=start_time,
            end_time=end_time,
            location=location,
            supplier=supplier,
            reference=reference,
            notes=notes,
        )

        proposal_version_detail_content_itinerary_type_0_days_item_items_item.additional_properties = d
        return proposal_version_detail_content_itinerary_type_0_days_item_items_item

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
