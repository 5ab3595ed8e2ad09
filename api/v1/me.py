"""``GET /me``: your account summary and record counts."""

from __future__ import annotations

from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import Role
from accounts.tenancy import member_agency
from api.base import ApiViewMixin, envelope
from api.serializers import Id, OutputSerializer, Text
from crm import summary


class MeUserSerializer(OutputSerializer):
    """The user the token acts as."""

    id = Id()
    username = serializers.CharField()
    name = Text()
    email = serializers.CharField()
    role = serializers.ChoiceField(choices=Role.choices)


class MeAgencySerializer(OutputSerializer):
    """The agency (tenant) every request is scoped to."""

    id = Id()
    name = serializers.CharField()
    slug = serializers.CharField()
    default_currency = serializers.CharField()
    timezone = serializers.CharField()


class MeCountsSerializer(serializers.Serializer):
    """How many records your agency holds."""

    clients = serializers.IntegerField()
    itineraries = serializers.IntegerField()
    proposals = serializers.IntegerField()
    bookings = serializers.IntegerField()


class MeSerializer(serializers.Serializer):
    """Your account summary and record counts."""

    user = MeUserSerializer()
    agency = MeAgencySerializer()
    counts = MeCountsSerializer()


class MeView(ApiViewMixin, APIView):
    """Your account summary and record counts."""

    response_serializer = MeSerializer

    def get(self, request: Request) -> Response:
        user = request.auth.user
        return envelope(
            {
                "user": MeUserSerializer.represent(user),
                "agency": MeAgencySerializer.represent(user.agency),
                # What this member can see (an agent restricted to their own clients counts
                # only theirs).
                "counts": summary.agency_counts(agency=member_agency(user)),
            }
        )
