"""What several dashboard areas share: the records a "new" page is started from, the form of an
edit page, and archiving or restoring a record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from django.db import models
from django.http import HttpResponse
from django.views.decorators.http import require_POST

from accounts.tenancy import AgencyRequest, agency_required, get_or_404
from core.validation import parse_int
from core.views import run_action
from crm.clients import selectors as client_selectors
from crm.models import Client, Itinerary
from crm.trips import selectors as trip_selectors

F = TypeVar("F", covariant=True)


class EditForm(Protocol[F]):
    """A dashboard form that edits one record: built for an agency, filled from the record."""

    def __call__(self, data: Any = ..., *, agency: Any, initial: dict[str, Any]) -> F: ...

    def initial_for(self, record: Any) -> dict[str, Any]: ...


def edit_form(form_class: EditForm[F], request: AgencyRequest, record: Any) -> F:
    """``form_class`` as posted, or filled with ``record``'s values on a GET."""
    initial = form_class.initial_for(record)
    return form_class(request.POST or None, agency=request.agency, initial=initial)


def _query_id(request: AgencyRequest, name: str) -> int | None:
    """An id in the query string, or ``None`` (no preselection) for anything that is not one:
    "²", a 5,000-digit number or one past what an id column holds."""
    return parse_int(request.GET.get(name, ""))


def client_from_query(request: AgencyRequest) -> Client | None:
    """``?client=<id>`` on a "new" page: that client of this agency, else a 404."""
    client_id = _query_id(request, "client")
    if client_id is None:
        return None
    return get_or_404(client_selectors.client_get, agency=request.agency, client_id=client_id)


def itinerary_from_query(request: AgencyRequest) -> Itinerary | None:
    """``?itinerary=<id>`` on a "new" page: that itinerary of this agency, else a 404."""
    itinerary_id = _query_id(request, "itinerary")
    if itinerary_id is None:
        return None
    return get_or_404(
        trip_selectors.itinerary_get, agency=request.agency, itinerary_id=itinerary_id
    )


def archive_view(
    get: Callable[[AgencyRequest, int], models.Model],
    archive_service: Callable[..., Any],
    restore_service: Callable[..., Any],
    to: Callable[[Any], str],
) -> Callable[..., HttpResponse]:
    """A POST-only view that archives the record ``get`` finds (hidden from the lists, kept in
    full) or, mounted with ``{"restore": True}``, brings it back. The services take the record
    by its model's name (``client=``, ``booking=``)."""

    @require_POST
    @agency_required
    def view(request: AgencyRequest, restore: bool = False, **ids: int) -> HttpResponse:
        (record_id,) = ids.values()  # the route's one id (client_id, booking_id)
        record = get(request, record_id)
        name = record._meta.model_name or "record"
        if restore:
            service, done = (lambda: restore_service(**{name: record})), "was restored"
        else:
            service = lambda: archive_service(**{name: record}, actor=request.user)  # noqa: E731
            done = "was archived: hidden from the lists, kept in full"
        return run_action(request, service, success=f"{record} {done}.", redirect_to=to(record))

    return view
