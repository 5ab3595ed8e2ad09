"""The dashboard's tenant boundary and the small helpers every dashboard view shares.

Every dashboard view is wrapped by ``agency_required`` (or ``agency_admin_required``): it
demands a signed-in member of an agency and sets ``request.agency``. Views read and write only
through selectors and services called with ``agency=request.agency``; a record of another agency
raises ``DoesNotExist`` there, which ``get_or_404`` turns into the same 404 as a missing one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any, TypeVar

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

T = TypeVar("T")
View = Callable[..., HttpResponse]

PER_PAGE = 25


def agency_required(view: View) -> View:
    """Signed in, active, and a member of an agency; sets ``request.agency``."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if user.agency_id is None:
            # A bare superuser, say: nothing to show, and no tenant to fall back on.
            return render(request, "dashboard/no_agency.html", status=403)
        request.agency = user.agency
        return view(request, *args, **kwargs)

    return wrapper


def agency_admin_required(view: View) -> View:
    """Like ``agency_required``, for owners and admins only (agents get a 403)."""

    @agency_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_agency_admin:
            raise PermissionDenied("Only the agency's owner or an admin can do this.")
        return view(request, *args, **kwargs)

    return wrapper


def get_or_404(selector: Callable[..., T], **kwargs: Any) -> T:
    """Call a ``*_get`` selector; missing and other-agency records are the same 404."""
    try:
        return selector(**kwargs)
    except ObjectDoesNotExist:
        raise Http404 from None


def add_service_errors(
    form: forms.Form, exc: ValidationError, aliases: Mapping[str, str] | None = None
) -> None:
    """Put a service's ``{field: [messages]}`` errors beside the matching form fields.

    ``client_id`` lands on ``client``; anything the form has no field for is shown above it.
    """
    aliases = dict(aliases or {})
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for name, messages in exc.message_dict.items():
        field = aliases.get(name, name)
        if field not in form.fields and field.endswith("_id"):
            field = field[: -len("_id")]
        if field not in form.fields:
            form.add_error(None, [f"{name}: {m}" if name != "__all__" else m for m in messages])
            continue
        for message in messages:
            form.add_error(field, message)


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int = PER_PAGE) -> Page:
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def querystring_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))
