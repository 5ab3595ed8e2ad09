from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.proposal_version_detail_content import ProposalVersionDetailContent


T = TypeVar("T", bound="ProposalVersionDetail")


@_attrs_define
class ProposalVersionDetail:
    """One version sent to the client, frozen (lists omit ``content``).

    Attributes:
        number (int):
        sent_at (datetime.datetime):
        sent_by_id (int | None):
        content_sha256 (str): SHA-256 (hex) of the canonical content.
        terms_version (int | None):
        view_count (int): Times the client's browser showed it (agents' previews excluded).
        last_viewed_at (datetime.datetime | None):
        accepted (bool):
        content (ProposalVersionDetailContent): The frozen snapshot (format 1). Its SHA-256 is taken over its canonical
            JSON: keys sorted, no spaces, UTF-8. A proposal with options adds an `options` key.
    """

    number: int
    sent_at: datetime.datetime
    sent_by_id: int | None
    content_sha256: str
    terms_version: int | None
    view_count: int
    last_viewed_at: datetime.datetime | None
    accepted: bool
    content: ProposalVersionDetailContent
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        sent_at = self.sent_at.isoformat()

        sent_by_id: int | None
        sent_by_id = self.sent_by_id

        content_sha256 = self.content_sha256

        terms_version: int | None
        terms_version = self.terms_version

        view_count = self.view_count

        last_viewed_at: None | str
        if isinstance(self.last_viewed_at, datetime.datetime):
            last_viewed_at = self.last_viewed_at.isoformat()
        else:
            last_viewed_at = self.last_viewed_at

        accepted = self.accepted

        content = self.content.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "sent_at": sent_at,
                "sent_by_id": sent_by_id,
                "content_sha256": content_sha256,
                "terms_version": terms_version,
                "view_count": view_count,
                "last_viewed_at": last_viewed_at,
                "accepted": accepted,
                "content": content,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.proposal_version_detail_content import ProposalVersionDetailContent  # noqa: PLC0415

        d = dict(src_dict)
        number = d.pop("number")

        sent_at = datetime.datetime.fromisoformat(d.pop("sent_at"))

        def _parse_sent_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        sent_by_id = _parse_sent_by_id(d.pop("sent_by_id"))

        content_sha256 = d.pop("content_sha256")

        def _parse_terms_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        terms_version = _parse_terms_version(d.pop("terms_version"))

        view_count = d.pop("view_count")

        def _parse_last_viewed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_viewed_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_viewed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_viewed_at = _parse_last_viewed_at(d.pop("last_viewed_at"))

        accepted = d.pop("accepted")

        content = ProposalVersionDetailContent.from_dict(d.pop("content"))

        proposal_version_detail = cls(
            number=number,
            sent_at=sent_at,
            sent_by_id=sent_by_id,
            content_sha256=content_sha256,
            terms_version=terms_version,
            view_count=view_count,
            last_viewed_at=last_viewed_at,
            accepted=accepted,
            content=content,
        )

        proposal_version_detail.additional_properties = d
        return proposal_version_detail

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
