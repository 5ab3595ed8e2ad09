from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.proposal_version_detail_content_itinerary_type_0_days_item import (
        ProposalVersionDetailContentItineraryType0DaysItem,
    )


T = TypeVar("T", bound="ProposalVersionDetailContentItineraryType0")


@_attrs_define
class ProposalVersionDetailContentItineraryType0:
    """
    Attributes:
        id (int):
        title (str):
        start_date (datetime.date | None):
        end_date (datetime.date | None):
        travellers (int):
        days (list[ProposalVersionDetailContentItineraryType0DaysItem]):
    """

    id: int
    title: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    travellers: int
    days: list[ProposalVersionDetailContentItineraryType0DaysItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

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

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "start_date": start_date,
                "end_date": end_date,
                "travellers": travellers,
                "days": days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.proposal_version_detail_content_itinerary_type_0_days_item import (
            ProposalVersionDetailContentItineraryType0DaysItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

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

        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = ProposalVersionDetailContentItineraryType0DaysItem.from_dict(days_item_data)

            days.append(days_item)

        proposal_version_detail_content_itinerary_type_0 = cls(
            id=id,
            title=title,
            start_date=start_date,
            end_date=end_date,
            travellers=travellers,
            days=days,
        )

        proposal_version_detail_content_itinerary_type_0.additional_properties = d
        return proposal_version_detail_content_itinerary_type_0

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
