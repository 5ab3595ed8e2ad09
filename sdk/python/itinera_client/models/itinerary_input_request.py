from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.itinerary_status_enum import ItineraryStatusEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.itinerary_day_input_request import ItineraryDayInputRequest


T = TypeVar("T", bound="ItineraryInputRequest")


@_attrs_define
class ItineraryInputRequest:
    """
    Attributes:
        client_id (int): Must be the id of a record of your agency: any other id is a 422 naming it (a schema cannot say
            which ids exist).
        title (str):
        status (ItineraryStatusEnum | Unset): * `draft` - Draft
            * `proposed` - Proposed
            * `confirmed` - Confirmed
            * `completed` - Completed
            * `cancelled` - Cancelled
        start_date (datetime.date | None | str | Unset):
        end_date (datetime.date | None | str | Unset): On or after `start_date` (the one sent, else the stored one); a
            422 otherwise.
        travellers (int | Unset):
        traveller_ids (list[int] | Unset): Who goes: ids of the client's travellers (`/clients/{id}/travellers`); the
            whole list, replacing the current one. Another client's traveller is a 422.
        notes (None | str | Unset):
        days (list[ItineraryDayInputRequest] | Unset): The whole day-by-day plan, in order; when given it replaces the
            current one.
    """

    client_id: int
    title: str
    status: ItineraryStatusEnum | Unset = UNSET
    start_date: datetime.date | None | str | Unset = UNSET
    end_date: datetime.date | None | str | Unset = UNSET
    travellers: int | Unset = UNSET
    traveller_ids: list[int] | Unset = UNSET
    notes: None | str | Unset = UNSET
    days: list[ItineraryDayInputRequest] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        title = self.title

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        travellers = self.travellers

        traveller_ids: list[int] | Unset = UNSET
        if not isinstance(self.traveller_ids, Unset):
            traveller_ids = self.traveller_ids

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        days: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.days, Unset):
            days = []
            for days_item_data in self.days:
                days_item = days_item_data.to_dict()
                days.append(days_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "client_id": client_id,
                "title": title,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if travellers is not UNSET:
            field_dict["travellers"] = travellers
        if traveller_ids is not UNSET:
            field_dict["traveller_ids"] = traveller_ids
        if notes is not UNSET:
            field_dict["notes"] = notes
        if days is not UNSET:
            field_dict["days"] = days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.itinerary_day_input_request import ItineraryDayInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        client_id = d.pop("client_id")

        title = d.pop("title")

        _status = d.pop("status", UNSET)
        status: ItineraryStatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ItineraryStatusEnum(_status)

        def _parse_start_date(data: object) -> datetime.date | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | str | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        def _parse_end_date(data: object) -> datetime.date | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | str | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        travellers = d.pop("travellers", UNSET)

        traveller_ids = cast(list[int], d.pop("traveller_ids", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        _days = d.pop("days", UNSET)
        days: list[ItineraryDayInputRequest] | Unset = UNSET
        if _days is not UNSET:
            days = []
            for days_item_data in _days:
                days_item = ItineraryDayInputRequest.from_dict(days_item_data)

                days.append(days_item)

        itinerary_input_request = cls(
            client_id=client_id,
            title=title,
            status=status,
            start_date=start_date,
            end_date=end_date,
            travellers=travellers,
            traveller_ids=traveller_ids,
            notes=notes,
            days=days,
        )

        return itinerary_input_request
