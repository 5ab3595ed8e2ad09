"""The dashboard's every page, for the browser walks that visit them all (the accessibility
walk in test_accessibility_e2e.py and the phone-width walk in test_phone_width_e2e.py): the
demo agency with one of every record, and each GET route of the URL configuration filled in
with their ids. A new route with a path parameter needs its value in ``demo_world``'s params.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver

from accounts import services as account_services
from accounts.models import ApiToken, Invitation, User
from crm.clients.imports import import_upload
from crm.clients.travellers import traveller_create
from crm.demo.build import demo_build
from crm.demo.data import DEMO_USERNAME
from crm.invoices import services as invoice_services
from crm.models import (
    Booking,
    BookingService,
    CommissionReceipt,
    Enquiry,
    EnquiryForm,
    Itinerary,
    ItineraryItem,
    ItineraryTemplate,
    LibraryItem,
    Notification,
    Payment,
    Proposal,
    Supplier,
)
from crm.proposals.models import new_share_token
from crm.proposals.versions import version_freeze
from crm.tasks.services import task_create
from tests.webhook_support import make_delivery, make_endpoint

WIDTHS = (1280, 390)
# Not pages of ours, or not pages at all: the admin, the API (its docs page is walked below),
# the website forms' public endpoint (JSON and a redirect for the agency's own site).
SKIP_PREFIXES = ("admin/", "api/", "healthz", "forms/", "p/", "brand/")  # brand/: a logo image
# Pages for a signed-out visitor; one-time links are walked with a token that is not valid,
# which is the page a visitor with an old link sees.
SIGNED_OUT = ("accounts/login/", "accounts/signup/", "accounts/password/reset/")
NOT_WALKED = (
    "accounts/logout/",  # signing out is a POST; a GET would end the session
    # PDF downloads, not pages (the "being prepared" page is checked in test_invoices_e2e.py).
    "invoices/<int:invoice_id>/pdf/",
    "receipts/<int:receipt_id>/pdf/",
    # CSV downloads of the lists (crm.exports) and of an import's failures: files, not pages.
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


def demo_world():  # the demo's rows exist: built just above
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
    # The demo's commission receipt (its paid bookings have half their first commission in).
    commission_receipt = CommissionReceipt.objects.for_agency(agency).first()
    # A traveller with a passport: the form, the masked number and the reveal page are walked.
    traveller = traveller_create(
        client=itinerary.client,
        created_by=owner,
        first_name="Eleanor",
        last_name="Walker",
        passport_number="533380006",
        passport_country="GB",
    )
    invoice = invoice_services.invoice_issue(booking=payment.booking, issued_by=owner)
    paid = Payment.objects.for_agency(agency).filter(kind="payment", voided_at=None).first()
    receipt = invoice_services.receipt_issue(payment=paid, issued_by=owner)
    # An uploaded CSV import: its mapping and preview pages are walked.
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
            "template_id": ItineraryTemplate.objects.for_agency(agency).first().pk,
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
            "enquiry_id": Enquiry.objects.for_agency(agency).first().pk,
            "traveller_id": traveller.pk,
            "commission_receipt_id": commission_receipt.pk,
            "invoice_id": invoice.pk,
            "receipt_id": receipt.pk,
            "import_id": client_import.pk,
            "library_item_id": LibraryItem.objects.for_agency(agency).first().pk,
            "number": version.number,
            "token": "no-longer-valid",
            "uidb64": "MQ",
        },
        "share_token": proposal.share_token,
        "bookings": Booking.objects.for_agency(agency).count(),
        "tokens": ApiToken.objects.filter(user=owner).count(),
        "invitations": Invitation.objects.filter(agency=agency).count(),
    }


def not_a_page(page: Any, path: str) -> bool:
    """An action (POST only: Chromium shows its empty 405 as an error) or a PDF download (its
    own tests read it): asked once without following redirects, before the walk opens it."""
    probe = page.request.get(path, max_redirects=0)
    return probe.status == 405 or probe.headers.get("content-type", "") == "application/pdf"


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
