from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.month import Month


T = TypeVar("T", bound="MonthlyReport")


@_attrs_define
class MonthlyReport:
    """One row per month and currency, every month of the range present (zeros in the agency's
    currency when nothing was sold).

        Attributes:
            date_from (str): The first month, YYYY-MM.
            date_to (str): The last month, YYYY-MM.
            months (list[Month]):
    """

    date_from: str
    date_to: str
    months: list[Month]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date_from = self.date_from

        date_to = self.date_to

        months = []
        for months_item_data in self.months:
            months_item = months_item_data.to_dict()
            months.append(months_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date_from": date_from,
                "date_to": date_to,
                "months": months,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.month import Month  # noqa: PLC0415

        d = dict(src_dict)
        date_from = d.pop("date_from")

        date_to = d.pop("date_to")

        months = []
        _months = d.pop("months")
        for months_item_data in _months:
            months_item = Month.from_dict(months_item_data)

            months.append(months_item)

        monthly_report = cls(
            date_from=date_from,
            date_to=date_to,
            months=months,
        )

        monthly_report.additional_properties = d
        return monthly_report

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
