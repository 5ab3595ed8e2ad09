from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.currency_code import CurrencyCode
from ..models.type_enum import TypeEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.supplier_contact_input_request import SupplierContactInputRequest


T = TypeVar("T", bound="PatchedSupplierInputRequest")


@_attrs_define
class PatchedSupplierInputRequest:
    """
    Attributes:
        name (str | Unset): Unique in your agency, ignoring case (a second “Hotel Avenida” is a 422).
        type_ (TypeEnum | Unset): * `airline` - Airline
            * `hotel` - Hotel
            * `dmc` - DMC / ground handler
            * `cruise` - Cruise line
            * `tour_operator` - Tour operator
            * `transfer` - Transfer
            * `insurance` - Insurance
            * `rail` - Rail
            * `car_hire` - Car hire
            * `other` - Other
        email (None | str | Unset):
        phone (None | str | Unset):
        website (None | str | Unset):
        currency (CurrencyCode | None | Unset): ISO 4217, e.g. `EUR`; optional.
        default_commission_rate (None | str | Unset): Percent, 0 to 100; defaults to 0.
        payment_terms (None | str | Unset):
        notes (None | str | Unset):
        contacts (list[SupplierContactInputRequest] | Unset): The supplier's people, in order; when given it replaces
            the current list.
    """

    name: str | Unset = UNSET
    type_: TypeEnum | Unset = UNSET
    email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    website: None | str | Unset = UNSET
    currency: CurrencyCode | None | Unset = UNSET
    default_commission_rate: None | str | Unset = UNSET
    payment_terms: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    contacts: list[SupplierContactInputRequest] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        elif isinstance(self.currency, CurrencyCode):
            currency = self.currency.value
        else:
            currency = self.currency

        default_commission_rate: None | str | Unset
        if isinstance(self.default_commission_rate, Unset):
            default_commission_rate = UNSET
        else:
            default_commission_rate = self.default_commission_rate

        payment_terms: None | str | Unset
        if isinstance(self.payment_terms, Unset):
            payment_terms = UNSET
        else:
            payment_terms = self.payment_terms

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        contacts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contacts, Unset):
            contacts = []
            for contacts_item_data in self.contacts:
                contacts_item = contacts_item_data.to_dict()
                contacts.append(contacts_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if website is not UNSET:
            field_dict["website"] = website
        if currency is not UNSET:
            field_dict["currency"] = currency
        if default_commission_rate is not UNSET:
            field_dict["default_commission_rate"] = default_commission_rate
        if payment_terms is not UNSET:
            field_dict["payment_terms"] = payment_terms
        if notes is not UNSET:
            field_dict["notes"] = notes
        if contacts is not UNSET:
            field_dict["contacts"] = contacts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.supplier_contact_input_request import SupplierContactInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: TypeEnum | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = TypeEnum(_type_)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))

        def _parse_currency(data: object) -> CurrencyCode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                currency_type_0 = CurrencyCode(data)

                return currency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CurrencyCode | None | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_default_commission_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_commission_rate = _parse_default_commission_rate(d.pop("default_commission_rate", UNSET))

        def _parse_payment_terms(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_terms = _parse_payment_terms(d.pop("payment_terms", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        _contacts = d.pop("contacts", UNSET)
        contacts: list[SupplierContactInputRequest] | Unset = UNSET
        if _contacts is not UNSET:
            contacts = []
            for contacts_item_data in _contacts:
                contacts_item = SupplierContactInputRequest.from_dict(contacts_item_data)

                contacts.append(contacts_item)

        patched_supplier_input_request = cls(
            name=name,
            type_=type_,
            email=email,
            phone=phone,
            website=website,
            currency=currency,
            default_commission_rate=default_commission_rate,
            payment_terms=payment_terms,
            notes=notes,
            contacts=contacts,
        )

        return patched_supplier_input_request
