from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.blank_enum import BlankEnum
from ..models.payment_kind_enum import PaymentKindEnum
from ..models.payment_method_enum import PaymentMethodEnum

T = TypeVar("T", bound="Payment")


@_attrs_define
class Payment:
    """A payment received, or a refund paid back; a voided entry stays listed and counts for
    nothing in `amount_paid`.

        Attributes:
            id (int):
            booking_id (int):
            kind (PaymentKindEnum): * `payment` - Payment
                * `refund` - Refund
            amount (str):
            currency (str):
            paid_on (datetime.date):
            method (BlankEnum | PaymentMethodEnum):
            method_detail (str): What `other` was, or the card's type.
            reference (str):
            notes (str):
            is_credit (bool): Recorded explicitly as a credit: it took the booking past its total.
            is_voided (bool):
            voided_at (datetime.datetime | None):
            void_reason (str):
            recorded_by_id (int | None):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
    """

    id: int
    booking_id: int
    kind: PaymentKindEnum
    amount: str
    currency: str
    paid_on: datetime.date
    method: BlankEnum | PaymentMethodEnum
    method_detail: str
    reference: str
    notes: str
    is_credit: bool
    is_voided: bool
    voided_at: datetime.datetime | None
    void_reason: str
    recorded_by_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        booking_id = self.booking_id

        kind = self.kind.value

        amount = self.amount

        currency = self.currency

        paid_on = self.paid_on.isoformat()

        method: str
        if isinstance(self.method, PaymentMethodEnum):
            method = self.method.value
        else:
            method = self.method.value

        method_detail = self.method_detail

        reference = self.reference

        notes = self.notes

        is_credit = self.is_credit

        is_voided = self.is_voided

        voided_at: None | str
        if isinstance(self.voided_at, datetime.datetime):
            voided_at = self.voided_at.isoformat()
        else:
            voided_at = self.voided_at

        void_reason = self.void_reason

        recorded_by_id: int | None
        recorded_by_id = self.recorded_by_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "booking_id": booking_id,
                "kind": kind,
                "amount": amount,
                "currency": currency,
                "paid_on": paid_on,
                "method": method,
                "method_detail": method_detail,
                "reference": reference,
                "notes": notes,
                "is_credit": is_credit,
                "is_voided": is_voided,
                "voided_at": voided_at,
                "void_reason": void_reason,
                "recorded_by_id": recorded_by_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        booking_id = d.pop("booking_id")

        kind = PaymentKindEnum(d.pop("kind"))

        amount = d.pop("amount")

        currency = d.pop("currency")

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        def _parse_method(data: object) -> BlankEnum | PaymentMethodEnum:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                method_type_0 = PaymentMethodEnum(data)

                return method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            method_type_1 = BlankEnum(data)

            return method_type_1

        method = _parse_method(d.pop("method"))

        method_detail = d.pop("method_detail")

        reference = d.pop("reference")

        notes = d.pop("notes")

        is_credit = d.pop("is_credit")

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

        def _parse_recorded_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        recorded_by_id = _parse_recorded_by_id(d.pop("recorded_by_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        payment = cls(
            id=id,
            booking_id=booking_id,
            kind=kind,
            amount=amount,
            currency=currency,
            paid_on=paid_on,
            method=method,
            method_detail=method_detail,
            reference=reference,
            notes=notes,
            is_credit=is_credit,
            is_voided=is_voided,
            voided_at=voided_at,
            void_reason=void_reason,
            recorded_by_id=recorded_by_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        payment.additional_properties = d
        return payment

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
