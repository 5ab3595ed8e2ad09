"""The tasks' cast: Alice owns Alpha, Amir is its agent; Ada is Amir's client (with an
itinerary, a proposal and a booking), Grace another client of Alpha; Bob owns Beta."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest

from crm.models import Booking, Client, Itinerary, Proposal
from tests.factories import BookingFactory, ClientFactory, ItineraryFactory, ProposalFactory

RunJobs = Callable[[], AbstractContextManager[Any]]


@pytest.fixture
def run_jobs(django_capture_on_commit_callbacks) -> RunJobs:
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def ada(agency, amir) -> Client:
    return ClientFactory(
        agency=agency,
        name="Ada Lovelace",
        email="ada@clients.example",
        assigned_to=amir,
        status="active",
    )


@pytest.fixture
def grace(agency) -> Client:
    return ClientFactory(agency=agency, name="Grace Hopper", status="active")


@pytest.fixture
def trip(agency, ada) -> Itinerary:
    return ItineraryFactory(agency=agency, client=ada, title="Lisbon")


@pytest.fixture
def offer(agency, ada, amir) -> Proposal:
    return ProposalFactory(agency=agency, client=ada, created_by=amir, title="Lisbon offer")


@pytest.fixture
def booked(agency, ada, amir) -> Booking:
    return BookingFactory(agency=agency, client=ada, created_by=amir, reference="BK-ADA1")
