from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.itinerary_status_enum import ItineraryStatusEnum

T = TypeVar("T", bound="Itinerary")


@_attrs_define
class Itinerary:
    """An itinerary (lists omit the day-by-day plan).

    Attributes:
        id (int):
        client_id (int):
        title (str):
        status (ItineraryStatusEnum): * `draft` - Draft
            * `proposed` - Proposed
            * `confirmed` - Confirmed
            * `completed` - Completed
            * `cancelled` - Cancelled
        start_date (datetime.date | None):
        end_date (datetime.date | None):
        travellers (int):
        notes (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    client_id: int
    title: str
    status: ItineraryStatusEnum
    start_date: datetime.date | None
    end_date: datetime.date | None
    travellers: int
    notes: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        client_id = self.client_id

        title = self.title

        status = self.status.value

        start_date: None | str
        if isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        travellers = self.travellers

        notes = self.notes

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "client_id": client_id,
                "title": title,
                "status": status,
                "start_date": start_date,
                "end_date": end_date,
                "travellers": travellers,
                "notes": notes,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        client_id = d.pop("client_id")

        title = d.pop("title")

        status = ItineraryStatusEnum(d.pop("status"))

        def _parse_start_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        start_date = _parse_start_date(d.pop("start_date"))

        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))

        travellers = d.pop("travellers")

        notes = d.pop("notes")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        itinerary = cls(
            id=id,
            client_id=client_id,
            title=title,
            status=status,
            start_date=start_date,
            end_date=end_date,
            travellers=travellers,
            notes=notes,
            created_at=created_at,
            updated_at=updated_at,
        )

        itinerary.additional_properties = d
        return itinerary

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
