from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.event_types_enum import EventTypesEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookInputRequest")


@_attrs_define
class WebhookInputRequest:
    """
    Attributes:
        url (str): https:// and a public address (an address in a private, loopback or link-local range is refused, now
            and at every delivery); redirects are never followed.
        description (str | Unset):
        event_types (list[EventTypesEnum] | Unset): The event types sent to it (see `GET /webhooks/event-types`); an
            empty list means every type, today's and those added later.
        is_active (bool | Unset): On by default; switching it off cancels what waits for it.
    """

    url: str
    description: str | Unset = UNSET
    event_types: list[EventTypesEnum] | Unset = UNSET
    is_active: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        description = self.description

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = []
            for event_types_item_data in self.event_types:
                event_types_item = event_types_item_data.value
                event_types.append(event_types_item)

        is_active = self.is_active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        description = d.pop("description", UNSET)

        _event_types = d.pop("event_types", UNSET)
        event_types: list[EventTypesEnum] | Unset = UNSET
        if _event_types is not UNSET:
            event_types = []
            for event_types_item_data in _event_types:
                event_types_item = EventTypesEnum(event_types_item_data)

                event_types.append(event_types_item)

        is_active = d.pop("is_active", UNSET)

        webhook_input_request = cls(
            url=url,
            description=description,
            event_types=event_types,
            is_active=is_active,
        )

        return webhook_input_request
