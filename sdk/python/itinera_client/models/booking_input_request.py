from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.booking_status_enum import BookingStatusEnum
from ..models.currency_code import CurrencyCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="BookingInputRequest")


@_attrs_define
class BookingInputRequest:
    """
    Attributes:
        client_id (int): Must be the id of a record of your agency: any other id is a 422 naming it (a schema cannot say
            which ids exist).
        proposal_id (int | None | Unset): Must be the id of a record of your agency: any other id is a 422 naming it (a
            schema cannot say which ids exist).
        itinerary_id (int | None | Unset): Must be the id of a record of your agency: any other id is a 422 naming it (a
            schema cannot say which ids exist).
        reference (str | Unset): Unique in your agency; generated (`BK-XXXXXX`) when omitted from a create or sent
            blank.
        status (BookingStatusEnum | Unset): * `pending` - Pending
            * `confirmed` - Confirmed
            * `cancelled` - Cancelled
            * `completed` - Completed
        start_date (datetime.date | None | str | Unset):
        end_date (datetime.date | None | str | Unset): On or after `start_date` (the one sent, else the stored one); a
            422 otherwise.
        currency (CurrencyCode | Unset): An ISO 4217 code (see `/lookups/currencies`).
        total_price (str | Unset): Only while the booking has no services; then it is the sum of their prices and a
            different value is a 422 (This booking is priced by its services: its total is the sum of their prices. Change
            the services' prices instead.)
        supplier (None | str | Unset): A supplier by name: your agency's supplier of that name (ignoring case), added to
            the directory (type `other`) when there is none; empty or null for none. Ignored when `supplier_id` is given.
        supplier_id (int | None | Unset): A supplier of your agency; wins over `supplier`. Must be the id of a record of
            your agency: any other id is a 422 naming it (a schema cannot say which ids exist).
        notes (None | str | Unset):
        traveller_ids (list[int] | Unset): Who goes: ids of the client's travellers (`/clients/{id}/travellers`); the
            whole list, replacing the current one. Another client's traveller is a 422.
    """

    client_id: int
    proposal_id: int | None | Unset = UNSET
    itinerary_id: int | None | Unset = UNSET
    reference: str | Unset = UNSET
    status: BookingStatusEnum | Unset = UNSET
    start_date: datetime.date | None | str | Unset = UNSET
    end_date: datetime.date | None | str | Unset = UNSET
    currency: CurrencyCode | Unset = UNSET
    total_price: str | Unset = UNSET
    supplier: None | str | Unset = UNSET
    supplier_id: int | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    traveller_ids: list[int] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        proposal_id: int | None | Unset
        if isinstance(self.proposal_id, Unset):
            proposal_id = UNSET
        else:
            proposal_id = self.proposal_id

        itinerary_id: int | None | Unset
        if isinstance(self.itinerary_id, Unset):
            itinerary_id = UNSET
        else:
            itinerary_id = self.itinerary_id

        reference = self.reference

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

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency.value

        total_price = self.total_price

        supplier: None | str | Unset
        if isinstance(self.supplier, Unset):
            supplier = UNSET
        else:
            supplier = self.supplier

        supplier_id: int | None | Unset
        if isinstance(self.supplier_id, Unset):
            supplier_id = UNSET
        else:
            supplier_id = self.supplier_id

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        traveller_ids: list[int] | Unset = UNSET
        if not isinstance(self.traveller_ids, Unset):
            traveller_ids = self.traveller_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "client_id": client_id,
            }
        )
        if proposal_id is not UNSET:
            field_dict["proposal_id"] = proposal_id
        if itinerary_id is not UNSET:
            field_dict["itinerary_id"] = itinerary_id
        if reference is not UNSET:
            field_dict["reference"] = reference
        if status is not UNSET:
            field_dict["status"] = status
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if currency is not UNSET:
            field_dict["currency"] = currency
        if total_price is not UNSET:
            field_dict["total_price"] = total_price
        if supplier is not UNSET:
            field_dict["supplier"] = supplier
        if supplier_id is not UNSET:
            field_dict["supplier_id"] = supplier_id
        if notes is not UNSET:
            field_dict["notes"] = notes
        if traveller_ids is not UNSET:
            field_dict["traveller_ids"] = traveller_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_id = d.pop("client_id")

        def _parse_proposal_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        proposal_id = _parse_proposal_id(d.pop("proposal_id", UNSET))

        def _parse_itinerary_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        itinerary_id = _parse_itinerary_id(d.pop("itinerary_id", UNSET))

        reference = d.pop("reference", UNSET)

        _status = d.pop("status", UNSET)
        status: BookingStatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = BookingStatusEnum(_status)

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

        _currency = d.pop("currency", UNSET)
        currency: CurrencyCode | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = CurrencyCode(_currency)

        total_price = d.pop("total_price", UNSET)

        def _parse_supplier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        supplier = _parse_supplier(d.pop("supplier", UNSET))

        def _parse_supplier_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        supplier_id = _parse_supplier_id(d.pop("supplier_id", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        traveller_ids = cast(list[int], d.pop("traveller_ids", UNSET))

        booking_input_request = cls(
            client_id=client_id,
            proposal_id=proposal_id,
            itinerary_id=itinerary_id,
            reference=reference,
            status=status,
            start_date=start_date,
            end_date=end_date,
            currency=currency,
            total_price=total_price,
            supplier=supplier,
            supplier_id=supplier_id,
            notes=notes,
            traveller_ids=traveller_ids,
        )

        return booking_input_request
