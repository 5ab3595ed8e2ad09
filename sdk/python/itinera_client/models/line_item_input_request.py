from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

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

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        unit_price = self.unit_price

        quantity = self.quantity

        optional = self.optional

        field_dict: dict[str, Any] = {}

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

        return line_item_input_request
