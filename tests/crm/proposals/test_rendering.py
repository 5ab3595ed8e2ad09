"""Large PDFs are rendered by a job and kept: the request that asks queues it once and says
it is being prepared (202); once rendered, the same document is served from its row."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from crm.models import RenderedPdf
from crm.proposals import rendering
from tests.factories import ClientFactory, ItineraryDayFactory, ItineraryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trip(agency, monkeypatch):
    monkeypatch.setattr(rendering, "INLINE_MAX_HTML", 1_000)  # every plan counts as long
    trip = ItineraryFactory(client=ClientFactory(agency=agency), title="Long haul")
    ItineraryDayFactory(itinerary=trip, day_number=1, title="Tokyo")
    return trip


@pytest.fixture
def queued(monkeypatch):
    """Jobs queued, not run (as with a worker that has not picked them up yet)."""
    calls = []
    monkeypatch.setattr(rendering.jobs, "enqueue", lambda job, **kw: calls.append(kw))
    return calls


def test_a_long_pdf_is_queued_once_then_served_once_rendered(as_alice, trip, queued):
    url = f"/itineraries/{trip.pk}/itinerary.pdf"

    first = as_alice.get(url)
    second = as_alice.get(url)

    assert (first.status_code, second.status_code) == (202, 202)
    assert "being prepared" in first.content.decode()
    assert len(queued) == 1 and RenderedPdf.objects.count() == 1
    document = RenderedPdf.objects.get()
    rendering.render_pdf_job(agency_id=document.agency_id, document_id=document.pk)

    ready = as_alice.get(url)
    assert ready["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(ready.content)).pages[0].extract_text()
    assert "Tokyo" in text
    rendering.render_pdf_job(agency_id=document.agency_id, document_id=document.pk)  # harmless


@pytest.mark.django_db(transaction=True)  # real commits: the inline job runs on commit
def test_with_inline_jobs_a_long_pdf_is_ready_in_the_same_request(as_alice, trip):
    response = as_alice.get(f"/itineraries/{trip.pk}/itinerary.pdf")

    assert response["Content-Type"] == "application/pdf"
    assert RenderedPdf.objects.get().status == "ready"


def test_a_changed_plan_is_a_new_document(as_alice, trip):
    as_alice.get(f"/itineraries/{trip.pk}/itinerary.pdf")
    ItineraryDayFactory(itinerary=trip, day_number=2, title="Kyoto")

    as_alice.get(f"/itineraries/{trip.pk}/itinerary.pdf")

    assert RenderedPdf.objects.count() == 2


def test_another_agency_never_gets_a_rendered_document(client, bob, trip, as_alice):
    as_alice.get(f"/itineraries/{trip.pk}/itinerary.pdf")
    client.force_login(bob)

    assert client.get(f"/itineraries/{trip.pk}/itinerary.pdf").status_code == 404
