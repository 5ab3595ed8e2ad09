"""The ``world`` fixture: both agencies populated, bob signed in twice and holding a token."""

from __future__ import annotations

import pytest
from django.test import Client as HttpClient

from accounts.models import Role
from tests.factories import UserFactory, make_token
from tests.hardening.isolation.world import World, populate


@pytest.fixture
def world(agency, other_agency, alice, amir, bob) -> World:
    bianca = UserFactory(
        username="bianca",
        email="bianca@beta.example",
        agency=other_agency,
        role=Role.AGENT,
        name="Bianca Agent",
    )
    a = populate(agency, alice, amir, "Zanzibar")
    b = populate(other_agency, bob, bianca, "Bergamo")
    dashboard, second_session = HttpClient(), HttpClient()
    dashboard.force_login(bob)
    second_session.force_login(bob)
    return World(
        a=a,
        b=b,
        bob=bob,
        dashboard=dashboard,
        api=HttpClient(),
        api_token=make_token(bob, name="matrix", rate_limit=100_000).plaintext,
        anonymous=HttpClient(),
        second_session=second_session,
    )
