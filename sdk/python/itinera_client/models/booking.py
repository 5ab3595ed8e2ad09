from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.booking_status_enum import BookingStatusEnum

T = TypeVar("T", bound="Booking")


@_attrs_define
class Booking:
    """A booking; `balance_due` is what is still owed (`total_price - amount_paid`, never
    below 0) and `credit_balance` what was paid beyond the total (recorded as a credit).

        Attributes:
            id (int):
            client_id (int):
            proposal_id (int | None):
            itinerary_id (int | None):
            reference (str):
            status (BookingStatusEnum): * `pending` - Pending
                * `confirmed` - Confirmed
                * `cancelled` - Cancelled
                * `completed` - Completed
            start_date (datetime.date | None):
            end_date (datetime.date | None):
            currency (str):
            total_price (str):
            amount_paid (str): The booking's payments minus its refunds, voided entries left out; read-only (a write that
                sends it is a 422).
            balance_due (str): total_price - amount_paid, never below 0
            credit_balance (str): amount_paid - total_price when positive, else 0
            total_cost (str): The sum of the costs of its services (not cancelled).
            commission_expected (str): The commission its services expect (not cancelled).
            commission_received (str): The commission receipts of its services (not cancelled), voided ones left out.
            margin (str): total_price - total_cost
            supplier (str): The supplier's name; empty for none.
            supplier_id (int | None):
            notes (str):
            archived_at (datetime.datetime | None): When the booking was archived; null while it is in the lists.
            archived_by_id (int | None):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
    """

    id: int
    client_id: int
    proposal_id: int | None
    itinerary_id: int | None
    reference: str
    status: BookingStatusEnum
    start_date: datetime.date | None
    end_date: datetime.date | None
    currency: str
    total_price: str
    amount_paid: str
    balance_due: str
    credit_balance: str
    total_cost: str
    commission_expected: str
    commission_received: str
    margin: str
    supplier: str
    supplier_id: int | None
    notes: str
    archived_at: datetime.datetime | None
    archived_by_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        client_id = self.client_id

        proposal_id: int | None
        proposal_id = self.proposal_id

        itinerary_id: int | None
        itinerary_id = self.itinerary_id

        reference = self.reference

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

        currency = self.currency

        total_price = self.total_price

        amount_paid = self.amount_paid

        balance_due = self.balance_due

        credit_balance = self.credit_balance

        total_cost = self.total_cost

        commission_expected = self.commission_expected

        commission_received = self.commission_received

        margin = self.margin

        supplier = self.supplier

        supplier_id: int | None
        supplier_id = self.supplier_id

        notes = self.notes

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        archived_by_id: int | None
        archived_by_id = self.archived_by_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "client_id": client_id,
                "proposal_id": proposal_id,
                "itinerary_id": itinerary_id,
                "reference": reference,
                "status": status,
                "start_date": start_date,
                "end_date": end_date,
                "currency": currency,
                "total_price": total_price,
                "amount_paid": amount_paid,
                "balance_due": balance_due,
                "credit_balance": credit_balance,
                "total_cost": total_cost,
                "commission_expected": commission_expected,
                "commission_received": commission_received,
                "margin": margin,
                "supplier": supplier,
                "supplier_id": supplier_id,
                "notes": notes,
                "archived_at": archived_at,
                "archived_by_id": archived_by_id,
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

        def _parse_proposal_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        proposal_id = _parse_proposal_id(d.pop("proposal_id"))

        def _parse_itinerary_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        itinerary_id = _parse_itinerary_id(d.pop("itinerary_id"))

        reference = d.pop("reference")

        status = BookingStatusEnum(d.pop("status"))

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

        currency = d.pop("currency")

        total_price = d.pop("total_price")

        amount_paid = d.pop("amount_paid")

        balance_due = d.pop("balance_due")

        credit_balance = d.pop("credit_balance")

        total_cost = d.pop("total_cost")

        commission_expected = d.pop("commission_expected")

        commission_received = d.pop("commission_received")

        margin = d.pop("margin")

        supplier = d.pop("supplier")

        def _parse_supplier_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        supplier_id = _parse_supplier_id(d.pop("supplier_id"))

        notes = d.pop("notes")

        def _parse_archived_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_at_type_0 = datetime.datetime.fromisoformat(data)

                return archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        def _parse_archived_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        archived_by_id = _parse_archived_by_id(d.pop("archived_by_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        booking = cls(
            id=id,
            client_id=client_id,
            proposal_id=proposal_id,
            itinerary_id=itinerary_id,
            reference=reference,
            status=status,
            start_date=start_date,
            end_date=end_date,
            currency=currency,
            total_price=total_price,
            amount_paid=amount_paid,
            balance_due=balance_due,
            credit_balance=credit_balance,
            total_cost=total_cost,
            commission_expected=commission_expected,
            commission_received=commission_received,
            margin=margin,
            supplier=supplier,
            supplier_id=supplier_id,
            notes=notes,
            archived_at=archived_at,
            archived_by_id=archived_by_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        booking.additional_properties = d
        return booking

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
