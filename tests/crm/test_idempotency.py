"""core.idempotency: one response per (scope, Idempotency-Key), replayed for 24 hours."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable

import pytest
from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.utils import timezone

from core import idempotency
from core.idempotency import (
    InvalidKey,
    KeyInProgress,
    KeyReused,
    StoredResponse,
    idempotent_call,
    purge_expired,
    request_hash,
)
from core.models import IdempotencyRecord
from crm.models import Client
from tests.factories import AgencyFactory


class Handler:
    """Counts its calls; creates a client each time, as a real create endpoint would."""

    def __init__(self, agency, status=201):
        self.agency, self.status, self.calls = agency, status, 0

    def __call__(self) -> StoredResponse:
        self.calls += 1
        client = Client.objects.create(agency=self.agency, name=f"Lead {self.calls}")
        return StoredResponse(
            status=self.status,
            body={"data": {"id": client.pk}},
            headers={"Content-Type": "application/json", "X-RateLimit-Remaining": "59"},
        )


def call(handler, *, key="key-1", body=None, scope="token:1", **kwargs):
    return idempotent_call(
        scope=scope,
        key=key,
        request_hash=request_hash("POST", "/api/v1/clients", body or {"name": "Ann"}),
        handler=handler,
        **kwargs,
    )


@pytest.fixture
def handler(agency):
    return Handler(agency)


def test_the_first_call_runs_the_handler_and_stores_its_response(handler):
    outcome = call(handler)

    assert outcome.replayed is False
    assert outcome.response.status == 201
    record = IdempotencyRecord.objects.get()
    assert (record.scope, record.key, record.status_code) == ("token:1", "key-1", 201)
    assert record.response_body == outcome.response.body


def test_the_same_key_and_body_replays_without_running_the_handler_again(handler):
    first = call(handler)
    again = call(handler)

    assert again.replayed is True
    assert again.response.status == first.response.status
    assert again.response.body == first.response.body
    assert handler.calls == 1
    assert Client.objects.count() == 1
    assert IdempotencyRecord.objects.count() == 1


def test_only_the_headers_that_describe_the_response_are_replayed(handler):
    call(handler)

    again = call(handler)

    assert again.response.headers == {"Content-Type": "application/json"}


def test_the_same_key_with_another_body_is_refused(handler):
    call(handler, body={"name": "Ann"})

    with pytest.raises(KeyReused) as refused:
        call(handler, body={"name": "Bob"})

    assert refused.value.status == 409
    assert handler.calls == 1


def test_the_same_key_in_another_scope_is_a_new_request(handler):
    call(handler, scope="token:1")
    outcome = call(handler, scope="token:2")

    assert outcome.replayed is False
    assert handler.calls == 2


def test_an_expired_record_is_ignored_and_the_key_works_again(handler, settings):
    call(handler)
    stale = timezone.now() - dt.timedelta(seconds=settings.IDEMPOTENCY_KEY_TTL + 1)
    IdempotencyRecord.objects.update(created_at=stale)

    outcome = call(handler, body={"name": "A different body is fine now"})

    assert outcome.replayed is False
    assert handler.calls == 2
    assert IdempotencyRecord.objects.get().created_at > stale


def test_a_record_younger_than_the_ttl_is_still_replayed(handler, settings):
    call(handler)
    IdempotencyRecord.objects.update(
        created_at=timezone.now() - dt.timedelta(seconds=settings.IDEMPOTENCY_KEY_TTL - 60)
    )

    assert call(handler).replayed is True


def test_purge_expired_deletes_only_old_records(handler, settings):
    call(handler, key="old")
    call(handler, key="new")
    stale = timezone.now() - dt.timedelta(seconds=settings.IDEMPOTENCY_KEY_TTL + 1)
    IdempotencyRecord.objects.filter(key="old").update(created_at=stale)

    assert purge_expired() == 1
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["new"]


def test_a_handler_that_raises_leaves_no_record_and_no_writes(agency):
    def failing():
        Client.objects.create(agency=agency, name="Half-made")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        call(failing)

    assert IdempotencyRecord.objects.count() == 0
    assert Client.objects.count() == 0


def test_an_error_response_is_not_stored_and_the_key_stays_free(agency):
    refused = Handler(agency, status=422)
    first = call(refused, body={"name": ""})
    outcome = call(Handler(agency), body={"name": "Corrected"})

    assert first.response.status == 422
    assert outcome.replayed is False
    assert outcome.response.status == 201
    assert Client.objects.count() == 1  # the refused call's write was rolled back


@pytest.mark.parametrize("key", ["", "x" * 256, "has space", "naïve", "tab\there"])
def test_invalid_keys_are_refused(handler, key):
    with pytest.raises(InvalidKey) as refused:
        call(handler, key=key)

    assert refused.value.status == 400
    assert handler.calls == 0


def test_a_key_of_255_visible_characters_is_accepted(handler):
    assert call(handler, key="k" * 255).response.status == 201


def test_the_request_hash_ignores_field_order_but_not_values():
    assert request_hash({"a": 1, "b": 2}) == request_hash({"b": 2, "a": 1})
    assert request_hash({"a": 1}) != request_hash({"a": 2})
    assert request_hash("POST", "/x", {}) != request_hash("POST", "/y", {})


def test_django_responses_round_trip_through_a_stored_response():
    stored = idempotency.stored_from_django(JsonResponse({"data": {"id": 7}}, status=201))
    replay = idempotency.django_from_stored(stored, replayed=True)

    assert (replay.status_code, json.loads(replay.content)) == (201, {"data": {"id": 7}})
    assert replay["Idempotent-Replayed"] == "true"

    redirect = idempotency.stored_from_django(HttpResponseRedirect("/thanks", status=303))
    replay = idempotency.django_from_stored(redirect, replayed=False)
    assert (replay.status_code, replay["Location"]) == (303, "/thanks")
    assert "Idempotent-Replayed" not in replay


# Concurrency: real transactions in parallel need PostgreSQL --------------------------------


class SlowHandler:
    """Creates a client, then holds its transaction open until ``release`` is set."""

    def __init__(self, agency, *, fail=False):
        self.agency, self.fail = agency, fail
        self.started, self.release = threading.Event(), threading.Event()
        self.calls = 0

    def __call__(self) -> StoredResponse:
        self.calls += 1
        client = Client.objects.create(agency=self.agency, name="Slow lead")
        self.started.set()
        self.release.wait(timeout=10)
        if self.fail:
            raise RuntimeError("the first request fails")
        return StoredResponse(status=201, body={"data": {"id": client.pk}})


def in_thread(target: Callable[[], object]) -> tuple[threading.Thread, dict[str, object]]:
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["value"] = target()
        except Exception as exc:
            result["error"] = exc
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, result


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_second_request_waits_for_the_first_and_replays_its_answer():
    agency = AgencyFactory()
    slow = SlowHandler(agency)
    first, first_result = in_thread(lambda: call(slow))
    assert slow.started.wait(timeout=10)
    second_handler = Handler(agency)
    second, second_result = in_thread(lambda: call(second_handler))

    second.join(timeout=0.5)
    assert second.is_alive()  # blocked on the unique index while the first is in progress
    slow.release.set()
    first.join(timeout=10)
    second.join(timeout=10)

    assert first_result["value"].replayed is False
    assert second_result["value"].replayed is True
    assert second_result["value"].response.body == first_result["value"].response.body
    assert second_handler.calls == 0
    assert Client.objects.count() == 1
    assert IdempotencyRecord.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_request_still_waiting_after_the_limit_gets_409():
    agency = AgencyFactory()
    slow = SlowHandler(agency)
    first, _ = in_thread(lambda: call(slow))
    assert slow.started.wait(timeout=10)

    try:
        with pytest.raises(KeyInProgress) as refused:
            call(Handler(agency), wait_seconds=0.2)
    finally:
        slow.release.set()
        first.join(timeout=10)

    assert refused.value.status == 409
    assert refused.value.headers["Retry-After"]
    assert Client.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_when_the_first_request_fails_the_waiting_one_does_the_work():
    agency = AgencyFactory()
    failing = SlowHandler(agency, fail=True)
    first, first_result = in_thread(lambda: call(failing))
    assert failing.started.wait(timeout=10)
    second_handler = Handler(agency)
    second, second_result = in_thread(lambda: call(second_handler))

    failing.release.set()
    first.join(timeout=10)
    second.join(timeout=10)

    assert isinstance(first_result["error"], RuntimeError)
    assert second_result["value"].replayed is False
    assert second_handler.calls == 1
    assert list(Client.objects.values_list("name", flat=True)) == ["Lead 1"]
    assert IdempotencyRecord.objects.get().status_code == 201
