"""CSV downloads of the dashboard's lists (crm.exports): the list's own filters, streamed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from accounts.tenancy import AgencyRequest, agency_required
from crm.exports import EXPORTS, export_lines

# Where each export's list page is (a refused filter goes back there with the message).
LIST_PAGES = {
    "clients": "client_list",
    "itineraries": "itinerary_list",
    "proposals": "proposal_list",
    "bookings": "booking_list",
    "payments": "booking_list",
}


def csv_download(lines: Iterator[str], resource: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{resource}-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    return response


def export_view(resource: str) -> Callable[..., HttpResponse]:
    assert resource in EXPORTS

    @agency_required
    def view(request: AgencyRequest) -> HttpResponse:
        filters = {k: v for k, v in request.GET.items() if k != "page" and v}
        try:
            lines = export_lines(resource, agency=request.agency, filters=filters)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
            return HttpResponseRedirect(reverse(LIST_PAGES[resource]))
        # A stream, not an HttpResponse: agency_required's annotation is narrower than Django.
        return cast(HttpResponse, csv_download(lines, resource))

    view.__name__ = f"{resource}_export"
    return view


clients_export = export_view("clients")
itineraries_export = export_view("itineraries")
proposals_export = export_view("proposals")
bookings_export = export_view("bookings")
payments_export = export_view("payments")
