"""A record's history, as ``GET /clients/{id}/activity`` shows it."""

from __future__ import annotations

from rest_framework import serializers

from accounts.models import ActivityAction, ActivityChannel
from api.serializers import Id, OutputSerializer, Text


class ActivitySerializer(OutputSerializer):
    """One entry of a record's history: who, when, through which channel, what changed."""

    id = Id()
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
    created_at = serializers.DateTimeField()
