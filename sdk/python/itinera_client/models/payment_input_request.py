from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.blank_enum import BlankEnum
from ..models.currency_code import CurrencyCode
from ..models.payment_kind_enum import PaymentKindEnum
from ..models.payment_method_enum import PaymentMethodEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PaymentInputRequest")


@_attrs_define
class PaymentInputRequest:
    """
    Attributes:
        amount (str):
        kind (PaymentKindEnum | Unset): * `payment` - Payment
            * `refund` - Refund
        paid_on (datetime.date | Unset): Today or earlier (the agency's today); today when omitted. A later date is a
            422 (a schema compares a date with constants only, not with today).
        currency (CurrencyCode | Unset): An ISO 4217 code (see `/lookups/currencies`).
        method (BlankEnum | PaymentMethodEnum | Unset):
        method_detail (str | Unset):
        reference (str | Unset):
        notes (str | Unset):
        as_credit (bool | Unset): A payment larger than the balance due is a 409 naming the balance unless this is true:
            the booking then shows a `credit_balance`.
    """

    amount: str
    kind: PaymentKindEnum | Unset = UNSET
    paid_on: datetime.date | Unset = UNSET
    currency: CurrencyCode | Unset = UNSET
    method: BlankEnum | PaymentMethodEnum | Unset = UNSET
    method_detail: str | Unset = UNSET
    reference: str | Unset = UNSET
    notes: str | Unset = UNSET
    as_credit: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        paid_on: str | Unset = UNSET
        if not isinstance(self.paid_on, Unset):
            paid_on = self.paid_on.isoformat()

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency.value

        method: str | Unset
        if isinstance(self.method, Unset):
            method = UNSET
        elif isinstance(self.method, PaymentMethodEnum):
            method = self.method.value
        else:
            method = self.method.value

        method_detail = self.method_detail

        reference = self.reference

        notes = self.notes

        as_credit = self.as_credit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if paid_on is not UNSET:
            field_dict["paid_on"] = paid_on
        if currency is not UNSET:
            field_dict["currency"] = currency
        if method is not UNSET:
            field_dict["method"] = method
        if method_detail is not UNSET:
            field_dict["method_detail"] = method_detail
        if reference is not UNSET:
            field_dict["reference"] = reference
        if notes is not UNSET:
            field_dict["notes"] = notes
        if as_credit is not UNSET:
            field_dict["as_credit"] = as_credit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        _kind = d.pop("kind", UNSET)
        kind: PaymentKindEnum | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = PaymentKindEnum(_kind)

        _paid_on = d.pop("paid_on", UNSET)
        paid_on: datetime.date | Unset
        if isinstance(_paid_on, Unset):
            paid_on = UNSET
        else:
            paid_on = datetime.date.fromisoformat(_paid_on)

        _currency = d.pop("currency", UNSET)
        currency: CurrencyCode | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = CurrencyCode(_currency)

        def _parse_method(data: object) -> BlankEnum | PaymentMethodEnum | Unset:
            if isinstance(data, Unset):
                return data
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

        method = _parse_method(d.pop("method", UNSET))

        method_detail = d.pop("method_detail", UNSET)

        reference = d.pop("reference", UNSET)

        notes = d.pop("notes", UNSET)

        as_credit = d.pop("as_credit", UNSET)

        payment_input_request = cls(
            amount=amount,
            kind=kind,
            paid_on=paid_on,
            currency=currency,
            method=method,
            method_detail=method_detail,
            reference=reference,
            notes=notes,
            as_credit=as_credit,
        )

        return payment_input_request
