"""Proposals in tests: what the client's link shows."""

from __future__ import annotations

from crm.proposals import versions
from crm.proposals.models import Proposal


def frozen(proposal: Proposal) -> dict:
    """The content of the latest version sent."""
    version = versions.latest_version(proposal)
    assert version is not None
    return version.content
