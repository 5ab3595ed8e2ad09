"""A record's history, as ``GET /clients/{id}/activity`` shows it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rest_framework import serializers

from accounts.events import EVENTS
from accounts.history import prepare
from accounts.models import ActivityAction, ActivityChannel
from api.serializers import Id, OutputSerializer, Text


class ActivitySerializer(OutputSerializer):
    """One event of a record's history: what happened (by name and in words), who, when,
    through which channel, what it carries and what changed."""

    id = Id()
    event = serializers.ChoiceField(
        choices=sorted(EVENTS),
        help_text="What happened, by name (client.created, proposal.accepted...): "
        "see docs/events.md.",
    )
    summary = Text(help_text='The event in words: "Amir Haddad recorded a payment of 500.00 EUR".')
    details = serializers.ListField(
        child=serializers.CharField(),
        help_text="The diff and the event's data as lines: 'Status: Lead → Active'.",
    )
    action = serializers.ChoiceField(choices=ActivityAction.choices)
    channel = serializers.ChoiceField(choices=ActivityChannel.choices)
    object_type = serializers.CharField(help_text="client, itinerary, proposal, booking, payment")
    object_id = Id(allow_null=True)
    object_repr = Text()
    actor_id = Id(allow_null=True)
    actor_name = Text(help_text="The agent's name at the time; empty for the system.")
    changes = serializers.DictField(
        help_text="Field name → [old value, new value]; empty for deletions."
    )
    # Not Serializer.data: the serializer's metaclass moves declared fields off the class.
    data = serializers.DictField(  # type: ignore[assignment]
        help_text="What the event carries beyond the diff (a day's number, the form's name...)."
    )
    created_at = serializers.DateTimeField()

    @classmethod
    def represent(cls, instance: Any) -> dict[str, Any]:
        return super().represent(prepare([instance])[0])

    @classmethod
    def represent_many(cls, instances: Iterable[Any]) -> list[dict[str, Any]]:
        # The page's names (members, clients...) are read once here, not once per row.
        return super().represent_many(prepare(instances))
