"""The code's status tables are exactly the ones the issue states (tests/crm/lifecycle_spec)."""

from __future__ import annotations

import pytest

from core.transitions import Transitions
from crm.bookings.lifecycle import BOOKING_TRANSITIONS
from crm.proposals.lifecycle import PROPOSAL_TRANSITIONS
from tests.crm import lifecycle_spec as spec


@pytest.mark.parametrize(
    ("table", "statuses", "allowed"),
    [
        (PROPOSAL_TRANSITIONS, spec.PROPOSAL_STATUSES, spec.PROPOSAL_ALLOWED),
        (BOOKING_TRANSITIONS, spec.BOOKING_STATUSES, spec.BOOKING_ALLOWED),
    ],
    ids=["proposal", "booking"],
)
def test_the_table_is_the_one_the_issue_states(table: Transitions, statuses, allowed):
    assert set(table.table) == set(statuses)
    assert table.pairs() == allowed
