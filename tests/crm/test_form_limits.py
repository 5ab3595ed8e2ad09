"""One field, one limit: every text input of a dashboard form or an API input serializer takes
its ``max_length`` from the model column it writes."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from rest_framework import serializers

from api.v1.clients import ClientInputSerializer
from api.v1.itineraries import (
    ItineraryDayInputSerializer,
    ItineraryInputSerializer,
    ItineraryItemInputSerializer,
)
from crm.dashboard.forms.clients import ClientForm
from crm.dashboard.forms.trips import DayForm, ItemForm, ItineraryForm
from crm.dashboard.views.website_forms import WebsiteFormForm
from crm.models import Client, EnquiryForm, Itinerary, ItineraryDay, ItineraryItem


def _column(
    model: type[models.Model], name: str
) -> models.Field | models.ForeignObjectRel | GenericForeignKey | None:
    try:
        return model._meta.get_field(name)
    except Exception:
        return None


FORMS = [
    (ClientForm, Client, {"agency": None}),
    (ItineraryForm, Itinerary, {"agency": None}),
    (DayForm, ItineraryDay, {}),
    (ItemForm, ItineraryItem, {}),
    (WebsiteFormForm, EnquiryForm, {"agency": None}),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("form_class", "model", "kwargs"), FORMS)
def test_every_text_field_of_the_form_has_the_models_limit(form_class, model, kwargs, agency):
    form = form_class(**{k: agency for k in kwargs})
    checked = 0
    for name, field in form.fields.items():
        column = _column(model, name)
        if isinstance(field, forms.CharField) and isinstance(column, models.CharField):
            assert field.max_length == column.max_length, f"{form_class.__name__}.{name}"
            checked += 1
    assert checked, f"{form_class.__name__} has no text field to check"


SERIALIZERS = [
    (ClientInputSerializer, Client),
    (ItineraryInputSerializer, Itinerary),
    (ItineraryDayInputSerializer, ItineraryDay),
    (ItineraryItemInputSerializer, ItineraryItem),
]


@pytest.mark.parametrize(("serializer_class", "model"), SERIALIZERS)
def test_every_text_field_of_the_serializer_has_the_models_limit(serializer_class, model):
    checked = 0
    for name, field in serializer_class().fields.items():
        column = _column(model, name)
        if isinstance(field, serializers.CharField) and isinstance(column, models.CharField):
            assert field.max_length == column.max_length, f"{serializer_class.__name__}.{name}"
            checked += 1
    assert checked, f"{serializer_class.__name__} has no text field to check"


def test_the_dashboard_takes_a_phone_as_long_as_the_api_does(client, alice):
    client.force_login(alice)
    phone = "+44 20 7946 0958 ext. 12, ask for Maria at the front desk, mornings only"

    response = client.post(
        "/clients/new/", {"name": "Long Phone", "status": "lead", "phone": phone}
    )

    assert response.status_code == 302
    assert Client.objects.get(name="Long Phone").phone == phone


def test_the_cleaning_forms_refuse_to_save_or_bind_a_record(agency):
    form = DayForm({"title": "Arrival"})
    assert form.is_valid()
    with pytest.raises(NotImplementedError):
        form.save()
    with pytest.raises(TypeError):
        ClientForm(agency=agency, instance=Client(agency=agency, name="x"))
