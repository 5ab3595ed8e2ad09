from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LineItemInputRequest")


@_attrs_define
class LineItemInputRequest:
    """
    Attributes:
        description (str):
        unit_price (str):
        quantity (int | Unset):
        optional (bool | Unset): An extra; false by default.
    """

    description: str
    unit_price: str
    quantity: int | Unset = UNSET
    optional: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        unit_price = self.unit_price

        quantity = self.quantity

        optional = self.optional

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "description": description,
                "unit_price": unit_price,
            }
        )
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if optional is not UNSET:
            field_dict["optional"] = optional

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        unit_price = d.pop("unit_price")

        quantity = d.pop("quantity", UNSET)

        optional = d.pop("optional", UNSET)

        line_item_input_request = cls(
            description=description,
            unit_price=unit_price,
            quantity=quantity,
            optional=optional,
        )

        line_item_input_request.additional_properties = d
        return line_item_input_request

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
