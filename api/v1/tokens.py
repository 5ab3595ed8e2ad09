"""``GET /tokens/current/usage``: the calling token's requests per day over the last 30 days."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import ApiToken
from accounts.selectors import USAGE_DAYS, api_token_usage
from api.base import ApiViewMixin, envelope
from api.responses import ERRORS, enveloped
from api.serializers import Id


class UsageDaySerializer(serializers.Serializer):
    date = serializers.DateField(help_text="A day (UTC).")
    requests = serializers.IntegerField(min_value=0)


class TokenUsageSerializer(serializers.Serializer):
    """The calling token's requests per day, oldest first, every day present (0 when idle)."""

    token_id = Id()
    name = serializers.CharField()
    prefix = serializers.CharField()
    rate_limit = serializers.IntegerField(help_text="Requests per minute.")
    total = serializers.IntegerField(min_value=0, help_text="Requests over the whole period.")
    days = UsageDaySerializer(many=True)


TokenUsageEnvelopeSerializer = enveloped(TokenUsageSerializer)


class CurrentTokenUsageView(ApiViewMixin, APIView):
    """The calling token's requests per day over the last 30 days."""

    response_serializer = TokenUsageSerializer

    @extend_schema(
        summary="Usage of this token",
        description=f"Requests made with the calling token on each of the last {USAGE_DAYS} "
        "days (UTC, oldest first, today last, counted as requests arrive; every request "
        "counts, refused ones too).",
        responses={200: TokenUsageEnvelopeSerializer, 401: ERRORS[401], 429: ERRORS[429]},
    )
    def get(self, request: Request) -> Response:
        token = request.auth
        assert isinstance(token, ApiToken)  # TokenPermission
        days = api_token_usage(tokens=[token])[token.pk]
        return envelope(
            {
                "token_id": token.pk,
                "name": token.name,
                "prefix": token.prefix,
                "rate_limit": token.rate_limit,
                "total": sum(count for _day, count in days),
                "days": [{"date": day.isoformat(), "requests": count} for day, count in days],
            }
        )
