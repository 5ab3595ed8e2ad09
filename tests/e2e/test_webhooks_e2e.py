"""Settings → Webhooks on a 390 px phone in a real browser: add an endpoint, copy its secret
once, read the delivery log and a delivery, send a test event; no page scrolls sideways and
every control has a label."""

from __future__ import annotations

import re

import pytest

from accounts.models import Role
from crm.models import WebhookDelivery, WebhookEndpoint
from tests import webhook_support
from tests.factories import PASSWORD, AgencyFactory, UserFactory
from tests.webhook_support import make_delivery

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
fake_dns, drains = webhook_support.fake_dns, webhook_support.drains

PHONE = {"width": 390, "height": 844}
LONG_URL = "https://hooks.example.com/" + "integrations/itinera-webhook-receiver/" * 3


@pytest.fixture
def owner(db):
    agency = AgencyFactory(name="Alpha Tours", slug="alpha-tours")
    return UserFactory(
        username="alice", email="alice@alpha.example", agency=agency, role=Role.OWNER
    )


@pytest.fixture
def phone(chromium, live_server, plain_http):
    context = chromium.new_context(base_url=live_server.url, viewport=PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield context, page
    context.close()


def sign_in(page) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))


def fits_the_phone(page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"
    unlabelled = page.evaluate(
        """[...document.querySelectorAll('main input, main select, main textarea')]
          .filter(el => el.type !== 'hidden' && el.labels.length === 0
                  && !el.getAttribute('aria-label'))
          .map(el => el.name)"""
    )
    assert unlabelled == [], f"{page.url}: controls without a label {unlabelled}"
    assert page.locator("h1").count() == 1


def test_webhooks_on_a_phone(phone, owner, live_server, fake_dns, drains):
    context, page = phone
    sign_in(page)
    page.goto("/settings/webhooks/")
    fits_the_phone(page)
    page.click("text=Add an endpoint")
    fits_the_phone(page)
    page.fill("#id_url", LONG_URL)
    page.fill("#id_description", "Zapier: new leads")
    page.check("input[value='client.created']")
    page.click("button:has-text('Add endpoint')")

    secret = page.locator("[data-testid=signing-secret]").inner_text().strip()
    endpoint = WebhookEndpoint.objects.get()
    assert secret == endpoint.secret and endpoint.event_types == ["client.created"]
    fits_the_phone(page)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.click("button:has-text('Copy secret')")
    page.locator("button:has-text('Copied')").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == secret

    page.click("text=I have copied it")
    assert secret not in page.content()
    fits_the_phone(page)

    delivery = make_delivery(endpoint, status="failed", attempts=2, data={"notes": "x" * 3000})
    page.goto(f"/settings/webhooks/{endpoint.pk}/?status=failed")
    fits_the_phone(page)
    page.click(f"[data-testid=delivery-{delivery.pk}] a")
    page.locator("[data-testid=attempt-2]").wait_for()
    fits_the_phone(page)

    page.goto(f"/settings/webhooks/{endpoint.pk}/")
    page.click("button:has-text('Send test event')")
    page.locator("text=Test event queued").wait_for()
    assert WebhookDelivery.objects.filter(event_type="webhook.test").count() == 1
    assert drains == [endpoint.pk]
    fits_the_phone(page)

    for path in ("rotate-secret/", "delete/", "edit/"):
        page.goto(f"/settings/webhooks/{endpoint.pk}/{path}")
        fits_the_phone(page)
