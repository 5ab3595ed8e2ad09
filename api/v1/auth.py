"""``POST /auth/token``: a token for a script, from an email (or username) and password;
``POST /auth/logout``: revoke the token that makes the call.

The token sign-in follows the sign-in page's rules (``accounts.api_access.api_token_sign_in``):
its lockout, no difference between an unknown account and a wrong password, the second factor
when the account has one.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.api_access import (
    TOKEN_SIGN_IN_DAYS,
    TOKEN_SIGN_IN_MAX_DAYS,
    SignInRefused,
    api_token_sign_in,
)
from accounts.models import ApiToken
from accounts.services import api_token_revoke
from api.base import ApiViewMixin, envelope
from api.exceptions import error_response
from api.responses import ERRORS, enveloped
from api.serializers import Id, OutputSerializer, timestamp


class TokenRequestSerializer(serializers.Serializer):
    # One of the two, never both (validate): the schema's oneOf (api.schema).
    exactly_one_of = ("email", "username")

    email = serializers.CharField(
        max_length=254, required=False, help_text="Your email, or send `username` instead."
    )
    username = serializers.CharField(max_length=150, required=False)
    password = serializers.CharField(max_length=4096, trim_whitespace=False)
    name = serializers.CharField(
        max_length=100, help_text="What the token is for, e.g. 'Nightly export'."
    )
    expires_in_days = serializers.IntegerField(
        min_value=1,
        max_value=TOKEN_SIGN_IN_MAX_DAYS,
        default=TOKEN_SIGN_IN_DAYS,
        help_text=f"Days until the token expires ({TOKEN_SIGN_IN_DAYS} by default).",
    )
    otp = serializers.CharField(
        max_length=32,
        required=False,
        default="",
        help_text="A code from your authenticator app (or a recovery code): required when "
        "your account signs in with two-factor.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if bool(attrs.get("email")) == bool(attrs.get("username")):
            raise serializers.ValidationError({"email": ["Send `email` or `username` (one)."]})
        return attrs


class IssuedTokenSerializer(OutputSerializer):
    """A new token: `token` is shown in this answer only, never again."""

    id = Id()
    name = serializers.CharField()
    token = serializers.CharField(help_text="`itn_<key>.<secret>`: shown once, store it now.")
    prefix = serializers.CharField(help_text="The token's public part, as the dashboard lists it.")
    read_only = serializers.BooleanField()  # type: ignore[assignment]  # the token's flag
    rate_limit = serializers.IntegerField(help_text="Requests per minute.")
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()


IssuedTokenEnvelopeSerializer = enveloped(IssuedTokenSerializer)


class TokenView(ApiViewMixin, APIView):
    """A new token for a script: sign in with an email (or username) and password."""

    # No token here: the request is limited per client IP, and by the sign-in lockout.
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    response_serializer = IssuedTokenEnvelopeSerializer

    @extend_schema(
        summary="Sign in for a token",
        description="Sign in with `email` (or `username`) and `password` for a new token "
        f"(expiring after `expires_in_days`, {TOKEN_SIGN_IN_DAYS} by default). The sign-in "
        "page's lockout applies: too many failures for an account or from an address answer "
        "429 with `Retry-After`. An unknown account and a wrong password are the same 401. "
        "An account with two-factor sign-in must send `otp`. Deactivated members, members whose "
        "agency requires two-factor sign-in they have not set up, and agencies whose API "
        "access is switched off get a 403.",
        request=TokenRequestSerializer,
        auth=[],
        responses={
            201: IssuedTokenEnvelopeSerializer,
            400: ERRORS[400],
            401: OpenApiResponse(
                response=ERRORS[401].response,
                description="Wrong credentials, or a missing or wrong two-factor code.",
            ),
            403: OpenApiResponse(
                response=ERRORS[403].response,
                description="Deactivated, two-factor required but not set up, or API access "
                "switched off for the agency.",
            ),
            415: ERRORS[415],
            422: ERRORS[422],
            429: ERRORS[429],
        },
    )
    def post(self, request: Request) -> Response:
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            issued = api_token_sign_in(
                identifier=data.get("email") or data.get("username") or "",
                password=data["password"],
                name=data["name"],
                expires_in_days=data["expires_in_days"],
                otp=data["otp"],
                request=request._request,
            )
        except SignInRefused as refused:
            if refused.status == status.HTTP_429_TOO_MANY_REQUESTS:
                raise exceptions.Throttled(
                    wait=refused.retry_after, detail=refused.message
                ) from None
            headers = {"WWW-Authenticate": 'Bearer realm="api"'} if refused.status == 401 else None
            return error_response(refused.status, refused.message, headers=headers)
        token = issued.token
        response = envelope(
            {
                "id": token.pk,
                "name": token.name,
                "token": issued.plaintext,
                "prefix": token.prefix,
                "read_only": token.read_only,
                "rate_limit": token.rate_limit,
                "created_at": timestamp(token.created_at),
                "expires_at": timestamp(token.expires_at),
            },
            status.HTTP_201_CREATED,
        )
        response["Cache-Control"] = "no-store"  # the secret is in this answer only
        return response


class LogoutView(ApiViewMixin, APIView):
    """Revoke the token that makes this call."""

    read_only_tokens_may_post = True  # revoking itself is not a write to the agency's data

    @extend_schema(
        summary="Revoke this token",
        description="Revokes the token sent with this request (read-only tokens too): every "
        "later request with it is a 401.",
        request=None,
        responses={204: None, 401: ERRORS[401], 403: ERRORS[403], 429: ERRORS[429]},
    )
    def post(self, request: Request) -> Response:
        token = request.auth
        assert isinstance(token, ApiToken)  # TokenPermission
        api_token_revoke(token=token)
        return Response(status=status.HTTP_204_NO_CONTENT)
