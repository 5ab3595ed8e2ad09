"""Every list's "Mine / everyone" (remembered per member), agent, source and balance filters,
sort and page size; Home's cards link to the lists filtered as their titles say."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.models import User
from tests.factories import (
    BookingFactory,
    ClientFactory,
    EnquiryFactory,
    EnquiryFormFactory,
    ItineraryFactory,
    ProposalFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_clients(agency, alice, amir):
    mine = ClientFactory(agency=agency, name="Mina Mine", assigned_to=amir, status="active")
    theirs = ClientFactory(agency=agency, name="Theo Theirs", assigned_to=alice, status="active")
    return mine, theirs


def _make_each(agency, amir, two_clients):
    mine, theirs = two_clients
    for client, tag in ((mine, "Mina"), (theirs, "Theo")):
        ItineraryFactory(agency=agency, client=client, title=f"{tag} trip")
        ProposalFactory(agency=agency, client=client, title=f"{tag} offer")
        BookingFactory(agency=agency, client=client, reference=f"BK-{tag.upper()}")
    TaskFactory(agency=agency, client=mine, title="Mina task", assignee=amir)
    TaskFactory(agency=agency, client=theirs, title="Theo task", assignee=theirs.assigned_to)
    form = EnquiryFormFactory(agency=agency)
    EnquiryFactory(form=form, client=mine, name="Mina asks", assigned_to=amir)
    EnquiryFactory(form=form, client=theirs, name="Theo asks", assigned_to=theirs.assigned_to)


LISTS = [
    ("/clients/", "Mina Mine", "Theo Theirs"),
    ("/itineraries/", "Mina trip", "Theo trip"),
    ("/proposals/", "Mina offer", "Theo offer"),
    ("/bookings/", "BK-MINA", "BK-THEO"),
    ("/tasks/", "Mina task", "Theo task"),
    ("/enquiries/", "Mina asks", "Theo asks"),
]


@pytest.mark.parametrize(("path", "mine", "theirs"), LISTS)
def test_mine_shows_only_the_members_own_and_is_remembered(
    as_amir, agency, amir, two_clients, path, mine, theirs
):
    _make_each(agency, amir, two_clients)
    everyone = as_amir.get(path).content.decode()
    assert mine in everyone and theirs in everyone
    only_mine = as_amir.get(f"{path}?mine=true").content.decode()
    assert mine in only_mine and theirs not in only_mine
    remembered = as_amir.get(path).content.decode()  # no parameter: the last choice
    assert mine in remembered and theirs not in remembered
    assert re.search(r'<option value="true" selected>Mine</option>', remembered)
    back = as_amir.get(f"{path}?mine=false").content.decode()
    assert theirs in back
    assert theirs in as_amir.get(path).content.decode()


def test_the_choice_is_remembered_per_list_and_per_member(
    as_amir, agency, amir, alice, two_clients
):
    as_amir.get("/clients/?mine=true")
    amir.refresh_from_db()
    assert amir.preferences["lists"]["/clients/"]["mine"] is True
    assert "/bookings/" not in amir.preferences["lists"]
    assert User.objects.get(pk=alice.pk).preferences == {}


def test_page_size_is_chosen_and_remembered(as_amir, agency):
    for n in range(12):
        ClientFactory(agency=agency, name=f"Client {n:02d}")
    page = as_amir.get("/clients/?per_page=10").content.decode()
    assert "Showing 1\u201310 of 12" in page
    assert "Showing 1\u201310 of 12" in as_amir.get("/clients/").content.decode()
    assert "Showing" not in as_amir.get("/clients/?per_page=25").content.decode()
    # A size not offered is ignored: the remembered one stays.
    assert "Showing" not in as_amir.get("/clients/?per_page=7").content.decode()


def test_the_agent_and_source_filters_on_clients(as_amir, agency, alice, two_clients):
    ClientFactory(agency=agency, name="Webby Lead", source="web_form")
    by_agent = as_amir.get(f"/clients/?assigned_to={alice.pk}").content.decode()
    assert "Theo Theirs" in by_agent and "Mina Mine" not in by_agent
    by_source = as_amir.get("/clients/?source=web_form").content.decode()
    assert "Webby Lead" in by_source and "Mina Mine" not in by_source


def test_bookings_filter_by_balance_due_and_sort(as_amir, agency, two_clients):
    mine, _ = two_clients
    BookingFactory(agency=agency, client=mine, reference="BK-OWED", total_price=Decimal("500"))
    BookingFactory(
        agency=agency,
        client=mine,
        reference="BK-GONE",
        total_price=Decimal("500"),
        status="cancelled",
    )
    owed = as_amir.get("/bookings/?balance_due=true").content.decode()
    assert "BK-OWED" in owed and "BK-GONE" not in owed


def test_the_sort_choice_orders_the_list(as_amir, agency):
    ClientFactory(agency=agency, name="Zed")
    ClientFactory(agency=agency, name="Abe")
    page = as_amir.get("/clients/?sort=name").content.decode()
    assert page.index("Abe") < page.index("Zed")
    page = as_amir.get("/clients/?sort=-name").content.decode()
    assert page.index("Zed") < page.index("Abe")


def test_home_cards_link_to_the_lists_filtered_as_titled(as_amir, agency, two_clients):
    mine, _ = two_clients
    today = timezone.localdate()
    BookingFactory(
        agency=agency,
        client=mine,
        reference="BK-SOON",
        start_date=today + dt.timedelta(days=5),
        status="confirmed",
    )
    BookingFactory(
        agency=agency,
        client=mine,
        reference="BK-LATER",
        start_date=today + dt.timedelta(days=90),
        status="confirmed",
    )
    ProposalFactory(agency=agency, client=mine, title="Waiting offer", status="sent")
    ProposalFactory(agency=agency, client=mine, title="Draft offer", status="draft")
    home = as_amir.get("/").content.decode()
    assert 'href="/clients/?status=lead"' in home
    departures = re.search(r'href="(/bookings/\?departing_within=30[^"]*)"', home).group(1)
    page = as_amir.get(departures.replace("&amp;", "&")).content.decode()
    assert "BK-SOON" in page and "BK-LATER" not in page
    awaiting = re.search(r'href="(/proposals/\?awaiting=true)"', home).group(1)
    page = as_amir.get(awaiting).content.decode()
    assert "Waiting offer" in page and "Draft offer" not in page
    assert 'href="/bookings/?balance_due=true"' in home
    assert 'href="/tasks/?mine=true&amp;status=open"' in home
    assert 'href="/enquiries/?status=new"' in home


def test_clear_goes_back_to_everyone(as_amir, agency, amir, two_clients):
    page = as_amir.get("/clients/?mine=true").content.decode()
    assert 'href="/clients/?mine=false">Clear' in page
    cleared = as_amir.get("/clients/?mine=false").content.decode()
    assert "Theo Theirs" in cleared


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/clients/", "name"),
        ("/bookings/", "start_date"),
        ("/itineraries/", "title"),
        ("/proposals/", "valid_until"),
    ],
)
def test_column_headers_sort_and_say_which_way(as_amir, agency, two_clients, path, field):
    mine, _ = two_clients
    ItineraryFactory(agency=agency, client=mine, title="Alpha trip")
    ItineraryFactory(agency=agency, client=mine, title="Zulu trip")
    ProposalFactory(agency=agency, client=mine)
    BookingFactory(agency=agency, client=mine)
    page = as_amir.get(f"{path}?q=&sort={field}").content.decode()
    assert 'aria-sort="ascending"' in page
    assert f'href="?q=&amp;sort=-{field}"' in page or f'href="?q=&sort=-{field}"' in page
    page = as_amir.get(f"{path}?sort=-{field}").content.decode()
    assert 'aria-sort="descending"' in page


def test_itineraries_sorted_by_title_keep_that_order(as_amir, agency, two_clients):
    mine, _ = two_clients
    ItineraryFactory(agency=agency, client=mine, title="Zulu trip")
    ItineraryFactory(agency=agency, client=mine, title="Alpha trip")
    page = as_amir.get("/itineraries/?sort=title").content.decode()
    assert page.index("Alpha trip") < page.index("Zulu trip")
    page = as_amir.get("/itineraries/?sort=-title").content.decode()
    assert page.index("Zulu trip") < page.index("Alpha trip")


def test_a_search_matching_more_than_the_cap_says_more_than(as_amir, agency, monkeypatch):
    monkeypatch.setattr("core.paging.COUNT_CAP", 12)
    for n in range(15):
        ClientFactory(agency=agency, name=f"Gmail user {n:02d}")
    ClientFactory(agency=agency, name="Someone else")
    page = as_amir.get("/clients/?q=gmail&per_page=10").content.decode()
    assert "Showing 1\u201310 of more than 12" in page
    assert "Page 1 of at least 2" in page
    # The pages up to the cap are real pages of matches.
    second = as_amir.get("/clients/?q=gmail&per_page=10&page=2").content.decode()
    assert "Showing 11\u201312 of more than 12" in second
    assert second.count("Gmail user") == 2
    # At or under the cap the total is exact, and an unfiltered list is never capped.
    monkeypatch.setattr("core.paging.COUNT_CAP", 15)
    exact = as_amir.get("/clients/?q=gmail&per_page=10").content.decode()
    assert "Showing 1\u201310 of 15" in exact
    assert "Showing 1\u201310 of 16" in as_amir.get("/clients/?per_page=10").content.decode()
