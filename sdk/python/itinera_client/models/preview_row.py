from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.preview_row_client import PreviewRowClient


T = TypeVar("T", bound="PreviewRow")


@_attrs_define
class PreviewRow:
    """
    Attributes:
        line (int):
        client (PreviewRowClient): The client fields the row would import.
        problems (list[str]): Why the row would fail (empty: it imports).
        duplicate_ids (list[int]):
    """

    line: int
    client: PreviewRowClient
    problems: list[str]
    duplicate_ids: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line = self.line

        client = self.client.to_dict()

        problems = self.problems

        duplicate_ids = self.duplicate_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line": line,
                "client": client,
                "problems": problems,
                "duplicate_ids": duplicate_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preview_row_client import PreviewRowClient  # noqa: PLC0415

        d = dict(src_dict)
        line = d.pop("line")

        client = PreviewRowClient.from_dict(d.pop("client"))

        problems = cast(list[str], d.pop("problems"))

        duplicate_ids = cast(list[int], d.pop("duplicate_ids"))

        preview_row = cls(
            line=line,
            client=client,
            problems=problems,
            duplicate_ids=duplicate_ids,
        )

        preview_row.additional_properties = d
        return preview_row

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
