from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.type_enum import TypeEnum

if TYPE_CHECKING:
    from ..models.supplier_contact import SupplierContact


T = TypeVar("T", bound="Supplier")


@_attrs_define
class Supplier:
    """A supplier of the agency, with its contact people.

    Attributes:
        id (int):
        name (str):
        type_ (TypeEnum): * `airline` - Airline
            * `hotel` - Hotel
            * `dmc` - DMC / ground handler
            * `cruise` - Cruise line
            * `tour_operator` - Tour operator
            * `transfer` - Transfer
            * `insurance` - Insurance
            * `rail` - Rail
            * `car_hire` - Car hire
            * `other` - Other
        email (str):
        phone (str):
        website (str):
        currency (str): The currency it invoices in; empty when not set.
        default_commission_rate (str): Percent of a service's price the supplier pays the agency (e.g. `"10.00"`); a
            booked service without a typed commission expects this share of its price.
        payment_terms (str):
        notes (str):
        contacts (list[SupplierContact]):
        archived_at (datetime.datetime | None): When the supplier was archived; null while it is in the lists.
        archived_by_id (int | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    name: str
    type_: TypeEnum
    email: str
    phone: str
    website: str
    currency: str
    default_commission_rate: str
    payment_terms: str
    notes: str
    contacts: list[SupplierContact]
    archived_at: datetime.datetime | None
    archived_by_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        type_ = self.type_.value

        email = self.email

        phone = self.phone

        website = self.website

        currency = self.currency

        default_commission_rate = self.default_commission_rate

        payment_terms = self.payment_terms

        notes = self.notes

        contacts = []
        for contacts_item_data in self.contacts:
            contacts_item = contacts_item_data.to_dict()
            contacts.append(contacts_item)

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        archived_by_id: int | None
        archived_by_id = self.archived_by_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "type": type_,
                "email": email,
                "phone": phone,
                "website": website,
                "currency": currency,
                "default_commission_rate": default_commission_rate,
                "payment_terms": payment_terms,
                "notes": notes,
                "contacts": contacts,
                "archived_at": archived_at,
                "archived_by_id": archived_by_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.supplier_contact import SupplierContact  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        type_ = TypeEnum(d.pop("type"))

        email = d.pop("email")

        phone = d.pop("phone")

        website = d.pop("website")

        currency = d.pop("currency")

        default_commission_rate = d.pop("default_commission_rate")

        payment_terms = d.pop("payment_terms")

        notes = d.pop("notes")

        contacts = []
        _contacts = d.pop("contacts")
        for contacts_item_data in _contacts:
            contacts_item = SupplierContact.from_dict(contacts_item_data)

            contacts.append(contacts_item)

        def _parse_archived_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_at_type_0 = datetime.datetime.fromisoformat(data)

                return archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        def _parse_archived_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        archived_by_id = _parse_archived_by_id(d.pop("archived_by_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        supplier = cls(
            id=id,
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
            archived_at=archived_at,
            archived_by_id=archived_by_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        supplier.additional_properties = d
        return supplier

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
