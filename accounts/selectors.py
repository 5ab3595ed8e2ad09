"""Reads for agencies, users and API tokens."""

from __future__ import annotations

import datetime as dt
import unicodedata

from django.db.models import Q, QuerySet

from accounts.models import Activity, Agency, ApiToken, ApiTokenUsage, Invitation, User
from core import ratelimit

TEAM_EVENTS = ("member.", "invitation.")


def normalise_identifier(identifier: str) -> str:
    """What a person typed to name an account, in the one form it is compared in: NFKC,
    case-folded, without surrounding spaces."""
    return unicodedata.normalize("NFKC", identifier or "").casefold().strip()


def user_for_identifier(identifier: str) -> User | None:
    """The account an identifier names: by email when it has an "@", else by username.

    The database narrows the candidates case-insensitively, but only an exact match of the
    normalised forms counts: a database's case folding has quirks (PostgreSQL's ``UPPER``
    turns the dotless "\u0131" into "I", so "al\u0131ce@…" would reach "alice@…")."""
    wanted = normalise_identifier(identifier)
    if not wanted:
        return None
    if "@" in wanted:
        candidates = User.objects.filter(email__iexact=wanted)
        field = "email"
    else:
        candidates = User.objects.filter(username__iexact=wanted)
        field = "username"
    for user in candidates.select_related("agency").order_by("pk")[:5]:
        if normalise_identifier(getattr(user, field)) == wanted:
            return user
    return None


def username_taken(username: str, *, exclude_pk: int | None = None) -> bool:
    users = User.objects.filter(username__iexact=username.strip())
    if exclude_pk is not None:
        users = users.exclude(pk=exclude_pk)
    return users.exists()


def email_taken(email: str) -> bool:
    """Whether an account has this address (compared like sign-in compares it)."""
    return "@" in email and user_for_identifier(email) is not None


def agency_members(*, agency: Agency) -> QuerySet[User]:
    return User.objects.filter(agency=agency).order_by("name", "username")


def team_history(*, agency: Agency, limit: int = 20) -> list[Activity]:
    """The latest changes to the team: roles, access, invitations."""
    events = Q()
    for prefix in TEAM_EVENTS:
        events |= Q(event__startswith=prefix)
    return list(Activity.objects.for_agency(agency).filter(events).order_by("-id")[:limit])


def api_token_list(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def invitation_list(*, agency: Agency) -> QuerySet[Invitation]:
    return Invitation.objects.filter(agency=agency).select_related("invited_by")


def api_token_get(*, user: User, token_id: int) -> ApiToken:
    """One of the user's own tokens; ``DoesNotExist`` for anyone else's."""
    return ApiToken.objects.get(pk=token_id, user=user)


def invitation_get(*, agency: Agency, invitation_id: int) -> Invitation:
    return Invitation.objects.get(pk=invitation_id, agency=agency)


def invitation_get_by_token(*, token: str) -> Invitation:
    """The invitation behind a link; ``DoesNotExist`` when unknown or no longer usable (expired,
    used, or its inviter may no longer send it), and when its address already has an account
    (the email sent to it said so; the page tells nothing more)."""
    if "\x00" in token:
        raise Invitation.DoesNotExist
    invitation = Invitation.objects.select_related("agency", "invited_by").get(token=token)
    if not invitation.is_usable or email_taken(invitation.email):
        raise Invitation.DoesNotExist
    return invitation


def agency_member_get(*, agency: Agency, user_id: int) -> User:
    return User.objects.get(pk=user_id, agency=agency)


# API usage and the Integrations page -------------------------------------------------------

USAGE_DAYS = 30


def agency_api_tokens(*, agency: Agency) -> QuerySet[ApiToken]:
    """Every token of every member of the agency (the owner's Integrations page)."""
    return (
        ApiToken.objects.filter(user__agency=agency)
        .select_related("user")
        .order_by("revoked_at", "-created_at")
    )


def agency_api_token_get(*, agency: Agency, token_id: int) -> ApiToken:
    """A token of any member of the agency; ``DoesNotExist`` for another agency's."""
    return ApiToken.objects.select_related("user", "user__agency").get(
        pk=token_id, user__agency=agency
    )


def usage_days(days: int = USAGE_DAYS) -> list[dt.date]:
    """The last ``days`` days (UTC), oldest first, today last."""
    today = ratelimit.today()
    return [today - dt.timedelta(days=n) for n in range(days - 1, -1, -1)]


def api_token_usage(
    *, tokens: list[ApiToken], days: int = USAGE_DAYS
) -> dict[int, list[tuple[dt.date, int]]]:
    """Requests per day of each token over the last ``days`` days (oldest first, every day
    present): the flushed rows, topped up by the tallies not flushed yet (one query and one
    Redis round trip for all the tokens)."""
    calendar = usage_days(days)
    counts: dict[tuple[int, dt.date], int] = {}
    by_key = {token.key: token.pk for token in tokens}
    rows = ApiTokenUsage.objects.filter(
        token_id__in=[token.pk for token in tokens], day__gte=calendar[0]
    ).values_list("token_id", "day", "requests")
    for token_id, day, requests in rows:
        counts[(token_id, day)] = requests
    recent = calendar[-ratelimit.TALLY_DAYS :]
    for (key, day), live in ratelimit.tally_read(by_key, recent).items():
        pair = (by_key[key], day)
        counts[pair] = max(counts.get(pair, 0), live)
    return {
        token.pk: [(day, counts.get((token.pk, day), 0)) for day in calendar] for token in tokens
    }
