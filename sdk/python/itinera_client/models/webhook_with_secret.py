from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.blank_enum import BlankEnum
from ..models.disabled_reason_enum import DisabledReasonEnum
from ..models.event_types_enum import EventTypesEnum

T = TypeVar("T", bound="WebhookWithSecret")


@_attrs_define
class WebhookWithSecret:
    """An endpoint with its signing secret: shown in this answer only.

    Attributes:
        id (int):
        url (str):
        description (str):
        event_types (list[EventTypesEnum]): The event types sent to it (see `GET /webhooks/event-types`); an empty list
            means every type, today's and those added later.
        is_active (bool): Switched on: events are sent to it.
        disabled_reason (BlankEnum | DisabledReasonEnum): Why it is off: `manual` (switched off), `gone` (it answered
            410) or `failing` (every attempt failed for days); empty while it is on.

            * `` - On
            * `manual` - Switched off
            * `gone` - The endpoint answered 410 Gone
            * `failing` - Failing for days
        disabled_at (datetime.datetime | None):
        secret_hint (str): The signing secret's last characters (`whsec_…AbC=`), to tell which one you hold; the secret
            itself is shown only by the create and `rotate-secret`.
        previous_secret_valid_until (datetime.datetime | None): After a rotation, the previous secret also signs every
            delivery until this time (24 hours); null when only the current one signs.
        failing_since (datetime.datetime | None): Since when every attempt has failed; null after a success.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        secret (str): The Standard Webhooks signing secret (`whsec_` and base64). Store it now: it is never shown again
            (rotate it if it is lost).
    """

    id: int
    url: str
    description: str
    event_types: list[EventTypesEnum]
    is_active: bool
    disabled_reason: BlankEnum | DisabledReasonEnum
    disabled_at: datetime.datetime | None
    secret_hint: str
    previous_secret_valid_until: datetime.datetime | None
    failing_since: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        description = self.description

        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item = event_types_item_data.value
            event_types.append(event_types_item)

        is_active = self.is_active

        disabled_reason: str
        if isinstance(self.disabled_reason, DisabledReasonEnum):
            disabled_reason = self.disabled_reason.value
        else:
            disabled_reason = self.disabled_reason.value

        disabled_at: None | str
        if isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        secret_hint = self.secret_hint

        previous_secret_valid_until: None | str
        if isinstance(self.previous_secret_valid_until, datetime.datetime):
            previous_secret_valid_until = self.previous_secret_valid_until.isoformat()
        else:
            previous_secret_valid_until = self.previous_secret_valid_until

        failing_since: None | str
        if isinstance(self.failing_since, datetime.datetime):
            failing_since = self.failing_since.isoformat()
        else:
            failing_since = self.failing_since

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        secret = self.secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "description": description,
                "event_types": event_types,
                "is_active": is_active,
                "disabled_reason": disabled_reason,
                "disabled_at": disabled_at,
                "secret_hint": secret_hint,
                "previous_secret_valid_until": previous_secret_valid_until,
                "failing_since": failing_since,
                "created_at": created_at,
                "updated_at": updated_at,
                "secret": secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        description = d.pop("description")

        event_types = []
        _event_types = d.pop("event_types")
        for event_types_item_data in _event_types:
            event_types_item = EventTypesEnum(event_types_item_data)

            event_types.append(event_types_item)

        is_active = d.pop("is_active")

        def _parse_disabled_reason(data: object) -> BlankEnum | DisabledReasonEnum:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_reason_type_0 = DisabledReasonEnum(data)

                return disabled_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            disabled_reason_type_1 = BlankEnum(data)

            return disabled_reason_type_1

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason"))

        def _parse_disabled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)

                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at"))

        secret_hint = d.pop("secret_hint")

        def _parse_previous_secret_valid_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_secret_valid_until_type_0 = datetime.datetime.fromisoformat(data)

                return previous_secret_valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        previous_secret_valid_until = _parse_previous_secret_valid_until(d.pop("previous_secret_valid_until"))

        def _parse_failing_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                failing_since_type_0 = datetime.datetime.fromisoformat(data)

                return failing_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        failing_since = _parse_failing_since(d.pop("failing_since"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        secret = d.pop("secret")

        webhook_with_secret = cls(
            id=id,
            url=url,
            description=description,
            event_types=event_types,
            is_active=is_active,
            disabled_reason=disabled_reason,
            disabled_at=disabled_at,
            secret_hint=secret_hint,
            previous_secret_valid_until=previous_secret_valid_until,
            failing_since=failing_since,
            created_at=created_at,
            updated_at=updated_at,
            secret=secret,
        )

        webhook_with_secret.additional_properties = d
        return webhook_with_secret

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
