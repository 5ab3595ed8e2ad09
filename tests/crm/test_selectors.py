import pytest
from django.core.exceptions import ValidationError

from crm import summary
from crm.bookings import selectors as booking_selectors
from crm.clients import selectors as client_selectors
from crm.models import Client, Itinerary
from crm.proposals import selectors as proposal_selectors
from crm.trips import selectors as trip_selectors
from crm.trips import services as trip_services
from tests.factories import BookingFactory, ClientFactory, ItineraryFactory, ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_agencies(agency, other_agency):
    mine = ClientFactory.create_batch(3, agency=agency)
    theirs = ClientFactory.create_batch(2, agency=other_agency, name="Zed Other")
    for client in mine:
        ItineraryFactory(client=client)
        ProposalFactory(client=client)
        BookingFactory(client=client)
    for client in theirs:
        ItineraryFactory(client=client)
        ProposalFactory(client=client)
        BookingFactory(client=client)
    return mine, theirs


def test_lists_never_cross_agencies(agency, other_agency, two_agencies):
    mine, theirs = two_agencies
    assert set(client_selectors.client_list(agency=agency)) == set(mine)
    assert set(client_selectors.client_list(agency=other_agency)) == set(theirs)
    for list_selector in (
        trip_selectors.itinerary_list,
        proposal_selectors.proposal_list,
        booking_selectors.booking_list,
    ):
        assert {r.client_id for r in list_selector(agency=agency)} == {c.pk for c in mine}
        assert {r.client_id for r in list_selector(agency=other_agency)} == {c.pk for c in theirs}


def test_a_search_never_finds_another_agencys_client(agency, two_agencies):
    assert list(client_selectors.client_list(agency=agency, filters={"q": "Zed"})) == []


def test_getting_another_agencys_record_is_like_getting_a_missing_one(agency, two_agencies):
    _, theirs = two_agencies
    with pytest.raises(Client.DoesNotExist):
        client_selectors.client_get(agency=agency, client_id=theirs[0].pk)
    with pytest.raises(Client.DoesNotExist):
        client_selectors.client_get(agency=agency, client_id=999_999)
    other_itinerary = Itinerary.objects.filter(client=theirs[0]).first()
    with pytest.raises(Itinerary.DoesNotExist):
        trip_selectors.itinerary_get(agency=agency, itinerary_id=other_itinerary.pk)


def test_counts_are_per_agency(agency, other_agency, two_agencies):
    assert summary.agency_counts(agency=agency) == {
        "clients": 3,
        "itineraries": 3,
        "proposals": 3,
        "bookings": 3,
    }
    assert summary.agency_counts(agency=other_agency)["clients"] == 2


def test_a_user_without_an_agency_sees_nothing(two_agencies):
    assert summary.agency_counts(agency=None) == {
        "clients": 0,
        "itineraries": 0,
        "proposals": 0,
        "bookings": 0,
    }


def test_a_record_cannot_point_at_another_agencys_client(agency, two_agencies):
    _, theirs = two_agencies
    with pytest.raises(ValidationError) as exc:
        trip_services.itinerary_create(agency=agency, client=theirs[0].pk, title="Sneaky")
    assert "client_id" in exc.value.message_dict
    assert not Itinerary.objects.filter(title="Sneaky").exists()


def test_filters_by_status_tag_and_search(agency):
    ClientFactory(agency=agency, name="Aisha Khan", status="active", tags=["honeymoon"])
    ClientFactory(agency=agency, name="Bo Chen", status="lead", tags=["ski", "family"])
    ClientFactory(agency=agency, name="Cai Wu", status="lead", email="cai@wu.example")
    names = lambda f: sorted(c.name for c in client_selectors.client_list(agency=agency, filters=f))  # noqa: E731
    assert names({"status": "lead"}) == ["Bo Chen", "Cai Wu"]
    assert names({"tag": "family"}) == ["Bo Chen"]
    assert names({"q": "aisha"}) == ["Aisha Khan"]
    assert names({"q": "WU.EXAMPLE"}) == ["Cai Wu"]


def test_an_invalid_filter_value_is_a_validation_error(agency):
    with pytest.raises(ValidationError) as exc:
        list(client_selectors.client_list(agency=agency, filters={"status": "bogus"}))
    assert "status" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        list(client_selectors.client_list(agency=agency, filters={"created_after": "yesterday"}))
    assert "created_after" in exc.value.message_dict


def test_a_date_time_filter_with_any_valid_offset_is_compared_in_utc(agency):
    """PostgreSQL refuses offsets beyond ±15:59; the filter must send UTC, not fail."""
    ClientFactory(agency=agency)
    assert (
        list(
            client_selectors.client_list(
                agency=agency, filters={"updated_before": "0278-03-23T15:47:31+17:41"}
            )
        )
        == []
    )
    assert (
        len(
            client_selectors.client_list(
                agency=agency, filters={"created_after": "2000-01-01T00:00:00-23:59"}
            )
        )
        == 1
    )


def test_a_date_time_that_overflows_when_made_utc_is_a_validation_error(agency):
    with pytest.raises(ValidationError) as exc:
        list(
            client_selectors.client_list(
                agency=agency, filters={"created_after": "0001-01-01T00:00:00+01:00"}
            )
        )
    assert "created_after" in exc.value.message_dict
