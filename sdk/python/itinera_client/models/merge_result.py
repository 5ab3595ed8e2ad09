from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.merge_result_client import MergeResultClient
    from ..models.merge_result_moved import MergeResultMoved


T = TypeVar("T", bound="MergeResult")


@_attrs_define
class MergeResult:
    """
    Attributes:
        merged_id (int): The id the merged client had; it answers 404 from now on.
        moved (MergeResultMoved): Rows moved to this client, by kind: {"bookings": 2, "history entries": 9}.
        client (MergeResultClient): The surviving client, as `GET /clients/{id}`.
    """

    merged_id: int
    moved: MergeResultMoved
    client: MergeResultClient
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        merged_id = self.merged_id

        moved = self.moved.to_dict()

        client = self.client.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "merged_id": merged_id,
                "moved": moved,
                "client": client,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merge_result_client import MergeResultClient  # noqa: PLC0415
        from ..models.merge_result_moved import MergeResultMoved  # noqa: PLC0415

        d = dict(src_dict)
        merged_id = d.pop("merged_id")

        moved = MergeResultMoved.from_dict(d.pop("moved"))

        client = MergeResultClient.from_dict(d.pop("client"))

        merge_result = cls(
            merged_id=merged_id,
            moved=moved,
            client=client,
        )

        merge_result.additional_properties = d
        return merge_result

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
