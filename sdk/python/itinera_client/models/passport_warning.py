from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PassportWarning")


@_attrs_define
class PassportWarning:
    """A named traveller whose passport expires before six months after the trip's return.

    Attributes:
        traveller_id (int):
        name (str):
        passport_expires_on (datetime.date | None):
        message (str):
    """

    traveller_id: int
    name: str
    passport_expires_on: datetime.date | None
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        traveller_id = self.traveller_id

        name = self.name

        passport_expires_on: None | str
        if isinstance(self.passport_expires_on, datetime.date):
            passport_expires_on = self.passport_expires_on.isoformat()
        else:
            passport_expires_on = self.passport_expires_on

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "traveller_id": traveller_id,
                "name": name,
                "passport_expires_on": passport_expires_on,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        traveller_id = d.pop("traveller_id")

        name = d.pop("name")

        def _parse_passport_expires_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                passport_expires_on_type_0 = datetime.date.fromisoformat(data)

                return passport_expires_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        passport_expires_on = _parse_passport_expires_on(d.pop("passport_expires_on"))

        message = d.pop("message")

        passport_warning = cls(
            traveller_id=traveller_id,
            name=name,
            passport_expires_on=passport_expires_on,
            message=message,
        )

        passport_warning.additional_properties = d
        return passport_warning

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
