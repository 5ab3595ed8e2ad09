"""Helpers every dashboard view shares: service errors beside form fields, pagination, htmx."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

T = TypeVar("T")

PER_PAGE = 25


def add_service_errors(
    form: forms.BaseForm, exc: ValidationError, aliases: Mapping[str, str] | None = None
) -> None:
    """Put a service's ``{field: [messages]}`` errors beside the matching form fields.

    ``client_id`` lands on ``client``; anything the form has no field for is shown above it.
    """
    aliases = dict(aliases or {})
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for name, field_messages in exc.message_dict.items():
        field = aliases.get(name, name)
        if field not in form.fields and field.endswith("_id"):
            field = field[: -len("_id")]
        if field not in form.fields:
            form.add_error(
                None, [f"{name}: {m}" if name != "__all__" else m for m in field_messages]
            )
            continue
        for message in field_messages:
            form.add_error(field, message)


def run_service(
    request: HttpRequest,
    form: forms.BaseForm,
    service: Callable[[], T],
    *,
    success: str | Callable[[T], str] | None,
    redirect_to: Callable[[T], str],
    aliases: Mapping[str, str] | None = None,
) -> HttpResponse | None:
    """The dashboard's one way from a posted form to a service.

    When the request is a POST and ``form`` is valid, call ``service()``. If the service
    refuses (``ValidationError``), its messages go beside the form's fields and the answer is
    ``None``: the caller renders the page again, with what was typed. Otherwise flash
    ``success`` and answer a redirect to ``redirect_to(result)``.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = service()
    except ValidationError as exc:
        add_service_errors(form, exc, aliases)
        return None
    if success:
        messages.success(request, success(result) if callable(success) else success)
    return HttpResponseRedirect(redirect_to(result))


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int = PER_PAGE) -> Page:
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def querystring_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))
