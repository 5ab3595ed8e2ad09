from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ContactInputRequest")


@_attrs_define
class ContactInputRequest:
    """
    Attributes:
        contact_id (int): A person among your clients. Must be the id of a record of your agency: any other id is a 422
            naming it (a schema cannot say which ids exist).
    """

    contact_id: int

    def to_dict(self) -> dict[str, Any]:
        contact_id = self.contact_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact_id": contact_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contact_id = d.pop("contact_id")

        contact_input_request = cls(
            contact_id=contact_id,
        )

        return contact_input_request
