from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_status_enum import DeliveryStatusEnum
from ..models.event_type_enum import EventTypeEnum

T = TypeVar("T", bound="Delivery")


@_attrs_define
class Delivery:
    """Sending one event to one endpoint: its state, and how the last attempt went.

    Attributes:
        id (int):
        webhook_id (int):
        event_id (str): The event's id (`msg_…`): the body's `id` and the `webhook-id` header, the same on every retry
            and replay. Deduplicate on it.
        event_type (EventTypeEnum): * `booking.created` - booking.created
            * `booking.deleted` - booking.deleted
            * `booking.updated` - booking.updated
            * `client.archived` - client.archived
            * `client.created` - client.created
            * `client.deleted` - client.deleted
            * `client.restored` - client.restored
            * `client.updated` - client.updated
            * `commission.received` - commission.received
            * `commission.voided` - commission.voided
            * `enquiry.received` - enquiry.received
            * `instalment.overdue` - instalment.overdue
            * `itinerary.created` - itinerary.created
            * `itinerary.deleted` - itinerary.deleted
            * `itinerary.updated` - itinerary.updated
            * `payment.recorded` - payment.recorded
            * `payment.refunded` - payment.refunded
            * `payment.updated` - payment.updated
            * `payment.voided` - payment.voided
            * `proposal.accepted` - proposal.accepted
            * `proposal.created` - proposal.created
            * `proposal.declined` - proposal.declined
            * `proposal.deleted` - proposal.deleted
            * `proposal.expired` - proposal.expired
            * `proposal.sent` - proposal.sent
            * `proposal.updated` - proposal.updated
            * `proposal.viewed` - proposal.viewed
            * `task.completed` - task.completed
            * `task.created` - task.created
            * `task.deleted` - task.deleted
            * `task.reopened` - task.reopened
            * `task.updated` - task.updated
            * `webhook.test` - webhook.test
        status (DeliveryStatusEnum): * `pending` - Pending
            * `retrying` - Retrying
            * `succeeded` - Succeeded
            * `failed` - Failed
            * `cancelled` - Cancelled
        attempts (int): Requests made so far.
        next_attempt_at (datetime.datetime | None): When it is tried next; null once it has ended.
        last_status_code (int | None): The last attempt's HTTP status; null if nothing answered.
        last_error (str): Why the last attempt failed, in words (timeout, refused...).
        replay_of_id (int | None): The delivery this one replays; null for a first delivery.
        requested_by_id (int | None): Who asked for a replay or a test event; null otherwise.
        created_at (datetime.datetime):
        completed_at (datetime.datetime | None):
    """

    id: int
    webhook_id: int
    event_id: str
    event_type: EventTypeEnum
    status: DeliveryStatusEnum
    attempts: int
    next_attempt_at: datetime.datetime | None
    last_status_code: int | None
    last_error: str
    replay_of_id: int | None
    requested_by_id: int | None
    created_at: datetime.datetime
    completed_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        webhook_id = self.webhook_id

        event_id = self.event_id

        event_type = self.event_type.value

        status = self.status.value

        attempts = self.attempts

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        last_status_code: int | None
        last_status_code = self.last_status_code

        last_error = self.last_error

        replay_of_id: int | None
        replay_of_id = self.replay_of_id

        requested_by_id: int | None
        requested_by_id = self.requested_by_id

        created_at = self.created_at.isoformat()

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "webhook_id": webhook_id,
                "event_id": event_id,
                "event_type": event_type,
                "status": status,
                "attempts": attempts,
                "next_attempt_at": next_attempt_at,
                "last_status_code": last_status_code,
                "last_error": last_error,
                "replay_of_id": replay_of_id,
                "requested_by_id": requested_by_id,
                "created_at": created_at,
                "completed_at": completed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        webhook_id = d.pop("webhook_id")

        event_id = d.pop("event_id")

        event_type = EventTypeEnum(d.pop("event_type"))

        status = DeliveryStatusEnum(d.pop("status"))

        attempts = d.pop("attempts")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        def _parse_last_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status_code = _parse_last_status_code(d.pop("last_status_code"))

        last_error = d.pop("last_error")

        def _parse_replay_of_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        replay_of_id = _parse_replay_of_id(d.pop("replay_of_id"))

        def _parse_requested_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        requested_by_id = _parse_requested_by_id(d.pop("requested_by_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        delivery = cls(
            id=id,
            webhook_id=webhook_id,
            event_id=event_id,
            event_type=event_type,
            status=status,
            attempts=attempts,
            next_attempt_at=next_attempt_at,
            last_status_code=last_status_code,
            last_error=last_error,
            replay_of_id=replay_of_id,
            requested_by_id=requested_by_id,
            created_at=created_at,
            completed_at=completed_at,
        )

        delivery.additional_properties = d
        return delivery

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
