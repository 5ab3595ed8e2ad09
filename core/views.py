"""Helpers every dashboard view shares: service errors beside form fields, pagination, htmx."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render

from core.paging import ListPaginator

T = TypeVar("T")

PER_PAGE = 25
PER_PAGE_CHOICES = (10, 25, 50, 100)


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


def form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    service: Callable[[], T],
    *,
    template: str,
    context: Mapping[str, Any],
    success: str | Callable[[T], str] | None,
    redirect_to: Callable[[T], str],
    aliases: Mapping[str, str] | None = None,
) -> HttpResponse:
    """A create or edit page: ``run_service`` on a POST, else the page with ``form``."""
    done = run_service(
        request, form, service, success=success, redirect_to=redirect_to, aliases=aliases
    )
    return done or render(request, template, {"form": form, **context})


def run_action(
    request: HttpRequest,
    action: Callable[[], T],
    *,
    success: str | Callable[[T], str],
    redirect_to: str,
    success_to: Callable[[T], str] | None = None,
    level: int = messages.SUCCESS,
) -> HttpResponse:
    """A button that changes one thing (send, revoke, archive): call ``action()``, flash what
    happened and redirect to ``redirect_to`` (``success_to(result)`` instead, when given and
    the action succeeded). A refusal (``ValidationError``) is flashed as an error."""
    try:
        result = action()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return HttpResponseRedirect(redirect_to)
    messages.add_message(request, level, success(result) if callable(success) else success)
    return HttpResponseRedirect(success_to(result) if success_to else redirect_to)


def list_page(
    request: HttpRequest,
    template: str,
    selector: Callable[..., QuerySet[Any]],
    *,
    agency: object,
    model: type[Model],
    filter_names: Collection[str] = ("q", "status", "client"),
    prepare: Callable[[QuerySet[Any]], QuerySet[Any]] | None = None,
    context: Mapping[str, Any] | None = None,
    mine: str | None = None,
    sorts: Sequence[tuple[str, str]] = (),
) -> HttpResponse:
    """A filtered, paginated list page: ``selector(agency=agency, filters=...)`` is the
    domain's list selector, given the query parameters named in ``filter_names``. A filter it
    refuses (``ValidationError``) shows above an empty list instead of a 500.

    ``mine`` names the filter that takes a member's id (``assigned_to``, ``consultant_id``):
    ``?mine=true`` becomes that filter with the signed-in member, ``?mine=false`` is everyone;
    without it, the member's last choice on this list is used (see :func:`list_preferences`),
    like the page size (``?per_page=``, one of ``PER_PAGE_CHOICES``). ``sorts`` are the
    (``sort`` value, label) pairs the page offers."""
    prefs = list_preferences(request, key=request.path, with_mine=mine is not None)
    filters = {k: v for k, v in request.GET.items() if k in filter_names and v}
    if mine is not None and prefs["mine"] and mine not in filters:
        filters[mine] = str(request.user.pk)
    filter_error = None
    try:
        rows = selector(agency=agency, filters=filters)
    except ValidationError as exc:
        filter_error = "; ".join(exc.messages)
        rows = model._default_manager.none()
    page = paginate(
        request,
        prepare(rows) if prepare else rows,
        per_page=prefs["per_page"],
        filtered=bool(filters),
    )
    explicit = {k: v for k, v in filters.items() if not (k == mine and prefs["mine"])}
    return render(
        request,
        template,
        {
            "page": page,
            "filtering": bool(explicit) or prefs["mine"],
            "filter_error": filter_error,
            "querystring": querystring_without_page(request),
            "total": page.paginator.count,
            "mine_filter": mine,
            "mine": prefs["mine"],
            "agent_value": request.GET.get(mine, "") if mine else "",
            "per_page": prefs["per_page"],
            "per_page_choices": PER_PAGE_CHOICES,
            "sorts": sorts,
            "sort_value": request.GET.get("sort", ""),
            "sort_querystring": _querystring_without(request, "page", "sort"),
            **(context or {}),
        },
    )


def list_preferences(request: HttpRequest, *, key: str, with_mine: bool) -> dict[str, Any]:
    """This member's "mine or everyone" and page size for the list at ``key``: what the
    query string says (then remembered on the member, one write when it changes), else what
    they chose last time, else everyone and ``PER_PAGE``."""
    user = request.user
    stored = getattr(user, "preferences", None)
    lists = (stored or {}).get("lists", {}) if isinstance(stored, dict) else {}
    saved = dict(lists.get(key, {})) if isinstance(lists.get(key), dict) else {}
    chosen = dict(saved)
    asked = request.GET.get("mine", "").lower()
    if with_mine and asked in ("true", "false"):
        chosen["mine"] = asked == "true"
    size = request.GET.get("per_page", "")
    if size.isdigit() and int(size) in PER_PAGE_CHOICES:
        chosen["per_page"] = int(size)
    if chosen != saved and isinstance(stored, dict) and user.pk is not None:
        updated = {**stored, "lists": {**lists, key: chosen}}
        model = user._meta.model  # the user model (request.user is a lazy wrapper)
        model._default_manager.filter(pk=user.pk).update(preferences=updated)
        user.preferences = updated
    per_page = chosen.get("per_page")
    return {
        "mine": bool(with_mine and chosen.get("mine")),
        "per_page": per_page if per_page in PER_PAGE_CHOICES else PER_PAGE,
    }


def paginate(
    request: HttpRequest, queryset: QuerySet, per_page: int = PER_PAGE, *, filtered: bool = False
) -> Page:
    """``?page=`` of ``queryset``, read as the API reads a page (``core.paging``)."""
    return ListPaginator(queryset, per_page, filtered=filtered).get_page(request.GET.get("page"))


def _querystring_without(request: HttpRequest, *names: str) -> str:
    """The query string without ``names``, ending with ``&`` when anything is left."""
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    text = params.urlencode()
    return f"{text}&" if text else ""


def querystring_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))
