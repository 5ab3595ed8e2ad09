from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.priced_by_enum import PricedByEnum

T = TypeVar("T", bound="Financials")


@_attrs_define
class Financials:
    """The booking's figures, derived and never typed, in its one currency.

    Attributes:
        currency (str):
        priced_by (PricedByEnum): * `services` - services
            * `booking` - booking
        services (int): Services counted (not cancelled).
        total_price (str):
        total_cost (str):
        margin (str): total_price - total_cost
        commission_expected (str):
        commission_received (str): The commission receipts of its services.
        commission_outstanding (str): commission_expected - commission_received
        amount_paid (str): The sum of the booking's payments.
        balance_due (str): total_price - amount_paid, never below 0.
        credit_balance (str): amount_paid - total_price when more was paid than the total (a credit), else 0.
    """

    currency: str
    priced_by: PricedByEnum
    services: int
    total_price: str
    total_cost: str
    margin: str
    commission_expected: str
    commission_received: str
    commission_outstanding: str
    amount_paid: str
    balance_due: str
    credit_balance: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        priced_by = self.priced_by.value

        services = self.services

        total_price = self.total_price

        total_cost = self.total_cost

        margin = self.margin

        commission_expected = self.commission_expected

        commission_received = self.commission_received

        commission_outstanding = self.commission_outstanding

        amount_paid = self.amount_paid

        balance_due = self.balance_due

        credit_balance = self.credit_balance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "priced_by": priced_by,
                "services": services,
                "total_price": total_price,
                "total_cost": total_cost,
                "margin": margin,
                "commission_expected": commission_expected,
                "commission_received": commission_received,
                "commission_outstanding": commission_outstanding,
                "amount_paid": amount_paid,
                "balance_due": balance_due,
                "credit_balance": credit_balance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        priced_by = PricedByEnum(d.pop("priced_by"))

        services = d.pop("services")

        total_price = d.pop("total_price")

        total_cost = d.pop("total_cost")

        margin = d.pop("margin")

        commission_expected = d.pop("commission_expected")

        commission_received = d.pop("commission_received")

        commission_outstanding = d.pop("commission_outstanding")

        amount_paid = d.pop("amount_paid")

        balance_due = d.pop("balance_due")

        credit_balance = d.pop("credit_balance")

        financials = cls(
            currency=currency,
            priced_by=priced_by,
            services=services,
            total_price=total_price,
            total_cost=total_cost,
            margin=margin,
            commission_expected=commission_expected,
            commission_received=commission_received,
            commission_outstanding=commission_outstanding,
            amount_paid=amount_paid,
            balance_due=balance_due,
            credit_balance=credit_balance,
        )

        financials.additional_properties = d
        return financials

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
