"""The data set of the isolation matrix: two full agencies (``populate``) and the other
agency's user who tries A's ids through his dashboard session and his API token (``World``)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client as HttpClient

from accounts import services as account_services
from accounts.audit import audit_context
from accounts.models import Activity, ActivityChannel, Agency, ApiToken, Invitation, User
from crm.bookings import booked_services
from crm.bookings import services as booking_services
from crm.bookings.commission import commission_receipt_record
from crm.clients import imports as client_imports
from crm.clients import services as client_services
from crm.clients import travellers as traveller_services
from crm.enquiries import website_forms
from crm.invoices import services as invoice_services
from crm.models import (
    Booking,
    BookingService,
    Client,
    ClientImport,
    CommissionReceipt,
    Enquiry,
    EnquiryForm,
    Invoice,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    ItineraryTemplate,
    LibraryItem,
    Notification,
    Payment,
    Proposal,
    Receipt,
    Supplier,
    Task,
    Traveller,
    WebhookDelivery,
    WebhookEndpoint,
)
from crm.proposals import services as proposal_services
from crm.suppliers import services as supplier_services
from crm.tasks import services as task_services
from crm.trips import library as trip_library
from crm.trips import services as trip_services
from crm.trips import templates as trip_templates
from crm.webhooks import services as webhook_services
from tests.factories import make_token
from tests.hardening.isolation.checks import in_rollback
from tests.hardening.isolation.routes import (
    ID_PARAMS,
    MISSING,
    VERSION_NUMBER_PARAMS,
    VIEWSET_MODEL,
    Route,
)

M = TypeVar("M", bound=models.Model)

# What a write sends: every field the forms and serializers know, so that a lookup that let the
# record through would also change it (and the snapshot would show it).
HIJACK_JSON = {
    "name": "Hijacked by Beta",
    "title": "Hijacked by Beta",
    "status": "cancelled",
    "notes": "hijacked",
    "total_price": "1.00",
    "currency": "USD",
}


def hijack_form(b: Tenant) -> dict[str, Any]:
    return {
        "name": "Hijacked by Beta",
        "title": "Hijacked by Beta",
        "status": "accepted",
        "text": "hijacked note",
        "notes": "hijacked",
        "client": b.rows["crm.Client"].pk,
        "currency": "USD",
        "total_price": "1.00",
        "amount": "1.00",
        "paid_on": "2026-01-01",
        "kind": "activity",
        "direction": "up",
        "to": "1",
        "travellers": "1",
        "answer": "accept",
        "role": "admin",
        "is_active": "",
    }


@dataclass
class Tenant:
    agency: Agency
    owner: User
    member: User
    rows: dict[str, models.Model]  # label -> a representative row
    secrets: dict[str, str]  # share token, form key, ... (name -> value)
    markers: list[str] = field(default_factory=list)  # text that must never reach the other
    ids: dict[str, set[int]] = field(default_factory=dict)  # label -> every id it owns
    paths: list[str] = field(default_factory=list)  # its records' dashboard and API paths

    def row(self, model: type[M]) -> M:
        """The representative row of ``model``, typed as that model."""
        row = self.rows[model._meta.label]
        assert isinstance(row, model)
        return row

    def row_id(self, model: type[models.Model] | None) -> int:
        if model is None:
            return MISSING
        row = self.rows.get(model._meta.label)
        return row.pk if row is not None else MISSING

    def values(self, route: Route) -> dict[str, int]:
        out = {}
        for param in route.params:
            label = ID_PARAMS[param]
            if label == VIEWSET_MODEL:
                model = route.viewset_model
                assert model is not None, f"{route} names its viewset's model but has none"
                label = model._meta.label
            row = self.rows[label]
            # A version is named by its number inside its proposal, not by its id.
            out[param] = row.number if param in VERSION_NUMBER_PARAMS else row.pk  # type: ignore[attr-defined]
        return out


def populate(agency: Agency, owner: User, member: User, word: str) -> Tenant:
    """A full agency whose every name carries ``word`` (so a leak is easy to spot)."""
    low = word.lower()
    with audit_context(channel=ActivityChannel.DASHBOARD, actor=owner):
        client = client_services.client_create(
            agency=agency,
            created_by=owner,
            name=f"{word} Quixote",
            email=f"{low}.quixote@clients.example",
            phone="+351 900 111 222",
            company=f"{word} Holdings",
            tags=[f"{low}-vip"],
            notes=f"{word} private note",
            assigned_to=member.pk,
        )
        lead = client_services.client_create(
            agency=agency, created_by=owner, name=f"{word} Lead", email=f"{low}.lead@x.example"
        )
        traveller = traveller_services.traveller_create(
            client=client,
            created_by=owner,
            first_name=word,
            last_name="Quixote",
            passport_number=f"{word[:3].upper()}998877",
            passport_expires_on=dt.date(2027, 7, 1),
            is_lead=True,
        )
        itinerary = trip_services.itinerary_create(
            agency=agency,
            created_by=owner,
            client=client.pk,
            title=f"{word} Whale Odyssey",
            start_date=dt.date(2027, 6, 1),
            end_date=dt.date(2027, 6, 2),
            traveller_ids=[traveller.pk],
            days=[
                {
                    "title": f"{word} arrival",
                    "location": f"{word} harbour",
                    "items": [{"title": f"{word} whale watching", "supplier": f"{word} Boats"}],
                },
                {"title": f"{word} departure", "items": [{"title": f"{word} transfer"}]},
            ],
        )
        template = trip_templates.template_from_itinerary(
            itinerary=itinerary, name=f"{word} Whale template", actor=owner
        )
        proposal = proposal_services.proposal_create(
            agency=agency,
            created_by=owner,
            client=client.pk,
            itinerary=itinerary.pk,
            title=f"{word} proposal",
            total_price=Decimal("4321.00"),
            currency="EUR",
            message=f"{word} message to the client",
        )
        proposal_services.proposal_send(proposal=proposal)
        withdrawn = proposal_services.proposal_create(
            agency=agency, created_by=owner, client=client.pk, title=f"{word} withdrawn offer"
        )
        proposal_services.proposal_send(proposal=withdrawn)
        revoked_token = withdrawn.share_token
        proposal_services.proposal_share_revoke(proposal=withdrawn)
        booking = booking_services.booking_create(
            agency=agency,
            created_by=owner,
            client=client.pk,
            proposal=proposal.pk,
            itinerary=itinerary.pk,
            reference=f"BK-{word[:5].upper()}1",
            total_price=Decimal("4321.00"),
            currency="EUR",
            supplier_name=f"{word} Air",
            start_date=dt.date(2027, 6, 1),
        )
        supplier = supplier_services.supplier_create(
            agency=agency,
            created_by=owner,
            name=f"{word} Lodge",
            type="hotel",
            email=f"reservations@{low}-lodge.example",
            contacts=[{"name": f"{word} Reservations Desk", "email": f"desk@{low}.example"}],
        )
        library_item = trip_library.library_item_create(
            agency=agency,
            created_by=owner,
            title=f"{word} Lodge, one night",
            kind="accommodation",
            supplier=supplier,
            notes=f"{word} library description",
        )
        service = booked_services.booking_service_add(
            booking=booking,
            created_by=owner,
            description=f"{word} Lodge, 2 nights",
            kind="hotel",
            supplier=supplier.pk,
            confirmation_number=f"{word}-CONF-1",
            price=Decimal("4321.00"),
            cost=Decimal("3500.00"),
            commission_expected=Decimal("432.10"),
        )
        payment = booking_services.payment_record(
            booking=booking, amount=Decimal("1000.00"), reference=f"{word}-PAY-1", recorded_by=owner
        )
        second = booking_services.payment_record(
            booking=booking, amount=Decimal("21.00"), recorded_by=owner
        )
        invoice = invoice_services.invoice_issue(booking=booking, issued_by=owner)
        # For the second payment: the first stays free for a control's receipt.
        receipt = invoice_services.receipt_issue(payment=second, issued_by=owner)
        commission_receipt = commission_receipt_record(
            service=service, amount=Decimal("100.00"), reference=f"{word}-REM-1", recorded_by=owner
        )
        form = website_forms.enquiry_form_create(
            agency=agency,
            name=f"{word} contact page",
            allowed_origins=[f"https://{low}.example"],
            notify_users=[owner.pk],
        )
        disabled = website_forms.enquiry_form_create(
            agency=agency, name=f"{word} old form", is_active=False
        )
        enquiry = Enquiry.objects.create(
            agency=agency,
            form=form,
            client=lead,
            name=f"{word} Lead",
            email=f"{low}.lead@x.example",
            message=f"{word} enquiry about whales",
        )
        invitation = account_services.invitation_create(
            agency=agency, email=f"newhire@{low}.example", invited_by=owner
        )
        issued = make_token(owner, name=f"{word} website token")
        notification = Notification.objects.create(
            agency=agency,
            recipient=owner,
            kind="enquiry.received",
            occasion=f"enquiry.received:{enquiry.pk}:{owner.pk}",
            text=f"New enquiry from {word} Lead",
            link=f"/clients/{lead.pk}/",
            object_type="enquiry",
            object_id=enquiry.pk,
            client_id=lead.pk,
        )
        # An IP literal: a public address without DNS (this machine has none).
        webhook = webhook_services.webhook_create(
            agency=agency,
            created_by=owner,
            url=f"https://93.184.215.14/hooks/{low}",
            description=f"{word} CRM sync",
            event_types=["client.created"],
        )
        delivery = webhook_services.webhook_send_test(webhook=webhook, requested_by=owner)
        task = task_services.task_create(
            agency=agency,
            created_by=owner,
            title=f"{word} call back about whales",
            notes=f"{word} private task note",
            due_date=dt.date(2027, 5, 1),
            proposal=proposal.pk,
            assignee=member.pk,
        )
    client_import = client_imports.import_upload(
        agency=agency,
        created_by=owner,
        upload=SimpleUploadedFile(
            f"{word} clients.csv", f"Name,Email\n{word} Imported,{low}.import@x.example\n".encode()
        ),
    )
    activity = Activity.objects.for_agency(agency).first()
    day = itinerary.days.first()
    item = ItineraryItem.objects.filter(day__itinerary=itinerary).first()
    share_token = proposal.share_token
    assert activity and day and item, "populate wrote an event, a day and an item"
    assert share_token and revoked_token, "both proposals were sent, so both had a link"
    tenant = Tenant(
        agency=agency,
        owner=owner,
        member=member,
        rows={
            "accounts.Agency": agency,
            "accounts.User": member,
            "accounts.ApiToken": issued.token,
            "accounts.Invitation": invitation,
            "accounts.Activity": activity,
            "crm.Client": client,
            "crm.Traveller": traveller,
            "crm.Itinerary": itinerary,
            "crm.ItineraryDay": day,
            "crm.ItineraryItem": item,
            "crm.ItineraryTemplate": template,
            "crm.LibraryItem": library_item,
            "crm.Proposal": proposal,
            "crm.ProposalVersion": proposal.versions.get(number=1),
            "crm.Booking": booking,
            "crm.BookingService": service,
            "crm.Supplier": supplier,
            "crm.Payment": payment,
            "crm.Invoice": invoice,
            "crm.Receipt": receipt,
            "crm.CommissionReceipt": commission_receipt,
            "crm.EnquiryForm": form,
            "crm.Enquiry": enquiry,
            "crm.Notification": notification,
            "crm.WebhookEndpoint": webhook,
            "crm.WebhookDelivery": delivery,
            "crm.Task": task,
            "crm.ClientImport": client_import,
        },
        secrets={
            "share_token": share_token,
            "revoked_share_token": revoked_token,
            "form_key": form.public_key,
            "disabled_form_key": disabled.public_key,
            "invitation_token": invitation.token,
            "token_prefix": issued.token.prefix,
            "token_plaintext": issued.plaintext,
            "webhook_secret": webhook.secret,
            "passport_number": traveller.passport_number,
            "webhook_event_id": delivery.message.public_id,
        },
    )
    tenant.markers = [
        word,
        agency.name,
        agency.slug,
        owner.display_name,
        owner.email,
        member.display_name,
        member.email,
        *tenant.secrets.values(),
    ]
    owned: dict[str, models.QuerySet] = {
        "crm.Client": Client.objects.for_agency(agency),
        "crm.Traveller": Traveller.objects.for_agency(agency),
        "crm.ClientImport": ClientImport.objects.for_agency(agency),
        "crm.Itinerary": Itinerary.objects.for_agency(agency),
        "crm.ItineraryDay": ItineraryDay.objects.filter(itinerary__agency=agency),
        "crm.ItineraryItem": ItineraryItem.objects.filter(day__itinerary__agency=agency),
        "crm.ItineraryTemplate": ItineraryTemplate.objects.for_agency(agency),
        "crm.LibraryItem": LibraryItem.objects.for_agency(agency),
        "crm.Proposal": Proposal.objects.for_agency(agency),
        "crm.Booking": Booking.objects.for_agency(agency),
        "crm.BookingService": BookingService.objects.for_agency(agency),
        "crm.Supplier": Supplier.objects.for_agency(agency),
        "crm.Payment": Payment.objects.for_agency(agency),
        "crm.Invoice": Invoice.objects.for_agency(agency),
        "crm.Receipt": Receipt.objects.for_agency(agency),
        "crm.CommissionReceipt": CommissionReceipt.objects.for_agency(agency),
        "crm.EnquiryForm": EnquiryForm.objects.for_agency(agency),
        "crm.Enquiry": Enquiry.objects.for_agency(agency),
        "crm.Notification": Notification.objects.for_agency(agency),
        "crm.WebhookEndpoint": WebhookEndpoint.objects.for_agency(agency),
        "crm.WebhookDelivery": WebhookDelivery.objects.for_agency(agency),
        "crm.Task": Task.objects.for_agency(agency),
        "accounts.User": User.objects.filter(agency=agency),
        "accounts.ApiToken": ApiToken.objects.filter(user__agency=agency),
        "accounts.Invitation": Invitation.objects.filter(agency=agency),
        "accounts.Activity": Activity.objects.for_agency(agency),
    }
    tenant.ids = {label: set(qs.values_list("pk", flat=True)) for label, qs in owned.items()}
    for prefix, label in (
        ("/clients/", "crm.Client"),
        ("/itineraries/", "crm.Itinerary"),
        ("/proposals/", "crm.Proposal"),
        ("/bookings/", "crm.Booking"),
        ("/suppliers/", "crm.Supplier"),
        ("/settings/forms/", "crm.EnquiryForm"),
        ("/settings/webhooks/", "crm.WebhookEndpoint"),
        ("/tasks/", "crm.Task"),
        ("/invoices/", "crm.Invoice"),
        ("/receipts/", "crm.Receipt"),
        ("/enquiries/", "crm.Enquiry"),
    ):
        tenant.paths += [f"{prefix}{pk}/" for pk in tenant.ids[label]]
    for resource, label in (
        ("clients", "crm.Client"),
        ("itineraries", "crm.Itinerary"),
        ("itinerary-templates", "crm.ItineraryTemplate"),
        ("library-items", "crm.LibraryItem"),
        ("proposals", "crm.Proposal"),
        ("bookings", "crm.Booking"),
        ("webhooks", "crm.WebhookEndpoint"),
        ("suppliers", "crm.Supplier"),
        ("tasks", "crm.Task"),
        ("invoices", "crm.Invoice"),
        ("receipts", "crm.Receipt"),
        ("commission-receipts", "crm.CommissionReceipt"),
        ("enquiries", "crm.Enquiry"),
    ):
        tenant.paths += [f"/api/v1/{resource}/{pk}" for pk in tenant.ids[label]]
    tenant.paths.append(f"/api/v1/bookings/{booking.pk}/services/{service.pk}")
    return tenant


@dataclass
class World:
    a: Tenant
    b: Tenant
    bob: User
    dashboard: HttpClient  # bob's browser session
    api: HttpClient
    api_token: str  # bob's bearer token (a high rate limit: the matrix sends hundreds)
    anonymous: HttpClient
    second_session: HttpClient  # bob again, for controls: their flash messages stay there

    def control(self, method: str, url: str, data: Any = None) -> Any:
        """A request with B's own ids, in a savepoint that is rolled back (it may write)."""
        client = None if url.startswith("/api/") else self.second_session
        return in_rollback(lambda: self.send(method, url, data, client=client))

    def send(
        self, method: str, url: str, data: Any = None, *, client: HttpClient | None = None
    ) -> Any:
        if url.startswith("/api/"):
            body = json.dumps(data if data is not None else HIJACK_JSON)
            headers = {"Authorization": f"Bearer {self.api_token}", "Accept": "application/json"}
            if method in ("GET", "HEAD", "DELETE"):
                body = ""
            return (client or self.api).generic(
                method, url, body, content_type="application/json", headers=headers
            )
        browser = client or self.dashboard
        if method == "POST":
            return browser.post(url, data if data is not None else {})
        return browser.generic(method, url)
