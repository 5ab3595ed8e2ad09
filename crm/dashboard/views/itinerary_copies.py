"""Duplicate an itinerary from the dashboard: for the same or another client, from a new
start date (``crm.trips.copies.itinerary_duplicate``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpResponse
from django.urls import reverse

from accounts.tenancy import AgencyRequest, agency_required, get_or_404
from core.forms import model_choice
from core.views import form_page
from crm.clients.selectors import client_choices
from crm.models import Client, Itinerary
from crm.trips import selectors as trip_selectors
from crm.trips.copies import itinerary_duplicate


class DuplicateForm(forms.Form):
    client = forms.ModelChoiceField(queryset=Client.objects.none(), label="For client")
    start_date = forms.DateField(
        label="New start date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Every day moves by the same number of days. Empty: the same dates.",
    )
    title = forms.CharField(label="Title", max_length=200)

    def __init__(self, *args: Any, agency: Any, keep: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "client").queryset = client_choices(agency=agency, keep=keep)


@agency_required
def itinerary_duplicate_page(request: AgencyRequest, itinerary_id: int) -> HttpResponse:
    itinerary = get_or_404(
        trip_selectors.itinerary_header_get, agency=request.agency, itinerary_id=itinerary_id
    )
    form = DuplicateForm(
        request.POST if request.method == "POST" else None,
        agency=request.agency,
        keep=itinerary.client_id,
        initial={"client": itinerary.client_id, "title": f"{itinerary.title} (copy)"},
    )

    def save() -> Itinerary:
        data = form.cleaned_data
        return itinerary_duplicate(
            itinerary=itinerary,
            created_by=request.user,
            client=data["client"].pk,
            start_date=data["start_date"],
            title=data["title"],
        )

    return form_page(
        request,
        form,
        save,
        template="crm/itineraries/duplicate.html",
        context={"itinerary": itinerary},
        success="Itinerary duplicated: this is the copy, a draft.",
        redirect_to=lambda copy: reverse("itinerary_detail", args=[copy.pk]),
    )
