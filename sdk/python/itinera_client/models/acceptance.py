from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.acceptance_choice_type_0 import AcceptanceChoiceType0


T = TypeVar("T", bound="Acceptance")


@_attrs_define
class Acceptance:
    """The client's e-signature on the link: what they typed, when, from where, on which
    frozen version (its SHA-256) under which terms version.

        Attributes:
            full_name (str): The full name the client typed to sign.
            accepted_at (datetime.datetime):
            ip_address (None | str):
            user_agent (str):
            version_number (int): The proposal version accepted.
            terms_version (int | None): The agency's terms version ticked; null when none existed.
            content_sha256 (str): SHA-256 (hex) of the accepted version's canonical JSON content.
            choice (AcceptanceChoiceType0 | None): The option picked and the extras ticked, priced from the frozen version;
                null for a version without options.
            total_price (None | str): The total accepted (option and extras).
            currency (str):
    """

    full_name: str
    accepted_at: datetime.datetime
    ip_address: None | str
    user_agent: str
    version_number: int
    terms_version: int | None
    content_sha256: str
    choice: AcceptanceChoiceType0 | None
    total_price: None | str
    currency: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.acceptance_choice_type_0 import AcceptanceChoiceType0  # noqa: PLC0415

        full_name = self.full_name

        accepted_at = self.accepted_at.isoformat()

        ip_address: None | str
        ip_address = self.ip_address

        user_agent = self.user_agent

        version_number = self.version_number

        terms_version: int | None
        terms_version = self.terms_version

        content_sha256 = self.content_sha256

        choice: dict[str, Any] | None
        if isinstance(self.choice, AcceptanceChoiceType0):
            choice = self.choice.to_dict()
        else:
            choice = self.choice

        total_price: None | str
        total_price = self.total_price

        currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "full_name": full_name,
                "accepted_at": accepted_at,
                "ip_address": ip_address,
                "user_agent": user_agent,
                "version_number": version_number,
                "terms_version": terms_version,
                "content_sha256": content_sha256,
                "choice": choice,
                "total_price": total_price,
                "currency": currency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acceptance_choice_type_0 import AcceptanceChoiceType0  # noqa: PLC0415

        d = dict(src_dict)
        full_name = d.pop("full_name")

        accepted_at = datetime.datetime.fromisoformat(d.pop("accepted_at"))

        def _parse_ip_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ip_address = _parse_ip_address(d.pop("ip_address"))

        user_agent = d.pop("user_agent")

        version_number = d.pop("version_number")

        def _parse_terms_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        terms_version = _parse_terms_version(d.pop("terms_version"))

        content_sha256 = d.pop("content_sha256")

        def _parse_choice(data: object) -> AcceptanceChoiceType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                choice_type_0 = AcceptanceChoiceType0.from_dict(data)

                return choice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AcceptanceChoiceType0 | None, data)

        choice = _parse_choice(d.pop("choice"))

        def _parse_total_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        total_price = _parse_total_price(d.pop("total_price"))

        currency = d.pop("currency")

        acceptance = cls(
            full_name=full_name,
            accepted_at=accepted_at,
            ip_address=ip_address,
            user_agent=user_agent,
            version_number=version_number,
            terms_version=terms_version,
            content_sha256=content_sha256,
            choice=choice,
            total_price=total_price,
            currency=currency,
        )

        acceptance.additional_properties = d
        return acceptance

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
