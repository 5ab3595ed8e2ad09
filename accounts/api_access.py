"""The API's doors beside the tokens themselves: the owner's Integrations page (the agency's
API switch, default and per-token rate limits), the daily usage flush, and a token for a script
from a password (``POST /api/v1/auth/token``).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from accounts import login_throttle, selectors, two_factor
from accounts.events import record_event
from accounts.models import (
    Agency,
    ApiToken,
    ApiTokenUsage,
    Role,
    User,
)
from accounts.services import IssuedToken, api_token_create
from core import ratelimit

# The owner's Integrations page: API access, rate limits -------------------------------------


def _owner_check(acting: User, agency: Agency) -> None:
    if acting.agency_id != agency.pk or acting.role != Role.OWNER:
        raise PermissionDenied("Only the agency's owner can change this.")


def _rate_check(rate_limit: int, field: str) -> None:
    ceiling = settings.API_RATE_LIMIT_MAX
    if not 1 <= rate_limit <= ceiling:
        raise ValidationError({field: [f"Between 1 and {ceiling} requests per minute."]})


@transaction.atomic
def agency_api_access_set(*, agency: Agency, acting: User, enabled: bool) -> Agency:
    """The owner's switch for the whole agency's API access. Off, every token of the agency
    gets a 403 (``api.permissions``); saving the agency moves the token cache's epoch, so every
    process notices on its next request."""
    _owner_check(acting, agency)
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    if agency.api_enabled == enabled:
        return agency
    agency.api_enabled = enabled
    agency.save(update_fields=["api_enabled"])
    record_event(
        "agency.api_enabled" if enabled else "agency.api_disabled",
        agency_id=agency.pk,
        subject=agency,
        actor=acting,
        changes={"api_enabled": [not enabled, enabled]},
    )
    return agency


@transaction.atomic
def agency_api_rate_limit_set(*, agency: Agency, acting: User, rate_limit: int) -> Agency:
    """The requests per minute a new token of the agency gets (existing tokens keep theirs)."""
    _owner_check(acting, agency)
    _rate_check(rate_limit, "rate_limit")
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    before = agency.api_rate_limit
    if before == rate_limit:
        return agency
    agency.api_rate_limit = rate_limit
    agency.save(update_fields=["api_rate_limit"])
    record_event(
        "agency.api_rate_limit_changed",
        agency_id=agency.pk,
        subject=agency,
        actor=acting,
        data={"from": before, "to": rate_limit},
        changes={"api_rate_limit": [before, rate_limit]},
    )
    return agency


@transaction.atomic
def api_token_rate_limit_set(*, token: ApiToken, acting: User, rate_limit: int) -> ApiToken:
    """The owner raises or lowers one token's requests per minute (theirs or a member's),
    within the operator's ceiling (``API_RATE_LIMIT_MAX``)."""
    agency = token.user.agency
    if agency is None:
        raise PermissionDenied("Only the agency's owner can change this.")
    _owner_check(acting, agency)
    _rate_check(rate_limit, "rate_limit")
    before = token.rate_limit
    if before == rate_limit:
        return token
    token.rate_limit = rate_limit
    token.save(update_fields=["rate_limit"])
    record_event(
        "api_token.rate_limit_changed",
        agency_id=agency.pk,
        object_type="api_token",
        object_id=token.pk,
        object_repr=f"{token.name} ({token.prefix})",
        actor=acting,
        data={"from": before, "to": rate_limit},
        changes={"rate_limit": [before, rate_limit]},
    )
    return token


def api_usage_flush() -> int:
    """Copy the daily request tallies (``core.ratelimit``, counted in Redis with each request's
    rate-limit check) into ``ApiTokenUsage``. A tally is the day's running total, so a row
    takes the larger of what it holds and the tally: safe to run twice, or concurrently.
    Returns how many rows were written."""
    tallies = ratelimit.tally_all()
    keys = {name for name, _day in tallies}
    tokens = dict(ApiToken.objects.filter(key__in=keys).values_list("key", "pk"))
    written = 0
    for (key, day), count in sorted(tallies.items(), key=lambda item: item[0][1]):
        token_id = tokens.get(key)
        if token_id is None:  # deleted since
            continue
        with transaction.atomic():
            row, created = ApiTokenUsage.objects.select_for_update().get_or_create(
                token_id=token_id, day=day, defaults={"requests": count}
            )
            if not created and row.requests < count:
                row.requests = count
                row.save(update_fields=["requests"])
        written += 1
    ratelimit.tally_forget_before(ratelimit.today())
    return written


# Tokens for scripts: POST /api/v1/auth/token ------------------------------------------------

TOKEN_SIGN_IN_DAYS = 90
TOKEN_SIGN_IN_MAX_DAYS = 365
WRONG_CREDENTIALS = "The email, username or password is not right."


class SignInRefused(Exception):
    """A token sign-in refused: ``status`` 401 (credentials or code), 403 (not allowed to have
    a token) or 429 (locked out, ``retry_after`` seconds)."""

    def __init__(self, status: int, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.retry_after = status, message, retry_after


def api_token_sign_in(
    *,
    identifier: str,
    password: str,
    name: str,
    expires_in_days: int = TOKEN_SIGN_IN_DAYS,
    otp: str = "",
    request: HttpRequest | None = None,
) -> IssuedToken:
    """A new token for a script that signs in with an email (or username) and password: the
    sign-in page's rules exactly. The same lockout counts failures per account and per IP
    (``accounts.login_throttle``), an unknown identifier and a wrong password are the same
    refusal and cost the same time (the hasher runs for a dummy), a user with two-factor
    sign-in must send a valid ``otp`` (a wrong one counts as a failure), and deactivated
    members, members whose agency requires two-factor sign-in they have not set up, and
    agencies with API access switched off get none."""
    errors: dict[str, list[str]] = {}
    if not (name or "").strip():
        errors["name"] = ["Give the token a name, e.g. 'Nightly export'."]
    if not 1 <= expires_in_days <= TOKEN_SIGN_IN_MAX_DAYS:
        errors["expires_in_days"] = [f"Between 1 and {TOKEN_SIGN_IN_MAX_DAYS} days."]
    if errors:
        raise ValidationError(errors)
    user = selectors.user_for_identifier(identifier)
    retry = login_throttle.lockout_retry_after(identifier, user, request)
    if retry is not None:
        raise SignInRefused(429, "Too many failed sign-ins: try again later.", retry)
    if user is None:
        User().set_password(password)  # the time a real check takes: no enumeration by timing
        valid = False
    else:
        valid = user.check_password(password)
    if not valid:
        login_throttle.record_failure(identifier, user, request)
        # The audit trail of a failed sign-in, as the sign-in page's (Django masks no password
        # here: only the identifier is read by the receiver).
        user_login_failed.send(
            sender=__name__, credentials={"username": identifier}, request=request
        )
        raise SignInRefused(401, WRONG_CREDENTIALS)
    assert user is not None
    if not user.is_active:
        raise SignInRefused(403, "This account is deactivated: ask your agency's owner.")
    if user.agency is None:
        raise SignInRefused(403, "Only a member of an agency can hold an API token.")
    if two_factor.is_enabled(user):
        if not (otp or "").strip():
            raise SignInRefused(
                401, "This account signs in with two-factor: send `otp`, a code from the app."
            )
        check = two_factor.verify_code(user=user, code=otp, request=request)
        if check.locked:
            retry = login_throttle.lockout_retry_after(identifier, user, request)
            raise SignInRefused(429, "Too many failed sign-ins: try again later.", retry or 60)
        if not check.ok:
            raise SignInRefused(401, "That two-factor code is not right, or it was already used.")
    elif two_factor.required_for(user):
        raise SignInRefused(
            403,
            "Your agency requires two-factor sign-in: set it up in the dashboard "
            "(Settings → Security) before asking for a token.",
        )
    if not user.agency.api_enabled:
        raise SignInRefused(403, API_DISABLED)
    login_throttle.record_success(user)
    return api_token_create(
        user=user,
        name=name,
        expires_at=timezone.now() + timedelta(days=expires_in_days),
    )


API_DISABLED = (
    "API access is switched off for this agency: its owner can switch it on in the dashboard "
    "(Settings → Integrations)."
)
