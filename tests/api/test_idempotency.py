"""POST /api/v1/clients honours Idempotency-Key: a retried create replays the first answer."""

from __future__ import annotations

import datetime as dt
import json
import threading
import urllib.error
import urllib.request

import pytest
from django.utils import timezone
from pytest_django.live_server_helper import LiveServer

from core.models import IdempotencyRecord
from crm.models import Client
from tests.api.conftest import Api, warm
from tests.factories import AgencyFactory, UserFactory, make_token

# allow_duplicate: these tests create the same lead twice on purpose (without it, the second
# create is the duplicate 409 of tests/api/test_client_duplicates.py).
LEAD = {
    "name": "New Lead",
    "email": "lead@site.com",
    "phone": "+1 555 0100",
    "notes": "Web",
    "allow_duplicate": True,
}


def create(api: Api, body=LEAD, key: str | None = "key-1"):
    headers = {"Idempotency-Key": key} if key is not None else {}
    return api.post("/clients", body, headers=headers)


def test_a_repeated_key_replays_the_first_created_client(api):
    first = create(api)
    again = create(api)

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert Client.objects.count() == 1
    assert IdempotencyRecord.objects.count() == 1


def test_a_replay_still_carries_the_rate_limit_headers(api):
    create(api)

    again = create(api)

    assert "X-RateLimit-Limit" in again
    assert "X-RateLimit-Remaining" in again


def test_the_same_fields_in_another_order_are_the_same_request(api):
    first = create(api, body={"name": "Ann", "email": "ann@example.com"})
    again = api.post(
        "/clients",
        raw='{"email": "ann@example.com",   "name": "Ann"}',
        headers={"Idempotency-Key": "key-1"},
    )

    assert again.status_code == 201
    assert again.json() == first.json()
    assert Client.objects.count() == 1


def test_a_key_reused_with_another_body_is_409(api):
    create(api)

    response = create(api, body={**LEAD, "name": "Someone Else"})

    assert response.status_code == 409
    body = response.json()
    assert "different request body" in body["message"]
    assert body["errors"]["Idempotency-Key"]
    assert Client.objects.count() == 1


def test_a_refused_create_does_not_use_up_its_key(api):
    refused = create(api, body={"email": "no-name@example.com"})
    accepted = create(api, body=LEAD)

    assert (refused.status_code, accepted.status_code) == (422, 201)
    assert Client.objects.count() == 1


def test_keys_belong_to_their_token(api, bob_api, agency, other_agency):
    alice_answer = create(api, key="shared-key")
    bob_answer = create(bob_api, key="shared-key")

    assert alice_answer.status_code == bob_answer.status_code == 201
    assert "Idempotent-Replayed" not in bob_answer
    assert bob_answer.json()["data"]["id"] != alice_answer.json()["data"]["id"]
    assert Client.objects.filter(agency=agency).count() == 1
    assert Client.objects.filter(agency=other_agency).count() == 1


def test_without_a_key_every_post_creates_a_client(api):
    create(api, key=None)
    create(api, key=None)

    assert Client.objects.count() == 2
    assert IdempotencyRecord.objects.count() == 0


def test_an_invalid_key_is_refused_with_400(api):
    response = create(api, key="k" * 256)

    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()["message"]
    assert Client.objects.count() == 0


def test_after_24_hours_the_key_creates_again(api, settings):
    create(api)
    IdempotencyRecord.objects.update(
        created_at=timezone.now() - dt.timedelta(seconds=settings.IDEMPOTENCY_KEY_TTL + 1)
    )

    again = create(api)

    assert "Idempotent-Replayed" not in again
    assert Client.objects.count() == 2


def test_only_client_creation_is_affected(api, agency):
    client = Client.objects.create(agency=agency, name="Existing")

    response = api.patch(
        f"/clients/{client.pk}", {"city": "Lisbon"}, headers={"Idempotency-Key": "x"}
    )

    assert response.status_code == 200
    assert IdempotencyRecord.objects.count() == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_creates_with_one_key_make_one_client(live_server: LiveServer) -> None:
    user = UserFactory(agency=AgencyFactory())
    issued = make_token(user, rate_limit=1_000)
    warm(issued.token)
    live_server.thread.httpd.socket.listen(128)  # Django's test server backlog is 10
    body = json.dumps(LEAD).encode()
    barrier = threading.Barrier(50)
    answers: list[tuple[int, dict, str | None]] = []
    lock = threading.Lock()

    def send() -> None:
        request = urllib.request.Request(
            f"{live_server.url}/api/v1/clients",
            data=body,
            method="POST",
            headers={
                "Authorization": f"Bearer {issued.plaintext}",
                "Content-Type": "application/json",
                "Accept": "application/json",
                "Idempotency-Key": "fifty-at-once",
            },
        )
        barrier.wait()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                answer = (
                    response.status,
                    json.loads(response.read()),
                    response.headers.get("Idempotent-Replayed"),
                )
        except urllib.error.HTTPError as error:
            answer = (error.code, json.loads(error.read() or b"{}"), None)
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=send) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert [status for status, _, _ in answers] == [201] * 50
    assert len({body["data"]["id"] for _, body, _ in answers}) == 1
    assert [replayed for _, _, replayed in answers].count("true") == 49
    assert Client.objects.count() == 1
    assert IdempotencyRecord.objects.count() == 1
