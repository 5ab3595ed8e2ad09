"""The indexes behind the client search (PostgreSQL only: SQLite has no trigram indexes)."""

from __future__ import annotations

import pytest
from django.db import connection

from crm.models import Client
from tests.factories import AgencyFactory, ClientFactory

TRIGRAM_INDEXES = (
    "client_name_trgm",
    "client_email_trgm",
    "client_phone_trgm",
    "client_company_trgm",
)


def _reloptions(name: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = %s", [name])
        row = cursor.fetchone()
    assert row is not None, f"index {name} is missing"
    return row[0] or []


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.parametrize("name", TRIGRAM_INDEXES)
def test_trigram_indexes_keep_no_pending_list(name):
    # New clients go straight into the index: no unsorted backlog for every search to scan.
    assert "fastupdate=off" in _reloptions(name)


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_client_is_found_by_the_search_right_after_it_is_created():
    agency = AgencyFactory()
    ClientFactory(agency=agency, name="Zoë Quenneville")
    found = Client.objects.filter(agency=agency, name__icontains="quennev")
    assert [c.name for c in found] == ["Zoë Quenneville"]


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("client_live_agency_count", "(agency_id)"),
        ("client_live_agency_status_count", "(agency_id, status)"),
        ("client_live_agency_created", "(agency_id, created_at DESC, id DESC)"),
    ],
)
def test_the_live_client_lists_have_partial_indexes(name, columns):
    # Lists leave archived clients out: these answer their counts and pages without reading
    # archived_at from the heap (crm 0009).
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [name])
        row = cursor.fetchone()
    assert row is not None, f"index {name} is missing"
    assert row[0].endswith(f"{columns} WHERE (archived_at IS NULL)")
