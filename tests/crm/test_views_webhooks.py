"""Settings → Webhooks in the dashboard: owners and admins only, the secret shown once, the
delivery log with its filters, and the Replay / Send test event / switch / rotate / delete
buttons (the engine is a recorder here)."""

from __future__ import annotations

import re

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from accounts.models import Activity, Role
from crm.models import WebhookDelivery, WebhookEndpoint
from tests import webhook_support
from tests.factories import UserFactory
from tests.webhook_support import make_delivery, make_endpoint

# The shared fixtures, by name.
fake_dns, drains = webhook_support.fake_dns, webhook_support.drains
URL = "https://hooks.example.com/itinera"
pytestmark = pytest.mark.usefixtures("fake_dns")


def page(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def url(name: str, *args: int) -> str:
    return reverse(f"webhook_settings:{name}", args=args)


# Who may ----------------------------------------------------------------------------------------


def test_agents_get_a_403_everywhere_and_no_menu_entry(as_amir, agency):
    endpoint = make_endpoint(agency)
    delivery = make_delivery(endpoint)
    for method, path in [
        ("get", url("list")),
        ("get", url("create")),
        ("post", url("create")),
        ("get", url("detail", endpoint.pk)),
        ("get", url("edit", endpoint.pk)),
        ("post", url("switch", endpoint.pk)),
        ("get", url("rotate_secret", endpoint.pk)),
        ("post", url("rotate_secret", endpoint.pk)),
        ("get", url("delete", endpoint.pk)),
        ("post", url("delete", endpoint.pk)),
        ("post", url("send_test", endpoint.pk)),
        ("get", url("delivery", endpoint.pk, delivery.pk)),
        ("post", url("delivery_replay", endpoint.pk, delivery.pk)),
    ]:
        response = getattr(as_amir, method)(path, {"url": URL, "on": "0"})
        assert response.status_code == 403, (method, path)
    assert WebhookEndpoint.objects.get().is_active
    assert WebhookDelivery.objects.count() == 1
    assert 'href="/settings/webhooks/"' not in page(as_amir.get("/"))


def test_owners_and_admins_see_the_menu_entry(as_alice, agency, client):
    assert 'href="/settings/webhooks/"' in page(as_alice.get("/"))
    admin = UserFactory(agency=agency, role=Role.ADMIN)
    other = HttpClient()
    other.force_login(admin)
    assert page(other.get(url("list")))


def test_another_agencys_endpoint_is_a_404(as_alice, other_agency):
    theirs = make_endpoint(other_agency)
    delivery = make_delivery(theirs)
    assert as_alice.get(url("detail", theirs.pk)).status_code == 404
    assert as_alice.get(url("delivery", theirs.pk, delivery.pk)).status_code == 404
    assert as_alice.post(url("delivery_replay", theirs.pk, delivery.pk)).status_code == 404
    assert as_alice.post(url("delete", theirs.pk)).status_code == 404
    assert WebhookEndpoint.objects.filter(pk=theirs.pk).exists()


# The list and the forms ---------------------------------------------------------------------------


def test_the_empty_list_says_what_webhooks_are_for(as_alice):
    html = page(as_alice.get(url("list")))
    assert "No webhook endpoints yet" in html
    assert url("create") in html


def test_the_list_shows_url_description_types_switch_and_last_delivery(as_alice, agency):
    endpoint = make_endpoint(agency, description="Zapier leads", event_types=["client.created"])
    make_delivery(endpoint, status="failed", attempts=3)
    make_endpoint(agency, url="https://crm.partner.example.com/in", is_active=False)
    html = page(as_alice.get(url("list")))
    assert URL in html and "Zapier leads" in html and "client.created" in html
    assert "Every event" in html
    assert "Failed" in html and "None yet" in html
    assert "Off" in html
    assert endpoint.secret not in html


def test_adding_an_endpoint_shows_its_secret_once(as_alice, agency):
    response = as_alice.post(
        url("create"),
        {
            "url": URL,
            "description": "Make.com",
            "event_types": ["proposal.accepted", "booking.created"],
            "is_active": "on",
        },
    )
    html = page(response)
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.event_types == ["proposal.accepted", "booking.created"]
    assert endpoint.created_by.username == "alice"
    assert response["Cache-Control"] == "no-store"
    shown = re.search(r'data-testid="signing-secret">([^<]+)<', html)
    assert shown and shown.group(1) == endpoint.secret
    assert "only time it is shown" in html
    assert 'data-copy="#signing-secret"' in html
    # Never again: not on the endpoint's page, the list, the edit form, the history.
    for path in (url("detail", endpoint.pk), url("list"), url("edit", endpoint.pk)):
        assert endpoint.secret not in page(as_alice.get(path))
    assert endpoint.secret_hint in page(as_alice.get(url("detail", endpoint.pk)))
    events = repr(list(Activity.objects.values("event", "changes", "data")))
    assert "webhook.created" in events and endpoint.secret not in events


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"url": "http://hooks.example.com/"}, "url", "https://"),
        ({"url": "https://internal.example.com/"}, "url", "private address"),
        ({"url": "https://169.254.169.254/latest"}, "url", "link-local"),
        ({"url": ""}, "url", "required"),
        ({"url": URL, "event_types": ["lead.stolen"]}, "event_types", "valid choice"),
        ({"url": URL, "description": "x" * 201}, "description", "200"),
    ],
)
def test_a_refused_endpoint_shows_why_beside_its_field(as_alice, data, field, words):
    html = page(as_alice.post(url("create"), data))
    assert not WebhookEndpoint.objects.exists()
    assert "Please fix the highlighted fields" in html or "form-errors" in html
    errors = re.search(rf'id="id_{field}".*?<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S)
    if field == "event_types":  # a fieldset: its errors follow the checkboxes
        errors = re.search(r"</legend>.*?<ul class=\"errorlist[^\"]*\"[^>]*>(.*?)</ul>", html, re.S)
    assert errors and words in errors.group(1), html[html.find("errorlist") - 300 :][:900]


def test_editing_changes_the_settings_and_a_bad_url_changes_nothing(as_alice, agency):
    endpoint = make_endpoint(agency, description="old")
    response = as_alice.post(
        url("edit", endpoint.pk),
        {"url": "https://internal.example.com/", "description": "new", "is_active": "on"},
    )
    assert "private address" in page(response)
    endpoint.refresh_from_db()
    assert (endpoint.url, endpoint.description) == (URL, "old")
    form = page(as_alice.get(url("edit", endpoint.pk)))
    assert f'value="{URL}"' in form and 'value="old"' in form
    saved = as_alice.post(
        url("edit", endpoint.pk),
        {"url": URL, "description": "new", "event_types": ["payment.recorded"], "is_active": "on"},
    )
    assert saved.status_code == 302 and saved["Location"] == url("detail", endpoint.pk)
    endpoint.refresh_from_db()
    assert (endpoint.description, endpoint.event_types) == ("new", ["payment.recorded"])


def test_switching_off_and_on(as_alice, agency):
    endpoint = make_endpoint(agency)
    waiting = make_delivery(endpoint, status="retrying", attempts=1)
    off = as_alice.post(url("switch", endpoint.pk), {"on": "0"})
    assert off.status_code == 302
    endpoint.refresh_from_db()
    waiting.refresh_from_db()
    assert not endpoint.is_active and endpoint.disabled_reason == "manual"
    assert waiting.status == "cancelled"
    html = page(as_alice.get(url("detail", endpoint.pk)))
    assert "This endpoint is switched off" in html and "Switch on" in html
    assert url("send_test", endpoint.pk) not in html  # no test button while off
    as_alice.post(url("switch", endpoint.pk), {"on": "1"})
    endpoint.refresh_from_db()
    assert endpoint.is_active
    assert as_alice.get(url("switch", endpoint.pk)).status_code == 405


def test_an_endpoint_switched_off_by_itinera_says_why(as_alice, agency):
    endpoint = make_endpoint(agency, is_active=False, disabled_reason="gone")
    assert "it answered 410 Gone" in page(as_alice.get(url("detail", endpoint.pk)))
    endpoint.disabled_reason = "failing"
    endpoint.save()
    assert "every delivery failed for days" in page(as_alice.get(url("detail", endpoint.pk)))


def test_rotating_asks_first_then_shows_the_new_secret_once(as_alice, agency):
    endpoint = make_endpoint(agency)
    old = endpoint.secret
    confirm = page(as_alice.get(url("rotate_secret", endpoint.pk)))
    assert "24 hours" in confirm and old not in confirm
    endpoint.refresh_from_db()
    assert endpoint.secret == old  # a GET changes nothing
    response = as_alice.post(url("rotate_secret", endpoint.pk))
    html = page(response)
    endpoint.refresh_from_db()
    assert endpoint.secret != old and endpoint.previous_secret == old
    assert response["Cache-Control"] == "no-store"
    assert f'data-testid="signing-secret">{endpoint.secret}<' in html
    assert old not in html
    assert "keeps signing beside this one" in html
    detail = page(as_alice.get(url("detail", endpoint.pk)))
    assert endpoint.secret not in detail and "previous secret also signs" in detail


def test_deleting_asks_first_saying_how_many_deliveries_go(as_alice, agency):
    endpoint = make_endpoint(agency)
    for _ in range(3):
        make_delivery(endpoint)
    confirm = page(as_alice.get(url("delete", endpoint.pk)))
    assert re.search(r'data-testid="delivery-count">3 deliveries<', confirm)
    assert WebhookEndpoint.objects.exists()
    done = as_alice.post(url("delete", endpoint.pk))
    assert done.status_code == 302 and done["Location"] == url("list")
    assert not WebhookEndpoint.objects.exists() and not WebhookDelivery.objects.exists()


# The delivery log -----------------------------------------------------------------------------


def test_the_delivery_log_filters_and_pages(as_alice, agency):
    endpoint = make_endpoint(agency)
    empty = page(as_alice.get(url("detail", endpoint.pk)))
    assert 'data-testid="no-deliveries"' in empty and "Send a test event" in empty
    failed = make_delivery(endpoint, event_type="proposal.accepted", status="failed", attempts=2)
    rows = [make_delivery(endpoint, event_type="client.created") for _ in range(26)]
    newest = page(as_alice.get(url("detail", endpoint.pk)))
    assert f'data-testid="delivery-{rows[-1].pk}"' in newest
    assert f'data-testid="delivery-{failed.pk}"' not in newest  # on page 2
    assert "Page 1 of 2" in newest
    second = page(as_alice.get(url("detail", endpoint.pk) + "?page=2"))
    assert f'data-testid="delivery-{failed.pk}"' in second
    only_failed = page(as_alice.get(url("detail", endpoint.pk) + "?status=failed"))
    assert f'data-testid="delivery-{failed.pk}"' in only_failed
    assert f'data-testid="delivery-{rows[0].pk}"' not in only_failed
    by_type = page(as_alice.get(url("detail", endpoint.pk) + "?event_type=proposal.accepted"))
    assert f'data-testid="delivery-{failed.pk}"' in by_type
    assert 'data-testid="delivery-' not in by_type.replace(f"delivery-{failed.pk}", "")
    none = page(as_alice.get(url("detail", endpoint.pk) + "?status=cancelled"))
    assert "No deliveries match" in none
    bad = page(as_alice.get(url("detail", endpoint.pk) + "?status=lost"))
    assert "form-errors" in bad and "lost" in bad


def test_a_delivery_page_shows_attempts_the_event_id_and_the_body(as_alice, agency):
    endpoint = make_endpoint(agency)
    delivery = make_delivery(endpoint, status="succeeded", attempts=2, data={"id": 7})
    html = page(as_alice.get(url("delivery", endpoint.pk, delivery.pk)))
    assert f'data-testid="event-id">{delivery.message.public_id}<' in html
    assert 'data-testid="attempt-1"' in html and 'data-testid="attempt-2"' in html
    assert "HTTP 500" in html and "HTTP 200" in html and "80 ms" in html
    assert "upstream exploded" in html
    assert "&quot;data&quot;: {&quot;id&quot;: 7}" in html  # the exact body, escaped
    assert url("delivery_replay", endpoint.pk, delivery.pk) in html
    other = make_endpoint(agency)
    assert as_alice.get(url("delivery", other.pk, delivery.pk)).status_code == 404


def test_replay_queues_the_same_event_again_and_opens_it(
    as_alice, agency, alice, drains, django_capture_on_commit_callbacks
):
    endpoint = make_endpoint(agency)
    original = make_delivery(endpoint, status="failed", attempts=3)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_alice.post(url("delivery_replay", endpoint.pk, original.pk))
    replay = WebhookDelivery.objects.exclude(pk=original.pk).get()
    assert response.status_code == 302
    assert response["Location"] == url("delivery", endpoint.pk, replay.pk)
    assert (replay.message_id, replay.replay_of_id) == (original.message_id, original.pk)
    assert replay.requested_by == alice
    assert drains == [endpoint.pk]
    html = page(as_alice.get(response["Location"]))
    assert "Replay queued" in html and f"Delivery {original.pk}" in html


def test_send_test_event_queues_one_and_opens_it(
    as_alice, agency, drains, django_capture_on_commit_callbacks
):
    endpoint = make_endpoint(agency)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_alice.post(url("send_test", endpoint.pk))
    delivery = WebhookDelivery.objects.get()
    assert delivery.event_type == "webhook.test"
    assert response["Location"] == url("delivery", endpoint.pk, delivery.pk)
    assert drains == [endpoint.pk]


def test_a_switched_off_endpoint_refuses_replay_and_test_with_a_message(as_alice, agency, drains):
    endpoint = make_endpoint(agency, is_active=False)
    delivery = make_delivery(endpoint)
    response = as_alice.post(url("delivery_replay", endpoint.pk, delivery.pk), follow=True)
    assert "switched off" in page(response)
    as_alice.post(url("send_test", endpoint.pk))
    assert WebhookDelivery.objects.count() == 1 and drains == []


def test_the_buttons_need_the_csrf_token(alice, agency):
    browser = HttpClient(enforce_csrf_checks=True)
    browser.force_login(alice)
    endpoint = make_endpoint(agency)
    delivery = make_delivery(endpoint)
    for path in (
        url("send_test", endpoint.pk),
        url("delivery_replay", endpoint.pk, delivery.pk),
        url("rotate_secret", endpoint.pk),
        url("switch", endpoint.pk),
        url("delete", endpoint.pk),
    ):
        assert browser.post(path).status_code == 403, path
    assert WebhookDelivery.objects.count() == 1
    html = page(browser.get(url("detail", endpoint.pk)))
    assert html.count('name="csrfmiddlewaretoken"') >= 2  # send test, switch
