from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReceiptInputRequest")


@_attrs_define
class ReceiptInputRequest:
    """
    Attributes:
        payment_id (int): A payment of this booking (not a refund, not voided). Must be the id of a record of your
            agency: any other id is a 422 naming it (a schema cannot say which ids exist).
    """

    payment_id: int

    def to_dict(self) -> dict[str, Any]:
        payment_id = self.payment_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "payment_id": payment_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        payment_id = d.pop("payment_id")

        receipt_input_request = cls(
            payment_id=payment_id,
        )

        return receipt_input_request
