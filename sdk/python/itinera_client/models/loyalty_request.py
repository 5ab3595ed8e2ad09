from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="LoyaltyRequest")


@_attrs_define
class LoyaltyRequest:
    """
    Attributes:
        programme (str):
        number (str):
    """

    programme: str
    number: str

    def to_dict(self) -> dict[str, Any]:
        programme = self.programme

        number = self.number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "programme": programme,
                "number": number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        programme = d.pop("programme")

        number = d.pop("number")

        loyalty_request = cls(
            programme=programme,
            number=number,
        )

        return loyalty_request
