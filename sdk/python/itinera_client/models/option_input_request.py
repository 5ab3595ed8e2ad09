from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.line_item_input_request import LineItemInputRequest


T = TypeVar("T", bound="OptionInputRequest")


@_attrs_define
class OptionInputRequest:
    """
    Attributes:
        title (str):
        description (str | Unset):
        lines (list[LineItemInputRequest] | Unset):
    """

    title: str
    description: str | Unset = UNSET
    lines: list[LineItemInputRequest] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if lines is not UNSET:
            field_dict["lines"] = lines

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_item_input_request import LineItemInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        description = d.pop("description", UNSET)

        _lines = d.pop("lines", UNSET)
        lines: list[LineItemInputRequest] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = LineItemInputRequest.from_dict(lines_item_data)

                lines.append(lines_item)

        option_input_request = cls(
            title=title,
            description=description,
            lines=lines,
        )

        return option_input_request
