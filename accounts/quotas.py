"""Each agency's quotas: how many records of a kind it may hold (issue #12).

The limits are settings (``QUOTA_CLIENTS``, ``QUOTA_ITINERARIES``, ``QUOTA_PROPOSALS``,
``QUOTA_BOOKINGS``, ``QUOTA_WEBSITE_FORMS``, ``QUOTA_WEBHOOKS``, ``QUOTA_SUPPLIERS``,
``QUOTA_API_TOKENS_PER_USER``; environment overrides, generous defaults): far above what a real
agency holds, low enough that one self-registered agency cannot fill the database for
everyone. A create past one is refused with a ``ValidationError`` naming the limit: a 422 in
the API (``errors.non_field_errors``), a message above the dashboard's form.

Counting stays cheap: an agency far from its limit is counted exactly at most once every
``RECOUNT_SECONDS`` (one indexed ``COUNT`` on ``agency_id``), in between the shared cache keeps
the count, raised by one per create; within ``margin`` of the limit every create counts
exactly, so the limit holds to the record. There are no uploads yet, hence no storage quota.
"""

from __future__ import annotations

import contextlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

RECOUNT_SECONDS = 600

# name -> (setting, what the message calls the records)
AGENCY_QUOTAS = {
    "clients": ("QUOTA_CLIENTS", "clients"),
    "itineraries": ("QUOTA_ITINERARIES", "itineraries"),
    "proposals": ("QUOTA_PROPOSALS", "proposals"),
    "bookings": ("QUOTA_BOOKINGS", "bookings"),
    "website_forms": ("QUOTA_WEBSITE_FORMS", "website forms"),
    "webhooks": ("QUOTA_WEBHOOKS", "webhook endpoints"),
    "suppliers": ("QUOTA_SUPPLIERS", "suppliers"),
}


def quota_limit(name: str) -> int:
    setting, _ = AGENCY_QUOTAS[name]
    return int(getattr(settings, setting))


def quota_message(limit: int, noun: str, holder: str = "Your agency") -> str:
    return f"{holder} has reached its limit of {limit:,} {noun}; contact support to raise it."


def _margin(limit: int) -> int:
    """How close to the limit every create is counted exactly (1%, at least 50)."""
    return max(50, limit // 100)


def agency_quota_check(name: str, *, agency_id: int, rows: QuerySet) -> None:
    """Refuse one more of ``name`` (a key of ``AGENCY_QUOTAS``) when the agency holds its
    limit already. ``rows`` is the agency's records of that kind (``Model.objects.for_agency``),
    counted only when the cached count is missing or near the limit. Call it in the create's
    transaction, before the save."""
    limit = quota_limit(name)
    key = f"quota:{name}:{agency_id}"
    count = cache.get(key)
    if count is None or count >= limit - _margin(limit):
        count = rows.order_by().count()
        cache.set(key, count, RECOUNT_SECONDS)
    if count >= limit:
        raise ValidationError({"__all__": [quota_message(limit, AGENCY_QUOTAS[name][1])]})
    # This create, until the next exact count (expired in between: the next create counts).
    with contextlib.suppress(ValueError):
        cache.incr(key)


def tokens_per_user_check(*, live_tokens: int) -> None:
    """Refuse one more API token to a user who holds the limit of live (unrevoked, unexpired)
    ones already: revoke one first."""
    limit = int(settings.QUOTA_API_TOKENS_PER_USER)
    if live_tokens >= limit:
        raise ValidationError(
            {
                "__all__": [
                    f"You have {limit} active API tokens, the most one person may hold; "
                    "revoke one you no longer use first."
                ]
            }
        )
