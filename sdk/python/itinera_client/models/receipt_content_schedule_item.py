from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReceiptContentScheduleItem")


@_attrs_define
class ReceiptContentScheduleItem:
    """
    Attributes:
        label (str):
        due_date (datetime.date):
        amount (str):
        paid (str):
        state (str):
    """

    label: str
    due_date: datetime.date
    amount: str
    paid: str
    state: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        due_date = self.due_date.isoformat()

        amount = self.amount

        paid = self.paid

        state = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "label": label,
                "due_date": due_date,
                "amount": amount,
                "paid": paid,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        amount = d.pop("amount")

        paid = d.pop("paid")

        state = d.pop("state")

        receipt_content_schedule_item = cls(
            label=label,
            due_date=due_date,
            amount=amount,
            paid=paid,
            state=state,
        )

        receipt_content_schedule_item.additional_properties = d
        return receipt_content_schedule_item

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
