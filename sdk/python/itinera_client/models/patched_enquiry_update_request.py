from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enquiry_status_enum import EnquiryStatusEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedEnquiryUpdateRequest")


@_attrs_define
class PatchedEnquiryUpdateRequest:
    """
    Attributes:
        status (EnquiryStatusEnum | Unset): * `new` - New
            * `in_progress` - In progress
            * `converted` - Converted
            * `closed` - Closed
        assigned_to_id (int | None | Unset): An active member of the agency, or null for nobody. Assigning a new enquiry
            puts it in progress.
    """

    status: EnquiryStatusEnum | Unset = UNSET
    assigned_to_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        assigned_to_id: int | None | Unset
        if isinstance(self.assigned_to_id, Unset):
            assigned_to_id = UNSET
        else:
            assigned_to_id = self.assigned_to_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if assigned_to_id is not UNSET:
            field_dict["assigned_to_id"] = assigned_to_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _status = d.pop("status", UNSET)
        status: EnquiryStatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = EnquiryStatusEnum(_status)

        def _parse_assigned_to_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        assigned_to_id = _parse_assigned_to_id(d.pop("assigned_to_id", UNSET))

        patched_enquiry_update_request = cls(
            status=status,
            assigned_to_id=assigned_to_id,
        )

        patched_enquiry_update_request.additional_properties = d
        return patched_enquiry_update_request

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
