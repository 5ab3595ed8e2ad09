from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ItineraryDuplicateRequest")


@_attrs_define
class ItineraryDuplicateRequest:
    """
    Attributes:
        client_id (int | Unset): Another client of your agency; the same by default. Must be the id of a record of your
            agency: any other id is a 422 naming it (a schema cannot say which ids exist).
        start_date (datetime.date | Unset): The copy's start; every date shifts by the same number of days.
        title (str | Unset): The same by default.
    """

    client_id: int | Unset = UNSET
    start_date: datetime.date | Unset = UNSET
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        start_date: str | Unset = UNSET
        if not isinstance(self.start_date, Unset):
            start_date = self.start_date.isoformat()

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_id = d.pop("client_id", UNSET)

        _start_date = d.pop("start_date", UNSET)
        start_date: datetime.date | Unset
        if isinstance(_start_date, Unset):
            start_date = UNSET
        else:
            start_date = datetime.date.fromisoformat(_start_date)

        title = d.pop("title", UNSET)

        itinerary_duplicate_request = cls(
            client_id=client_id,
            start_date=start_date,
            title=title,
        )

        return itinerary_duplicate_request
