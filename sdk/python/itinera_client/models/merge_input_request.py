from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MergeInputRequest")


@_attrs_define
class MergeInputRequest:
    """
    Attributes:
        duplicate_id (int): The client merged into this one (deleted once emptied). Must be the id of a record of your
            agency: any other id is a 422 naming it (a schema cannot say which ids exist).
    """

    duplicate_id: int

    def to_dict(self) -> dict[str, Any]:
        duplicate_id = self.duplicate_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "duplicate_id": duplicate_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        duplicate_id = d.pop("duplicate_id")

        merge_input_request = cls(
            duplicate_id=duplicate_id,
        )

        return merge_input_request
