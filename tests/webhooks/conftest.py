"""The webhook engine's fixtures: a local receiver, in-process jobs, retries without waiting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

import pytest

from crm.webhooks import dispatch
from crm.webhooks import services as webhook_services
from crm.webhooks.models import WebhookEndpoint
from tests.webhooks.receiver import Receiver, receiving

RunJobs = Callable[[], AbstractContextManager[Any]]


@pytest.fixture
def receiver(settings) -> Iterator[Receiver]:
    """A local test server; local targets allowed (loopback, plain http in debug)."""
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    settings.DEBUG = True
    settings.SITE_URL = "https://crm.alpha.example"
    with receiving() as server:
        yield server


@pytest.fixture
def run_jobs(django_capture_on_commit_callbacks) -> RunJobs:
    """``with run_jobs(): ...``: the jobs enqueued inside run in-process when it ends, as
    they would after the request's commit (a job's own jobs too)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def no_waiting(monkeypatch) -> None:
    """Retries are due at once: a drain retries until it succeeds or gives up."""
    monkeypatch.setattr(dispatch, "RETRY_DELAYS", (dt.timedelta(0),) * len(dispatch.RETRY_DELAYS))


def make_endpoint(agency, user, url: str, **fields: Any) -> WebhookEndpoint:
    """An endpoint for every type but the tasks' (unless ``event_types`` says otherwise): a new
    lead's automatic "Reply to" task would be a second message beside each client's own."""
    from crm.webhooks.catalogue import TYPES

    fields.setdefault("event_types", [name for name in TYPES if not name.startswith("task.")])
    return webhook_services.webhook_create(agency=agency, created_by=user, url=url, **fields)
