from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenRequestRequest")


@_attrs_define
class TokenRequestRequest:
    """
    Attributes:
        password (str):
        name (str): What the token is for, e.g. 'Nightly export'.
        email (str | Unset): Your email, or send `username` instead.
        username (str | Unset):
        expires_in_days (int | Unset): Days until the token expires (90 by default). Default: 90.
        otp (str | Unset): A code from your authenticator app (or a recovery code): required when your account signs in
            with two-factor. Default: ''.
    """

    password: str
    name: str
    email: str | Unset = UNSET
    username: str | Unset = UNSET
    expires_in_days: int | Unset = 90
    otp: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        password = self.password

        name = self.name

        email = self.email

        username = self.username

        expires_in_days = self.expires_in_days

        otp = self.otp

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "password": password,
                "name": name,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if username is not UNSET:
            field_dict["username"] = username
        if expires_in_days is not UNSET:
            field_dict["expires_in_days"] = expires_in_days
        if otp is not UNSET:
            field_dict["otp"] = otp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        password = d.pop("password")

        name = d.pop("name")

        email = d.pop("email", UNSET)

        username = d.pop("username", UNSET)

        expires_in_days = d.pop("expires_in_days", UNSET)

        otp = d.pop("otp", UNSET)

        token_request_request = cls(
            password=password,
            name=name,
            email=email,
            username=username,
            expires_in_days=expires_in_days,
            otp=otp,
        )

        return token_request_request
