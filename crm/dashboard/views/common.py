"""What several dashboard areas share: the records a "new" page is started from."""

from __future__ import annotations

from accounts.tenancy import AgencyRequest, get_or_404
from crm.clients import selectors as client_selectors
from crm.models import Client, Itinerary
from crm.trips import selectors as trip_selectors


def _query_id(request: AgencyRequest, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() else None


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
