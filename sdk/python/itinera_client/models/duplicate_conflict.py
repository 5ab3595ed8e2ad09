from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.duplicate_conflict_errors import DuplicateConflictErrors
    from ..models.duplicate_match import DuplicateMatch


T = TypeVar("T", bound="DuplicateConflict")


@_attrs_define
class DuplicateConflict:
    """A create refused because the client may exist already (``duplicates``), or any other
    409 of a create (an Idempotency-Key: ``errors``, or none while it is in progress).

        Attributes:
            message (str): What went wrong, for a human.
            errors (DuplicateConflictErrors | Unset): Field name to messages, e.g. {"payment": ["This payment is already
                voided."]}.
            duplicates (list[DuplicateMatch] | Unset):
    """

    message: str
    errors: DuplicateConflictErrors | Unset = UNSET
    duplicates: list[DuplicateMatch] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors.to_dict()

        duplicates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.duplicates, Unset):
            duplicates = []
            for duplicates_item_data in self.duplicates:
                duplicates_item = duplicates_item_data.to_dict()
                duplicates.append(duplicates_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors
        if duplicates is not UNSET:
            field_dict["duplicates"] = duplicates

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.duplicate_conflict_errors import DuplicateConflictErrors  # noqa: PLC0415
        from ..models.duplicate_match import DuplicateMatch  # noqa: PLC0415

        d = dict(src_dict)
        message = d.pop("message")

        _errors = d.pop("errors", UNSET)
        errors: DuplicateConflictErrors | Unset
        if isinstance(_errors, Unset):
            errors = UNSET
        else:
            errors = DuplicateConflictErrors.from_dict(_errors)

        _duplicates = d.pop("duplicates", UNSET)
        duplicates: list[DuplicateMatch] | Unset = UNSET
        if _duplicates is not UNSET:
            duplicates = []
            for duplicates_item_data in _duplicates:
                duplicates_item = DuplicateMatch.from_dict(duplicates_item_data)

                duplicates.append(duplicates_item)

        duplicate_conflict = cls(
            message=message,
            errors=errors,
            duplicates=duplicates,
        )

        duplicate_conflict.additional_properties = d
        return duplicate_conflict

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
