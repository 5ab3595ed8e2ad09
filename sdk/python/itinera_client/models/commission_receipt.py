from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CommissionReceipt")


@_attrs_define
class CommissionReceipt:
    """Commission received from a supplier for one booked service; a voided receipt stays
    listed and counts for nothing.

        Attributes:
            id (int):
            service_id (int):
            booking_id (int):
            supplier_id (int | None): The service's supplier when it was received.
            amount (str):
            currency (str):
            received_on (datetime.date):
            reference (str): The supplier's remittance or statement reference.
            note (str):
            recorded_by_id (int | None):
            is_voided (bool):
            voided_at (datetime.datetime | None):
            void_reason (str):
            created_at (datetime.datetime):
    """

    id: int
    service_id: int
    booking_id: int
    supplier_id: int | None
    amount: str
    currency: str
    received_on: datetime.date
    reference: str
    note: str
    recorded_by_id: int | None
    is_voided: bool
    voided_at: datetime.datetime | None
    void_reason: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        service_id = self.service_id

        booking_id = self.booking_id

        supplier_id: int | None
        supplier_id = self.supplier_id

        amount = self.amount

        currency = self.currency

        received_on = self.received_on.isoformat()

        reference = self.reference

        note = self.note

        recorded_by_id: int | None
        recorded_by_id = self.recorded_by_id

        is_voided = self.is_voided

        voided_at: None | str
        if isinstance(self.voided_at, datetime.datetime):
            voided_at = self.voided_at.isoformat()
        else:
            voided_at = self.voided_at

        void_reason = self.void_reason

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service_id": service_id,
                "booking_id": booking_id,
                "supplier_id": supplier_id,
                "amount": amount,
                "currency": currency,
                "received_on": received_on,
                "reference": reference,
                "note": note,
                "recorded_by_id": recorded_by_id,
                "is_voided": is_voided,
                "voided_at": voided_at,
                "void_reason": void_reason,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        service_id = d.pop("service_id")

        booking_id = d.pop("booking_id")

        def _parse_supplier_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        supplier_id = _parse_supplier_id(d.pop("supplier_id"))

        amount = d.pop("amount")

        currency = d.pop("currency")

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        reference = d.pop("reference")

        note = d.pop("note")

        def _parse_recorded_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        recorded_by_id = _parse_recorded_by_id(d.pop("recorded_by_id"))

        is_voided = d.pop("is_voided")

        def _parse_voided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                voided_at_type_0 = datetime.datetime.fromisoformat(data)

                return voided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        voided_at = _parse_voided_at(d.pop("voided_at"))

        void_reason = d.pop("void_reason")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        commission_receipt = cls(
            id=id,
            service_id=service_id,
            booking_id=booking_id,
            supplier_id=supplier_id,
            amount=amount,
            currency=currency,
            received_on=received_on,
            reference=reference,
            note=note,
            recorded_by_id=recorded_by_id,
            is_voided=is_voided,
            voided_at=voided_at,
            void_reason=void_reason,
            created_at=created_at,
        )

        commission_receipt.additional_properties = d
        return commission_receipt

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
