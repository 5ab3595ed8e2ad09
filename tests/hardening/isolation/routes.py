"""The route table of the isolation matrix: every URL pattern, walked from the URL
configuration, classified by the names of its path parameters (``ID_PARAMS``), as a public link
by unguessable token (``PUBLIC_TOKEN_ROUTES``) or as the staff-only Django admin."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver

from crm.models import Client

if TYPE_CHECKING:
    from tests.hardening.isolation.world import Tenant


MISSING = 987_654_321  # an id no row has
VIEWSET_MODEL = "<the viewset's model>"

# URL parameter name -> the model whose id it carries (A's row of that model is tried).
ID_PARAMS: dict[str, str] = {
    "client_id": "crm.Client",
    "traveller_id": "crm.Traveller",  # a traveller of that client
    "itinerary_id": "crm.Itinerary",
    "day_id": "crm.ItineraryDay",
    "item_id": "crm.ItineraryItem",
    "proposal_id": "crm.Proposal",
    "booking_id": "crm.Booking",
    "payment_id": "crm.Payment",
    "commission_receipt_id": "crm.CommissionReceipt",
    "service_id": "crm.BookingService",
    "supplier_id": "crm.Supplier",
    "form_id": "crm.EnquiryForm",
    "invitation_id": "accounts.Invitation",
    "user_id": "accounts.User",  # a member of the agency
    "token_id": "accounts.ApiToken",
    "notification_id": "crm.Notification",  # the owner's own (bob's, for the controls)
    "webhook_id": "crm.WebhookEndpoint",
    "delivery_id": "crm.WebhookDelivery",  # a delivery of that endpoint
    "task_id": "crm.Task",
    "invoice_id": "crm.Invoice",
    "receipt_id": "crm.Receipt",
    "enquiry_id": "crm.Enquiry",
    "import_id": "crm.ClientImport",
    "template_id": "crm.ItineraryTemplate",
    "library_item_id": "crm.LibraryItem",
    "pk": VIEWSET_MODEL,  # API detail routes: the TenantViewSet's ``model``
    "number": "crm.ProposalVersion",  # a version of that proposal, by its number
    "n": "crm.ProposalVersion",  # the same, in the API
}
# The parameters above that carry a row's number within its parent, not its id.
VERSION_NUMBER_PARAMS = frozenset({"number", "n"})

# Routes anyone may open with an unguessable token: there is no signed-in agency to compare,
# so each has its own case in test_public_links_... (guessed and dead tokens are a 404, and
# nothing there shows another agency's data).
PUBLIC_TOKEN_ROUTES: dict[str, str] = {
    "proposal_public": "the client's proposal link, by share token",
    "proposal_seen": "the proposal page's 'shown to the client' beacon, by share token",
    "proposal_public_certificate": "the client's acceptance certificate, by share token",
    "proposal_public_pdf": "the client's PDFs (proposal, certificate), by share token",
    "agency_logo": "an agency's logo, by agency id and the SHA-256 of the image",
    "invitation_accept": "an invitation link, by invitation token",
    "public_forms:submit": "a website form's endpoint, by public key",
    "public_forms:thanks": "a website form's thank-you page, by public key",
    "password_reset_confirm": "Django's signed password-reset link (uidb64 + token)",
    "signup_confirm": "the emailed sign-up confirmation link, by signed token",
}

# The Django admin is the operator's (staff only): a non-staff user is sent to its sign-in.
STAFF_NAMESPACES = ("admin",)
ADMIN_PARAMS: dict[str, Callable[[Tenant, type[models.Model] | None], str]] = {
    "object_id": lambda a, model: str(a.row_id(model)),
    "pk": lambda a, model: str(a.row_id(model)),  # django-otp's device config/QR code pages
    "id": lambda a, model: str(a.owner.pk),  # the user password-change page
    "app_label": lambda a, model: "crm",
    "content_type_id": lambda a, model: str(ContentType.objects.get_for_model(Client).pk),
    "url": lambda a, model: "crm/client/",
}


@dataclass(frozen=True)
class Route:
    route: str  # as written in the URL configuration, prefixes joined
    name: str  # "namespace:name", or the route itself when unnamed
    namespace: str
    params: tuple[str, ...]
    callback: Callable[..., Any]

    @property
    def is_api(self) -> bool:
        return self.route.startswith("api/")

    @property
    def viewset_model(self) -> type[models.Model] | None:
        return getattr(getattr(self.callback, "cls", None), "model", None)

    @property
    def admin_model(self) -> type[models.Model] | None:
        return getattr(getattr(self.callback, "model_admin", None), "model", None)

    def methods(self) -> tuple[str, ...]:
        """The methods the view allows: a DRF viewset's actions, a class-based view's handlers,
        GET and POST for a function view (which decides for itself)."""
        actions = getattr(self.callback, "actions", None)
        if actions:
            # DRF adds "head" to a viewset's actions when it first serves a GET; try_route adds
            # HEAD itself, so the table is the same whichever request came first.
            return tuple(m.upper() for m in actions if m != "head")
        view_class = getattr(self.callback, "view_class", None) or getattr(
            self.callback, "cls", None
        )
        if view_class is not None:
            verbs = ("get", "post", "put", "patch", "delete")
            return tuple(m.upper() for m in verbs if hasattr(view_class, m))
        return ("GET", "POST")

    def url(self, values: dict[str, Any]) -> str:
        """The route with ``values`` in place of its parameters (named or not, path or regex)."""
        text = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m.group(1)]), self.route)
        text = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), text)
        return "/" + text.replace("^", "").replace("$", "")


def walk(
    resolver: URLResolver, prefix: str = "", namespace: str = "", params: tuple[str, ...] = ()
) -> Iterator[Route]:
    for entry in resolver.url_patterns:
        pattern = entry.pattern
        names = params + tuple(pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            inner = ":".join(n for n in (namespace, entry.namespace) if n)
            yield from walk(entry, prefix + str(pattern), inner, names)
        elif isinstance(entry, URLPattern):
            full = prefix + str(pattern)
            label = f"{namespace}:{entry.name}" if namespace else entry.name
            yield Route(full, label or full, namespace, names, entry.callback)


@dataclass
class RouteTable:
    by_id: list[Route] = field(default_factory=list)
    public: list[Route] = field(default_factory=list)
    staff: list[Route] = field(default_factory=list)
    plain: list[Route] = field(default_factory=list)  # no parameter at all
    unclassified: list[str] = field(default_factory=list)


def classify(resolver: URLResolver | None = None) -> RouteTable:
    table = RouteTable()
    for route in walk(resolver or get_resolver()):
        if route.namespace.split(":")[0] in STAFF_NAMESPACES:
            unknown = [p for p in route.params if p not in ADMIN_PARAMS]
            if route.params and not unknown:
                table.staff.append(route)
        elif not route.params:
            table.plain.append(route)
            continue
        elif route.name in PUBLIC_TOKEN_ROUTES:
            table.public.append(route)
            continue
        else:
            unknown = [p for p in route.params if p not in ID_PARAMS]
            if "pk" in route.params and route.viewset_model is None:
                unknown.append("pk (its view has no `model`)")
            if not unknown:
                table.by_id.append(route)
        for param in unknown:
            table.unclassified.append(
                f"/{route.route} ({route.name}) takes {param!r}, which the isolation matrix does "
                "not know. If it identifies a record, add it to ID_PARAMS in "
                "tests/hardening/isolation/routes.py with the model whose id it carries "
                "(the data set must hold a row of that model in each agency); if the route is "
                "public by an unguessable token, add its name to PUBLIC_TOKEN_ROUTES and give it "
                "a case in PUBLIC_CASES (tests/hardening/isolation/test_public.py)."
            )
    return table
