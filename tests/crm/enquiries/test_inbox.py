"""An enquiry's status door, assigning it, and converting it into an itinerary
(crm/enquiries/inbox.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Activity
from crm.enquiries.inbox import enquiry_assign, enquiry_convert, enquiry_transition
from crm.enquiries.models import EnquiryStatus
from crm.models import Itinerary
from tests.factories import ClientFactory, EnquiryFactory, EnquiryFormFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def enquiry(agency):
    client = ClientFactory(agency=agency, name="Maya Lind")
    return EnquiryFactory(
        form=EnquiryFormFactory(agency=agency),
        client=client,
        destination="Lisbon",
        travel_start=dt.date(2027, 5, 1),
        travel_end=dt.date(2027, 5, 8),
        travellers=3,
        budget="4000 EUR",
        message="Something with tiles.",
    )


def test_a_status_change_is_recorded_in_words(enquiry, alice):
    enquiry_transition(enquiry=enquiry, to="closed", actor=alice)
    enquiry.refresh_from_db()
    assert enquiry.status == "closed" and enquiry.status_changed_at is not None
    event = Activity.objects.get(event="enquiry.status_changed")
    assert event.data == {"from": "new", "to": "closed", "status": "closed"}
    assert event.client_id == enquiry.client_id


def test_a_step_off_the_table_is_refused_naming_the_current_status(enquiry):
    enquiry_transition(enquiry=enquiry, to="converted")
    with pytest.raises(ValidationError) as caught:
        enquiry_transition(enquiry=enquiry, to="new")
    assert "is converted" in caught.value.message_dict["status"][0]
    enquiry.refresh_from_db()
    assert enquiry.status == "converted"


def test_an_unknown_status_is_refused(enquiry):
    with pytest.raises(ValidationError):
        enquiry_transition(enquiry=enquiry, to="spam")


def test_a_closed_enquiry_can_be_taken_up_again(enquiry):
    enquiry_transition(enquiry=enquiry, to="closed")
    enquiry_transition(enquiry=enquiry, to="in_progress")
    enquiry.refresh_from_db()
    assert enquiry.status == "in_progress"


def test_assigning_a_new_enquiry_puts_it_in_progress(enquiry, amir, alice):
    enquiry_assign(enquiry=enquiry, assignee=amir, actor=alice)
    enquiry.refresh_from_db()
    assert enquiry.assigned_to == amir and enquiry.status == "in_progress"
    event = Activity.objects.get(event="enquiry.assigned")
    assert event.data["to"] == amir.pk and event.data["assignee"] == "Amir Agent"


def test_another_agencys_member_cannot_be_assigned(enquiry, bob):
    with pytest.raises(ValidationError) as caught:
        enquiry_assign(enquiry=enquiry, assignee=bob)
    assert "assigned_to_id" in caught.value.message_dict
    enquiry.refresh_from_db()
    assert enquiry.assigned_to is None and enquiry.status == "new"


def test_unassigning_keeps_the_status(enquiry, amir):
    enquiry_assign(enquiry=enquiry, assignee=amir)
    enquiry_assign(enquiry=enquiry, assignee=None)
    enquiry.refresh_from_db()
    assert enquiry.assigned_to is None and enquiry.status == "in_progress"


def test_converting_starts_an_itinerary_prefilled_from_the_enquiry(enquiry, amir):
    itinerary = enquiry_convert(enquiry=enquiry, actor=amir)
    assert itinerary.client == enquiry.client
    assert itinerary.title == "Lisbon for Maya Lind"
    assert (itinerary.start_date, itinerary.end_date) == (dt.date(2027, 5, 1), dt.date(2027, 5, 8))
    assert itinerary.travellers == 3
    assert "Budget: 4000 EUR" in itinerary.notes and "tiles" in itinerary.notes
    enquiry.refresh_from_db()
    assert enquiry.status == EnquiryStatus.CONVERTED and enquiry.itinerary == itinerary
    assert Activity.objects.filter(event="enquiry.converted").count() == 1


def test_a_closed_enquiry_is_not_converted_and_no_itinerary_is_made(enquiry):
    enquiry_transition(enquiry=enquiry, to="closed")
    with pytest.raises(ValidationError):
        enquiry_convert(enquiry=enquiry)
    assert Itinerary.objects.count() == 0


def test_an_enquiry_without_a_client_is_not_converted(agency):
    orphan = EnquiryFactory(form=EnquiryFormFactory(agency=agency), client=None)
    with pytest.raises(ValidationError) as caught:
        enquiry_convert(enquiry=orphan)
    assert "client_id" in caught.value.message_dict
