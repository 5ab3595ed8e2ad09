"""Reads of notifications: a member sees only their own, inside their agency."""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import Agency, User
from crm.notifications.models import Notification


def notification_list(*, agency: Agency, user: User) -> QuerySet[Notification]:
    """The member's notifications, newest first."""
    return (
        Notification.objects.for_agency(agency)
        .filter(recipient=user)
        .order_by("-created_at", "-id")
    )


def notification_get(*, agency: Agency, user: User, notification_id: int) -> Notification:
    """Raises ``Notification.DoesNotExist`` for a missing id, a colleague's and another
    agency's notification alike."""
    return notification_list(agency=agency, user=user).get(pk=notification_id)


def unread_count(*, agency: Agency | int | None, user: User) -> int:
    """The bell's number: one COUNT on the partial index of unread rows."""
    return (
        Notification.objects.for_agency(agency).filter(recipient=user, read_at__isnull=True).count()
    )
