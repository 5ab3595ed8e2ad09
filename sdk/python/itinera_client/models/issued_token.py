from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IssuedToken")


@_attrs_define
class IssuedToken:
    """A new token: `token` is shown in this answer only, never again.

    Attributes:
        id (int):
        name (str):
        token (str): `itn_<key>.<secret>`: shown once, store it now.
        prefix (str): The token's public part, as the dashboard lists it.
        read_only (bool):
        rate_limit (int): Requests per minute.
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
    """

    id: int
    name: str
    token: str
    prefix: str
    read_only: bool
    rate_limit: int
    created_at: datetime.datetime
    expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        token = self.token

        prefix = self.prefix

        read_only = self.read_only

        rate_limit = self.rate_limit

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "token": token,
                "prefix": prefix,
                "read_only": read_only,
                "rate_limit": rate_limit,
                "created_at": created_at,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        token = d.pop("token")

        prefix = d.pop("prefix")

        read_only = d.pop("read_only")

        rate_limit = d.pop("rate_limit")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        issued_token = cls(
            id=id,
            name=name,
            token=token,
            prefix=prefix,
            read_only=read_only,
            rate_limit=rate_limit,
            created_at=created_at,
            expires_at=expires_at,
        )

        issued_token.additional_properties = d
        return issued_token

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
