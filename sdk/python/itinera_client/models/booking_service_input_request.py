from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.currency_code import CurrencyCode
from ..models.service_kind_enum import ServiceKindEnum
from ..models.service_status_enum import ServiceStatusEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="BookingServiceInputRequest")


@_attrs_define
class BookingServiceInputRequest:
    """
    Attributes:
        description (str):
        kind (ServiceKindEnum | Unset): * `flight` - Flight
            * `hotel` - Hotel
            * `transfer` - Transfer
            * `activity` - Activity
            * `cruise` - Cruise
            * `insurance` - Insurance
            * `other` - Other
        supplier_id (int | None | Unset): A supplier of your agency; wins over `supplier`. Must be the id of a record of
            your agency: any other id is a 422 naming it (a schema cannot say which ids exist).
        supplier (None | str | Unset): A supplier by name: your agency's supplier of that name (ignoring case), added to
            the directory (type `other`) when there is none; empty or null for none. Ignored when `supplier_id` is given.
        start_date (datetime.date | None | str | Unset):
        end_date (datetime.date | None | str | Unset): On or after `start_date` (the one sent, else the stored one); a
            422 otherwise.
        start_time (None | str | Unset):  Example: 08:40:00.
        end_time (None | str | Unset):  Example: 08:40:00.
        confirmation_number (None | str | Unset):
        status (ServiceStatusEnum | Unset): * `requested` - Requested
            * `confirmed` - Confirmed
            * `cancelled` - Cancelled
        currency (CurrencyCode | Unset): An ISO 4217 code (see `/lookups/currencies`).
        cost (None | str | Unset):
        price (None | str | Unset):
        commission_expected (None | str | Unset): Typed, it is kept as given. Omitted on create (or null) it is the
            supplier's default commission rate on the price, and follows the price and the supplier.
        notes (None | str | Unset):
    """

    description: str
    kind: ServiceKindEnum | Unset = UNSET
    supplier_id: int | None | Unset = UNSET
    supplier: None | str | Unset = UNSET
    start_date: datetime.date | None | str | Unset = UNSET
    end_date: datetime.date | None | str | Unset = UNSET
    start_time: None | str | Unset = UNSET
    end_time: None | str | Unset = UNSET
    confirmation_number: None | str | Unset = UNSET
    status: ServiceStatusEnum | Unset = UNSET
    currency: CurrencyCode | Unset = UNSET
    cost: None | str | Unset = UNSET
    price: None | str | Unset = UNSET
    commission_expected: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        supplier_id: int | None | Unset
        if isinstance(self.supplier_id, Unset):
            supplier_id = UNSET
        else:
            supplier_id = self.supplier_id

        supplier: None | str | Unset
        if isinstance(self.supplier, Unset):
            supplier = UNSET
        else:
            supplier = self.supplier

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

        start_time: None | str | Unset
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        else:
            start_time = self.start_time

        end_time: None | str | Unset
        if isinstance(self.end_time, Unset):
            end_time = UNSET
        else:
            end_time = self.end_time

        confirmation_number: None | str | Unset
        if isinstance(self.confirmation_number, Unset):
            confirmation_number = UNSET
        else:
            confirmation_number = self.confirmation_number

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency.value

        cost: None | str | Unset
        if isinstance(self.cost, Unset):
            cost = UNSET
        else:
            cost = self.cost

        price: None | str | Unset
        if isinstance(self.price, Unset):
            price = UNSET
        else:
            price = self.price

        commission_expected: None | str | Unset
        if isinstance(self.commission_expected, Unset):
            commission_expected = UNSET
        else:
            commission_expected = self.commission_expected

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if supplier_id is not UNSET:
            field_dict["supplier_id"] = supplier_id
        if supplier is not UNSET:
            field_dict["supplier"] = supplier
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if confirmation_number is not UNSET:
            field_dict["confirmation_number"] = confirmation_number
        if status is not UNSET:
            field_dict["status"] = status
        if currency is not UNSET:
            field_dict["currency"] = currency
        if cost is not UNSET:
            field_dict["cost"] = cost
        if price is not UNSET:
            field_dict["price"] = price
        if commission_expected is not UNSET:
            field_dict["commission_expected"] = commission_expected
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        _kind = d.pop("kind", UNSET)
        kind: ServiceKindEnum | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = ServiceKindEnum(_kind)

        def _parse_supplier_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        supplier_id = _parse_supplier_id(d.pop("supplier_id", UNSET))

        def _parse_supplier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        supplier = _parse_supplier(d.pop("supplier", UNSET))

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

        def _parse_start_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_time = _parse_start_time(d.pop("start_time", UNSET))

        def _parse_end_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_time = _parse_end_time(d.pop("end_time", UNSET))

        def _parse_confirmation_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        confirmation_number = _parse_confirmation_number(d.pop("confirmation_number", UNSET))

        _status = d.pop("status", UNSET)
        status: ServiceStatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ServiceStatusEnum(_status)

        _currency = d.pop("currency", UNSET)
        currency: CurrencyCode | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = CurrencyCode(_currency)

        def _parse_cost(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cost = _parse_cost(d.pop("cost", UNSET))

        def _parse_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        price = _parse_price(d.pop("price", UNSET))

        def _parse_commission_expected(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        commission_expected = _parse_commission_expected(d.pop("commission_expected", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        booking_service_input_request = cls(
            description=description,
            kind=kind,
            supplier_id=supplier_id,
            supplier=supplier,
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
            notes=notes,
        )

        return booking_service_input_request
