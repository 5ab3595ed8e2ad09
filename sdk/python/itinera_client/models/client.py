from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.client_kind_enum import ClientKindEnum
from ..models.client_source_enum import ClientSourceEnum
from ..models.client_status_enum import ClientStatusEnum

T = TypeVar("T", bound="Client")


@_attrs_define
class Client:
    """A client or lead.

    Attributes:
        id (int):
        kind (ClientKindEnum): * `person` - Person
            * `company` - Company
        name (str):
        company_client_id (int | None): A person's company among your clients (a client of kind `company`): set with
            `POST /clients/{company_id}/contacts`.
        email (str):
        phone (str):
        phone_e164 (str): The phone in E.164 (`+447700900123`), read in the agency's country; empty when the phone is no
            possible number. Duplicates are found on it.
        company (str):
        city (str):
        country (str):
        nationality (str):
        notes (str):
        tags (list[str]):
        status (ClientStatusEnum): * `lead` - Lead
            * `active` - Active
            * `inactive` - Inactive
        source (ClientSourceEnum): * `api` - API
            * `dashboard` - Dashboard
            * `web_form` - Website form
            * `import` - Import
        assigned_to_id (int | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        archived_at (datetime.datetime | None): When the client was archived; null while it is in the lists.
        archived_by_id (int | None):
    """

    id: int
    kind: ClientKindEnum
    name: str
    company_client_id: int | None
    email: str
    phone: str
    phone_e164: str
    company: str
    city: str
    country: str
    nationality: str
    notes: str
    tags: list[str]
    status: ClientStatusEnum
    source: ClientSourceEnum
    assigned_to_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    archived_at: datetime.datetime | None
    archived_by_id: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        name = self.name

        company_client_id: int | None
        company_client_id = self.company_client_id

        email = self.email

        phone = self.phone

        phone_e164 = self.phone_e164

        company = self.company

        city = self.city

        country = self.country

        nationality = self.nationality

        notes = self.notes

        tags = self.tags

        status = self.status.value

        source = self.source.value

        assigned_to_id: int | None
        assigned_to_id = self.assigned_to_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        archived_by_id: int | None
        archived_by_id = self.archived_by_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "name": name,
                "company_client_id": company_client_id,
                "email": email,
                "phone": phone,
                "phone_e164": phone_e164,
                "company": company,
                "city": city,
                "country": country,
                "nationality": nationality,
                "notes": notes,
                "tags": tags,
                "status": status,
                "source": source,
                "assigned_to_id": assigned_to_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "archived_at": archived_at,
                "archived_by_id": archived_by_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = ClientKindEnum(d.pop("kind"))

        name = d.pop("name")

        def _parse_company_client_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        company_client_id = _parse_company_client_id(d.pop("company_client_id"))

        email = d.pop("email")

        phone = d.pop("phone")

        phone_e164 = d.pop("phone_e164")

        company = d.pop("company")

        city = d.pop("city")

        country = d.pop("country")

        nationality = d.pop("nationality")

        notes = d.pop("notes")

        tags = cast(list[str], d.pop("tags"))

        status = ClientStatusEnum(d.pop("status"))

        source = ClientSourceEnum(d.pop("source"))

        def _parse_assigned_to_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        assigned_to_id = _parse_assigned_to_id(d.pop("assigned_to_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        client = cls(
            id=id,
            kind=kind,
            name=name,
            company_client_id=company_client_id,
            email=email,
            phone=phone,
            phone_e164=phone_e164,
            company=company,
            city=city,
            country=country,
            nationality=nationality,
            notes=notes,
            tags=tags,
            status=status,
            source=source,
            assigned_to_id=assigned_to_id,
            created_at=created_at,
            updated_at=updated_at,
            archived_at=archived_at,
            archived_by_id=archived_by_id,
        )

        client.additional_properties = d
        return client

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
