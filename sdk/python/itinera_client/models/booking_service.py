from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.commission_source_enum import CommissionSourceEnum
from ..models.service_kind_enum import ServiceKindEnum
from ..models.service_status_enum import ServiceStatusEnum

T = TypeVar("T", bound="BookingService")


@_attrs_define
class BookingService:
    """A booked service (a "sector" of the trip). Money is in the booking's currency.

    Attributes:
        id (int):
        position (int): Order on the booking, from 0.
        kind (ServiceKindEnum): * `flight` - Flight
            * `hotel` - Hotel
            * `transfer` - Transfer
            * `activity` - Activity
            * `cruise` - Cruise
            * `insurance` - Insurance
            * `other` - Other
        supplier_id (int | None):
        supplier (str): The supplier's name; empty for none.
        description (str):
        start_date (datetime.date | None):
        end_date (datetime.date | None):
        start_time (None | str):  Example: 08:40:00.
        end_time (None | str):  Example: 08:40:00.
        confirmation_number (str):
        status (ServiceStatusEnum): * `requested` - Requested
            * `confirmed` - Confirmed
            * `cancelled` - Cancelled
        currency (str):
        cost (str): What the service costs the agency.
        price (str): What the client pays for it.
        commission_expected (str): What the supplier owes the agency for it.
        commission_source (CommissionSourceEnum): * `typed` - Typed
            * `supplier_rate` - Supplier's default rate
        commission_received (str): The sum of its commission receipts (`/commission-receipts`), voided ones left out;
            read-only.
        commission_outstanding (str): commission_expected - commission_received, never below 0; 0 when cancelled.
        notes (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    position: int
    kind: ServiceKindEnum
    supplier_id: int | None
    supplier: str
    description: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    start_time: None | str
    end_time: None | str
    confirmation_number: str
    status: ServiceStatusEnum
    currency: str
    cost: str
    price: str
    commission_expected: str
    commission_source: CommissionSourceEnum
    commission_received: str
    commission_outstanding: str
    notes: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        position = self.position

        kind = self.kind.value

        supplier_id: int | None
        supplier_id = self.supplier_id

        supplier = self.supplier

        description = self.description

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

        start_time: None | str
        start_time = self.start_time

        end_time: None | str
        end_time = self.end_time

        confirmation_number = self.confirmation_number

        status = self.status.value

        currency = self.currency

        cost = self.cost

        price = self.price

        commission_expected = self.commission_expected

        commission_source = self.commission_source.value

        commission_received = self.commission_received

        commission_outstanding = self.commission_outstanding

        notes = self.notes

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "position": position,
                "kind": kind,
                "supplier_id": supplier_id,
                "supplier": supplier,
                "description": description,
                "start_date": start_date,
                "end_date": end_date,
                "start_time": start_time,
                "end_time": end_time,
                "confirmation_number": confirmation_number,
                "status": status,
                "currency": currency,
                "cost": cost,
                "price": price,
                "commission_expected": commission_expected,
                "commission_source": commission_source,
                "commission_received": commission_received,
                "commission_outstanding": commission_outstanding,
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

        position = d.pop("position")

        kind = ServiceKindEnum(d.pop("kind"))

        def _parse_supplier_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        supplier_id = _parse_supplier_id(d.pop("supplier_id"))

        supplier = d.pop("supplier")

        description = d.pop("description")

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

        def _parse_start_time(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        start_time = _parse_start_time(d.pop("start_time"))

        def _parse_end_time(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        end_time = _parse_end_time(d.pop("end_time"))

        confirmation_number = d.pop("confirmation_number")

        status = ServiceStatusEnum(d.pop("status"))

        currency = d.pop("currency")

        cost = d.pop("cost")

        price = d.pop("price")

        commission_expected = d.pop("commission_expected")

        commission_source = CommissionSourceEnum(d.pop("commission_source"))

        commission_received = d.pop("commission_received")

        commission_outstanding = d.pop("commission_outstanding")

        notes = d.pop("notes")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        booking_service = cls(
            id=id,
            position=position,
            kind=kind,
            supplier_id=supplier_id,
            supplier=supplier,
            description=description,
            start_date=start_date,
            end_date=end_date,
            start_time=start_time,
            end_time=end_time,
            confirmation_number=confirmation_number,
            status=status,
            currency=currency,
            cost=cost,
            price=price,
            commission_expected=commission_expected,
            commission_source=commission_source,
            commission_received=commission_received,
            commission_outstanding=commission_outstanding,
            notes=notes,
            created_at=created_at,
            updated_at=updated_at,
        )

        booking_service.additional_properties = d
        return booking_service

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
