from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.template_day import TemplateDay


T = TypeVar("T", bound="ItineraryTemplateDetail")


@_attrs_define
class ItineraryTemplateDetail:
    """An itinerary template with its days in order, each with its items in order.

    Attributes:
        id (int):
        name (str):
        description (str):
        day_count (int):
        item_count (int):
        created_by_id (int | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        days (list[TemplateDay]):
    """

    id: int
    name: str
    description: str
    day_count: int
    item_count: int
    created_by_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    days: list[TemplateDay]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description = self.description

        day_count = self.day_count

        item_count = self.item_count

        created_by_id: int | None
        created_by_id = self.created_by_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "day_count": day_count,
                "item_count": item_count,
                "created_by_id": created_by_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "days": days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.template_day import TemplateDay  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        description = d.pop("description")

        day_count = d.pop("day_count")

        item_count = d.pop("item_count")

        def _parse_created_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        created_by_id = _parse_created_by_id(d.pop("created_by_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = TemplateDay.from_dict(days_item_data)

            days.append(days_item)

        itinerary_template_detail = cls(
            id=id,
            name=name,
            description=description,
            day_count=day_count,
            item_count=item_count,
            created_by_id=created_by_id,
            created_at=created_at,
            updated_at=updated_at,
            days=days,
        )

        itinerary_template_detail.additional_properties = d
        return itinerary_template_detail

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
