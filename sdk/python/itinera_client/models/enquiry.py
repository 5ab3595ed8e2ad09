from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enquiry_status_enum import EnquiryStatusEnum

if TYPE_CHECKING:
    from ..models.enquiry_extra import EnquiryExtra


T = TypeVar("T", bound="Enquiry")


@_attrs_define
class Enquiry:
    """What a website form sent, as fields (`extra`: every other field the form posted, as
    given), the client it created or matched (`matched_existing`), its `status` and its
    assignee.

        Attributes:
            id (int):
            status (EnquiryStatusEnum): * `new` - New
                * `in_progress` - In progress
                * `converted` - Converted
                * `closed` - Closed
            assigned_to_id (int | None):
            client_id (int | None):
            form_id (int | None):
            itinerary_id (int | None): The itinerary a conversion started.
            matched_existing (bool):
            name (str):
            email (str):
            phone (str):
            destination (str):
            travel_start (datetime.date | None):
            travel_end (datetime.date | None):
            travellers (int | None):
            budget (str):
            message (str):
            extra (EnquiryExtra):
            page_url (str):
            status_changed_at (datetime.datetime | None):
            created_at (datetime.datetime):
    """

    id: int
    status: EnquiryStatusEnum
    assigned_to_id: int | None
    client_id: int | None
    form_id: int | None
    itinerary_id: int | None
    matched_existing: bool
    name: str
    email: str
    phone: str
    destination: str
    travel_start: datetime.date | None
    travel_end: datetime.date | None
    travellers: int | None
    budget: str
    message: str
    extra: EnquiryExtra
    page_url: str
    status_changed_at: datetime.datetime | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status.value

        assigned_to_id: int | None
        assigned_to_id = self.assigned_to_id

        client_id: int | None
        client_id = self.client_id

        form_id: int | None
        form_id = self.form_id

        itinerary_id: int | None
        itinerary_id = self.itinerary_id

        matched_existing = self.matched_existing

        name = self.name

        email = self.email

        phone = self.phone

        destination = self.destination

        travel_start: None | str
        if isinstance(self.travel_start, datetime.date):
            travel_start = self.travel_start.isoformat()
        else:
            travel_start = self.travel_start

        travel_end: None | str
        if isinstance(self.travel_end, datetime.date):
            travel_end = self.travel_end.isoformat()
        else:
            travel_end = self.travel_end

        travellers: int | None
        travellers = self.travellers

        budget = self.budget

        message = self.message

        extra = self.extra.to_dict()

        page_url = self.page_url

        status_changed_at: None | str
        if isinstance(self.status_changed_at, datetime.datetime):
            status_changed_at = self.status_changed_at.isoformat()
        else:
            status_changed_at = self.status_changed_at

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "assigned_to_id": assigned_to_id,
                "client_id": client_id,
                "form_id": form_id,
                "itinerary_id": itinerary_id,
                "matched_existing": matched_existing,
                "name": name,
                "email": email,
                "phone": phone,
                "destination": destination,
                "travel_start": travel_start,
                "travel_end": travel_end,
                "travellers": travellers,
                "budget": budget,
                "message": message,
                "extra": extra,
                "page_url": page_url,
                "status_changed_at": status_changed_at,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.enquiry_extra import EnquiryExtra  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        status = EnquiryStatusEnum(d.pop("status"))

        def _parse_assigned_to_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        assigned_to_id = _parse_assigned_to_id(d.pop("assigned_to_id"))

        def _parse_client_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        client_id = _parse_client_id(d.pop("client_id"))

        def _parse_form_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        form_id = _parse_form_id(d.pop("form_id"))

        def _parse_itinerary_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        itinerary_id = _parse_itinerary_id(d.pop("itinerary_id"))

        matched_existing = d.pop("matched_existing")

        name = d.pop("name")

        email = d.pop("email")

        phone = d.pop("phone")

        destination = d.pop("destination")

        def _parse_travel_start(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                travel_start_type_0 = datetime.date.fromisoformat(data)

                return travel_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        travel_start = _parse_travel_start(d.pop("travel_start"))

        def _parse_travel_end(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                travel_end_type_0 = datetime.date.fromisoformat(data)

                return travel_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        travel_end = _parse_travel_end(d.pop("travel_end"))

        def _parse_travellers(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        travellers = _parse_travellers(d.pop("travellers"))

        budget = d.pop("budget")

        message = d.pop("message")

        extra = EnquiryExtra.from_dict(d.pop("extra"))

        page_url = d.pop("page_url")

        def _parse_status_changed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_changed_at_type_0 = datetime.datetime.fromisoformat(data)

                return status_changed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        status_changed_at = _parse_status_changed_at(d.pop("status_changed_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        enquiry = cls(
            id=id,
            status=status,
            assigned_to_id=assigned_to_id,
            client_id=client_id,
            form_id=form_id,
            itinerary_id=itinerary_id,
            matched_existing=matched_existing,
            name=name,
            email=email,
            phone=phone,
            destination=destination,
            travel_start=travel_start,
            travel_end=travel_end,
            travellers=travellers,
            budget=budget,
            message=message,
            extra=extra,
            page_url=page_url,
            status_changed_at=status_changed_at,
            created_at=created_at,
        )

        enquiry.additional_properties = d
        return enquiry

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
