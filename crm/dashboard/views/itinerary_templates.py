"""Itinerary templates in the dashboard (``crm.trips.templates``): save an itinerary's plan as
a template, the Templates page, a template's plan, and starting a new itinerary from it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from accounts.tenancy import AgencyRequest, agency_required, get_or_404
from core.forms import model_choice
from core.views import form_page, list_page
from crm.clients.selectors import client_choices
from crm.dashboard.views.common import client_from_query
from crm.models import Client, Itinerary, ItineraryTemplate
from crm.trips import selectors as trip_selectors
from crm.trips import templates as trip_templates

NAME_MAX_LENGTH = ItineraryTemplate._meta.get_field("name").max_length


class TemplateForm(forms.Form):
    name = forms.CharField(label="Template name", max_length=NAME_MAX_LENGTH)
    description = forms.CharField(
        label="Description",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the trip is and who it suits: your team sees it on the Templates page.",
    )


class UseTemplateForm(forms.Form):
    client = forms.ModelChoiceField(queryset=Client.objects.none(), label="For client")
    start_date = forms.DateField(
        label="Start date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Day 1 is this date, day 2 the next, and so on. Empty: undated days.",
    )
    title = forms.CharField(label="Title", max_length=200)

    def __init__(self, *args: Any, agency: Any, keep: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "client").queryset = client_choices(agency=agency, keep=keep)


def _get_template(request: AgencyRequest, template_id: int) -> ItineraryTemplate:
    return get_or_404(trip_selectors.template_get, agency=request.agency, template_id=template_id)


def _to_detail(template: ItineraryTemplate) -> str:
    return reverse("itinerary_template_detail", args=[template.pk])


@agency_required
def template_list(request: AgencyRequest) -> HttpResponse:
    client = client_from_query(request)
    return list_page(
        request,
        "crm/itinerary_templates/list.html",
        trip_selectors.template_list,
        agency=request.agency,
        model=ItineraryTemplate,
        filter_names=("q",),
        context={"for_client": client},
    )


@agency_required
def template_detail(request: AgencyRequest, template_id: int) -> HttpResponse:
    template = _get_template(request, template_id)
    return render(
        request,
        "crm/itinerary_templates/detail.html",
        {"template": template, "plan": trip_selectors.template_outline(template)},
    )


@agency_required
def template_from_itinerary(request: AgencyRequest, itinerary_id: int) -> HttpResponse:
    itinerary = get_or_404(
        trip_selectors.itinerary_header_get, agency=request.agency, itinerary_id=itinerary_id
    )
    form = TemplateForm(request.POST or None, initial={"name": itinerary.title})

    def save() -> ItineraryTemplate:
        return trip_templates.template_from_itinerary(
            itinerary=itinerary, actor=request.user, **form.cleaned_data
        )

    return form_page(
        request,
        form,
        save,
        template="crm/itinerary_templates/save.html",
        context={"itinerary": itinerary},
        success=lambda t: f"Template “{t.name}” saved: start new itineraries from it.",
        redirect_to=_to_detail,
    )


@agency_required
def template_edit(request: AgencyRequest, template_id: int) -> HttpResponse:
    template = _get_template(request, template_id)
    initial = {"name": template.name, "description": template.description}
    form = TemplateForm(request.POST or None, initial=initial)

    def save() -> ItineraryTemplate:
        return trip_templates.template_update(template=template, **form.cleaned_data)

    return form_page(
        request,
        form,
        save,
        template="crm/itinerary_templates/edit.html",
        context={"template": template},
        success="Template saved.",
        redirect_to=_to_detail,
    )


@agency_required
def template_use(request: AgencyRequest, template_id: int) -> HttpResponse:
    template = _get_template(request, template_id)
    client = client_from_query(request)
    form = UseTemplateForm(
        request.POST or None,
        agency=request.agency,
        keep=client.pk if client else None,
        initial={"client": client.pk if client else None, "title": template.name},
    )

    def save() -> Itinerary:
        data = form.cleaned_data
        return trip_templates.itinerary_from_template(
            template=template,
            client=data["client"].pk,
            start_date=data["start_date"],
            title=data["title"],
            actor=request.user,
        )

    return form_page(
        request,
        form,
        save,
        template="crm/itinerary_templates/use.html",
        context={"template": template},
        success=lambda i: f"Itinerary started from “{template.name}”: a draft, yours to edit.",
        redirect_to=lambda itinerary: reverse("itinerary_detail", args=[itinerary.pk]),
    )


@agency_required
def template_delete(request: AgencyRequest, template_id: int) -> HttpResponse:
    template = _get_template(request, template_id)
    if request.method == "POST":
        trip_templates.template_delete(template=template)
        messages.success(request, f"Template “{template.name}” was deleted.")
        return HttpResponseRedirect(reverse("itinerary_template_list"))
    return render(request, "crm/itinerary_templates/delete.html", {"template": template})
