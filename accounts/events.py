"""Named events: what happened to a record, said in words, with who did it and through which
channel. The history people read and the outbox that notifications and webhooks are built from.

Every row of ``Activity`` is one event. Saves of audited models are recorded by
``accounts.audit`` from model signals (so no code path can forget them) under a default name
(``client.created``, ``booking.updated``...); a service that does something with a meaning of
its own names it, around the save, inside its own transaction::

    with named_event("proposal.accepted", subject=proposal):
        proposal.save(update_fields=[...])

The save is then recorded once, as ``proposal.accepted``, with its field diff as a detail.
Changes that no single save describes (a whole day-by-day plan replaced by bulk writes) are
recorded directly with :func:`record_event`.

Outbox contract (for the jobs and webhooks that read it; the catalogue is docs/events.md):

1. one row per event, written only here (``record_event``);
2. in the transaction of the change, so a rolled-back change leaves none and no event exists
   without its change;
3. ``id`` increases: a reader keeps the last id it handled and reads ``id > last``;
4. ``event``, ``agency_id``, ``object_type``/``object_id``, ``client_id`` and ``data`` say what
   to deliver; ``changes`` is the field diff; no secret is ever in either;
5. every name is in ``EVENTS``; an unknown name raises before anything is written;
6. a subscriber (:func:`subscribe`) is told of each new row of the names it chose, inside the
   same transaction: it enqueues a job (``core.jobs.enqueue``) with the row's id, so the work
   happens after the commit and never for a change that rolled back.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.http import HttpRequest

from accounts.models import Activity, ActivityChannel, User

# Every event name, and how the history says it. ``{actor}`` is who did it ("Eleanor", the
# client on their link, or "Itinera" for the system); ``{subject}`` the record's name.
EVENTS: dict[str, str] = {
    "client.created": "{actor} added the client {subject}",
    "client.updated": "{actor} updated the client {subject}",
    "client.note_added": "{actor} added a note",
    "client.archived": "{actor} archived the client {subject}",
    "client.restored": "{actor} restored the client {subject}",
    "client.deleted": "{actor} deleted the client {subject}",
    "traveller.created": "{actor} added the traveller {subject}",
    "traveller.updated": "{actor} updated the traveller {subject}",
    "traveller.deleted": "{actor} removed the traveller {subject}",
    "traveller.documents_revealed": "{actor} viewed the document numbers of {subject}",
    "itinerary.travellers_set": "{actor} changed who travels on the itinerary {subject}",
    "proposal.travellers_set": "{actor} changed who travels on the proposal {subject}",
    "booking.travellers_set": "{actor} changed who travels on the booking {subject}",
    "client.merged": "{actor} merged the client {merged_name} into {subject}",
    "client.merged_away": "{actor} merged the client {subject} into {into_name}",
    "client.imported": "{actor} imported clients from {filename}",
    "client.erased": "{actor} erased the client's personal data",
    "itinerarytemplate.created": "{actor} saved the itinerary template {subject}",
    "itinerarytemplate.updated": "{actor} updated the itinerary template {subject}",
    "itinerarytemplate.deleted": "{actor} deleted the itinerary template {subject}",
    "itinerarytemplate.used": "{actor} started “{itinerary_title}” from the template {subject}",
    "libraryitem.created": "{actor} saved {subject} to the library",
    "libraryitem.updated": "{actor} updated the library item {subject}",
    "libraryitem.deleted": "{actor} deleted the library item {subject}",
    "libraryitem.used": "{actor} inserted the library item {subject} into “{itinerary_title}”",
    "itinerary.created": "{actor} created the itinerary {subject}",
    "itinerary.updated": "{actor} updated the itinerary {subject}",
    "itinerary.plan_replaced": "{actor} replaced the day-by-day plan of {subject}",
    "itinerary.day_added": "{actor} added day {day_number} to {subject}",
    "itinerary.day_updated": "{actor} edited day {day_number} of {subject}",
    "itinerary.day_moved": "{actor} moved day {from} of {subject} to day {to}",
    "itinerary.day_removed": "{actor} removed day {day_number} from {subject}",
    "itinerary.item_added": "{actor} added “{item_title}” to day {day_number} of {subject}",
    "itinerary.item_updated": "{actor} edited “{item_title}” on day {day_number} of {subject}",
    "itinerary.item_moved": (
        "{actor} moved “{item_title}” on day {day_number} of {subject} from {from} to {to}"
    ),
    "itinerary.item_moved_to_day": (
        "{actor} moved “{item_title}” from day {from_day} to day {day_number} of {subject}"
    ),
    "itinerary.item_removed": "{actor} removed “{item_title}” from day {day_number} of {subject}",
    "itinerary.deleted": "{actor} deleted the itinerary {subject}",
    "itinerary.confirmed": "{actor} confirmed the itinerary {subject}: its proposal was accepted",
    "proposal.created": "{actor} drafted the proposal {subject}",
    "proposal.updated": "{actor} updated the proposal {subject}",
    "proposal.sent": "{actor} sent the proposal {subject}",
    "proposal.viewed": "{actor} opened the proposal {subject}",
    "proposal.accepted": "{actor} accepted the proposal {subject}",
    "proposal.declined": "{actor} declined the proposal {subject}",
    "proposal.expired": "Itinera: the proposal {subject} expired",
    "proposal.reopened": "{actor} took the proposal {subject} back to draft",
    "proposal.link_revoked": "{actor} revoked the link of the proposal {subject}",
    "proposal.emailed": "{actor} emailed the proposal {subject} to the client",
    "proposal.version_frozen": "{actor} froze a new version of the proposal {subject}",
    "proposal.link_reactivated": "{actor} re-activated the link of the proposal {subject}",
    "terms.published": "{actor} published new terms and conditions {subject}",
    "proposal.options_changed": "{actor} changed the options and prices of the proposal {subject}",
    "branding.updated": "{actor} changed the agency's branding",
    "proposal.deleted": "{actor} deleted the proposal {subject}",
    "booking.created": "{actor} created the booking {subject}",
    "booking.updated": "{actor} updated the booking {subject}",
    "booking.confirmed": "{actor} confirmed the booking {subject}",
    "booking.cancelled": "{actor} cancelled the booking {subject}",
    "booking.completed": "{actor} marked the booking {subject} completed",
    "booking.archived": "{actor} archived the booking {subject}",
    "booking.restored": "{actor} restored the booking {subject}",
    "booking.deleted": "{actor} deleted the booking {subject}",
    "payment.created": "{actor} added a payment of {subject}",
    "payment.recorded": "{actor} recorded a payment of {subject}",
    "payment.updated": "{actor} corrected the payment of {subject}: {reason}",
    "payment.deleted": "{actor} deleted the payment of {subject}",
    "payment.refunded": "{actor} recorded a {subject}",
    "payment.voided": "{actor} voided the payment of {subject}: {reason}",
    "commission.received": (
        "{actor} recorded {amount} {currency} of commission from {supplier} on {booking_reference}"
    ),
    "commission.voided": (
        "{actor} voided a commission receipt of {amount} {currency} on {booking_reference}: "
        "{reason}"
    ),
    "schedule.set": "{actor} set the payment schedule of {subject}",
    "schedule.cleared": "{actor} cleared the payment schedule of {subject}",
    "invoice.issued": "{actor} issued the invoice {subject} for {booking_reference}",
    "invoice.voided": "{actor} voided the invoice {subject}: {reason}",
    "invoice.emailed": "{actor} emailed the invoice {subject} to {to}",
    "invoices.prefix_changed": "{actor} changed the {series} numbering prefix from {from} to {to}",
    "receipt.issued": "{actor} issued the receipt {subject} for {booking_reference}",
    "receipt.voided": "{actor} voided the receipt {subject}: {reason}",
    "receipt.emailed": "{actor} emailed the receipt {subject} to {to}",
    "instalment.overdue": "Itinera: the instalment {label} of {booking_reference} is overdue",
    "booking_service.added": "{actor} added “{description}” to the booking {subject}",
    "booking_service.updated": "{actor} updated “{description}” on the booking {subject}",
    "booking_service.cancelled": "{actor} cancelled “{description}” on the booking {subject}",
    "booking_service.removed": "{actor} removed “{description}” from the booking {subject}",
    "supplier.created": "{actor} added the supplier {subject}",
    "supplier.updated": "{actor} updated the supplier {subject}",
    "supplier.archived": "{actor} archived the supplier {subject}",
    "supplier.restored": "{actor} restored the supplier {subject}",
    "supplier.deleted": "{actor} deleted the supplier {subject}",
    "task.created": "{actor} added the task {subject}",
    "task.updated": "{actor} updated the task {subject}",
    "task.completed": "{actor} completed the task {subject}",
    "task.reopened": "{actor} reopened the task {subject}",
    "task.deleted": "{actor} deleted the task {subject}",
    "agency.reminders_changed": (
        "{actor} changed the instalment reminders of {subject} from {from} to {to} days ahead"
    ),
    "agency.follow_ups_changed": "{actor} changed the automatic follow-ups of {subject}",
    "enquiry.received": "{actor} sent an enquiry through the website form {subject}",
    "enquiry.status_changed": "{actor} marked the enquiry from {subject} {status}",
    "enquiry.assigned": "{actor} gave the enquiry from {subject} to {assignee}",
    "enquiry.converted": "{actor} started the itinerary {itinerary_title} from {subject}'s enquiry",
    "enquiry_form.created": "{actor} created the website form {subject}",
    "enquiry_form.updated": "{actor} changed the website form {subject}",
    "enquiry_form.switched_off": "{actor} switched off the website form {subject}",
    "enquiry_form.switched_on": "{actor} switched on the website form {subject}",
    "enquiry_form.deleted": "{actor} deleted the website form {subject}",
    "api_token.created": "{actor} created the API token {subject}",
    "api_token.revoked": "{actor} revoked the API token {subject}",
    "api_token.rate_limit_changed": (
        "{actor} changed the rate limit of the API token {subject} from {from} to {to} a minute"
    ),
    "member.role_changed": "{actor} changed the role of {subject} from {from} to {to}",
    "member.deactivated": "{actor} deactivated {subject}",
    "member.reactivated": "{actor} reactivated {subject}",
    "invitation.created": "{actor} invited {subject} as {role}",
    "invitation.revoked": "{actor} revoked the invitation of {subject}",
    "invitation.accepted": "{actor} accepted the invitation and joined as {role}",
    "user.signed_in": "{actor} signed in",
    "user.sign_in_failed": "Someone failed to sign in as {subject}",
    "user.two_factor_enabled": "{actor} turned on two-factor sign-in",
    "user.two_factor_disabled": "{actor} turned off two-factor sign-in",
    "user.two_factor_failed": "Someone entered a wrong two-factor code for {subject}",
    "user.recovery_code_used": "{actor} used a two-factor recovery code",
    "user.recovery_codes_regenerated": "{actor} made new two-factor recovery codes",
    "agency.two_factor_required": "{actor} required two-factor sign-in for everyone at {subject}",
    "agency.two_factor_optional": "{actor} made two-factor sign-in optional at {subject}",
    "agency.visibility_changed": "{actor} let agents of {subject} see {rule}",
    "agency.api_enabled": "{actor} switched API access on for {subject}",
    "agency.api_disabled": "{actor} switched API access off for {subject}",
    "agency.api_rate_limit_changed": (
        "{actor} changed the default API rate limit of {subject} from {from} to {to} a minute"
    ),
    "webhook.created": "{actor} added the webhook endpoint {subject}",
    "webhook.updated": "{actor} changed the webhook endpoint {subject}",
    "webhook.switched_off": "{actor} switched off the webhook endpoint {subject}",
    "webhook.switched_on": "{actor} switched on the webhook endpoint {subject}",
    "webhook.secret_rotated": "{actor} rotated the signing secret of the webhook {subject}",
    "webhook.deleted": "{actor} deleted the webhook endpoint {subject}",
    "webhook.disabled": "Itinera switched off the webhook endpoint {subject}: {detail}",
    "webhook.delivery_replayed": "{actor} replayed a {event_type} delivery to {subject}",
    "webhook.test_sent": "{actor} sent a test event to the webhook endpoint {subject}",
    "job.failed": "{actor} gave up on the background job {subject} after its last attempt: {error}",
    "job.retried": "{actor} retried the failed background job {subject}",
}


# Who and through which channel -----------------------------------------------------------


@dataclass
class AuditContext:
    channel: str
    request: HttpRequest | None = None
    actor: User | None = None

    def resolve_actor(self) -> User | None:
        if self.actor is not None:
            return self.actor
        user = getattr(self.request, "user", None)
        if user is not None and getattr(user, "is_authenticated", False):
            return user
        return None


_current: contextvars.ContextVar[AuditContext | None] = contextvars.ContextVar(
    "itinera_audit_context", default=None
)


@contextmanager
def audit_context(
    *, channel: str, actor: User | None = None, request: HttpRequest | None = None
) -> Iterator[AuditContext]:
    context = AuditContext(channel=channel, request=request, actor=actor)
    token = _current.set(context)
    try:
        yield context
    finally:
        _current.reset(token)


def current_context() -> AuditContext:
    return _current.get() or AuditContext(channel=ActivityChannel.SYSTEM)


def channel_for_path(path: str) -> str:
    if path.startswith("/api/"):
        return ActivityChannel.API
    if path.startswith("/forms/"):
        return ActivityChannel.WEB_FORM
    if path.startswith("/admin/"):
        return ActivityChannel.ADMIN
    if path.startswith("/p/"):
        return ActivityChannel.CLIENT_LINK
    return ActivityChannel.DASHBOARD


# Naming a save ---------------------------------------------------------------------------


@dataclass
class _Pending:
    name: str
    label: str | None  # "crm.Proposal", or None for "whatever this block saves first"
    pk: Any
    data: dict[str, Any] = field(default_factory=dict)
    used: bool = False


_pending: contextvars.ContextVar[tuple[_Pending, ...]] = contextvars.ContextVar(
    "itinera_named_events", default=()
)


@contextmanager
def named_event(
    name: str, *, subject: models.Model | None = None, data: dict[str, Any] | None = None
) -> Iterator[None]:
    """Record the save of ``subject`` inside this block as event ``name`` (not the default
    ``<type>.updated``), with ``data`` beside the field diff."""
    if name not in EVENTS:
        raise ValueError(f"Unknown event {name!r}: add it to accounts.events.EVENTS.")
    pending = _Pending(
        name=name,
        label=subject._meta.label if subject is not None else None,
        pk=subject.pk if subject is not None else None,
        data=dict(data or {}),
    )
    token = _pending.set((*_pending.get(), pending))
    try:
        yield
    finally:
        _pending.reset(token)


def claim_name(instance: models.Model, default: str) -> tuple[str, dict[str, Any]]:
    """The event name (and data) for this save: the innermost unused ``named_event`` whose
    subject is ``instance``, else ``default``. Called by ``accounts.audit``."""
    for pending in reversed(_pending.get()):
        if pending.used:
            continue
        if pending.label is None or (
            pending.label == instance._meta.label and pending.pk in (None, instance.pk)
        ):
            pending.used = True
            return pending.name, pending.data
    return default, {}


def record_event(
    name: str,
    *,
    agency_id: int | None,
    subject: models.Model | None = None,
    object_type: str = "",
    object_id: int | None = None,
    object_repr: str = "",
    client_id: int | None = None,
    data: dict[str, Any] | None = None,
    changes: dict[str, Any] | None = None,
    action: str = "update",
    actor: User | None = None,
    actor_name: str = "",
    channel: str | None = None,
) -> Activity:
    """Write one event now, inside the caller's transaction: the one writer of Activity rows."""
    if name not in EVENTS:
        raise ValueError(f"Unknown event {name!r}: add it to accounts.events.EVENTS.")
    if subject is not None:
        object_type = object_type or subject._meta.model_name or ""
        object_id = object_id if object_id is not None else subject.pk
        object_repr = object_repr or str(subject)
    context = current_context()
    actor = actor or context.resolve_actor()
    activity = Activity.objects.create(
        agency_id=agency_id,
        actor=actor,
        actor_name=(actor.display_name if actor else actor_name)[:200],
        channel=channel or context.channel,
        event=name,
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr[:200],
        client_id=client_id,
        changes=changes or {},
        data=data or {},
    )
    for subscriber in _subscribers.get(name, ()):
        subscriber(activity)
    return activity


# Subscribers: the one hook from the event log to the work it causes ------------------------

Subscriber = Callable[[Activity], None]
_subscribers: dict[str, list[Subscriber]] = {}


def subscribe(*names: str) -> Callable[[Subscriber], Subscriber]:
    """Call the decorated function with every new Activity row named one of ``names``, inside
    the recording transaction. It should only enqueue a job with the row's id (anything slow
    or fallible there would hold up, or undo, the change being recorded)."""
    unknown = [name for name in names if name not in EVENTS]
    if unknown:
        raise ValueError(f"Unknown events {unknown!r}: add them to accounts.events.EVENTS.")

    def register(subscriber: Subscriber) -> Subscriber:
        for name in names:
            if subscriber not in _subscribers.setdefault(name, []):
                _subscribers[name].append(subscriber)
        return subscriber

    return register
