from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.itinerary_status_enum import ItineraryStatusEnum

if TYPE_CHECKING:
    from ..models.itinerary_day import ItineraryDay
    from ..models.passport_warning import PassportWarning


T = TypeVar("T", bound="ItineraryDetail")


@_attrs_define
class ItineraryDetail:
    """An itinerary with its days in order, each with its items in order, and who goes.

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
        traveller_ids (list[int]): Who goes: ids of the client's travellers.
        passport_warnings (list[PassportWarning]): Travellers whose passport expires within 6 months of the return (end)
            date.
        days (list[ItineraryDay]):
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
    traveller_ids: list[int]
    passport_warnings: list[PassportWarning]
    days: list[ItineraryDay]
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

        traveller_ids = self.traveller_ids

        passport_warnings = []
        for passport_warnings_item_data in self.passport_warnings:
            passport_warnings_item = passport_warnings_item_data.to_dict()
            passport_warnings.append(passport_warnings_item)

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

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
                "traveller_ids": traveller_ids,
                "passport_warnings": passport_warnings,
                "days": days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.itinerary_day import ItineraryDay  # noqa: PLC0415
        from ..models.passport_warning import PassportWarning  # noqa: PLC0415

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

        traveller_ids = cast(list[int], d.pop("traveller_ids"))

        passport_warnings = []
        _passport_warnings = d.pop("passport_warnings")
        for passport_warnings_item_data in _passport_warnings:
            passport_warnings_item = PassportWarning.from_dict(passport_warnings_item_data)

            passport_warnings.append(passport_warnings_item)

        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = ItineraryDay.from_dict(days_item_data)

            days.append(days_item)

        itinerary_detail = cls(
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
            traveller_ids=traveller_ids,
            passport_warnings=passport_warnings,
            days=days,
        )

        itinerary_detail.additional_properties = d
        return itinerary_detail

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
