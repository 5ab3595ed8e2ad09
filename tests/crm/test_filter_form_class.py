"""FilterSets build their form class once per class (a per-request cost of every list)."""

from __future__ import annotations

import django_filters

from accounts.models import User
from core.filters import TenantFilterSet
from crm.clients.filters import ClientFilter
from crm.models import Client
from crm.trips.filters import ItineraryFilter


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


def test_each_filterset_has_its_own_filters_bound_to_it():
    # Filters are copied shallowly per instance (not django-filter's deepcopy): each copy must
    # still belong to its own FilterSet, method filters included, and the class's stay unbound.
    first, second = ClientFilter(data={"q": "ana"}), ClientFilter(data={"q": "bo"})

    for name, base in ClientFilter.base_filters.items():
        assert first.filters[name] is not base
        assert first.filters[name] is not second.filters[name]
        assert first.filters[name].parent is first
        assert second.filters[name].parent is second
        assert getattr(base, "parent", None) is None
    assert first.filters["q"].filter.f is first.filters["q"]
    assert second.filters["q"].filter.f is second.filters["q"]


def test_a_filtered_queryset_uses_each_instances_own_value(db):
    from tests.factories import AgencyFactory, ClientFactory

    agency = AgencyFactory()
    ana = ClientFactory(agency=agency, name="Ana Lima")
    bo = ClientFactory(agency=agency, name="Bo Berg")
    both = Client.objects.filter(agency=agency)
    first, second = (
        ClientFilter(data={"q": "ana"}, queryset=both),
        ClientFilter(data={"q": "berg"}, queryset=both),
    )

    assert list(second.qs) == [bo]
    assert list(first.qs) == [ana]
