from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Month")


@_attrs_define
class Month:
    """Read-only serializer whose ``to_representation`` runs a precompiled plan.

    Attributes:
        month (str): YYYY-MM, in the agency's timezone.
        currency (str):
        bookings (int): Bookings created that month, not cancelled.
        sales (str): Their total price.
        cost (str):
        margin (str): sales - cost
        commission_expected (str):
        commission_received (str):
        commission_outstanding (str):
    """

    month: str
    currency: str
    bookings: int
    sales: str
    cost: str
    margin: str
    commission_expected: str
    commission_received: str
    commission_outstanding: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        month = self.month

        currency = self.currency

        bookings = self.bookings

        sales = self.sales

        cost = self.cost

        margin = self.margin

        commission_expected = self.commission_expected

        commission_received = self.commission_received

        commission_outstanding = self.commission_outstanding

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "month": month,
                "currency": currency,
                "bookings": bookings,
                "sales": sales,
                "cost": cost,
                "margin": margin,
                "commission_expected": commission_expected,
                "commission_received": commission_received,
                "commission_outstanding": commission_outstanding,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        month = d.pop("month")

        currency = d.pop("currency")

        bookings = d.pop("bookings")

        sales = d.pop("sales")

        cost = d.pop("cost")

        margin = d.pop("margin")

        commission_expected = d.pop("commission_expected")

        commission_received = d.pop("commission_received")

        commission_outstanding = d.pop("commission_outstanding")

        month = cls(
            month=month,
            currency=currency,
            bookings=bookings,
            sales=sales,
            cost=cost,
            margin=margin,
            commission_expected=commission_expected,
            commission_received=commission_received,
            commission_outstanding=commission_outstanding,
        )

        month.additional_properties = d
        return month

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
