"""A form's assignment rule decides who a new enquiry goes to (crm/enquiries/assignment.py)."""

from __future__ import annotations

from collections import Counter

import pytest

from accounts.models import Activity, Role
from crm.enquiries.models import Assignment, Enquiry, EnquiryForm
from crm.enquiries.services import enquiry_submit
from tests.factories import ClientFactory, EnquiryFormFactory, UserFactory

pytestmark = pytest.mark.django_db


def _submit(form, n: int = 0, **data):
    payload = {"name": f"Visitor {n}", "email": f"visitor{n}@example.com", **data}
    return enquiry_submit(form=form, data=payload, visitor=f"v{n}").enquiry


@pytest.fixture
def agents(agency):
    return [
        UserFactory(agency=agency, role=Role.AGENT, username=f"agent{i}", name=f"Agent {i}")
        for i in range(3)
    ]


def test_an_unassigned_form_leaves_the_enquiry_and_the_new_lead_to_nobody(agency):
    form = EnquiryFormFactory(agency=agency)
    enquiry = _submit(form)
    assert enquiry.assigned_to is None
    assert enquiry.client.assigned_to is None


def test_a_fixed_agent_form_gives_every_enquiry_and_its_new_lead_to_that_agent(agency, amir):
    form = EnquiryFormFactory(agency=agency, assignment=Assignment.AGENT, assign_agent=amir)
    first, second = _submit(form, 1), _submit(form, 2)
    assert first.assigned_to == amir and second.assigned_to == amir
    assert first.client.assigned_to == amir
    received = Activity.objects.get(event="enquiry.received", object_id=first.pk)
    assert received.data["assigned_to_id"] == amir.pk


def test_a_fixed_agent_who_left_the_agency_gets_nothing(agency, amir):
    form = EnquiryFormFactory(agency=agency, assignment=Assignment.AGENT, assign_agent=amir)
    amir.is_active = False
    amir.save()
    assert _submit(form).assigned_to is None


def test_round_robin_takes_turns_fairly_in_a_fixed_order(agency, agents):
    form = EnquiryFormFactory(agency=agency, assignment=Assignment.ROUND_ROBIN)
    form.rotation.set(agents)
    got = [_submit(form, n).assigned_to for n in range(7)]
    assert got == [*agents, *agents, agents[0]]
    counts = Counter(user.pk for user in got)
    assert max(counts.values()) - min(counts.values()) <= 1


def test_round_robin_skips_an_agent_who_left_and_keeps_the_turn_order(agency, agents):
    form = EnquiryFormFactory(agency=agency, assignment=Assignment.ROUND_ROBIN)
    form.rotation.set(agents)
    assert _submit(form, 0).assigned_to == agents[0]
    agents[1].is_active = False
    agents[1].save()
    assert [_submit(form, n).assigned_to for n in (1, 2, 3)] == [agents[2], agents[0], agents[2]]


def test_round_robin_reads_the_pointer_from_the_database_not_a_stale_form(agency, agents):
    form = EnquiryFormFactory(agency=agency, assignment=Assignment.ROUND_ROBIN)
    form.rotation.set(agents)
    stale = type(form).objects.get(pk=form.pk)  # read before any turn was taken
    assert _submit(form, 0).assigned_to == agents[0]
    assert _submit(stale, 1).assigned_to == agents[1]


def test_a_repeat_within_the_duplicate_window_takes_no_turn(agency, agents):
    form = EnquiryFormFactory(agency=agency, assignment=Assignment.ROUND_ROBIN)
    form.rotation.set(agents)
    _submit(form, 0)
    _submit(form, 0)  # the same visitor, the same content: dropped
    assert _submit(form, 1).assigned_to == agents[1]
    assert Enquiry.objects.count() == 2


def test_the_clients_own_agent_gets_a_matched_clients_enquiry(agency, amir):
    form = EnquiryFormFactory(agency=agency, assignment=Assignment.CLIENT_AGENT)
    ClientFactory(agency=agency, name="Known", email="known@example.com", assigned_to=amir)
    enquiry = _submit(form, email="KNOWN@example.com")
    assert enquiry.matched_existing and enquiry.assigned_to == amir


def test_the_clients_own_agent_rule_leaves_a_new_lead_unassigned(agency):
    form = EnquiryFormFactory(agency=agency, assignment=Assignment.CLIENT_AGENT)
    enquiry = _submit(form)
    assert not enquiry.matched_existing and enquiry.assigned_to is None


def test_a_matched_clients_agent_is_never_changed_by_the_form(agency, amir, alice):
    form = EnquiryFormFactory(agency=agency, assignment=Assignment.AGENT, assign_agent=alice)
    known = ClientFactory(agency=agency, email="known@example.com", assigned_to=amir)
    enquiry = _submit(form, email="known@example.com")
    assert enquiry.assigned_to == alice
    known.refresh_from_db()
    assert known.assigned_to == amir


# The rule on Settings → Website forms ---------------------------------------------------------


def _post(client, **fields):
    data = {"name": "Homepage", "allowed_origins": "https://www.alpha.example", **fields}
    return client.post("/settings/forms/new/", data)


def test_an_owner_sets_round_robin_on_a_form(as_alice, agents):
    response = _post(
        as_alice, assignment="round_robin", rotation=[agents[0].pk, agents[2].pk], is_active="on"
    )
    assert response.status_code == 302
    form = EnquiryForm.objects.get()
    assert form.assignment == "round_robin"
    assert set(form.rotation.all()) == {agents[0], agents[2]}
    assert "Round-robin" in as_alice.get(response["Location"]).content.decode()


def test_a_rule_without_the_agents_it_needs_is_refused_and_nothing_is_created(as_alice, amir):
    response = _post(as_alice, assignment="round_robin")
    assert response.status_code == 200
    assert "Choose the agents who take turns." in response.content.decode()
    response = _post(as_alice, assignment="agent")
    assert "Choose the agent every enquiry goes to." in response.content.decode()
    assert EnquiryForm.objects.count() == 0


def test_another_agencys_member_cannot_be_the_fixed_agent(as_alice, bob):
    response = _post(as_alice, assignment="agent", assign_agent=bob.pk)
    assert response.status_code == 200
    assert EnquiryForm.objects.count() == 0


def test_changing_the_rule_is_recorded_in_words(agency, amir):
    from crm.enquiries.website_forms import enquiry_form_update

    form = EnquiryFormFactory(agency=agency)
    enquiry_form_update(form=form, assignment="agent", assign_agent=amir)
    event = Activity.objects.filter(event="enquiry_form.updated").latest("id")
    assert event.changes["assignment"] == ["Nobody (unassigned)", "A fixed agent"]
    assert event.changes["fixed_agent"] == ["", "Amir Agent"]
