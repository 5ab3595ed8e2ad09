"""``{% load history %}``: a page of events in words, for the dashboard's History cards."""

from __future__ import annotations

from collections.abc import Iterable

from django import template

from accounts.history import prepare
from accounts.models import Activity

register = template.Library()


@register.filter
def in_words(activities: Iterable[Activity]) -> list[Activity]:
    """The rows with their ``summary`` and ``details``, names read once for the whole list."""
    return prepare(activities)
