"""The door itself: the table, the timestamps it stamps and the events it names."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import Activity
from crm.models import Proposal
from crm.proposals import services
from crm.proposals.lifecycle import proposal_transition
from tests.crm.lifecycle_spec import PROPOSAL_ALLOWED as ALLOWED
from tests.crm.lifecycle_spec import PROPOSAL_PAIRS as PAIRS
from tests.crm.lifecycle_spec import pair_id
from tests.factories import ClientFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def in_status(agency, status: str) -> Proposal:
    return ProposalFactory(client=ClientFactory(agency=agency), status=status, share_token=None)


@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_the_door_allows_exactly_the_tables_steps_and_a_refusal_changes_nothing(agency, pair):
    start, to = pair
    proposal = in_status(agency, start)
    before = Proposal.objects.filter(pk=proposal.pk).values().get()
    if pair in ALLOWED:
        proposal_transition(proposal=proposal, to=to)
        assert Proposal.objects.get(pk=proposal.pk).status == to
    else:
        with pytest.raises(ValidationError) as refused:
            proposal_transition(proposal=proposal, to=to)
        assert refused.value.message_dict == {
            "status": [f"This proposal is {start}; it cannot become {to}."]
        }
        assert Proposal.objects.filter(pk=proposal.pk).values().get() == before


def test_the_door_reads_the_status_the_database_holds_not_a_stale_copy(agency):
    proposal = in_status(agency, "sent")
    Proposal.objects.filter(pk=proposal.pk).update(status="declined")
    with pytest.raises(ValidationError):
        proposal_transition(proposal=proposal, to="accepted")
    assert Proposal.objects.get(pk=proposal.pk).status == "declined"


def test_each_step_is_a_named_event_with_where_it_came_from(agency):
    proposal = in_status(agency, "draft")
    for to in ("sent", "viewed", "draft", "sent", "expired", "sent", "accepted"):
        proposal_transition(proposal=proposal, to=to)
    events = Activity.objects.filter(object_type="proposal", object_id=proposal.pk)
    assert [
        (e.event, e.data)
        for e in events.exclude(event__in=["proposal.created", "proposal.version_frozen"]).order_by(
            "id"
        )
    ] == [
        ("proposal.sent", {"from": "draft", "to": "sent"}),
        ("proposal.viewed", {"from": "sent", "to": "viewed"}),
        ("proposal.reopened", {"from": "viewed", "to": "draft"}),
        ("proposal.sent", {"from": "draft", "to": "sent"}),
        ("proposal.expired", {"from": "sent", "to": "expired"}),
        ("proposal.sent", {"from": "expired", "to": "sent"}),
        ("proposal.accepted", {"from": "sent", "to": "accepted"}),
    ]


def test_the_door_stamps_the_timestamps_of_the_current_round(agency):
    proposal = in_status(agency, "draft")
    proposal_transition(proposal=proposal, to="sent")
    assert proposal.sent_at and proposal.share_token and not proposal.viewed_at
    proposal_transition(proposal=proposal, to="viewed")
    assert proposal.viewed_at is not None
    proposal_transition(proposal=proposal, to="draft")
    stored = Proposal.objects.get(pk=proposal.pk)
    assert (stored.sent_at, stored.viewed_at) == (None, None)
    proposal_transition(proposal=proposal, to="sent")
    proposal_transition(proposal=proposal, to="declined")
    stored = Proposal.objects.get(pk=proposal.pk)
    assert stored.responded_at is not None and stored.viewed_at is None


def test_the_same_status_again_is_no_change_and_no_event(agency):
    proposal = in_status(agency, "accepted")
    proposal_transition(proposal=proposal, to="accepted")
    assert not Activity.objects.filter(event="proposal.accepted").exists()


def test_creating_with_a_status_walks_the_table_and_records_each_step(agency):
    client = ClientFactory(agency=agency)
    proposal = services.proposal_create(
        agency=agency, client=client.pk, title="Phone deal", status="accepted"
    )
    assert proposal.status == "accepted" and proposal.sent_at and proposal.responded_at
    events = Activity.objects.filter(object_type="proposal", object_id=proposal.pk)
    assert list(events.order_by("id").values_list("event", flat=True)) == [
        "proposal.created",
        "proposal.sent",
        "proposal.version_frozen",
        "proposal.accepted",
    ]


def test_an_answered_proposal_keeps_its_terms(agency):
    proposal = in_status(agency, "accepted")
    other = ClientFactory(agency=agency)
    for change in (
        {"total_price": "1.00"},
        {"currency": "USD"},
        {"valid_until": dt.date(2030, 1, 1)},
        {"client": other.pk},
    ):
        before = Proposal.objects.filter(pk=proposal.pk).values().get()
        with pytest.raises(ValidationError) as refused:
            services.proposal_update(proposal=Proposal.objects.get(pk=proposal.pk), **change)
        (field,) = change
        assert refused.value.message_dict[field][0].startswith("This proposal is accepted; its ")
        assert Proposal.objects.filter(pk=proposal.pk).values().get() == before


def test_an_answered_proposal_may_still_get_a_clearer_title_and_same_terms(agency):
    proposal = in_status(agency, "declined")
    services.proposal_update(
        proposal=proposal, title="Lisbon (declined)", total_price=proposal.total_price
    )
    assert Proposal.objects.get(pk=proposal.pk).title == "Lisbon (declined)"


def test_an_edit_never_saves_back_a_stale_status(agency):
    proposal = in_status(agency, "sent")
    Proposal.objects.filter(pk=proposal.pk).update(status="viewed")
    services.proposal_update(proposal=proposal, title="Edited")
    assert Proposal.objects.get(pk=proposal.pk).status == "viewed"


def test_expiring_takes_only_proposals_past_their_validity(agency):
    today = timezone.localdate()
    due = ProposalFactory(
        client=ClientFactory(agency=agency), status="viewed", valid_until=today - dt.timedelta(1)
    )
    fresh = ProposalFactory(client=due.client, status="sent", valid_until=today)
    draft = ProposalFactory(client=due.client, status="draft", valid_until=today - dt.timedelta(1))
    assert services.proposals_expire_due(agency=agency) == 1
    statuses = dict(Proposal.objects.values_list("pk", "status"))
    assert statuses == {due.pk: "expired", fresh.pk: "sent", draft.pk: "draft"}
    assert Activity.objects.filter(event="proposal.expired", object_id=due.pk).exists()
