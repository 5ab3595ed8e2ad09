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
