from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ItineraryTemplateUseRequest")


@_attrs_define
class ItineraryTemplateUseRequest:
    """
    Attributes:
        client_id (int): A client of your agency. Must be the id of a record of your agency: any other id is a 422
            naming it (a schema cannot say which ids exist).
        start_date (datetime.date | None | str | Unset): Day N of the plan is dated start_date + N - 1; undated without
            it.
        title (str | Unset): The template's name by default.
    """

    client_id: int
    start_date: datetime.date | None | str | Unset = UNSET
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "client_id": client_id,
            }
        )
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_id = d.pop("client_id")

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

        title = d.pop("title", UNSET)

        itinerary_template_use_request = cls(
            client_id=client_id,
            start_date=start_date,
            title=title,
        )

        return itinerary_template_use_request
