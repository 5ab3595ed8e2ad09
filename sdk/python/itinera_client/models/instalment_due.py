from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InstalmentDue")


@_attrs_define
class InstalmentDue:
    """An instalment with something unpaid; `outstanding` is what the booking's payments leave
    of it (allocated in due-date order).

        Attributes:
            id (int):
            booking_id (int):
            booking_reference (str):
            client_id (int):
            client (str):
            label (str):
            due_date (datetime.date):
            amount (str):
            outstanding (str):
            currency (str):
    """

    id: int
    booking_id: int
    booking_reference: str
    client_id: int
    client: str
    label: str
    due_date: datetime.date
    amount: str
    outstanding: str
    currency: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        booking_id = self.booking_id

        booking_reference = self.booking_reference

        client_id = self.client_id

        client = self.client

        label = self.label

        due_date = self.due_date.isoformat()

        amount = self.amount

        outstanding = self.outstanding

        currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "booking_id": booking_id,
                "booking_reference": booking_reference,
                "client_id": client_id,
                "client": client,
                "label": label,
                "due_date": due_date,
                "amount": amount,
                "outstanding": outstanding,
                "currency": currency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        booking_id = d.pop("booking_id")

        booking_reference = d.pop("booking_reference")

        client_id = d.pop("client_id")

        client = d.pop("client")

        label = d.pop("label")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        amount = d.pop("amount")

        outstanding = d.pop("outstanding")

        currency = d.pop("currency")

        instalment_due = cls(
            id=id,
            booking_id=booking_id,
            booking_reference=booking_reference,
            client_id=client_id,
            client=client,
            label=label,
            due_date=due_date,
            amount=amount,
            outstanding=outstanding,
            currency=currency,
        )

        instalment_due.additional_properties = d
        return instalment_due

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
