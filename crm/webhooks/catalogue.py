"""The webhook event types integrators subscribe to, and the event-log names behind each.

A webhook type names a change of one API resource (``proposal.accepted``); its ``data`` is that
resource exactly as ``GET /api/v1/<resource>/{id}`` shows it at sending time (``{"id": ...}``
alone for a deletion). Several event-log names can feed one type: every builder edit of an
itinerary's plan (``itinerary.day_added``, ``itinerary.item_moved``...) is an
``itinerary.updated`` to an integrator.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WebhookType:
    name: str
    resource: str  # the API resource in ``data``: client, itinerary, proposal, booking, ...
    description: str
    deleted: bool = False  # ``data`` is only ``{"id": ...}``: the record is gone


TEST_EVENT = "webhook.test"

TYPES: dict[str, WebhookType] = {
    t.name: t
    for t in (
        WebhookType("client.created", "client", "A client was added (any channel)."),
        WebhookType("client.updated", "client", "A client's details or notes changed."),
        WebhookType("client.archived", "client", "A client was archived."),
        WebhookType("client.restored", "client", "An archived client was restored."),
        WebhookType("client.deleted", "client", "A client was deleted.", deleted=True),
        WebhookType(
            "enquiry.received",
            "enquiry",
            "A website form's enquiry arrived (a new lead, or a known client asking again).",
        ),
        WebhookType("itinerary.created", "itinerary", "An itinerary was created."),
        WebhookType(
            "itinerary.updated", "itinerary", "An itinerary or its day-by-day plan changed."
        ),
        WebhookType("itinerary.deleted", "itinerary", "An itinerary was deleted.", deleted=True),
        WebhookType("proposal.created", "proposal", "A proposal was drafted."),
        WebhookType("proposal.updated", "proposal", "A proposal's details changed."),
        WebhookType("proposal.sent", "proposal", "A proposal was sent to the client."),
        WebhookType("proposal.viewed", "proposal", "The client opened the proposal's link."),
        WebhookType("proposal.accepted", "proposal", "The client accepted the proposal."),
        WebhookType("proposal.declined", "proposal", "The client declined the proposal."),
        WebhookType("proposal.expired", "proposal", "The proposal passed its valid-until date."),
        WebhookType("proposal.deleted", "proposal", "A proposal was deleted.", deleted=True),
        WebhookType("booking.created", "booking", "A booking was created."),
        WebhookType(
            "booking.updated",
            "booking",
            "A booking changed: its details, its status (confirmed, cancelled, completed), "
            "archived or restored.",
        ),
        WebhookType("booking.deleted", "booking", "A booking was deleted.", deleted=True),
        WebhookType("payment.recorded", "payment", "A payment was recorded against a booking."),
        WebhookType("payment.refunded", "payment", "A refund was recorded against a booking."),
        WebhookType(
            "payment.updated", "payment", "An owner or admin corrected a payment (with a reason)."
        ),
        WebhookType(
            "payment.voided",
            "payment",
            "An owner or admin voided a payment (with a reason); it no longer counts.",
        ),
        WebhookType("task.created", "task", "A task was added (by a member or a follow-up)."),
        WebhookType("task.updated", "task", "A task's title, due date, assignee... changed."),
        WebhookType("task.completed", "task", "A task was marked done."),
        WebhookType("task.reopened", "task", "A done task was opened again."),
        WebhookType("task.deleted", "task", "A task was deleted.", deleted=True),
        WebhookType(
            "commission.received",
            "commission_receipt",
            "Commission a supplier paid for a booked service was recorded (a partial receipt, or "
            "the whole outstanding amount).",
        ),
        WebhookType(
            "commission.voided",
            "commission_receipt",
            "An owner or admin voided a commission receipt (with a reason); it no longer counts.",
        ),
        WebhookType(
            "instalment.overdue",
            "booking",
            "An instalment of a booking's payment schedule passed its due date unpaid (once per "
            "instalment); `data` is the booking, whose `schedule` shows it.",
        ),
    )
}

# Event-log name -> webhook type. Names not here (sign-ins, team changes, notes on forms...)
# are never sent: they are the agency's business, not an integration's.
FROM_ACTIVITY: dict[str, str] = {
    "client.created": "client.created",
    "client.updated": "client.updated",
    "client.note_added": "client.updated",
    "client.archived": "client.archived",
    "client.restored": "client.restored",
    "client.deleted": "client.deleted",
    # A merge: the survivor changed, the duplicate is gone (crm.clients.merge).
    "client.merged": "client.updated",
    "client.merged_away": "client.deleted",
    "enquiry.received": "enquiry.received",
    "itinerary.created": "itinerary.created",
    "itinerary.updated": "itinerary.updated",
    "itinerary.plan_replaced": "itinerary.updated",
    "itinerary.day_added": "itinerary.updated",
    "itinerary.day_updated": "itinerary.updated",
    "itinerary.day_moved": "itinerary.updated",
    "itinerary.day_removed": "itinerary.updated",
    "itinerary.item_added": "itinerary.updated",
    "itinerary.item_updated": "itinerary.updated",
    "itinerary.item_moved": "itinerary.updated",
    "itinerary.item_moved_to_day": "itinerary.updated",
    "itinerary.item_removed": "itinerary.updated",
    "itinerary.confirmed": "itinerary.updated",
    "itinerary.deleted": "itinerary.deleted",
    "proposal.created": "proposal.created",
    "proposal.updated": "proposal.updated",
    "proposal.reopened": "proposal.updated",
    "proposal.link_revoked": "proposal.updated",
    "proposal.link_reactivated": "proposal.updated",
    "proposal.version_frozen": "proposal.updated",
    "proposal.options_changed": "proposal.updated",
    "proposal.sent": "proposal.sent",
    "proposal.viewed": "proposal.viewed",
    "proposal.accepted": "proposal.accepted",
    "proposal.declined": "proposal.declined",
    "proposal.expired": "proposal.expired",
    "proposal.deleted": "proposal.deleted",
    "booking.created": "booking.created",
    "booking.updated": "booking.updated",
    "booking.confirmed": "booking.updated",
    "booking.cancelled": "booking.updated",
    "booking.completed": "booking.updated",
    "booking.archived": "booking.updated",
    "booking.restored": "booking.updated",
    "booking.deleted": "booking.deleted",
    "payment.created": "payment.recorded",
    "payment.recorded": "payment.recorded",
    "payment.refunded": "payment.refunded",
    "payment.updated": "payment.updated",
    "payment.voided": "payment.voided",
    "instalment.overdue": "instalment.overdue",
    "commission.received": "commission.received",
    "commission.voided": "commission.voided",
    "task.created": "task.created",
    "task.updated": "task.updated",
    "task.completed": "task.completed",
    "task.reopened": "task.reopened",
    "task.deleted": "task.deleted",
}


def type_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in TYPES]
