from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.instalment import Instalment


T = TypeVar("T", bound="Schedule")


@_attrs_define
class Schedule:
    """The payment schedule. `matches_total` is false (with a `warning`) when the booking's total
    changed after the schedule was set.

        Attributes:
            is_set (bool):
            total (str): The instalments' sum.
            currency (str):
            matches_total (bool):
            warning (str):
            instalments (list[Instalment]):
    """

    is_set: bool
    total: str
    currency: str
    matches_total: bool
    warning: str
    instalments: list[Instalment]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        is_set = self.is_set

        total = self.total

        currency = self.currency

        matches_total = self.matches_total

        warning = self.warning

        instalments = []
        for instalments_item_data in self.instalments:
            instalments_item = instalments_item_data.to_dict()
            instalments.append(instalments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "is_set": is_set,
                "total": total,
                "currency": currency,
                "matches_total": matches_total,
                "warning": warning,
                "instalments": instalments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.instalment import Instalment  # noqa: PLC0415

        d = dict(src_dict)
        is_set = d.pop("is_set")

        total = d.pop("total")

        currency = d.pop("currency")

        matches_total = d.pop("matches_total")

        warning = d.pop("warning")

        instalments = []
        _instalments = d.pop("instalments")
        for instalments_item_data in _instalments:
            instalments_item = Instalment.from_dict(instalments_item_data)

            instalments.append(instalments_item)

        schedule = cls(
            is_set=is_set,
            total=total,
            currency=currency,
            matches_total=matches_total,
            warning=warning,
            instalments=instalments,
        )

        schedule.additional_properties = d
        return schedule

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
