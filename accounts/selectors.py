"""Reads for agencies, users and API tokens."""

from __future__ import annotations

from django.apps import apps
from django.db.models import OuterRef, QuerySet, Subquery

from accounts.models import Activity, Agency, ApiToken, Invitation, User


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


def client_activity(*, agency: Agency, client_id: int) -> QuerySet[Activity]:
    """A client's history: changes to the client and to its itineraries, proposals, bookings
    and payments, newest first (kept even after the records themselves are deleted).

    Each row carries ``client_name`` (in the same query): the actor of what the client did on
    their link or through a website form. The client model is found by its label, so this
    floor imports nothing from ``crm``."""
    clients = apps.get_model("crm", "Client")._default_manager.filter(
        pk=OuterRef("client_id"), agency_id=OuterRef("agency_id")
    )
    return (
        Activity.objects.for_agency(agency)
        .filter(client_id=client_id)
        .annotate(client_name=Subquery(clients.values("name")[:1]))
        .order_by("-created_at", "-id")
    )
