from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LineItem")


@_attrs_define
class LineItem:
    """A priced line of an option; optional lines are extras the client may tick.

    Attributes:
        id (int):
        description (str):
        quantity (int):
        unit_price (str):
        amount (str): quantity x unit_price.
        optional (bool):
    """

    id: int
    description: str
    quantity: int
    unit_price: str
    amount: str
    optional: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        description = self.description

        quantity = self.quantity

        unit_price = self.unit_price

        amount = self.amount

        optional = self.optional

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "description": description,
                "quantity": quantity,
                "unit_price": unit_price,
                "amount": amount,
                "optional": optional,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        description = d.pop("description")

        quantity = d.pop("quantity")

        unit_price = d.pop("unit_price")

        amount = d.pop("amount")

        optional = d.pop("optional")

        line_item = cls(
            id=id,
            description=description,
            quantity=quantity,
            unit_price=unit_price,
            amount=amount,
            optional=optional,
        )

        line_item.additional_properties = d
        return line_item

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
