"""The notifications' cast: Amir (agent) drafted and sent a proposal to Ada, a client
assigned to him; Alice owns the agency; Bob is another agency's owner."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client as HttpClient

from crm.proposals import services as proposal_services
from tests.factories import ClientFactory

RunJobs = Callable[[], AbstractContextManager[Any]]


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://crm.alpha.example"


@pytest.fixture
def run_jobs(django_capture_on_commit_callbacks) -> RunJobs:
    """``with run_jobs(): ...``: the jobs enqueued inside run (in-process) when it ends, as
    they would after the request's commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def ada(agency, amir):
    return ClientFactory(
        agency=agency, name="Ada Lovelace", email="ada@clients.example", assigned_to=amir
    )


@pytest.fixture
def sent(agency, amir, ada):
    proposal = proposal_services.proposal_create(
        agency=agency,
        created_by=amir,
        client=ada.pk,
        title="Lisbon in spring",
        total_price=Decimal("2450.00"),
        currency="EUR",
        valid_until=dt.date(2027, 4, 30),
    )
    return proposal_services.proposal_send(proposal=proposal)


@pytest.fixture
def visitor() -> HttpClient:
    return HttpClient()
