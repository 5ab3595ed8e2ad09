from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proposal_version_detail_content_format import ProposalVersionDetailContentFormat
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.proposal_version_detail_content_itinerary_type_0 import ProposalVersionDetailContentItineraryType0
    from ..models.proposal_version_detail_content_options_item import ProposalVersionDetailContentOptionsItem
    from ..models.proposal_version_detail_content_terms_type_0 import ProposalVersionDetailContentTermsType0


T = TypeVar("T", bound="ProposalVersionDetailContent")


@_attrs_define
class ProposalVersionDetailContent:
    """The frozen snapshot (format 1). Its SHA-256 is taken over its canonical JSON: keys sorted, no spaces, UTF-8. A
    proposal with options adds an `options` key.

        Attributes:
            format_ (ProposalVersionDetailContentFormat):
            title (str):
            client_name (str):
            currency (str):  Example: GBP.
            total_price (str):  Example: 8950.00.
            valid_until (datetime.date | None):
            message (str):
            itinerary (None | ProposalVersionDetailContentItineraryType0):
            terms (None | ProposalVersionDetailContentTermsType0):
            options (list[ProposalVersionDetailContentOptionsItem] | Unset): Only when the proposal has options.
    """

    format_: ProposalVersionDetailContentFormat
    title: str
    client_name: str
    currency: str
    total_price: str
    valid_until: datetime.date | None
    message: str
    itinerary: None | ProposalVersionDetailContentItineraryType0
    terms: None | ProposalVersionDetailContentTermsType0
    options: list[ProposalVersionDetailContentOptionsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.proposal_version_detail_content_itinerary_type_0 import ProposalVersionDetailContentItineraryType0  # noqa: PLC0415
        from ..models.proposal_version_detail_content_terms_type_0 import ProposalVersionDetailContentTermsType0  # noqa: PLC0415

        format_ = self.format_.value

        title = self.title

        client_name = self.client_name

        currency = self.currency

        total_price = self.total_price

        valid_until: None | str
        if isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        message = self.message

        itinerary: dict[str, Any] | None
        if isinstance(self.itinerary, ProposalVersionDetailContentItineraryType0):
            itinerary = self.itinerary.to_dict()
        else:
            itinerary = self.itinerary

        terms: dict[str, Any] | None
        if isinstance(self.terms, ProposalVersionDetailContentTermsType0):
            terms = self.terms.to_dict()
        else:
            terms = self.terms

        options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = []
            for options_item_data in self.options:
                options_item = options_item_data.to_dict()
                options.append(options_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "format": format_,
                "title": title,
                "client_name": client_name,
                "currency": currency,
                "total_price": total_price,
                "valid_until": valid_until,
                "message": message,
                "itinerary": itinerary,
                "terms": terms,
            }
        )
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.proposal_version_detail_content_itinerary_type_0 import ProposalVersionDetailContentItineraryType0  # noqa: PLC0415
        from ..models.proposal_version_detail_content_options_item import ProposalVersionDetailContentOptionsItem  # noqa: PLC0415
        from ..models.proposal_version_detail_content_terms_type_0 import ProposalVersionDetailContentTermsType0  # noqa: PLC0415

        d = dict(src_dict)
        format_ = ProposalVersionDetailContentFormat(d.pop("format"))

        title = d.pop("title")

        client_name = d.pop("client_name")

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

        def _parse_itinerary(data: object) -> None | ProposalVersionDetailContentItineraryType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                itinerary_type_0 = ProposalVersionDetailContentItineraryType0.from_dict(data)

                return itinerary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProposalVersionDetailContentItineraryType0, data)

        itinerary = _parse_itinerary(d.pop("itinerary"))

        def _parse_terms(data: object) -> None | ProposalVersionDetailContentTermsType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                terms_type_0 = ProposalVersionDetailContentTermsType0.from_dict(data)

                return terms_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProposalVersionDetailContentTermsType0, data)

        terms = _parse_terms(d.pop("terms"))

        _options = d.pop("options", UNSET)
        options: list[ProposalVersionDetailContentOptionsItem] | Unset = UNSET
        if _options is not UNSET:
            options = []
            for options_item_data in _options:
                options_item = ProposalVersionDetailContentOptionsItem.from_dict(options_item_data)

                options.append(options_item)

        proposal_version_detail_content = cls(
            format_=format_,
            title=title,
            client_name=client_name,
            currency=currency,
            total_price=total_price,
            valid_until=valid_until,
            message=message,
            itinerary=itinerary,
            terms=terms,
            options=options,
        )

        proposal_version_detail_content.additional_properties = d
        return proposal_version_detail_content

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
