"""Reads for agencies, users and API tokens."""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import Agency, ApiToken, Invitation, User


def agency_members(*, agency: Agency) -> QuerySet[User]:
    return User.objects.filter(agency=agency).order_by("name", "username")


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
    """The invitation behind a link; ``DoesNotExist`` when unknown or no longer usable."""
    invitation = Invitation.objects.select_related("agency", "invited_by").get(token=token)
    if not invitation.is_usable:
        raise Invitation.DoesNotExist
    return invitation


def agency_member_get(*, agency: Agency, user_id: int) -> User:
    return User.objects.get(pk=user_id, agency=agency)
