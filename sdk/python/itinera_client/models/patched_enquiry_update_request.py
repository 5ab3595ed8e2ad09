from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

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
            puts it in progress. Must be the id of a record of your agency: any other id is a 422 naming it (a schema cannot
            say which ids exist).
    """

    status: EnquiryStatusEnum | Unset = UNSET
    assigned_to_id: int | None | Unset = UNSET

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

        return patched_enquiry_update_request
