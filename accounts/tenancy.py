"""THE tenant boundary: every read of tenant data is scoped to an agency here, and only here.

- ``TenantModel`` / ``TenantQuerySet.for_agency``: every CRM model carries its agency and is
  read with ``Model.objects.for_agency(agency)`` (selectors, the API base viewset);
  ``AuthoredTenantModel`` adds who created it and when.
- ``agency_required`` / ``agency_admin_required``: the dashboard guard, setting
  ``request.agency``.
- ``get_or_404``: another agency's record answers exactly like a missing one.
- ``resolve_related`` / ``resolve_member``: ids found in request bodies (``client_id``,
  ``assigned_to``) resolved inside the caller's agency.
- ``active_members``: the agency's active users, for pickers and recipients.
- ``member_agency``: the agency a member reads through, carrying the visibility rule
  (``Agency.agents_see_own_clients``): for an agent of an agency that restricts them, every
  ``for_agency`` read of a model with ``visible_through`` keeps only the records of the
  agent's own clients. The dashboard guard and the API both take their agency from here.

This module imports no model of ``accounts`` at import time (``accounts.models`` imports it),
so the two never import each other.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, ClassVar, Self, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

if TYPE_CHECKING:
    from accounts.models import Agency, User

T = TypeVar("T")
M = TypeVar("M", bound=models.Model)
View = Callable[..., HttpResponse]


class AgencyRequest(HttpRequest):
    """A dashboard request past ``agency_required``: a signed-in member and their agency.

    Only a type: views annotate ``request: AgencyRequest`` so that ``request.agency`` and
    ``request.user`` are checked."""

    agency: Agency
    user: User  # signed in: never AnonymousUser here


class TenantQuerySet(models.QuerySet):
    def for_agency(self, agency: Agency | int | None) -> Self:
        if agency is None:
            # A user without an agency (a bare superuser) sees no tenant data at all.
            return self.none()
        if isinstance(agency, int):
            return self.filter(agency_id=agency)
        scoped = self.filter(agency_id=agency.pk)
        viewer = getattr(agency, "visible_to", None)
        if viewer is None:
            return scoped
        # A model reached through no foreign key (the history's plain ``client_id``) says its
        # rule as a condition on the agent's id instead.
        visible_where: Callable[[int], models.Q] | None = getattr(self.model, "visible_where", None)
        if visible_where is not None:
            return scoped.filter(visible_where(viewer))
        paths: tuple[str, ...] = getattr(self.model, "visible_through", ())
        if not paths:
            return scoped
        # An agent restricted to their own clients: the record's client is theirs (any of the
        # model's paths to an agent names them).
        own = models.Q()
        for path in paths:
            own |= models.Q(**{path: viewer})
        return scoped.filter(own)


class TenantModel(models.Model):
    agency = models.ForeignKey("accounts.Agency", on_delete=models.CASCADE, related_name="+")

    objects = TenantQuerySet.as_manager()
    # The lookups from a record to the agent whose client it is (``"client__assigned_to"``):
    # what the visibility rule filters on (see ``member_agency``). Empty: not restricted.
    visible_through: ClassVar[tuple[str, ...]] = ()

    class Meta:
        abstract = True


class AuthoredTenantModel(TenantModel):
    """A tenant record people create and edit: who created it, when, and when it last changed;
    listed newest first (ties broken by id, so pages are stable)."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]


# Ids found in request bodies -----------------------------------------------------------------


def resolve_related(
    model: type[M], *, agency: Agency, value: M | int | None, field: str
) -> M | None:
    """Return the ``model`` row with this id *in this agency*, or raise a field error.

    A record of another agency answers exactly like a missing one.
    """
    if value is None:
        return None
    pk = value.pk if isinstance(value, models.Model) else value
    try:
        return model.objects.for_agency(agency).get(pk=pk)  # type: ignore[attr-defined]
    except (ObjectDoesNotExist, ValueError, TypeError):
        label = model._meta.verbose_name
        raise ValidationError({field: [f"No {label} with id {pk}."]}) from None


def active_members(*, agency: Agency | int) -> models.QuerySet[User]:
    """The agency's active users, by name: assignees, form recipients, pickers."""
    agency_id = agency if isinstance(agency, int) else agency.pk
    return (
        get_user_model()
        .objects.filter(agency_id=agency_id, is_active=True)
        .order_by("name", "username")
    )


def resolve_member(*, agency: Agency, value: User | int | None, field: str) -> User | None:
    """An active user of this agency by id, or a field error (another agency's user alike)."""
    if value is None:
        return None
    pk = value.pk if isinstance(value, models.Model) else value
    try:
        return active_members(agency=agency).get(pk=pk)
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise ValidationError({field: [f"No agent with id {pk} in this agency."]}) from None


def member_agency(user: Any) -> Agency | None:
    """The agency ``user`` reads through: their own, carrying the visibility rule.

    Owners and admins always see all of it; so do agents unless the agency restricts them to
    their own clients (``Agency.agents_see_own_clients``), in which case the answer is a copy
    of the agency that ``TenantQuerySet.for_agency`` reads the agent's id from. A copy: the
    user's cached agency (and the token cache's) is never changed.
    """
    agency = getattr(user, "agency", None)
    if agency is None:
        return None
    if not getattr(agency, "agents_see_own_clients", False) or user.is_agency_admin:
        return agency
    scoped = copy.copy(agency)
    scoped.visible_to = user.pk
    return scoped


def is_restricted(agency: Agency | None) -> bool:
    """Whether reads through ``agency`` keep only one agent's clients' records."""
    return getattr(agency, "visible_to", None) is not None


# The dashboard guard -------------------------------------------------------------------------


def agency_required(view: View) -> View:
    """Signed in, active, and a member of an agency; sets ``request.agency``."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            # Imported here: django.contrib.auth.views needs the user model, which imports us.
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        if user.agency_id is None:
            # A bare superuser, say: nothing to show, and no tenant to fall back on.
            return render(request, "dashboard/no_agency.html", status=403)
        agency = member_agency(user)
        assert agency is not None  # user.agency_id is set (above)
        request.agency = agency  # type: ignore[attr-defined]
        # Every date and time on the page in the agency's timezone (an unknown zone: UTC).
        try:
            timezone.activate(ZoneInfo(agency.timezone or "UTC"))
        except (ZoneInfoNotFoundError, ValueError):
            timezone.activate(dt.UTC)
        try:
            return view(request, *args, **kwargs)
        finally:
            timezone.deactivate()

    return wrapper


def agency_admin_required(view: View) -> View:
    """Like ``agency_required``, for owners and admins only (agents get a 403)."""

    @agency_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_agency_admin:  # type: ignore[union-attr]  # signed in (above)
            raise PermissionDenied("Only the agency's owner or an admin can do this.")
        return view(request, *args, **kwargs)

    return wrapper


def get_or_404(selector: Callable[..., T], **kwargs: Any) -> T:
    """Call a ``*_get`` selector; missing and other-agency records are the same 404."""
    try:
        return selector(**kwargs)
    except ObjectDoesNotExist:
        raise Http404 from None
