from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.blank_enum import BlankEnum
from ..models.payment_method_enum import PaymentMethodEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedPaymentUpdateRequest")


@_attrs_define
class PatchedPaymentUpdateRequest:
    """
    Attributes:
        reason (str): Why it is corrected: required, kept in the history (`payment.updated`).
        amount (str | Unset):
        paid_on (datetime.date | Unset): Today or earlier (the agency's today): a later date is a 422 (a schema compares
            a date with constants only, not with today).
        method (BlankEnum | PaymentMethodEnum | Unset):
        method_detail (str | Unset):
        reference (str | Unset):
        notes (str | Unset):
        as_credit (bool | Unset):
    """

    reason: str
    amount: str | Unset = UNSET
    paid_on: datetime.date | Unset = UNSET
    method: BlankEnum | PaymentMethodEnum | Unset = UNSET
    method_detail: str | Unset = UNSET
    reference: str | Unset = UNSET
    notes: str | Unset = UNSET
    as_credit: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        amount = self.amount

        paid_on: str | Unset = UNSET
        if not isinstance(self.paid_on, Unset):
            paid_on = self.paid_on.isoformat()

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
                "reason": reason,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if paid_on is not UNSET:
            field_dict["paid_on"] = paid_on
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
        reason = d.pop("reason")

        amount = d.pop("amount", UNSET)

        _paid_on = d.pop("paid_on", UNSET)
        paid_on: datetime.date | Unset
        if isinstance(_paid_on, Unset):
            paid_on = UNSET
        else:
            paid_on = datetime.date.fromisoformat(_paid_on)

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

        patched_payment_update_request = cls(
            reason=reason,
            amount=amount,
            paid_on=paid_on,
            method=method,
            method_detail=method_detail,
            reference=reference,
            notes=notes,
            as_credit=as_credit,
        )

        return patched_payment_update_request
