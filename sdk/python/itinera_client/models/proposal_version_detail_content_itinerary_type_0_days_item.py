from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.proposal_version_detail_content_itinerary_type_0_days_item_items_item import (
        ProposalVersionDetailContentItineraryType0DaysItemItemsItem,
    )


T = TypeVar("T", bound="ProposalVersionDetailContentItineraryType0DaysItem")


@_attrs_define
class ProposalVersionDetailContentItineraryType0DaysItem:
    """
    Attributes:
        id (int):
        day_number (int):
        date (datetime.date | None):
        title (str):
        description (str):
        location (str):
        items (list[ProposalVersionDetailContentItineraryType0DaysItemItemsItem]):
    """

    id: int
    day_number: int
    date: datetime.date | None
    title: str
    description: str
    location: str
    items: list[ProposalVersionDetailContentItineraryType0DaysItemItemsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        day_number = self.day_number

        date: None | str
        if isinstance(self.date, datetime.date):
            date = self.date.isoformat()
        else:
            date = self.date

        title = self.title

        description = self.description

        location = self.location

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "day_number": day_number,
                "date": date,
                "title": title,
                "description": description,
                "location": location,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.proposal_version_detail_content_itinerary_type_0_days_item_items_item import (
            ProposalVersionDetailContentItineraryType0DaysItemItemsItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        id = d.pop("id")

        day_number = d.pop("day_number")

        def _parse_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_type_0 = datetime.date.fromisoformat(data)

                return date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        date = _parse_date(d.pop("date"))

        title = d.pop("title")

        description = d.pop("description")

        location = d.pop("location")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ProposalVersionDetailContentItineraryType0DaysItemItemsItem.from_dict(items_item_data)

            items.append(items_item)

        proposal_version_detail_content_itinerary_type_0_days_item = cls(
            id=id,
            day_number=day_number,
            date=date,
            title=title,
            description=description,
            location=location,
            items=items,
        )

        proposal_version_detail_content_itinerary_type_0_days_item.additional_properties = d
        return proposal_version_detail_content_itinerary_type_0_days_item

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
