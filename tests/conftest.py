"""The cast: two agencies that must never see each other's data.

- ``agency`` ("Alpha Tours") with ``alice`` (owner) and ``amir`` (agent)
- ``other_agency`` ("Beta Travel") with ``bob`` (owner)
"""

from __future__ import annotations

import os

import pytest
from django.db import connection

from accounts.models import Role
from tests.factories import AgencyFactory, UserFactory, make_token

# The tenant tripwire: an unscoped read of a tenant table inside a request fails the test.
from tests.hardening.tripwire import pytest_terminal_summary, tenant_tripwire  # noqa: F401


def pytest_collection_modifyitems(config, items):
    on_postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgresql"))
    has_redis = bool(os.environ.get("REDIS_URL"))
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL (CI does)")
    skip_redis = pytest.mark.skip(reason="needs Redis: set REDIS_URL (CI does)")
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip_pg)
        if "redis" in item.keywords and not has_redis:
            item.add_marker(skip_redis)


@pytest.fixture
def agency(db):
    return AgencyFactory(name="Alpha Tours", slug="alpha-tours")


@pytest.fixture
def other_agency(db):
    return AgencyFactory(name="Beta Travel", slug="beta-travel")


@pytest.fixture
def alice(agency):
    return UserFactory(
        username="alice",
        email="alice@alpha.example",
        agency=agency,
        role=Role.OWNER,
        name="Alice Owner",
    )


@pytest.fixture
def amir(agency):
    return UserFactory(
        username="amir",
        email="amir@alpha.example",
        agency=agency,
        role=Role.AGENT,
        name="Amir Agent",
    )


@pytest.fixture
def as_alice(client, alice):
    """The test client signed in as Alice, the owner of Alpha."""
    client.force_login(alice)
    return client


@pytest.fixture
def as_amir(client, amir):
    """The test client signed in as Amir, an agent of Alpha."""
    client.force_login(amir)
    return client


@pytest.fixture
def bob(other_agency):
    return UserFactory(
        username="bob",
        email="bob@beta.example",
        agency=other_agency,
        role=Role.OWNER,
        name="Bob Owner",
    )


@pytest.fixture
def alice_token(alice):
    """(ApiToken, plaintext) for alice."""
    issued = make_token(alice)
    return issued.token, issued.plaintext


@pytest.fixture
def bob_token(bob):
    issued = make_token(bob)
    return issued.token, issued.plaintext


@pytest.fixture
def is_postgres() -> bool:
    return connection.vendor == "postgresql"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and other cached state never leak from one test into the next."""
    from django.core.cache import cache

    from accounts import token_cache
    from core import ratelimit

    cache.clear()
    token_cache.reset()
    ratelimit.reset()
    yield
    cache.clear()
    token_cache.reset()
    ratelimit.reset()
