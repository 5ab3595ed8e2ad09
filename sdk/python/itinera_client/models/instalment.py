from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.instalment_state_enum import InstalmentStateEnum

T = TypeVar("T", bound="Instalment")


@_attrs_define
class Instalment:
    """One instalment; `paid` is what the booking's payments cover of it (allocated in due-date
    order) and `state` follows from it: `paid`, `part_paid`, `due`, or `overdue` (past its date
    and not covered).

        Attributes:
            id (int):
            label (str):
            due_date (datetime.date):
            amount (str):
            paid (str):
            outstanding (str):
            state (InstalmentStateEnum): * `paid` - Paid
                * `part_paid` - Part paid
                * `due` - Due
                * `overdue` - Overdue
    """

    id: int
    label: str
    due_date: datetime.date
    amount: str
    paid: str
    outstanding: str
    state: InstalmentStateEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        label = self.label

        due_date = self.due_date.isoformat()

        amount = self.amount

        paid = self.paid

        outstanding = self.outstanding

        state = self.state.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "label": label,
                "due_date": due_date,
                "amount": amount,
                "paid": paid,
                "outstanding": outstanding,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        label = d.pop("label")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        amount = d.pop("amount")

        paid = d.pop("paid")

        outstanding = d.pop("outstanding")

        state = InstalmentStateEnum(d.pop("state"))

        instalment = cls(
            id=id,
            label=label,
            due_date=due_date,
            amount=amount,
            paid=paid,
            outstanding=outstanding,
            state=state,
        )

        instalment.additional_properties = d
        return instalment

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
