from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SupplierCommission")


@_attrs_define
class SupplierCommission:
    """Read-only serializer whose ``to_representation`` runs a precompiled plan.

    Attributes:
        supplier_id (int | None): Null: services without a supplier.
        supplier (str):
        currency (str):
        services (int): Services with commission outstanding.
        expected (str):
        received (str):
        outstanding (str):
    """

    supplier_id: int | None
    supplier: str
    currency: str
    services: int
    expected: str
    received: str
    outstanding: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        supplier_id: int | None
        supplier_id = self.supplier_id

        supplier = self.supplier

        currency = self.currency

        services = self.services

        expected = self.expected

        received = self.received

        outstanding = self.outstanding

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "supplier_id": supplier_id,
                "supplier": supplier,
                "currency": currency,
                "services": services,
                "expected": expected,
                "received": received,
                "outstanding": outstanding,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_supplier_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        supplier_id = _parse_supplier_id(d.pop("supplier_id"))

        supplier = d.pop("supplier")

        currency = d.pop("currency")

        services = d.pop("services")

        expected = d.pop("expected")

        received = d.pop("received")

        outstanding = d.pop("outstanding")

        supplier_commission = cls(
            supplier_id=supplier_id,
            supplier=supplier,
            currency=currency,
            services=services,
            expected=expected,
            received=received,
            outstanding=outstanding,
        )

        supplier_commission.additional_properties = d
        return supplier_commission

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
