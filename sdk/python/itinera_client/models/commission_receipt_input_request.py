from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.currency_code import CurrencyCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="CommissionReceiptInputRequest")


@_attrs_define
class CommissionReceiptInputRequest:
    """
    Attributes:
        service_id (int): A booked service of your agency (`/bookings/{id}/services`). Must be the id of a record of
            your agency: any other id is a 422 naming it (a schema cannot say which ids exist).
        amount (str | Unset): At most what is outstanding on the service (else a 409 naming it); left out, the whole
            outstanding amount ("mark received").
        received_on (datetime.date | Unset): Today or earlier (the agency's today); today when omitted. A later date is
            a 422 (a schema compares a date with constants only, not with today).
        currency (CurrencyCode | Unset): An ISO 4217 code (see `/lookups/currencies`).
        reference (str | Unset):
        note (str | Unset):
    """

    service_id: int
    amount: str | Unset = UNSET
    received_on: datetime.date | Unset = UNSET
    currency: CurrencyCode | Unset = UNSET
    reference: str | Unset = UNSET
    note: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        service_id = self.service_id

        amount = self.amount

        received_on: str | Unset = UNSET
        if not isinstance(self.received_on, Unset):
            received_on = self.received_on.isoformat()

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency.value

        reference = self.reference

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "service_id": service_id,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if received_on is not UNSET:
            field_dict["received_on"] = received_on
        if currency is not UNSET:
            field_dict["currency"] = currency
        if reference is not UNSET:
            field_dict["reference"] = reference
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        service_id = d.pop("service_id")

        amount = d.pop("amount", UNSET)

        _received_on = d.pop("received_on", UNSET)
        received_on: datetime.date | Unset
        if isinstance(_received_on, Unset):
            received_on = UNSET
        else:
            received_on = datetime.date.fromisoformat(_received_on)

        _currency = d.pop("currency", UNSET)
        currency: CurrencyCode | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = CurrencyCode(_currency)

        reference = d.pop("reference", UNSET)

        note = d.pop("note", UNSET)

        commission_receipt_input_request = cls(
            service_id=service_id,
            amount=amount,
            received_on=received_on,
            currency=currency,
            reference=reference,
            note=note,
        )

        return commission_receipt_input_request
