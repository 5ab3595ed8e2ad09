from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.itinerary_item_input_request import ItineraryItemInputRequest


T = TypeVar("T", bound="ItineraryDayInputRequest")


@_attrs_define
class ItineraryDayInputRequest:
    """
    Attributes:
        day_number (int | Unset): Defaults to the day's position.
        date (datetime.date | None | str | Unset):
        title (None | str | Unset):
        description (None | str | Unset):
        location (None | str | Unset):
        items (list[ItineraryItemInputRequest] | Unset):
    """

    day_number: int | Unset = UNSET
    date: datetime.date | None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    items: list[ItineraryItemInputRequest] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        day_number = self.day_number

        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        elif isinstance(self.date, datetime.date):
            date = self.date.isoformat()
        else:
            date = self.date

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if day_number is not UNSET:
            field_dict["day_number"] = day_number
        if date is not UNSET:
            field_dict["date"] = date
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if location is not UNSET:
            field_dict["location"] = location
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.itinerary_item_input_request import ItineraryItemInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        day_number = d.pop("day_number", UNSET)

        def _parse_date(data: object) -> datetime.date | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_type_0_type_0 = datetime.date.fromisoformat(data)

                return date_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | str | Unset, data)

        date = _parse_date(d.pop("date", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        _items = d.pop("items", UNSET)
        items: list[ItineraryItemInputRequest] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = ItineraryItemInputRequest.from_dict(items_item_data)

                items.append(items_item)

        itinerary_day_input_request = cls(
            day_number=day_number,
            date=date,
            title=title,
            description=description,
            location=location,
            items=items,
        )

        return itinerary_day_input_request
