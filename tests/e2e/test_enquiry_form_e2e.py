"""A real browser on an agency's own site (another origin) sends leads into the dashboard.

``examples/enquiry-form.html`` is served by a second local HTTP server, so the browser applies
real CORS between it and the Django live server. Skipped cleanly without chromium.
"""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core import mail
from django.db import connections

from crm.models import Client, Enquiry
from tests.factories import PASSWORD, AgencyFactory, EnquiryFormFactory, UserFactory

# Playwright's sync API runs an event loop in this thread; the ORM calls here are still sync.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"needs chromium at {CHROMIUM}"),
]
sync_api = pytest.importorskip("playwright.sync_api")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def agency_site():
    """The agency's website: the examples folder on 127.0.0.1, a port of its own."""
    handler = functools.partial(QuietHandler, directory=str(EXAMPLES))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port
    server.shutdown()
    server.server_close()


@pytest.fixture
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()
        # While Playwright's event loop runs, Django keeps this thread's database connection
        # per async context: close the one the test used, or it outlives the test database.
        connections.close_all()


@pytest.fixture
def setup(live_server, agency_site, settings):
    # The live server speaks plain HTTP: let the browser keep its session cookie.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    agency = AgencyFactory(name="Alpha Tours", slug="alpha-tours")
    owner = UserFactory(
        username="olivia", email="olivia@alpha.example", agency=agency, role="owner"
    )
    form = EnquiryFormFactory(
        agency=agency,
        name="Website contact form",
        allowed_origins=[f"http://127.0.0.1:{agency_site}"],
    )
    form.notify_users.set([owner])
    page_url = (
        f"http://127.0.0.1:{agency_site}/enquiry-form.html"
        f"?key={form.public_key}&server={live_server.url}"
    )
    return {"form": form, "owner": owner, "page_url": page_url, "site_port": agency_site}


def fill(page, form_selector, **values):
    for name, value in values.items():
        page.fill(f"{form_selector} [name={name}]", value)


def test_the_example_page_posts_leads_that_appear_in_the_dashboard(browser, live_server, setup):
    page = browser.new_page()

    # 1. The plain form: a real cross-origin form post, answered 303 to the thank-you page.
    page.goto(setup["page_url"])
    fill(
        page,
        "#plain-form",
        name="Plain Paula",
        email="paula@example.com",
        destination="Iceland",
        start_date="2027-02-01",
        end_date="2027-02-08",
        travellers="2",
        message="Northern lights, please.",
    )
    with page.expect_navigation():
        page.click("#plain-form button[type=submit]")
    assert page.url.startswith(f"{live_server.url}/forms/")
    assert "Thank you" in page.inner_text("body")

    # 2. The fetch variant: JSON with an Idempotency-Key, CORS from the agency's origin.
    page.goto(setup["page_url"])
    fill(page, "#itinera-enquiry", name="Fetch Femi", phone="+234 801 234 5678", budget="3000")
    page.click("#itinera-enquiry button[type=submit]")
    page.wait_for_function(
        "document.getElementById('itinera-enquiry-status').textContent.includes('Thank you')"
    )

    paula = Client.objects.get(name="Plain Paula")
    femi = Client.objects.get(name="Fetch Femi")
    assert (paula.status, paula.source, femi.status, femi.source) == (
        "lead",
        "web_form",
        "lead",
        "web_form",
    )
    plain, fetched = Enquiry.objects.order_by("id")
    assert plain.extra == {"form_variant": "plain"}
    assert plain.destination == "Iceland"
    assert fetched.extra == {"form_variant": "fetch"}
    assert fetched.page_url == setup["page_url"]
    assert sorted(message.to[0] for message in mail.outbox) == ["olivia@alpha.example"] * 2

    # 3. The agency signs in: both leads are on the dashboard and in the client list.
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("[name=username]", "olivia")
    page.fill("[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    home = page.inner_text("main")
    assert "Plain Paula" in home
    assert "Fetch Femi" in home
    page.goto(f"{live_server.url}/clients/")
    clients = page.inner_text("main")
    assert "Plain Paula" in clients
    assert "Fetch Femi" in clients
    page.goto(f"{live_server.url}/settings/forms/{setup['form'].pk}/")
    assert "Plain Paula" in page.inner_text("main")


def test_a_page_on_a_foreign_origin_cannot_post_or_read(browser, live_server, setup):
    """The same page from http://localhost:<port>: not an allowed origin for this form."""
    foreign = setup["page_url"].replace("127.0.0.1", "localhost", 1)
    page = browser.new_page()
    page.goto(foreign)

    fill(page, "#itinera-enquiry", name="Foreign Fred", email="fred@example.com")
    page.click("#itinera-enquiry button[type=submit]")
    page.wait_for_function(
        "document.getElementById('itinera-enquiry-status').textContent.includes('could not')"
    )

    assert Enquiry.objects.count() == 0
    assert Client.objects.count() == 0
