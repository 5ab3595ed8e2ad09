"""Writes of notifications: telling one member once per occasion (in-app, and by email when
the occasion deserves one), and marking them read."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.events import record_event
from accounts.models import Agency, Role, User
from accounts.tenancy import active_members
from core import mail
from crm.clients.models import Client
from crm.notifications.models import Notification

REMINDER_DAYS_MAX = 60  # the longest window an agency may choose for instalment reminders

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Email:
    """The email beside an in-app notification: a fixed subject, templates
    ``crm/notifications/email/<template>.txt`` and ``.html`` and what they show."""

    subject: str
    template: str
    context: dict[str, Any]
    reply_to: str = ""


def agent_for(*, agency_id: int, created_by_id: int | None, client: Client | None) -> User | None:
    """Who is told about a record: whoever created it, else its client's assigned agent, else
    the agency's owner; only an active member of the agency (someone who left is skipped)."""
    members = active_members(agency=agency_id)
    for candidate in (created_by_id, client.assigned_to_id if client else None):
        if candidate is not None:
            member = members.filter(pk=candidate).first()
            if member is not None:
                return member
    return members.filter(role=Role.OWNER).order_by("pk").first()


def notify(
    *,
    agency_id: int,
    recipient: User,
    kind: str,
    occasion: str,
    text: str,
    link: str,
    object_type: str,
    object_id: int | None,
    client_id: int | None = None,
    email: Email | None = None,
) -> Notification | None:
    """Tell ``recipient`` once for ``occasion``: the notification, and its email in the same
    transaction (an email that fails undoes the row, so the job's retry tries both again).
    ``None`` when the occasion was already told (a job run twice, a reminder's next run)."""
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                agency_id=agency_id,
                recipient=recipient,
                kind=kind,
                occasion=occasion[:200],
                text=text[:300],
                link=link,
                object_type=object_type,
                object_id=object_id,
                client_id=client_id,
            )
            if email is not None and recipient.email:
                _send(notification=notification, recipient=recipient, email=email)
    except IntegrityError:
        # Another run holds this occasion (the unique constraint decided, under any race).
        if not Notification.objects.for_agency(agency_id).filter(occasion=occasion).exists():
            raise
        return None
    return notification


def _send(*, notification: Notification, recipient: User, email: Email) -> None:
    agency = Agency.objects.get(pk=notification.agency_id)
    context = {
        **email.context,
        "agency_name": agency.name,
        "recipient_name": recipient.display_name,
        "text": notification.text,
        "url": mail.absolute(notification.link),
        "notifications_url": mail.absolute("/notifications/"),
    }
    try:
        mail.send(
            to=recipient.email,
            subject=email.subject,
            body=render_to_string(f"crm/notifications/email/{email.template}.txt", context),
            html_body=render_to_string(f"crm/notifications/email/{email.template}.html", context),
            kind=f"notification.{notification.kind}",
            agency=notification.agency_id,
            # The agency's own member: five an hour would drop real news (the agency limit
            # still applies); the notification's id makes a retried job queue it once.
            limit_recipient=False,
            idempotency_key=f"notification:{notification.pk}",
            reply_to=[email.reply_to] if email.reply_to else None,
        )
    except mail.MailLimitReached as exc:
        # The bell still says it; a flood of emails to one agent is what the limit prevents.
        logger.warning("notification %s not emailed: %s", notification.pk, exc)


def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, unread: QuerySet[Notification]) -> int:
    """Mark every notification of ``unread`` (a selector's, already scoped) read; the count."""
    return unread.filter(read_at__isnull=True).update(read_at=timezone.now())


def reminder_window_set(*, agency: Agency, days: int, actor: User | None) -> Agency:
    """How many days ahead an unpaid instalment is reminded (1 to 60; owners and admins, checked
    by the page); ``agency.reminders_changed`` records the change."""
    if not isinstance(days, int) or not 1 <= days <= REMINDER_DAYS_MAX:
        raise ValidationError(
            {"instalment_reminder_days": [f"A number of days from 1 to {REMINDER_DAYS_MAX}."]}
        )
    before = agency.instalment_reminder_days
    if before == days:
        return agency
    with transaction.atomic():
        Agency.objects.filter(pk=agency.pk).update(instalment_reminder_days=days)
        agency.instalment_reminder_days = days
        record_event(
            "agency.reminders_changed",
            agency_id=agency.pk,
            subject=agency,
            data={"from": before, "to": days},
            actor=actor,
        )
    return agency
