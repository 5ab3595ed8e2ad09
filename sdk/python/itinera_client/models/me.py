from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.me_agency import MeAgency
    from ..models.me_counts import MeCounts
    from ..models.me_user import MeUser


T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """Your account summary and record counts.

    Attributes:
        user (MeUser): The user the token acts as.
        agency (MeAgency): The agency (tenant) every request is scoped to.
        counts (MeCounts): How many records your agency holds.
    """

    user: MeUser
    agency: MeAgency
    counts: MeCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user = self.user.to_dict()

        agency = self.agency.to_dict()

        counts = self.counts.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user": user,
                "agency": agency,
                "counts": counts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.me_agency import MeAgency  # noqa: PLC0415
        from ..models.me_counts import MeCounts  # noqa: PLC0415
        from ..models.me_user import MeUser  # noqa: PLC0415

        d = dict(src_dict)
        user = MeUser.from_dict(d.pop("user"))

        agency = MeAgency.from_dict(d.pop("agency"))

        counts = MeCounts.from_dict(d.pop("counts"))

        me = cls(
            user=user,
            agency=agency,
            counts=counts,
        )

        me.additional_properties = d
        return me

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
