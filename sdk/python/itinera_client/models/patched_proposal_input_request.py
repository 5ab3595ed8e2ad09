from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.currency_code import CurrencyCode
from ..models.proposal_status_enum import ProposalStatusEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.option_input_request import OptionInputRequest


T = TypeVar("T", bound="PatchedProposalInputRequest")


@_attrs_define
class PatchedProposalInputRequest:
    """
    Attributes:
        client_id (int | Unset): Required unless itinerary_id is given. Must be the id of a record of your agency: any
            other id is a 422 naming it (a schema cannot say which ids exist).
        itinerary_id (int | None | Unset): Must be the id of a record of your agency: any other id is a 422 naming it (a
            schema cannot say which ids exist).
        title (str | Unset):
        status (ProposalStatusEnum | Unset): * `draft` - Draft
            * `sent` - Sent
            * `viewed` - Viewed
            * `accepted` - Accepted
            * `declined` - Declined
            * `expired` - Expired
        currency (CurrencyCode | Unset): An ISO 4217 code (see `/lookups/currencies`).
        total_price (str | Unset): Typed only for a proposal without options; with options it is derived.
        valid_until (datetime.date | None | str | Unset):
        message (None | str | Unset):
        traveller_ids (list[int] | Unset): Who goes: ids of the client's travellers (`/clients/{id}/travellers`); the
            whole list, replacing the current one. Another client's traveller is a 422.
        options (list[OptionInputRequest] | Unset): Replaces all the proposal's options (an empty list removes them).
            While it has options, total_price is derived (the cheapest option's total) and cannot be typed. Writable until
            the proposal is answered; each version sent freezes them.
    """

    client_id: int | Unset = UNSET
    itinerary_id: int | None | Unset = UNSET
    title: str | Unset = UNSET
    status: ProposalStatusEnum | Unset = UNSET
    currency: CurrencyCode | Unset = UNSET
    total_price: str | Unset = UNSET
    valid_until: datetime.date | None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    traveller_ids: list[int] | Unset = UNSET
    options: list[OptionInputRequest] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        itinerary_id: int | None | Unset
        if isinstance(self.itinerary_id, Unset):
            itinerary_id = UNSET
        else:
            itinerary_id = self.itinerary_id

        title = self.title

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency.value

        total_price = self.total_price

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        traveller_ids: list[int] | Unset = UNSET
        if not isinstance(self.traveller_ids, Unset):
            traveller_ids = self.traveller_ids

        options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = []
            for options_item_data in self.options:
                options_item = options_item_data.to_dict()
                options.append(options_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if itinerary_id is not UNSET:
            field_dict["itinerary_id"] = itinerary_id
        if title is not UNSET:
            field_dict["title"] = title
        if status is not UNSET:
            field_dict["status"] = status
        if currency is not UNSET:
            field_dict["currency"] = currency
        if total_price is not UNSET:
            field_dict["total_price"] = total_price
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until
        if message is not UNSET:
            field_dict["message"] = message
        if traveller_ids is not UNSET:
            field_dict["traveller_ids"] = traveller_ids
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.option_input_request import OptionInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        client_id = d.pop("client_id", UNSET)

        def _parse_itinerary_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        itinerary_id = _parse_itinerary_id(d.pop("itinerary_id", UNSET))

        title = d.pop("title", UNSET)

        _status = d.pop("status", UNSET)
        status: ProposalStatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ProposalStatusEnum(_status)

        _currency = d.pop("currency", UNSET)
        currency: CurrencyCode | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = CurrencyCode(_currency)

        total_price = d.pop("total_price", UNSET)

        def _parse_valid_until(data: object) -> datetime.date | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0_type_0 = datetime.date.fromisoformat(data)

                return valid_until_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | str | Unset, data)

        valid_until = _parse_valid_until(d.pop("valid_until", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        traveller_ids = cast(list[int], d.pop("traveller_ids", UNSET))

        _options = d.pop("options", UNSET)
        options: list[OptionInputRequest] | Unset = UNSET
        if _options is not UNSET:
            options = []
            for options_item_data in _options:
                options_item = OptionInputRequest.from_dict(options_item_data)

                options.append(options_item)

        patched_proposal_input_request = cls(
            client_id=client_id,
            itinerary_id=itinerary_id,
            title=title,
            status=status,
            currency=currency,
            total_price=total_price,
            valid_until=valid_until,
            message=message,
            traveller_ids=traveller_ids,
            options=options,
        )

        return patched_proposal_input_request
