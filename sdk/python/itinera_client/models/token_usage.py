from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.usage_day import UsageDay


T = TypeVar("T", bound="TokenUsage")


@_attrs_define
class TokenUsage:
    """The calling token's requests per day, oldest first, every day present (0 when idle).

    Attributes:
        token_id (int):
        name (str):
        prefix (str):
        rate_limit (int): Requests per minute.
        total (int): Requests over the whole period.
        days (list[UsageDay]):
    """

    token_id: int
    name: str
    prefix: str
    rate_limit: int
    total: int
    days: list[UsageDay]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        token_id = self.token_id

        name = self.name

        prefix = self.prefix

        rate_limit = self.rate_limit

        total = self.total

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "token_id": token_id,
                "name": name,
                "prefix": prefix,
                "rate_limit": rate_limit,
                "total": total,
                "days": days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.usage_day import UsageDay  # noqa: PLC0415

        d = dict(src_dict)
        token_id = d.pop("token_id")

        name = d.pop("name")

        prefix = d.pop("prefix")

        rate_limit = d.pop("rate_limit")

        total = d.pop("total")

        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = UsageDay.from_dict(days_item_data)

            days.append(days_item)

        token_usage = cls(
            token_id=token_id,
            name=name,
            prefix=prefix,
            rate_limit=rate_limit,
            total=total,
            days=days,
        )

        token_usage.additional_properties = d
        return token_usage

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
