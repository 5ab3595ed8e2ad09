"""WCAG 2.1 AA in a real browser: axe-core over every dashboard page (found from the URL conf,
so a new page is checked without touching this file), the sign-in pages, the client's proposal
page and the API docs, at 1280 px and 390 px, in the states an agent reaches: lists full and
empty, every disclosure (add forms, menus) open, forms sent back with their errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver

from accounts import services as account_services
from accounts.models import ApiToken, Invitation, User
from crm.clients.imports import import_upload
from crm.demo.build import demo_build
from crm.demo.data import DEMO_PASSWORD, DEMO_USERNAME
from crm.models import (
    Booking,
    BookingService,
    EnquiryForm,
    Itinerary,
    ItineraryItem,
    Notification,
    Payment,
    Proposal,
    Supplier,
)
from crm.proposals.models import new_share_token
from crm.proposals.versions import version_freeze
from crm.tasks.services import task_create
from tests.e2e.axe import axe_source, axe_violations, describe
from tests.webhook_support import make_delivery, make_endpoint

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 390)
# Not pages of ours, or not pages at all: the admin, the API (its docs page is walked below),
# the website forms' public endpoint (JSON and a redirect for the agency's own site).
SKIP_PREFIXES = ("admin/", "api/", "healthz", "forms/", "p/")
# Pages for a signed-out visitor; one-time links are walked with a token that is not valid,
# which is the page a visitor with an old link sees.
SIGNED_OUT = ("accounts/login/", "accounts/signup/", "accounts/password/reset/")
NOT_WALKED = (
    "accounts/logout/",  # signing out is a POST; a GET would end the session
    # CSV downloads of the lists (crm.exports): files, not pages.
    *(f"{name}/export.csv" for name in ("clients", "itineraries", "proposals", "bookings")),
    "payments/export.csv",
    "clients/import/<int:import_id>/failures.csv",
)


def routes(resolvers: list[Any] | None = None, prefix: str = "") -> Iterator[tuple[str, Any]]:
    for entry in resolvers if resolvers is not None else get_resolver().url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


def _demo():  # the demo's rows exist: built just above
    demo_build()
    owner = User.objects.get(username=DEMO_USERNAME)
    agency = owner.agency
    itinerary = (
        Itinerary.objects.for_agency(agency).filter(days__items__isnull=False).distinct().first()
    )
    item = ItineraryItem.objects.filter(day__itinerary=itinerary).first()
    proposal = Proposal.objects.for_agency(agency).exclude(share_token=None).first()
    if proposal is None:
        proposal = Proposal.objects.for_agency(agency).first()
        proposal.share_token = new_share_token()
        proposal.save(update_fields=["share_token"])
    # A sent proposal has its frozen versions; the walk shows version pages of this one.
    version = proposal.versions.order_by("number").first() or version_freeze(proposal=proposal)
    payment = Payment.objects.for_agency(agency).select_related("booking").first()
    token = account_services.api_token_create(user=owner, name="Website").token
    invitation = account_services.invitation_create(
        agency=agency, email="new.agent@example.com", invited_by=owner
    )
    endpoint = make_endpoint(agency, description="Our CRM", event_types=["client.created"])
    delivery = make_delivery(endpoint, status="failed", attempts=2)
    notification = Notification.objects.create(
        agency=agency,
        recipient=owner,
        kind=Notification._meta.get_field("kind").choices[0][0],
        object_type="client",
        object_id=item.day.itinerary.client_id,
        text="A test notification",
        link=f"/clients/{item.day.itinerary.client_id}/",
        occasion="a11y",
    )
    service = BookingService.objects.for_agency(agency).filter(booking=payment.booking).first()
    task = task_create(
        agency=agency,
        created_by=owner,
        title="Call about the deposit",
        due_date=payment.paid_on,
        client=payment.booking.client_id,
        booking=payment.booking,
    )
    client_import = import_upload(
        agency=agency,
        created_by=owner,
        upload=SimpleUploadedFile("clients.csv", b"Name,Email,Phone\nAda,ada@x.example,\n,bad,\n"),
    )
    return {
        "owner": owner,
        "params": {
            "client_id": itinerary.client_id,
            "itinerary_id": itinerary.pk,
            "day_id": item.day_id,
            "item_id": item.pk,
            "proposal_id": proposal.pk,
            "booking_id": payment.booking_id,
            "payment_id": payment.pk,
            "token_id": token.pk,
            "invitation_id": invitation.pk,
            "user_id": User.objects.filter(agency=agency).exclude(pk=owner.pk).first().pk,
            "form_id": EnquiryForm.objects.for_agency(agency).first().pk,
            "webhook_id": endpoint.pk,
            "delivery_id": delivery.pk,
            "notification_id": notification.pk,
            "supplier_id": Supplier.objects.for_agency(agency).first().pk,
            "service_id": service.pk,
            "task_id": task.pk,
            "import_id": client_import.pk,
            "number": version.number,
            "token": "no-longer-valid",
            "uidb64": "MQ",
        },
        "share_token": proposal.share_token,
        "bookings": Booking.objects.for_agency(agency).count(),
        "tokens": ApiToken.objects.filter(user=owner).count(),
        "invitations": Invitation.objects.filter(agency=agency).count(),
    }


def pages(params):
    """(signed-in paths, signed-out paths), every GET route of the dashboard filled in."""
    signed_in: list[str] = []
    signed_out: list[str] = []
    for route, _pattern in routes():
        if route.startswith(SKIP_PREFIXES) or route in NOT_WALKED:
            continue
        names = re.findall(r"<(?:\w+:)?(\w+)>", route)
        missing = [name for name in names if name not in params]
        assert not missing, f"{route}: add a value for {missing} to the accessibility walk"
        path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(params[m.group(1)]), route)
        is_signed_out = route.startswith(SIGNED_OUT) or (
            route.startswith("accounts/") and any(n in names for n in ("token", "uidb64"))
        )
        (signed_out if is_signed_out else signed_in).append(path)
    return signed_in, signed_out


@pytest.fixture
def a11y_browser(chromium, live_server, plain_http):
    """Contexts that may inject axe (the page's CSP bypassed: in this test only)."""
    axe_source()
    opened: list[Any] = []

    def new(width: int) -> Any:
        context = chromium.new_context(
            base_url=live_server.url,
            viewport={"width": width, "height": 900},
            bypass_csp=True,
        )
        context.set_default_timeout(15_000)
        opened.append(context)
        page = context.new_page()
        page.on("dialog", lambda dialog: dialog.dismiss())
        return page

    yield new
    for context in opened:
        context.close()


def sign_in(page: Any) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", DEMO_USERNAME)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))


def open_everything(page: Any) -> None:
    """Every disclosure open: the builder's add forms, the user menu, the filters."""
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => { d.open = true; })")


def send_back_with_errors(page: Any) -> bool:
    """Submit the page's main form (the one with the most fields) emptied, the browser's own
    checks off, so that it comes back with its errors."""
    marked = page.evaluate(
        """() => {
            const forms = [...document.querySelectorAll("main form[method=post]")]
                .filter((f) => !f.dataset.confirm && f.querySelector("button[type=submit]"));
            if (!forms.length) return false;
            const count = (f) => f.querySelectorAll("input, select, textarea").length;
            const form = forms.sort((a, b) => count(b) - count(a))[0];
            form.noValidate = true;
            form.querySelectorAll("input[type=text], input[type=email], input[type=url],"
                + " input[type=number], textarea").forEach((f) => { f.value = ""; });
            form.setAttribute("data-a11y-send", "1");
            return true;
        }"""
    )
    if not marked:
        return False
    page.locator("form[data-a11y-send] button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    return True


def check(page: Any, where: str, found: dict[str, str]) -> None:
    violations = axe_violations(page)
    if violations:
        found[where] = describe(where, violations)


def walk(
    page: Any, paths: list[str], width: int, found: dict[str, str], *, gone_ok: bool = False
) -> list[str]:
    seen: list[str] = []
    for path in paths:
        try:
            seen += visit(page, path, width, found, gone_ok=gone_ok)
        except Exception as error:
            raise AssertionError(f"{path} @{width}: {error}") from error
    return seen


def visit(page: Any, path: str, width: int, found: dict[str, str], *, gone_ok: bool) -> list[str]:
    # An action (POST only) is not a page: Chromium shows its empty 405 as an error.
    if page.request.get(path, max_redirects=0).status == 405:
        return []
    response = page.goto(path)
    assert response is not None
    # A one-time link that is no longer valid answers 404 with a page that says so.
    assert response.status < (500 if gone_ok else 400), f"{path}: {response.status}"
    if not (response.headers.get("content-type") or "").startswith("text/html"):
        return []
    open_everything(page)
    check(page, f"{path} @{width}", found)
    if path.endswith("/") and page.locator(".filters").count():
        page.goto(path + "?q=zzz-nothing-matches-zzz")
        check(page, f"{path}?q=(no match) @{width}", found)
    if path.endswith(("/new/", "/edit/", "/invite/")) and send_back_with_errors(page):
        open_everything(page)
        check(page, f"{path} (errors shown) @{width}", found)
    return [path]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_passes_axe_with_wcag_21_aa(a11y_browser, width):
    demo = _demo()
    signed_in, signed_out = pages(demo["params"])
    found: dict[str, str] = {}

    visitor = a11y_browser(width)
    walked = walk(visitor, signed_out, width, found, gone_ok=True)
    visitor.goto("/accounts/login/")
    visitor.fill("#id_username", DEMO_USERNAME)
    visitor.fill("#id_password", "wrong password")
    visitor.click("button[type=submit]")
    visitor.locator(".form-errors, .errorlist").first.wait_for()
    check(visitor, f"/accounts/login/ (wrong password) @{width}", found)

    # The client's proposal page, as the client sees it.
    visitor.goto(f"/p/{demo['share_token']}")
    check(visitor, f"/p/<token> @{width}", found)
    # The API docs, once Swagger UI has drawn the operations.
    visitor.goto("/api/v1/docs")
    visitor.wait_for_selector(".opblock", timeout=20_000)
    check(visitor, f"/api/v1/docs @{width}", found)

    agent = a11y_browser(width)
    sign_in(agent)
    walked += walk(agent, signed_in, width, found)

    # Empty lists: a new agency's owner sees every list with nothing in it.
    account_services.agency_create(
        name="Empty Travel",
        owner_username="empty",
        owner_email="empty@example.com",
        owner_password=DEMO_PASSWORD,
    )
    newcomer = a11y_browser(width)
    newcomer.goto("/accounts/login/")
    newcomer.fill("#id_username", "empty")
    newcomer.fill("#id_password", DEMO_PASSWORD)
    newcomer.click("button[type=submit]")
    newcomer.wait_for_url(re.compile(r".*/$"))
    for path in (
        "/",
        "/clients/",
        "/itineraries/",
        "/proposals/",
        "/bookings/",
        "/notifications/",
        "/settings/forms/",
        "/settings/webhooks/",
        "/settings/api-tokens/",
        "/settings/team/",
    ):
        newcomer.goto(path)
        check(newcomer, f"{path} (empty) @{width}", found)

    assert len(walked) > 40, walked
    assert not found, "axe found WCAG 2.1 AA violations:\n" + "\n".join(found.values())
