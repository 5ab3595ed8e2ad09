from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="InstalmentInputRequest")


@_attrs_define
class InstalmentInputRequest:
    """
    Attributes:
        due_date (datetime.date):
        amount (str):
        label (str | Unset): `Instalment N` when empty.
    """

    due_date: datetime.date
    amount: str
    label: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        due_date = self.due_date.isoformat()

        amount = self.amount

        label = self.label

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "due_date": due_date,
                "amount": amount,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        amount = d.pop("amount")

        label = d.pop("label", UNSET)

        instalment_input_request = cls(
            due_date=due_date,
            amount=amount,
            label=label,
        )

        return instalment_input_request
