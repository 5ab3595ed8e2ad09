"""The generated SDK is imported from the repository (sdk/python), never installed: the venv is
shared, and the tests must exercise the committed code, not some installed copy of it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SDK_PATH = Path(__file__).resolve().parents[2] / "sdk" / "python"
if str(SDK_PATH) not in sys.path:
    sys.path.insert(0, str(SDK_PATH))

from itinera_client import AuthenticatedClient  # noqa: E402  # importable only from here on

from accounts.models import Role  # noqa: E402
from tests.api.conftest import warm  # noqa: E402
from tests.factories import AgencyFactory, UserFactory, make_token  # noqa: E402


@pytest.fixture
def sdk(transactional_db, live_server) -> Iterator[AuthenticatedClient]:
    """The generated client, as an integrator builds it, signed in as the owner of an agency
    of its own, against a live server on the test database."""
    agency = AgencyFactory(name="Sintra Journeys", slug="sintra", default_currency="EUR")
    owner = UserFactory(username="sofia", agency=agency, role=Role.OWNER)
    issued = make_token(owner, rate_limit=10_000)  # the walk is longer than 60 requests
    warm(issued.token)
    # Undocumented answers raise instead of parsing to None: a gap in the schema fails loudly.
    with AuthenticatedClient(
        base_url=live_server.url, token=issued.plaintext, raise_on_unexpected_status=True
    ) as client:
        yield client
