from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.conflict_errors import ConflictErrors


T = TypeVar("T", bound="Conflict")


@_attrs_define
class Conflict:
    """A 409 body: what in the record's current state refuses the request (``message``, and
    ``errors`` by field as a 422 has them; none while an Idempotency-Key is in progress).

        Attributes:
            message (str): What went wrong, for a human.
            errors (ConflictErrors | Unset): Field name to messages, e.g. {"payment": ["This payment is already voided."]}.
    """

    message: str
    errors: ConflictErrors | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.conflict_errors import ConflictErrors  # noqa: PLC0415

        d = dict(src_dict)
        message = d.pop("message")

        _errors = d.pop("errors", UNSET)
        errors: ConflictErrors | Unset
        if isinstance(_errors, Unset):
            errors = UNSET
        else:
            errors = ConflictErrors.from_dict(_errors)

        conflict = cls(
            message=message,
            errors=errors,
        )

        conflict.additional_properties = d
        return conflict

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
