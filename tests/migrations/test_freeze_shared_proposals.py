"""crm 0017: proposals shared before versions existed get a version 1 of what they hold, in
the same snapshot format (and hash) as the code freezes, so their links keep working."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from crm.models import Proposal, ProposalVersion
from crm.proposals import versions
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    ProposalFactory,
)

BEFORE = [("crm", "0016_tasks")]
AFTER = [("crm", "0017_proposal_versions")]


def _migrate(targets: list[tuple[str, str]]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_a_shared_proposal_gets_version_1_with_the_codes_own_hash(agency):
    client = ClientFactory(agency=agency, name="Ada")
    trip = ItineraryFactory(client=client)
    day = ItineraryDayFactory(itinerary=trip, day_number=1, title="Arrival")
    ItineraryItemFactory(day=day, title="Hotel", start_time=None)
    shared = ProposalFactory(
        client=client, itinerary=trip, status="sent", share_token="tok-" + "x" * 30
    )
    draft = ProposalFactory(client=client, status="draft", total_price=Decimal("5"))
    try:
        _migrate(BEFORE)
        _migrate(AFTER)
        # Forward to the newest schema before reading with today's models (a later migration
        # may add a column they select, e.g. crm 0023's client kind).
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
        (version,) = ProposalVersion.objects.filter(proposal_id=shared.pk)
        frozen = (version.number, version.content, version.content_sha256)
        assert not ProposalVersion.objects.filter(proposal_id=draft.pk).exists()
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    # The code's snapshot reads tables of later migrations (options): compare once migrated.
    expected = versions.proposal_content(Proposal.objects.get(pk=shared.pk), terms=None)
    assert frozen == (1, expected, versions.content_sha256(expected))
