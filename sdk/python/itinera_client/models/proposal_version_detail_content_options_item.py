from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.proposal_version_detail_content_options_item_lines_item import (
        ProposalVersionDetailContentOptionsItemLinesItem,
    )


T = TypeVar("T", bound="ProposalVersionDetailContentOptionsItem")


@_attrs_define
class ProposalVersionDetailContentOptionsItem:
    """
    Attributes:
        id (int):
        title (str):
        description (str):
        total (str):  Example: 2980.00.
        lines (list[ProposalVersionDetailContentOptionsItemLinesItem]):
    """

    id: int
    title: str
    description: str
    total: str
    lines: list[ProposalVersionDetailContentOptionsItemLinesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        description = self.description

        total = self.total

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "description": description,
                "total": total,
                "lines": lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.proposal_version_detail_content_options_item_lines_item import (
            ProposalVersionDetailContentOptionsItemLinesItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        description = d.pop("description")

        total = d.pop("total")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ProposalVersionDetailContentOptionsItemLinesItem.from_dict(lines_item_data)

            lines.append(lines_item)

        proposal_version_detail_content_options_item = cls(
            id=id,
            title=title,
            description=description,
            total=total,
            lines=lines,
        )

        proposal_version_detail_content_options_item.additional_properties = d
        return proposal_version_detail_content_options_item

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
