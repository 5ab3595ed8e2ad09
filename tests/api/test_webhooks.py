"""``/api/v1/webhooks``: endpoints CRUD, the secret shown once, rotation, permissions, the
delivery log, replays and test events (the engine is replaced by a recorder: what is tested
here is what the API writes and answers)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Activity
from crm.models import WebhookDelivery, WebhookEndpoint
from crm.webhooks.catalogue import TEST_EVENT, TYPES
from tests import webhook_support
from tests.api.conftest import Api, warm
from tests.factories import make_token
from tests.webhook_support import make_delivery, make_endpoint

# The shared fixtures, by name.
fake_dns, drains = webhook_support.fake_dns, webhook_support.drains
URL = "https://hooks.example.com/itinera"
pytestmark = pytest.mark.usefixtures("fake_dns")


def create(api: Api, **body):
    return api.post("/webhooks", {"url": URL, **body})


def activity_text(agency) -> str:
    return repr(list(Activity.objects.for_agency(agency).values("event", "changes", "data")))


# Create, read, update, delete -----------------------------------------------------------------


def test_create_answers_201_with_the_secret_once_and_never_again(api: Api, agency):
    response = create(api, description="Zapier", event_types=["client.created"])
    assert response.status_code == 201, response.json()
    assert response["Cache-Control"] == "no-store"
    data = response.json()["data"]
    secret = data["secret"]
    endpoint = WebhookEndpoint.objects.get(pk=data["id"])
    assert secret == endpoint.secret and secret.startswith("whsec_")
    assert data["secret_hint"] == f"whsec_…{secret[-4:]}"
    assert data["url"] == URL
    assert data["description"] == "Zapier"
    assert data["event_types"] == ["client.created"]
    assert data["is_active"] is True
    assert data["disabled_reason"] == ""
    assert data["previous_secret_valid_until"] is None

    for path in ("/webhooks", f"/webhooks/{endpoint.pk}"):
        body = api.get(path)
        assert body.status_code == 200
        assert secret not in body.content.decode()
        shown = body.json()["data"]
        assert "secret" not in (shown[0] if path == "/webhooks" else shown)
    patched = api.patch(f"/webhooks/{endpoint.pk}", {"description": "Make"})
    assert secret not in patched.content.decode()
    # The history names the change, never the secret.
    assert "webhook.created" in activity_text(agency)
    assert secret not in activity_text(agency)


def test_an_empty_event_type_list_means_every_type(api: Api):
    data = create(api).json()["data"]
    assert data["event_types"] == []
    assert WebhookEndpoint.objects.get(pk=data["id"]).wants("proposal.accepted")


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"url": "http://hooks.example.com/x"}, "url", "https://"),
        ({"url": "https://internal.example.com/x"}, "url", "private address"),
        ({"url": "https://metadata.example.com/x"}, "url", "link-local"),
        ({"url": "https://mapped.example.com/x"}, "url", "public internet"),
        ({"url": "https://127.0.0.1/x"}, "url", "loopback"),
        ({"url": "https://[::1]/x"}, "url", "loopback"),
        ({"url": "not a url"}, "url", "URL"),
        ({"url": ""}, "url", ""),
        ({}, "url", "required"),
        ({"url": URL, "event_types": ["client.created", "lead.stolen"]}, "event_types", "lead"),
        ({"url": URL, "event_types": "client.created"}, "event_types", "list"),
        ({"url": URL, "description": "x" * 201}, "description", "200"),
        ({"url": URL, "is_active": "maybe"}, "is_active", "true or false"),
    ],
)
def test_bad_input_is_a_422_on_its_field_and_creates_nothing(api: Api, body, field, words):
    response = api.post("/webhooks", body)
    assert response.status_code == 422, response.json()
    errors = response.json()["errors"]
    assert field in errors, errors
    assert words in " ".join(errors[field])
    assert not WebhookEndpoint.objects.exists()


def test_patch_changes_the_given_fields_and_switching_off_cancels_what_waits(api: Api, agency):
    endpoint = make_endpoint(agency)
    waiting = make_delivery(endpoint, status="pending")
    done = make_delivery(endpoint, status="succeeded", attempts=1)
    response = api.patch(
        f"/webhooks/{endpoint.pk}",
        {"event_types": ["booking.created", "payment.recorded"], "is_active": False},
    )
    assert response.status_code == 200, response.json()
    data = response.json()["data"]
    assert data["event_types"] == ["booking.created", "payment.recorded"]
    assert data["is_active"] is False
    assert data["disabled_reason"] == "manual"
    assert data["disabled_at"] is not None
    assert data["url"] == endpoint.url  # untouched
    waiting.refresh_from_db()
    done.refresh_from_db()
    assert (waiting.status, done.status) == ("cancelled", "succeeded")
    assert "webhook.switched_off" in activity_text(agency)


def test_put_needs_the_url_and_a_bad_one_changes_nothing(api: Api, agency):
    endpoint = make_endpoint(agency, description="keep")
    assert api.put(f"/webhooks/{endpoint.pk}", {"description": "x"}).status_code == 422
    refused = api.put(f"/webhooks/{endpoint.pk}", {"url": "https://internal.example.com/"})
    assert refused.status_code == 422 and "url" in refused.json()["errors"]
    endpoint.refresh_from_db()
    assert (endpoint.url, endpoint.description) == (URL, "keep")
    moved = api.put(f"/webhooks/{endpoint.pk}", {"url": "https://crm.partner.example.com/in"})
    assert moved.status_code == 200
    assert moved.json()["data"]["url"] == "https://crm.partner.example.com/in"


def test_delete_removes_the_endpoint_with_its_log(api: Api, agency):
    endpoint = make_endpoint(agency)
    make_delivery(endpoint, attempts=2)
    response = api.delete(f"/webhooks/{endpoint.pk}")
    assert response.status_code == 204
    assert not WebhookEndpoint.objects.exists()
    assert not WebhookDelivery.objects.exists()
    assert api.get(f"/webhooks/{endpoint.pk}").status_code == 404


def test_list_is_paginated_and_filters_by_is_active(api: Api, agency):
    on = [make_endpoint(agency, description=f"on {i}") for i in range(3)]
    off = make_endpoint(agency, is_active=False, disabled_reason="gone")
    body = api.get("/webhooks?per_page=2").json()
    assert body["meta"] == {"current_page": 1, "last_page": 2, "per_page": 2, "total": 4}
    assert [row["id"] for row in body["data"]] == [off.pk, on[2].pk]  # newest first
    only_off = api.get("/webhooks?is_active=false").json()
    assert [row["id"] for row in only_off["data"]] == [off.pk]
    assert only_off["data"][0]["disabled_reason"] == "gone"


def test_a_retried_create_with_the_same_idempotency_key_makes_one_endpoint(api: Api):
    headers = {"Idempotency-Key": "9a8f1c7e-create-hook"}
    first = api.post("/webhooks", {"url": URL}, headers=headers)
    again = api.post("/webhooks", {"url": URL}, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert again.json()["data"]["id"] == first.json()["data"]["id"]
    assert WebhookEndpoint.objects.count() == 1


# Rotation -------------------------------------------------------------------------------------


def test_rotating_answers_the_new_secret_once_and_the_old_one_keeps_signing(api: Api, agency):
    endpoint = make_endpoint(agency)
    old = endpoint.secret
    response = api.post(f"/webhooks/{endpoint.pk}/rotate-secret")
    assert response.status_code == 200, response.json()
    assert response["Cache-Control"] == "no-store"
    data = response.json()["data"]
    endpoint.refresh_from_db()
    assert data["secret"] == endpoint.secret != old
    assert data["secret_hint"].endswith(endpoint.secret[-4:])
    assert data["previous_secret_valid_until"] is not None
    assert endpoint.signing_secrets() == [endpoint.secret, old]
    shown = api.get(f"/webhooks/{endpoint.pk}").content.decode()
    assert endpoint.secret not in shown and old not in shown
    assert "webhook.secret_rotated" in activity_text(agency)
    assert endpoint.secret not in activity_text(agency) and old not in activity_text(agency)


# Test events, the delivery log, replays --------------------------------------------------------


def test_a_test_event_is_a_202_with_its_delivery_and_wakes_the_engine(
    api: Api, agency, alice, drains, django_capture_on_commit_callbacks
):
    endpoint = make_endpoint(agency)
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(f"/webhooks/{endpoint.pk}/test")
    assert response.status_code == 202, response.json()
    data = response.json()["data"]
    delivery = WebhookDelivery.objects.get(pk=data["id"])
    assert data["event_type"] == TEST_EVENT
    assert data["status"] == "pending"
    assert data["webhook_id"] == endpoint.pk
    assert data["event_id"] == delivery.message.public_id
    assert data["requested_by_id"] == alice.pk
    assert drains == [endpoint.pk]


def test_a_switched_off_endpoint_refuses_a_test_event_and_a_replay(api: Api, agency, drains):
    endpoint = make_endpoint(agency, is_active=False)
    delivery = make_delivery(endpoint)
    test = api.post(f"/webhooks/{endpoint.pk}/test")
    replay = api.post(f"/webhooks/{endpoint.pk}/deliveries/{delivery.pk}/replay")
    for response in (test, replay):
        assert response.status_code == 422
        assert "switched off" in response.json()["errors"]["webhook"][0]
    assert WebhookDelivery.objects.count() == 1
    assert drains == []


def test_the_delivery_log_filters_paginates_and_lists_newest_first(api: Api, agency):
    endpoint = make_endpoint(agency)
    other = make_endpoint(agency)
    made = [
        make_delivery(endpoint, event_type="client.created", status="succeeded", attempts=1),
        make_delivery(endpoint, event_type="proposal.accepted", status="failed", attempts=3),
        make_delivery(endpoint, event_type="client.created", status="retrying", attempts=1),
    ]
    make_delivery(other, event_type="client.created")
    body = api.get(f"/webhooks/{endpoint.pk}/deliveries").json()
    assert [row["id"] for row in body["data"]] == [d.pk for d in reversed(made)]
    assert body["meta"]["total"] == 3
    first = body["data"][-1]
    assert first["event_id"] == made[0].message.public_id
    assert "body" not in first
    by_type = api.get(f"/webhooks/{endpoint.pk}/deliveries?event_type=client.created").json()
    assert [row["id"] for row in by_type["data"]] == [made[2].pk, made[0].pk]
    failed = api.get(f"/webhooks/{endpoint.pk}/deliveries?status=failed").json()
    assert [row["id"] for row in failed["data"]] == [made[1].pk]
    both = api.get(
        f"/webhooks/{endpoint.pk}/deliveries?status=retrying&event_type=client.created&per_page=1"
    ).json()
    assert [row["id"] for row in both["data"]] == [made[2].pk]
    assert both["meta"] == {"current_page": 1, "last_page": 1, "per_page": 1, "total": 1}
    page2 = api.get(f"/webhooks/{endpoint.pk}/deliveries?per_page=2&page=2").json()
    assert [row["id"] for row in page2["data"]] == [made[0].pk]
    for bad in ("status=lost", "event_type=client.kidnapped", "page=0"):
        response = api.get(f"/webhooks/{endpoint.pk}/deliveries?{bad}")
        assert response.status_code == 422, bad


def test_a_delivery_shows_its_exact_body_and_every_attempt(api: Api, agency):
    endpoint = make_endpoint(agency)
    delivery = make_delivery(endpoint, status="succeeded", attempts=2)
    response = api.get(f"/webhooks/{endpoint.pk}/deliveries/{delivery.pk}")
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["body"] == delivery.message.body
    assert data["event_id"] == delivery.message.public_id
    assert [(a["number"], a["status_code"]) for a in data["attempt_log"]] == [(1, 500), (2, 200)]
    assert data["attempt_log"][0]["response_body"] == "upstream exploded"
    assert data["attempt_log"][1]["duration_ms"] == 80
    # Through another endpoint of the same agency, it is not found.
    other = make_endpoint(agency)
    assert api.get(f"/webhooks/{other.pk}/deliveries/{delivery.pk}").status_code == 404
    assert api.post(f"/webhooks/{other.pk}/deliveries/{delivery.pk}/replay").status_code == 404


def test_a_replay_is_a_new_delivery_of_the_same_event(
    api: Api, agency, alice, drains, django_capture_on_commit_callbacks
):
    endpoint = make_endpoint(agency)
    original = make_delivery(endpoint, status="failed", attempts=3)
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(f"/webhooks/{endpoint.pk}/deliveries/{original.pk}/replay")
    assert response.status_code == 202, response.json()
    data = response.json()["data"]
    assert data["id"] != original.pk
    assert data["event_id"] == original.message.public_id
    assert data["replay_of_id"] == original.pk
    assert data["requested_by_id"] == alice.pk
    assert data["status"] == "pending" and data["attempts"] == 0
    assert WebhookDelivery.objects.get(pk=data["id"]).message_id == original.message_id
    assert drains == [endpoint.pk]
    assert "webhook.delivery_replayed" in activity_text(agency)


def test_the_event_type_catalogue_is_served(api: Api):
    response = api.get("/webhooks/event-types")
    assert response.status_code == 200
    rows = response.json()["data"]
    assert [row["name"] for row in rows] == list(TYPES)
    accepted = next(row for row in rows if row["name"] == "proposal.accepted")
    assert accepted == {
        "name": "proposal.accepted",
        "resource": "proposal",
        "description": TYPES["proposal.accepted"].description,
        "deleted": False,
    }


# Who may ----------------------------------------------------------------------------------------


def test_an_agents_token_gets_a_403_that_says_why(agent_api: Api, agency):
    endpoint = make_endpoint(agency)
    delivery = make_delivery(endpoint)
    for method, path in [
        ("GET", "/webhooks"),
        ("POST", "/webhooks"),
        ("GET", f"/webhooks/{endpoint.pk}"),
        ("PATCH", f"/webhooks/{endpoint.pk}"),
        ("DELETE", f"/webhooks/{endpoint.pk}"),
        ("POST", f"/webhooks/{endpoint.pk}/rotate-secret"),
        ("POST", f"/webhooks/{endpoint.pk}/test"),
        ("GET", f"/webhooks/{endpoint.pk}/deliveries"),
        ("GET", f"/webhooks/{endpoint.pk}/deliveries/{delivery.pk}"),
        ("POST", f"/webhooks/{endpoint.pk}/deliveries/{delivery.pk}/replay"),
        ("GET", "/webhooks/event-types"),
    ]:
        response = agent_api.request(method, path, {"url": URL} if method != "GET" else None)
        assert response.status_code == 403, (method, path)
        assert "owner or an admin" in response.json()["message"]
    assert WebhookEndpoint.objects.get().secret == endpoint.secret
    assert WebhookDelivery.objects.count() == 1


def test_a_read_only_token_reads_but_cannot_write(alice, agency):
    issued = make_token(alice, read_only=True)
    warm(issued.token)
    reader = Api(issued.plaintext)
    endpoint = make_endpoint(agency)
    assert reader.get("/webhooks").status_code == 200
    assert reader.get(f"/webhooks/{endpoint.pk}/deliveries").status_code == 200
    for response in (
        reader.post("/webhooks", {"url": URL}),
        reader.post(f"/webhooks/{endpoint.pk}/rotate-secret"),
        reader.post(f"/webhooks/{endpoint.pk}/test"),
        reader.delete(f"/webhooks/{endpoint.pk}"),
    ):
        assert response.status_code == 403
        assert response.json() == {"message": "This token is read-only."}
    assert WebhookEndpoint.objects.count() == 1


def test_another_agencys_endpoint_and_deliveries_are_404(bob_api: Api, api: Api, agency):
    endpoint = make_endpoint(agency)
    delivery = make_delivery(endpoint)
    for method, path in [
        ("GET", f"/webhooks/{endpoint.pk}"),
        ("PATCH", f"/webhooks/{endpoint.pk}"),
        ("PUT", f"/webhooks/{endpoint.pk}"),
        ("DELETE", f"/webhooks/{endpoint.pk}"),
        ("POST", f"/webhooks/{endpoint.pk}/rotate-secret"),
        ("POST", f"/webhooks/{endpoint.pk}/test"),
        ("GET", f"/webhooks/{endpoint.pk}/deliveries"),
        ("GET", f"/webhooks/{endpoint.pk}/deliveries/{delivery.pk}"),
        ("POST", f"/webhooks/{endpoint.pk}/deliveries/{delivery.pk}/replay"),
    ]:
        response = bob_api.request(method, path, {"url": URL} if method != "GET" else None)
        assert response.status_code == 404, (method, path)
        assert response.json() == {"message": "Not found."}
    assert bob_api.get("/webhooks").json()["data"] == []
    assert WebhookDelivery.objects.count() == 1
    assert WebhookEndpoint.objects.get().url == URL


# Query budget of the log (the endpoint list is in test_query_budgets.py): the same queries for
# one row as for many, whatever the filters.


def _queries(api: Api, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert api.get(path).status_code == 200
    return len(captured.captured_queries)


def test_the_delivery_log_stays_within_four_queries_whatever_its_length(api: Api, agency):
    endpoint = make_endpoint(agency)
    make_delivery(endpoint, attempts=1)
    one = _queries(api, f"/webhooks/{endpoint.pk}/deliveries")
    for _ in range(8):
        make_delivery(endpoint, attempts=2)
    many = _queries(api, f"/webhooks/{endpoint.pk}/deliveries?status=succeeded")
    assert _queries(api, f"/webhooks/{endpoint.pk}/deliveries") == one == many <= 4
