from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.acceptance_choice_type_0_lines_item import AcceptanceChoiceType0LinesItem


T = TypeVar("T", bound="AcceptanceChoiceType0")


@_attrs_define
class AcceptanceChoiceType0:
    """The option picked and the extras ticked, priced from the frozen version; null for a version without options.

    Attributes:
        option_id (int): The option's id in the version.
        title (str):
        extras (list[int]):
        lines (list[AcceptanceChoiceType0LinesItem]):
        total (str):  Example: 7550.00.
    """

    option_id: int
    title: str
    extras: list[int]
    lines: list[AcceptanceChoiceType0LinesItem]
    total: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        option_id = self.option_id

        title = self.title

        extras = self.extras

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "option_id": option_id,
                "title": title,
                "extras": extras,
                "lines": lines,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acceptance_choice_type_0_lines_item import AcceptanceChoiceType0LinesItem  # noqa: PLC0415

        d = dict(src_dict)
        option_id = d.pop("option_id")

        title = d.pop("title")

        extras = cast(list[int], d.pop("extras"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = AcceptanceChoiceType0LinesItem.from_dict(lines_item_data)

            lines.append(lines_item)

        total = d.pop("total")

        acceptance_choice_type_0 = cls(
            option_id=option_id,
            title=title,
            extras=extras,
            lines=lines,
            total=total,
        )

        acceptance_choice_type_0.additional_properties = d
        return acceptance_choice_type_0

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
