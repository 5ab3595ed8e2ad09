"""The email tests' helpers: messages are delivered by a job after the commit, so the tests
that read ``mail.outbox`` run the commit's callbacks (``delivered``)."""

from __future__ import annotations

import pytest


@pytest.fixture
def delivered(django_capture_on_commit_callbacks):
    """``with delivered():`` runs what commits inside it, delivery jobs included."""

    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block
