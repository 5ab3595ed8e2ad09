"""FilterSets build their form class once per class (a per-request cost of every list)."""

from __future__ import annotations

import django_filters

from accounts.models import User
from crm.filters import ClientFilter, ItineraryFilter, TenantFilterSet
from crm.models import Client


def test_a_filterset_builds_its_form_class_once():
    first = ClientFilter(data={"q": "ana"}).form
    second = ClientFilter(data={"status": "lead"}).form

    assert type(first) is type(second)
    assert first is not second
    assert first.fields["q"] is not second.fields["q"]


def test_each_filterset_class_keeps_its_own_form():
    clients = ClientFilter(data={}).form
    itineraries = ItineraryFilter(data={}).form

    assert type(clients) is not type(itineraries)
    assert "tag" in clients.fields
    assert "tag" not in itineraries.fields


def test_a_shared_form_class_still_judges_each_request_alone():
    bad = ClientFilter(data={"status": "nope"})
    good = ClientFilter(data={"status": "lead"})

    assert not bad.is_valid()
    assert "status" in bad.errors
    assert good.is_valid()
    assert good.form.cleaned_data["status"] == "lead"


class _AgentFilter(TenantFilterSet):
    agent = django_filters.ModelChoiceFilter(
        field_name="assigned_to", queryset=lambda request: User.objects.all()
    )

    class Meta:
        model = Client
        fields: list[str] = []


def test_a_filter_with_request_dependent_choices_keeps_a_form_class_per_request():
    assert type(_AgentFilter(data={}).form) is not type(_AgentFilter(data={}).form)
