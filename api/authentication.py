"""Bearer-token authentication: ``Authorization: Bearer itn_<key>.<secret>``, or the same token
in ``X-Api-Token: itn_<key>.<secret>`` (both headers with different tokens: 401).

One indexed query finds the token with its user and agency; the secret is checked by HMAC in
constant time (``accounts.services.api_token_verify``). Unknown key, wrong secret, expired and
revoked tokens all get the same 401. Tokens in the query string are never read.
"""

from __future__ import annotations

from django.http import HttpRequest
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication
from rest_framework.request import Request

from accounts.models import ApiToken, User
from accounts.services import api_token_authenticate, api_token_touch, api_token_verify

INVALID_TOKEN = "The token is invalid, expired or revoked."
MALFORMED_HEADER = "Malformed Authorization header: send 'Authorization: Bearer <token>'."
MALFORMED_API_TOKEN = "Malformed X-Api-Token header: send 'X-Api-Token: <token>'."
TWO_TOKENS = (
    "Two different tokens: the Authorization and X-Api-Token headers must carry the same token "
    "(send one of them)."
)
API_TOKEN_HEADER = "X-Api-Token"
QUERY_STRING_NAMES = ("token", "access_token", "api_token", "api_key", "key")
# The request attribute carrying a verification made before the view: (raw, token, epoch).
VERIFIED = "verified_api_token"


def bearer_credentials(request: HttpRequest | Request) -> str | None:
    """The raw token from the Authorization header or the X-Api-Token header; None when there
    is neither.

    Raises ``AuthenticationFailed`` for a header that is not a single token, and when the two
    headers carry different tokens.
    """
    header = request.META.get("HTTP_AUTHORIZATION")
    alternative = request.META.get("HTTP_X_API_TOKEN")
    credentials: str | None = None
    if header is not None:
        scheme, _, credentials = header.strip().partition(" ")
        credentials = credentials.strip()
        if scheme.lower() != "bearer" or not credentials or " " in credentials:
            raise exceptions.AuthenticationFailed(MALFORMED_HEADER)
    if alternative is not None:
        alternative = alternative.strip()
        if not alternative or " " in alternative:
            raise exceptions.AuthenticationFailed(MALFORMED_API_TOKEN)
        if credentials is not None and credentials != alternative:
            raise exceptions.AuthenticationFailed(TWO_TOKENS)
        credentials = alternative
    return credentials


class BearerTokenAuthentication(BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[User, ApiToken] | None:
        raw = bearer_credentials(request)
        if raw is None:
            if any(name in request.query_params for name in QUERY_STRING_NAMES):
                raise exceptions.NotAuthenticated(
                    "Tokens are not accepted in the query string: "
                    "send 'Authorization: Bearer <token>'."
                )
            return None
        view = (request.parser_context or {}).get("view")
        known = request._request.__dict__.pop(VERIFIED, None)  # by api.fast_list, for this raw
        if known is not None and known[0] == raw and getattr(view, "confirms_token_epoch", False):
            token, view.token_epoch_to_confirm = known[1], known[2]  # type: ignore[union-attr]
        elif view is not None and getattr(view, "confirms_token_epoch", False):
            # The view compares the cached token's epoch within its rate-limit check.
            token, view.token_epoch_to_confirm = api_token_authenticate(raw)
        else:
            token = api_token_verify(raw)
        if token is None:
            raise exceptions.AuthenticationFailed(INVALID_TOKEN)
        api_token_touch(token=token)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'


class OptionalBearerTokenAuthentication(BearerTokenAuthentication):
    """For pages anyone may read (unknown paths, the docs): a bad token is simply ignored, but
    a good one still counts against its own rate limit instead of the IP's."""

    def authenticate(self, request: Request) -> tuple[User, ApiToken] | None:
        try:
            return super().authenticate(request)
        except (exceptions.AuthenticationFailed, exceptions.NotAuthenticated):
            return None
