from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_enum import ActionEnum
from ..models.channel_enum import ChannelEnum
from ..models.event_enum import EventEnum

if TYPE_CHECKING:
    from ..models.activity_changes import ActivityChanges
    from ..models.activity_data import ActivityData


T = TypeVar("T", bound="Activity")


@_attrs_define
class Activity:
    """One event of a record's history: what happened (by name and in words), who, when,
    through which channel, what it carries and what changed.

        Attributes:
            id (int):
            event (EventEnum): * `agency.api_disabled` - agency.api_disabled
                * `agency.api_enabled` - agency.api_enabled
                * `agency.api_rate_limit_changed` - agency.api_rate_limit_changed
                * `agency.follow_ups_changed` - agency.follow_ups_changed
                * `agency.reminders_changed` - agency.reminders_changed
                * `agency.two_factor_optional` - agency.two_factor_optional
                * `agency.two_factor_required` - agency.two_factor_required
                * `agency.visibility_changed` - agency.visibility_changed
                * `api_token.created` - api_token.created
                * `api_token.rate_limit_changed` - api_token.rate_limit_changed
                * `api_token.revoked` - api_token.revoked
                * `booking.archived` - booking.archived
                * `booking.cancelled` - booking.cancelled
                * `booking.completed` - booking.completed
                * `booking.confirmed` - booking.confirmed
                * `booking.created` - booking.created
                * `booking.deleted` - booking.deleted
                * `booking.restored` - booking.restored
                * `booking.travellers_set` - booking.travellers_set
                * `booking.updated` - booking.updated
                * `booking_service.added` - booking_service.added
                * `booking_service.cancelled` - booking_service.cancelled
                * `booking_service.removed` - booking_service.removed
                * `booking_service.updated` - booking_service.updated
                * `branding.updated` - branding.updated
                * `client.archived` - client.archived
                * `client.created` - client.created
                * `client.deleted` - client.deleted
                * `client.erased` - client.erased
                * `client.imported` - client.imported
                * `client.merged` - client.merged
                * `client.merged_away` - client.merged_away
                * `client.note_added` - client.note_added
                * `client.restored` - client.restored
                * `client.updated` - client.updated
                * `commission.received` - commission.received
                * `commission.voided` - commission.voided
                * `enquiry.assigned` - enquiry.assigned
                * `enquiry.converted` - enquiry.converted
                * `enquiry.received` - enquiry.received
                * `enquiry.status_changed` - enquiry.status_changed
                * `enquiry_form.created` - enquiry_form.created
                * `enquiry_form.deleted` - enquiry_form.deleted
                * `enquiry_form.switched_off` - enquiry_form.switched_off
                * `enquiry_form.switched_on` - enquiry_form.switched_on
                * `enquiry_form.updated` - enquiry_form.updated
                * `instalment.overdue` - instalment.overdue
                * `invitation.accepted` - invitation.accepted
                * `invitation.created` - invitation.created
                * `invitation.revoked` - invitation.revoked
                * `invoice.emailed` - invoice.emailed
                * `invoice.issued` - invoice.issued
                * `invoice.voided` - invoice.voided
                * `invoices.prefix_changed` - invoices.prefix_changed
                * `itinerary.confirmed` - itinerary.confirmed
                * `itinerary.created` - itinerary.created
                * `itinerary.day_added` - itinerary.day_added
                * `itinerary.day_moved` - itinerary.day_moved
                * `itinerary.day_removed` - itinerary.day_removed
                * `itinerary.day_updated` - itinerary.day_updated
                * `itinerary.deleted` - itinerary.deleted
                * `itinerary.item_added` - itinerary.item_added
                * `itinerary.item_moved` - itinerary.item_moved
                * `itinerary.item_moved_to_day` - itinerary.item_moved_to_day
                * `itinerary.item_removed` - itinerary.item_removed
                * `itinerary.item_updated` - itinerary.item_updated
                * `itinerary.plan_replaced` - itinerary.plan_replaced
                * `itinerary.travellers_set` - itinerary.travellers_set
                * `itinerary.updated` - itinerary.updated
                * `itinerarytemplate.created` - itinerarytemplate.created
                * `itinerarytemplate.deleted` - itinerarytemplate.deleted
                * `itinerarytemplate.updated` - itinerarytemplate.updated
                * `itinerarytemplate.used` - itinerarytemplate.used
                * `job.failed` - job.failed
                * `job.retried` - job.retried
                * `libraryitem.created` - libraryitem.created
                * `libraryitem.deleted` - libraryitem.deleted
                * `libraryitem.updated` - libraryitem.updated
                * `libraryitem.used` - libraryitem.used
                * `member.deactivated` - member.deactivated
                * `member.reactivated` - member.reactivated
                * `member.role_changed` - member.role_changed
                * `payment.created` - payment.created
                * `payment.deleted` - payment.deleted
                * `payment.recorded` - payment.recorded
                * `payment.refunded` - payment.refunded
                * `payment.updated` - payment.updated
                * `payment.voided` - payment.voided
                * `proposal.accepted` - proposal.accepted
                * `proposal.created` - proposal.created
                * `proposal.declined` - proposal.declined
                * `proposal.deleted` - proposal.deleted
                * `proposal.emailed` - proposal.emailed
                * `proposal.expired` - proposal.expired
                * `proposal.link_reactivated` - proposal.link_reactivated
                * `proposal.link_revoked` - proposal.link_revoked
                * `proposal.options_changed` - proposal.options_changed
                * `proposal.reopened` - proposal.reopened
                * `proposal.sent` - proposal.sent
                * `proposal.travellers_set` - proposal.travellers_set
                * `proposal.updated` - proposal.updated
                * `proposal.version_frozen` - proposal.version_frozen
                * `proposal.viewed` - proposal.viewed
                * `receipt.emailed` - receipt.emailed
                * `receipt.issued` - receipt.issued
                * `receipt.voided` - receipt.voided
                * `schedule.cleared` - schedule.cleared
                * `schedule.set` - schedule.set
                * `supplier.archived` - supplier.archived
                * `supplier.created` - supplier.created
                * `supplier.deleted` - supplier.deleted
                * `supplier.restored` - supplier.restored
                * `supplier.updated` - supplier.updated
                * `task.completed` - task.completed
                * `task.created` - task.created
                * `task.deleted` - task.deleted
                * `task.reopened` - task.reopened
                * `task.updated` - task.updated
                * `terms.published` - terms.published
                * `traveller.created` - traveller.created
                * `traveller.deleted` - traveller.deleted
                * `traveller.documents_revealed` - traveller.documents_revealed
                * `traveller.updated` - traveller.updated
                * `user.recovery_code_used` - user.recovery_code_used
                * `user.recovery_codes_regenerated` - user.recovery_codes_regenerated
                * `user.sign_in_failed` - user.sign_in_failed
                * `user.signed_in` - user.signed_in
                * `user.two_factor_disabled` - user.two_factor_disabled
                * `user.two_factor_enabled` - user.two_factor_enabled
                * `user.two_factor_failed` - user.two_factor_failed
                * `webhook.created` - webhook.created
                * `webhook.deleted` - webhook.deleted
                * `webhook.delivery_replayed` - webhook.delivery_replayed
                * `webhook.disabled` - webhook.disabled
                * `webhook.secret_rotated` - webhook.secret_rotated
                * `webhook.switched_off` - webhook.switched_off
                * `webhook.switched_on` - webhook.switched_on
                * `webhook.test_sent` - webhook.test_sent
                * `webhook.updated` - webhook.updated
            summary (str): The event in words: "Amir Haddad recorded a payment of 500.00 EUR".
            details (list[str]): The diff and the event's data as lines: 'Status: Lead → Active'.
            action (ActionEnum): * `create` - Created
                * `update` - Updated
                * `delete` - Deleted
                * `token_create` - API token created
                * `token_revoke` - API token revoked
                * `sign_in` - Signed in
                * `sign_in_failed` - Sign-in failed
            channel (ChannelEnum): * `dashboard` - Dashboard
                * `api` - API
                * `web_form` - Website form
                * `client_link` - Client's proposal link
                * `admin` - Admin
                * `system` - System
            object_type (str): client, itinerary, proposal, booking, payment
            object_id (int | None):
            object_repr (str):
            actor_id (int | None):
            actor_name (str): The agent's name at the time; empty for the system.
            changes (ActivityChanges): Field name → [old value, new value]; empty for deletions.
            data (ActivityData): What the event carries beyond the diff (a day's number, the form's name...).
            created_at (datetime.datetime):
    """

    id: int
    event: EventEnum
    summary: str
    details: list[str]
    action: ActionEnum
    channel: ChannelEnum
    object_type: str
    object_id: int | None
    object_repr: str
    actor_id: int | None
    actor_name: str
    changes: ActivityChanges
    data: ActivityData
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        event = self.event.value

        summary = self.summary

        details = self.details

        action = self.action.value

        channel = self.channel.value

        object_type = self.object_type

        object_id: int | None
        object_id = self.object_id

        object_repr = self.object_repr

        actor_id: int | None
        actor_id = self.actor_id

        actor_name = self.actor_name

        changes = self.changes.to_dict()

        data = self.data.to_dict()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "event": event,
                "summary": summary,
                "details": details,
                "action": action,
                "channel": channel,
                "object_type": object_type,
                "object_id": object_id,
                "object_repr": object_repr,
                "actor_id": actor_id,
                "actor_name": actor_name,
                "changes": changes,
                "data": data,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity_changes import ActivityChanges  # noqa: PLC0415
        from ..models.activity_data import ActivityData  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        event = EventEnum(d.pop("event"))

        summary = d.pop("summary")

        details = cast(list[str], d.pop("details"))

        action = ActionEnum(d.pop("action"))

        channel = ChannelEnum(d.pop("channel"))

        object_type = d.pop("object_type")

        def _parse_object_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        object_id = _parse_object_id(d.pop("object_id"))

        object_repr = d.pop("object_repr")

        def _parse_actor_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))

        actor_name = d.pop("actor_name")

        changes = ActivityChanges.from_dict(d.pop("changes"))

        data = ActivityData.from_dict(d.pop("data"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        activity = cls(
            id=id,
            event=event,
            summary=summary,
            details=details,
            action=action,
            channel=channel,
            object_type=object_type,
            object_id=object_id,
            object_repr=object_repr,
            actor_id=actor_id,
            actor_name=actor_name,
            changes=changes,
            data=data,
            created_at=created_at,
        )

        activity.additional_properties = d
        return activity

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
