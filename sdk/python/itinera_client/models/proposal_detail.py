from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proposal_status_enum import ProposalStatusEnum

if TYPE_CHECKING:
    from ..models.acceptance import Acceptance
    from ..models.option import Option
    from ..models.passport_warning import PassportWarning


T = TypeVar("T", bound="ProposalDetail")


@_attrs_define
class ProposalDetail:
    """A proposal with who goes (the passport warning reads its itinerary's end date), and its
    options with their line items (the live draft: what the next version sent will freeze).

        Attributes:
            id (int):
            client_id (int):
            itinerary_id (int | None):
            title (str):
            status (ProposalStatusEnum): * `draft` - Draft
                * `sent` - Sent
                * `viewed` - Viewed
                * `accepted` - Accepted
                * `declined` - Declined
                * `expired` - Expired
            currency (str):
            total_price (str):
            valid_until (datetime.date | None):
            message (str):
            sent_at (datetime.datetime | None):
            viewed_at (datetime.datetime | None):
            responded_at (datetime.datetime | None):
            link_revoked_at (datetime.datetime | None): When the client's link was deactivated; null while it works.
            current_version (int | None): The number of the latest version sent: what the client's link shows. Null until
                first sent. Edits after sending are the draft of the next version.
            acceptance (Acceptance | None): Null unless the client signed on the link.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            traveller_ids (list[int]): Who goes: ids of the client's travellers.
            passport_warnings (list[PassportWarning]): Travellers whose passport expires within 6 months of the return (end)
                date.
            options (list[Option]):
    """

    id: int
    client_id: int
    itinerary_id: int | None
    title: str
    status: ProposalStatusEnum
    currency: str
    total_price: str
    valid_until: datetime.date | None
    message: str
    sent_at: datetime.datetime | None
    viewed_at: datetime.datetime | None
    responded_at: datetime.datetime | None
    link_revoked_at: datetime.datetime | None
    current_version: int | None
    acceptance: Acceptance | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    traveller_ids: list[int]
    passport_warnings: list[PassportWarning]
    options: list[Option]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.acceptance import Acceptance  # noqa: PLC0415

        id = self.id

        client_id = self.client_id

        itinerary_id: int | None
        itinerary_id = self.itinerary_id

        title = self.title

        status = self.status.value

        currency = self.currency

        total_price = self.total_price

        valid_until: None | str
        if isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        message = self.message

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        viewed_at: None | str
        if isinstance(self.viewed_at, datetime.datetime):
            viewed_at = self.viewed_at.isoformat()
        else:
            viewed_at = self.viewed_at

        responded_at: None | str
        if isinstance(self.responded_at, datetime.datetime):
            responded_at = self.responded_at.isoformat()
        else:
            responded_at = self.responded_at

        link_revoked_at: None | str
        if isinstance(self.link_revoked_at, datetime.datetime):
            link_revoked_at = self.link_revoked_at.isoformat()
        else:
            link_revoked_at = self.link_revoked_at

        current_version: int | None
        current_version = self.current_version

        acceptance: dict[str, Any] | None
        if isinstance(self.acceptance, Acceptance):
            acceptance = self.acceptance.to_dict()
        else:
            acceptance = self.acceptance

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        traveller_ids = self.traveller_ids

        passport_warnings = []
        for passport_warnings_item_data in self.passport_warnings:
            passport_warnings_item = passport_warnings_item_data.to_dict()
            passport_warnings.append(passport_warnings_item)

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "client_id": client_id,
                "itinerary_id": itinerary_id,
                "title": title,
                "status": status,
                "currency": currency,
                "total_price": total_price,
                "valid_until": valid_until,
                "message": message,
                "sent_at": sent_at,
                "viewed_at": viewed_at,
                "responded_at": responded_at,
                "link_revoked_at": link_revoked_at,
                "current_version": current_version,
                "acceptance": acceptance,
                "created_at": created_at,
                "updated_at": updated_at,
                "traveller_ids": traveller_ids,
                "passport_warnings": passport_warnings,
                "options": options,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acceptance import Acceptance  # noqa: PLC0415
        from ..models.option import Option  # noqa: PLC0415
        from ..models.passport_warning import PassportWarning  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        client_id = d.pop("client_id")

        def _parse_itinerary_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        itinerary_id = _parse_itinerary_id(d.pop("itinerary_id"))

        title = d.pop("title")

        status = ProposalStatusEnum(d.pop("status"))

        currency = d.pop("currency")

        total_price = d.pop("total_price")

        def _parse_valid_until(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_until = _parse_valid_until(d.pop("valid_until"))

        message = d.pop("message")

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))

        def _parse_viewed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                viewed_at_type_0 = datetime.datetime.fromisoformat(data)

                return viewed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        viewed_at = _parse_viewed_at(d.pop("viewed_at"))

        def _parse_responded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responded_at_type_0 = datetime.datetime.fromisoformat(data)

                return responded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        responded_at = _parse_responded_at(d.pop("responded_at"))

        def _parse_link_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                link_revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return link_revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        link_revoked_at = _parse_link_revoked_at(d.pop("link_revoked_at"))

        def _parse_current_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        current_version = _parse_current_version(d.pop("current_version"))

        def _parse_acceptance(data: object) -> Acceptance | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                acceptance_type_0 = Acceptance.from_dict(data)

                return acceptance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Acceptance | None, data)

        acceptance = _parse_acceptance(d.pop("acceptance"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        traveller_ids = cast(list[int], d.pop("traveller_ids"))

        passport_warnings = []
        _passport_warnings = d.pop("passport_warnings")
        for passport_warnings_item_data in _passport_warnings:
            passport_warnings_item = PassportWarning.from_dict(passport_warnings_item_data)

            passport_warnings.append(passport_warnings_item)

        options = []
        _options = d.pop("options")
        for options_item_data in _options:
            options_item = Option.from_dict(options_item_data)

            options.append(options_item)

        proposal_detail = cls(
            id=id,
            client_id=client_id,
            itinerary_id=itinerary_id,
            title=title,
            status=status,
            currency=currency,
            total_price=total_price,
            valid_until=valid_until,
            message=message,
            sent_at=sent_at,
            viewed_at=viewed_at,
            responded_at=responded_at,
            link_revoked_at=link_revoked_at,
            current_version=current_version,
            acceptance=acceptance,
            created_at=created_at,
            updated_at=updated_at,
            traveller_ids=traveller_ids,
            passport_warnings=passport_warnings,
            options=options,
        )

        proposal_detail.additional_properties = d
        return proposal_detail

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
