"""``{% unread_notifications as unread %}``: the bell's count for the signed-in member (one
indexed COUNT per page; none for a visitor or a user without an agency)."""

from __future__ import annotations

from typing import Any

from django import template

from crm.notifications.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context: dict[str, Any]) -> int:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.agency_id is None:
        return 0
    return unread_count(agency=user.agency_id, user=user)
