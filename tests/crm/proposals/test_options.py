"""Options and line items: the price breakdown the client picks from, frozen in each version
sent; the option accepted (with its extras) and its total are what the booking is made from,
and accepting confirms the itinerary."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Activity
from crm.bookings.services import booking_create_from_proposal
from crm.models import Acceptance, Itinerary, Proposal, ProposalOption
from crm.proposals import services, versions
from crm.proposals.options import options_replace
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    ProposalFactory,
)
from tests.proposal_support import frozen

pytestmark = pytest.mark.django_db


OPTIONS = [
    {
        "title": "4-star",
        "lines": [
            {"description": "Hotel Miramare, 7 nights", "quantity": 2, "unit_price": "1400.00"},
            {"description": "Transfers", "quantity": 1, "unit_price": "180.00"},
            {"description": "Cooking class", "unit_price": "95.50", "optional": True},
        ],
    },
    {
        "title": "5-star with a private guide",
        "lines": [
            {"description": "Le Sirenuse, 7 nights", "quantity": 2, "unit_price": "3100.00"},
            {"description": "Private guide", "quantity": 3, "unit_price": "250.00"},
            {"description": "Boat day", "unit_price": "600.00", "optional": True},
            {"description": "Spa", "unit_price": "200.00", "optional": True},
        ],
    },
]


@pytest.fixture
def proposal(agency):
    client = ClientFactory(agency=agency, name="Eleanor", email="eleanor@example.com")
    trip = ItineraryFactory(
        client=client, title="Amalfi", start_date=dt.date(2027, 5, 1), end_date=dt.date(2027, 5, 8)
    )
    day = ItineraryDayFactory(itinerary=trip, day_number=1, title="Arrival")
    ItineraryItemFactory(day=day, kind="accommodation", title="The hotel")
    proposal = ProposalFactory(
        client=client, itinerary=trip, currency="EUR", total_price=Decimal("0.00")
    )
    options_replace(proposal=proposal, options=OPTIONS)
    return Proposal.objects.get(pk=proposal.pk)


def _accept(proposal: Proposal, **kwargs) -> Proposal:
    return services.proposal_respond(
        proposal=Proposal.objects.get(pk=proposal.pk),
        accept=True,
        full_name="Eleanor Rigby",
        confirmed=True,
        **kwargs,
    )


def _frozen_option(proposal: Proposal, title: str) -> dict:
    content = frozen(proposal)
    return next(option for option in content["options"] if option["title"] == title)


def test_an_options_total_is_its_required_lines_and_the_price_the_cheapest_option(proposal):
    assert proposal.total_price == Decimal("2980.00")  # 2 x 1400 + 180; the class is an extra
    events = Activity.objects.filter(event="proposal.options_changed")
    assert events.count() == 1 and events.get().data["total_price"] == "2980.00"


def test_the_price_of_a_proposal_priced_by_options_cannot_be_typed(proposal):
    with pytest.raises(ValidationError) as error:
        services.proposal_update(proposal=proposal, total_price=Decimal("10.00"))

    assert "priced by its options" in error.value.message_dict["total_price"][0]
    assert Proposal.objects.get(pk=proposal.pk).total_price == Decimal("2980.00")


def test_a_bad_line_is_refused_by_its_place_and_nothing_changes(proposal):
    bad = [{"title": "Cheap", "lines": [{"description": "x", "unit_price": "-1"}]}]

    with pytest.raises(ValidationError) as error:
        options_replace(proposal=proposal, options=bad)

    assert "options[0].lines[0].unit_price" in error.value.message_dict
    assert ProposalOption.objects.filter(proposal=proposal).count() == 2


def test_options_are_frozen_in_the_version_and_editing_after_sending_never_moves_it(proposal):
    services.proposal_send(proposal=proposal)
    sent = versions.latest_version(proposal)
    assert [o["total"] for o in sent.content["options"]] == ["2980.00", "6950.00"]

    edited = [{**OPTIONS[0], "lines": [{"description": "Hotel", "unit_price": "1.00"}]}]
    options_replace(proposal=Proposal.objects.get(pk=proposal.pk), options=edited)

    assert versions.latest_version(proposal).pk == sent.pk
    assert frozen(proposal) == sent.content
    assert versions.has_unsent_changes(Proposal.objects.get(pk=proposal.pk))
    draft = versions.proposal_content(proposal, terms=None)
    changes = versions.version_diff(sent.content, draft)
    assert "Option 4-star: total changed from 2980.00 to 1.00." in changes
    assert "Option 5-star with a private guide removed." in changes


def test_a_proposal_without_options_hashes_as_before_options_existed(agency):
    proposal = ProposalFactory(client=ClientFactory(agency=agency), total_price=Decimal("10"))

    assert "options" not in versions.proposal_content(proposal, terms=None)


def test_accepting_records_the_option_and_extras_and_their_total_from_the_frozen_version(
    proposal,
):
    services.proposal_send(proposal=proposal)
    five = _frozen_option(proposal, "5-star with a private guide")
    boat = next(line["id"] for line in five["lines"] if line["description"] == "Boat day")
    # An edit after sending never reaches what the client accepts.
    options_replace(proposal=Proposal.objects.get(pk=proposal.pk), options=OPTIONS[:1])

    _accept(proposal, option_id=five["id"], extras=[boat])

    acceptance = Acceptance.objects.get(proposal=proposal)
    assert acceptance.total_price == Decimal("7550.00")  # 6200 + 750 + the boat day
    assert acceptance.choice["title"] == "5-star with a private guide"
    assert acceptance.choice["extras"] == [boat]
    accepted = Proposal.objects.get(pk=proposal.pk)
    assert (accepted.status, accepted.total_price) == ("accepted", Decimal("7550.00"))
    event = Activity.objects.get(event="proposal.accepted")
    assert event.data["option"] == "5-star with a private guide"


def test_accepting_a_version_with_options_needs_one_of_its_options(proposal):
    services.proposal_send(proposal=proposal)

    with pytest.raises(ValidationError) as error:
        _accept(proposal)
    assert "option" in error.value.message_dict

    four = _frozen_option(proposal, "4-star")
    not_its_extra = _frozen_option(proposal, "5-star with a private guide")["lines"][2]["id"]
    with pytest.raises(ValidationError) as error:
        _accept(proposal, option_id=four["id"], extras=[not_its_extra])
    assert "extras" in error.value.message_dict
    assert not Acceptance.objects.exists()
    assert Proposal.objects.get(pk=proposal.pk).status == "sent"


def test_accepting_confirms_the_itinerary(proposal):
    services.proposal_send(proposal=proposal)
    four = _frozen_option(proposal, "4-star")

    _accept(proposal, option_id=four["id"])

    assert Itinerary.objects.get(pk=proposal.itinerary_id).status == "confirmed"
    assert Activity.objects.filter(event="itinerary.confirmed").count() == 1


def test_the_booking_gets_the_accepted_options_total_and_its_lines_as_services(proposal):
    services.proposal_send(proposal=proposal)
    four = _frozen_option(proposal, "4-star")
    cooking = four["lines"][2]["id"]
    _accept(proposal, option_id=four["id"], extras=[cooking])

    booking = booking_create_from_proposal(proposal=Proposal.objects.get(pk=proposal.pk))

    assert booking.total_price == Decimal("3075.50")
    priced = [(s.description, s.price) for s in booking.services.order_by("position") if s.price]
    assert priced == [
        ("4-star: Hotel Miramare, 7 nights x 2", Decimal("2800.00")),
        ("4-star: Transfers x 1", Decimal("180.00")),
        ("4-star: Cooking class x 1", Decimal("95.50")),
    ]
    assert booking.services.filter(description="The hotel", price=0).exists()


def test_options_of_an_answered_proposal_cannot_change(proposal):
    services.proposal_send(proposal=proposal)
    _accept(proposal, option_id=_frozen_option(proposal, "4-star")["id"])

    with pytest.raises(ValidationError) as error:
        options_replace(proposal=Proposal.objects.get(pk=proposal.pk), options=[])

    assert "options" in error.value.message_dict
    assert ProposalOption.objects.filter(proposal=proposal).count() == 2
