from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.client_kind_enum import ClientKindEnum
from ..models.client_status_enum import ClientStatusEnum
from ..models.country_code import CountryCode
from ..models.patched_client_input_request_country_type_1 import PatchedClientInputRequestCountryType1
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedClientInputRequest")


@_attrs_define
class PatchedClientInputRequest:
    """Limits are the model's (``max_length_of``): the API, the forms and the column agree.

    Attributes:
        kind (ClientKindEnum | Unset): * `person` - Person
            * `company` - Company
        name (str | Unset):
        email (None | str | Unset):
        phone (None | str | Unset): Stored as given.
        company (None | str | Unset):
        city (None | str | Unset):
        country (CountryCode | None | PatchedClientInputRequestCountryType1 | Unset): A country's English name (stored
            as written, e.g. `United Kingdom`) or its ISO 3166-1 code (`GB`, stored as the name): see `/lookups/countries`.
            Anything that names no country is a 422.
        nationality (None | str | Unset):
        notes (None | str | Unset):
        tags (list[str] | None | Unset):
        status (ClientStatusEnum | Unset): * `lead` - Lead
            * `active` - Active
            * `inactive` - Inactive
        assigned_to_id (int | None | Unset): A user of your agency. Must be the id of a record of your agency: any other
            id is a 422 naming it (a schema cannot say which ids exist).
        allow_duplicate (bool | Unset): Create only: `true` creates the client even when another one has the same email
            (any case) or phone (E.164); without it such a create answers 409 with the matches in `duplicates`. Ignored on
            update. Default: False.
    """

    kind: ClientKindEnum | Unset = UNSET
    name: str | Unset = UNSET
    email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    company: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    country: CountryCode | None | PatchedClientInputRequestCountryType1 | Unset = UNSET
    nationality: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    status: ClientStatusEnum | Unset = UNSET
    assigned_to_id: int | None | Unset = UNSET
    allow_duplicate: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        name = self.name

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

        company: None | str | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        else:
            company = self.company

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        elif isinstance(self.country, CountryCode):
            country = self.country.value
        elif isinstance(self.country, PatchedClientInputRequestCountryType1):
            country = self.country.value
        else:
            country = self.country

        nationality: None | str | Unset
        if isinstance(self.nationality, Unset):
            nationality = UNSET
        else:
            nationality = self.nationality

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = []
            for tags_type_0_item_data in self.tags:
                tags_type_0_item: str
                tags_type_0_item = tags_type_0_item_data
                tags.append(tags_type_0_item)

        else:
            tags = self.tags

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        assigned_to_id: int | None | Unset
        if isinstance(self.assigned_to_id, Unset):
            assigned_to_id = UNSET
        else:
            assigned_to_id = self.assigned_to_id

        allow_duplicate = self.allow_duplicate

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if company is not UNSET:
            field_dict["company"] = company
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if nationality is not UNSET:
            field_dict["nationality"] = nationality
        if notes is not UNSET:
            field_dict["notes"] = notes
        if tags is not UNSET:
            field_dict["tags"] = tags
        if status is not UNSET:
            field_dict["status"] = status
        if assigned_to_id is not UNSET:
            field_dict["assigned_to_id"] = assigned_to_id
        if allow_duplicate is not UNSET:
            field_dict["allow_duplicate"] = allow_duplicate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _kind = d.pop("kind", UNSET)
        kind: ClientKindEnum | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = ClientKindEnum(_kind)

        name = d.pop("name", UNSET)

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

        def _parse_company(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company = _parse_company(d.pop("company", UNSET))

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_country(data: object) -> CountryCode | None | PatchedClientInputRequestCountryType1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                country_type_0 = CountryCode(data)

                return country_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                country_type_1 = PatchedClientInputRequestCountryType1(data)

                return country_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CountryCode | None | PatchedClientInputRequestCountryType1 | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_nationality(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nationality = _parse_nationality(d.pop("nationality", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = []
                _tags_type_0 = data
                for tags_type_0_item_data in _tags_type_0:

                    def _parse_tags_type_0_item(data: object) -> str:
                        return cast(str, data)

                    tags_type_0_item = _parse_tags_type_0_item(tags_type_0_item_data)

                    tags_type_0.append(tags_type_0_item)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        _status = d.pop("status", UNSET)
        status: ClientStatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ClientStatusEnum(_status)

        def _parse_assigned_to_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        assigned_to_id = _parse_assigned_to_id(d.pop("assigned_to_id", UNSET))

        allow_duplicate = d.pop("allow_duplicate", UNSET)

        patched_client_input_request = cls(
            kind=kind,
            name=name,
            email=email,
            phone=phone,
            company=company,
            city=city,
            country=country,
            nationality=nationality,
            notes=notes,
            tags=tags,
            status=status,
            assigned_to_id=assigned_to_id,
            allow_duplicate=allow_duplicate,
        )

        return patched_client_input_request
