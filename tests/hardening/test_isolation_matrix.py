"""The isolation matrix: a user of another agency, tried against every route that takes an id.

Generated from the URL configuration, so a new endpoint is covered without anyone remembering:
every route with a path parameter is found by walking ``get_resolver()`` and must be classified
here, by the *name* of its parameter (``ID_PARAMS``), as a public link by unguessable token
(``PUBLIC_TOKEN_ROUTES``) or as the staff-only Django admin. A parameter nobody has classified
fails ``test_every_route_that_takes_a_parameter_is_classified`` with what to add.

The cast: agency A ("Alpha Tours": alice, amir) holds a full data set (clients, an itinerary
with days and items, proposals with a live and a revoked share link, a booking with payments,
website forms with enquiries, an invitation, API tokens, and the activity all of it recorded).
Agency B ("Beta Travel": bob, bianca) holds the same kinds of records under other names. Bob
tries A's ids on every route, with every method the route allows, through the dashboard (his
session) and the API (his token). Every attempt must answer exactly what a missing id answers:
404 (``{"message": "Not found."}`` in the API), and nothing in the database may change.
The same request with B's own ids must *not* be a 404 (so no 404 here is an accident of a
wrong URL); it runs in a savepoint that is rolled back.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import json
import re
import secrets
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl, quote, quote_plus

import pytest
from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.test import Client as HttpClient
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, path
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts import services as account_services
from accounts.audit import audit_context
from accounts.models import Activity, ActivityChannel, Agency, ApiToken, Invitation, Role, User
from crm.bookings import services as booking_services
from crm.clients import services as client_services
from crm.enquiries import website_forms
from crm.models import (
    Booking,
    Client,
    Enquiry,
    EnquiryForm,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    Payment,
    Proposal,
)
from crm.proposals import services as proposal_services
from crm.trips import services as trip_services
from tests.factories import UserFactory, make_token

MISSING = 987_654_321  # an id no row has
VIEWSET_MODEL = "<the viewset's model>"

# URL parameter name -> the model whose id it carries (A's row of that model is tried).
ID_PARAMS: dict[str, str] = {
    "client_id": "crm.Client",
    "itinerary_id": "crm.Itinerary",
    "day_id": "crm.ItineraryDay",
    "item_id": "crm.ItineraryItem",
    "proposal_id": "crm.Proposal",
    "booking_id": "crm.Booking",
    "form_id": "crm.EnquiryForm",
    "invitation_id": "accounts.Invitation",
    "user_id": "accounts.User",  # a member of the agency
    "token_id": "accounts.ApiToken",
    "pk": VIEWSET_MODEL,  # API detail routes: the TenantViewSet's ``model``
}

# Routes anyone may open with an unguessable token: there is no signed-in agency to compare,
# so each has its own case in test_public_links_... (guessed and dead tokens are a 404, and
# nothing there shows another agency's data).
PUBLIC_TOKEN_ROUTES: dict[str, str] = {
    "proposal_public": "the client's proposal link, by share token",
    "invitation_accept": "an invitation link, by invitation token",
    "public_forms:submit": "a website form's endpoint, by public key",
    "public_forms:thanks": "a website form's thank-you page, by public key",
    "password_reset_confirm": "Django's signed password-reset link (uidb64 + token)",
}

# The Django admin is the operator's (staff only): a non-staff user is sent to its sign-in.
STAFF_NAMESPACES = ("admin",)
ADMIN_PARAMS: dict[str, Callable[[Tenant, type[models.Model] | None], str]] = {
    "object_id": lambda a, model: str(a.row_id(model)),
    "id": lambda a, model: str(a.owner.pk),  # the user password-change page
    "app_label": lambda a, model: "crm",
    "content_type_id": lambda a, model: str(ContentType.objects.get_for_model(Client).pk),
    "url": lambda a, model: "crm/client/",
}

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


# The route table ----------------------------------------------------------------------------


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
            return tuple(m.upper() for m in actions)
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
                "tests/hardening/test_isolation_matrix.py with the model whose id it carries "
                "(the data set must hold a row of that model in each agency); if the route is "
                "public by an unguessable token, add its name to PUBLIC_TOKEN_ROUTES and give it "
                "a case in PUBLIC_CASES."
            )
    return table


# The data set -------------------------------------------------------------------------------


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
                label = route.viewset_model._meta.label
            out[param] = self.rows[label].pk
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
        itinerary = trip_services.itinerary_create(
            agency=agency,
            created_by=owner,
            client=client.pk,
            title=f"{word} Whale Odyssey",
            start_date=dt.date(2027, 6, 1),
            end_date=dt.date(2027, 6, 2),
            days=[
                {
                    "title": f"{word} arrival",
                    "location": f"{word} harbour",
                    "items": [{"title": f"{word} whale watching", "supplier": f"{word} Boats"}],
                },
                {"title": f"{word} departure", "items": [{"title": f"{word} transfer"}]},
            ],
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
            supplier=f"{word} Air",
            start_date=dt.date(2027, 6, 1),
        )
        payment = booking_services.payment_record(
            booking=booking, amount=Decimal("1000.00"), reference=f"{word}-PAY-1", recorded_by=owner
        )
        booking_services.payment_record(booking=booking, amount=Decimal("21.00"), recorded_by=owner)
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
    tenant = Tenant(
        agency=agency,
        owner=owner,
        member=member,
        rows={
            "accounts.Agency": agency,
            "accounts.User": member,
            "accounts.ApiToken": issued.token,
            "accounts.Invitation": invitation,
            "accounts.Activity": Activity.objects.for_agency(agency).first(),
            "crm.Client": client,
            "crm.Itinerary": itinerary,
            "crm.ItineraryDay": itinerary.days.first(),
            "crm.ItineraryItem": ItineraryItem.objects.filter(day__itinerary=itinerary).first(),
            "crm.Proposal": proposal,
            "crm.Booking": booking,
            "crm.Payment": payment,
            "crm.EnquiryForm": form,
            "crm.Enquiry": enquiry,
        },
        secrets={
            "share_token": proposal.share_token,
            "revoked_share_token": revoked_token,
            "form_key": form.public_key,
            "disabled_form_key": disabled.public_key,
            "invitation_token": invitation.token,
            "token_prefix": issued.token.prefix,
            "token_plaintext": issued.plaintext,
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
        "crm.Itinerary": Itinerary.objects.for_agency(agency),
        "crm.ItineraryDay": ItineraryDay.objects.filter(itinerary__agency=agency),
        "crm.ItineraryItem": ItineraryItem.objects.filter(day__itinerary__agency=agency),
        "crm.Proposal": Proposal.objects.for_agency(agency),
        "crm.Booking": Booking.objects.for_agency(agency),
        "crm.Payment": Payment.objects.for_agency(agency),
        "crm.EnquiryForm": EnquiryForm.objects.for_agency(agency),
        "crm.Enquiry": Enquiry.objects.for_agency(agency),
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
        ("/settings/forms/", "crm.EnquiryForm"),
    ):
        tenant.paths += [f"{prefix}{pk}/" for pk in tenant.ids[label]]
    for resource, label in (
        ("clients", "crm.Client"),
        ("itineraries", "crm.Itinerary"),
        ("proposals", "crm.Proposal"),
        ("bookings", "crm.Booking"),
    ):
        tenant.paths += [f"/api/v1/{resource}/{pk}" for pk in tenant.ids[label]]
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


@pytest.fixture
def world(agency, other_agency, alice, amir, bob) -> World:
    bianca = UserFactory(
        username="bianca",
        email="bianca@beta.example",
        agency=other_agency,
        role=Role.AGENT,
        name="Bianca Agent",
    )
    a = populate(agency, alice, amir, "Zanzibar")
    b = populate(other_agency, bob, bianca, "Bergamo")
    dashboard, second_session = HttpClient(), HttpClient()
    dashboard.force_login(bob)
    second_session.force_login(bob)
    return World(
        a=a,
        b=b,
        bob=bob,
        dashboard=dashboard,
        api=HttpClient(),
        api_token=make_token(bob, name="matrix", rate_limit=100_000).plaintext,
        anonymous=HttpClient(),
        second_session=second_session,
    )


# What must hold -----------------------------------------------------------------------------


# Fields that change on their own (a token's last use, a sign-in) and say nothing about a leak.
VOLATILE = {"accounts.ApiToken": {"last_used_at"}, "accounts.User": {"last_login"}}


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every accounts/crm table (many-to-many tables included), in plain SQL:
    it runs after every attempt, so it has to be quick."""
    state = {}
    with connection.cursor() as cursor:
        for model in SNAPSHOT_MODELS:
            meta = model._meta
            columns = ", ".join(
                connection.ops.quote_name(f.column)
                for f in meta.concrete_fields
                if f.attname in snapshot_fields(model)
            )
            table, pk = (connection.ops.quote_name(n) for n in (meta.db_table, meta.pk.column))
            cursor.execute(f"SELECT {columns} FROM {table} ORDER BY {pk}")
            state[meta.label] = cursor.fetchall()
    return state


SNAPSHOT_MODELS = [
    m
    for m in apps.get_models(include_auto_created=True)
    if m._meta.app_label in ("accounts", "crm")
]


class Watcher:
    """Looks at the database and names the tables that changed since it last looked (every
    request between two looks must leave it as it was, so one look per request is enough)."""

    def __init__(self) -> None:
        self.last = snapshot()

    def changes(self) -> list[str]:
        now = snapshot()
        changed, self.last = changed_tables(self.last, now), now
        return changed


def snapshot_fields(model: type[models.Model]) -> list[str]:
    skip = VOLATILE.get(model._meta.label, set())
    return [f.attname for f in model._meta.concrete_fields if f.attname not in skip]


def changed_tables(before: dict[str, list], after: dict[str, list]) -> list[str]:
    return sorted(label for label in before if before[label] != after[label])


def text_of(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


_PER_RESPONSE = re.compile(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": "|nonce=")[^"]+"')


def stable_text(response: Any) -> str:
    """The body without what differs on every response anyway (CSRF tokens, CSP nonces)."""
    return _PER_RESPONSE.sub(r'\1"', text_of(response))


def leaks_in(body: str, a: Tenant) -> list[str]:
    """A's names, secrets and record paths found in ``body``."""
    lowered = body.lower()
    found = [marker for marker in a.markers if marker and marker.lower() in lowered]
    found += [p for p in a.paths if re.search(re.escape(p) + r"(?![0-9])", body)]
    return found


JSON_ID_KEYS = {
    "client_id": "crm.Client",
    "itinerary_id": "crm.Itinerary",
    "proposal_id": "crm.Proposal",
    "booking_id": "crm.Booking",
    "assigned_to_id": "accounts.User",
    "actor_id": "accounts.User",
    "user_id": "accounts.User",
}


def json_id_leaks(payload: Any, a: Tenant, own_label: str | None) -> list[str]:
    """A's ids in an API body: ``id`` of the listed resource and every ``<relation>_id``."""
    found: list[str] = []

    def visit(node: Any, label: str | None) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                target = label if key == "id" else JSON_ID_KEYS.get(key)
                if target and isinstance(value, int) and value in a.ids.get(target, ()):
                    found.append(f"{key}={value}")
                visit(value, None if key != "data" else label)
        elif isinstance(node, list):
            for item in node:
                visit(item, label)

    visit(payload, own_label)
    return found


@dataclass
class Tally:
    routes: set[str] = field(default_factory=set)
    counts: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    def fail(self, what: str) -> None:
        self.problems.append(what)


def same_answer(got: Any, missing: Any) -> bool:
    return (
        got.status_code == missing.status_code
        and got.get("Content-Type") == missing.get("Content-Type")
        and stable_text(got) == stable_text(missing)
    )


def in_rollback(call: Callable[[], Any]) -> Any:
    """Run ``call`` in a savepoint that is rolled back: a positive control may write."""
    with transaction.atomic():
        result = call()
        transaction.set_rollback(True)
    return result


def variants(route: Route, w: World) -> Iterator[tuple[str, dict[str, int]]]:
    """All of A's ids; and, with several ids, A's for one of them and B's for the others (B's
    itinerary with A's day is as much another agency's record as A's itinerary)."""
    a_values, b_values = w.a.values(route), w.b.values(route)
    yield "A's ids", a_values
    if len(route.params) > 1:
        for param in route.params:
            yield f"A's {param}, B's others", {**b_values, param: a_values[param]}


def try_route(route: Route, w: World, tally: Tally, db: Watcher | None = None) -> None:
    db = db or Watcher()
    missing_values = dict.fromkeys(route.params, MISSING)
    form = hijack_form(w.b)
    methods = list(route.methods())
    if route.is_api and "GET" in methods:
        methods.append("HEAD")
    for method in methods:
        missing = w.send(method, route.url(missing_values), form)
        refused_by_method = missing.status_code == 405
        for variant, values in variants(route, w):
            url = route.url(values)
            got = w.send(method, url, form)
            where = f"{method} {url} ({route.name}, {variant})"
            tally.counts["attempts"] += 1
            tally.routes.add(route.name)
            if changed := db.changes():
                tally.fail(f"{where} changed {changed}")
            if not same_answer(got, missing):
                tally.fail(
                    f"{where} answered {got.status_code} {text_of(got)[:200]!r}, but a missing "
                    f"id answers {missing.status_code}"
                )
            if refused_by_method:
                tally.counts["405 before any lookup"] += 1
                continue
            if got.status_code != 404:
                tally.fail(f"{where} answered {got.status_code}, not 404")
            elif route.is_api and method != "HEAD" and got.json() != {"message": "Not found."}:
                tally.fail(f"{where} answered {got.json()!r}")
            else:
                tally.counts["404"] += 1
            if leaks := leaks_in(text_of(got), w.a):
                tally.fail(f"{where} shows {leaks}")
        if refused_by_method:
            continue
        # The control: B's own ids through the same route and method are found.
        b_url = route.url(w.b.values(route))
        own = w.control(method, b_url, form)
        tally.counts["controls"] += 1
        if own.status_code == 404 or own.status_code >= 500:
            tally.fail(f"control {method} {b_url} ({route.name}) answered {own.status_code}")
        if leaks := leaks_in(text_of(own), w.a):
            tally.fail(f"control {method} {b_url} ({route.name}) shows A's {leaks}")


# The tests ----------------------------------------------------------------------------------


def test_every_route_that_takes_a_parameter_is_classified():
    table = classify()

    assert table.unclassified == [], "\n".join(table.unclassified)
    assert table.by_id, "no id route found: is the URL walk broken?"
    assert {r.name for r in table.public} == set(PUBLIC_TOKEN_ROUTES)


def test_a_new_id_route_nobody_classified_fails_with_what_to_add():
    def widget_detail(request, widget_id):  # pragma: no cover - never called
        raise AssertionError

    resolver = URLResolver(
        get_resolver().pattern,
        [*get_resolver().url_patterns, path("widgets/<int:widget_id>/", widget_detail)],
    )

    table = classify(resolver)

    assert len(table.unclassified) == 1
    message = table.unclassified[0]
    assert "/widgets/<int:widget_id>/" in message
    assert "'widget_id'" in message
    assert "ID_PARAMS" in message


def test_another_agency_gets_404_for_every_id_route_and_method(world, capsys):
    table = classify()
    tally = Tally()

    db = Watcher()
    for route in table.by_id:
        try_route(route, world, tally, db)

    api = sum(1 for r in table.by_id if r.is_api)
    with capsys.disabled():
        print(
            f"\nisolation matrix: {len(tally.routes)} id routes ({api} API, "
            f"{len(tally.routes) - api} dashboard), {tally.counts['attempts']} attempts by "
            f"another agency ({tally.counts['404']} answered 404, "
            f"{tally.counts['405 before any lookup']} refused by method before any lookup), "
            f"{tally.counts['controls']} controls with its own ids, "
            f"{len(tally.problems)} leaks"
        )
    assert tally.problems == [], "\n".join(tally.problems)
    assert len(tally.routes) == len(table.by_id)


def leaky_client(request: HttpRequest, client_id: int) -> HttpResponse:
    """The bug the matrix exists for: found by id alone, changed by whoever posts."""
    client = get_object_or_404(Client, pk=client_id)
    if request.method == "POST":
        client.notes = "changed by another agency"
        client.save(update_fields=["notes"])
    return HttpResponse(client.name)


class LeakyUrls:
    urlpatterns = [path("leaky/<int:client_id>/", leaky_client, name="leaky")]


def test_the_matrix_catches_a_view_that_forgets_the_agency(world, tenant_tripwire):
    route = next(walk(URLResolver(get_resolver().pattern, LeakyUrls.urlpatterns)))
    tally = Tally()

    with override_settings(ROOT_URLCONF=LeakyUrls):
        try_route(route, world, tally)

    problems = "\n".join(tally.problems)
    assert "answered 200, not 404" in problems
    assert re.search(r"POST /leaky/\d+/ .* changed \[.*'crm.Client'", problems)
    assert "Zanzibar Quixote" in problems
    assert tenant_tripwire.violations  # and the tripwire saw the unscoped read
    tenant_tripwire.violations.clear()


# Lists, search, home, exports ---------------------------------------------------------------


# Query strings that name A's records: a search for A's client, and every filter by A's ids.
def list_queries(a: Tenant) -> list[str]:
    client, itinerary = a.rows["crm.Client"], a.rows["crm.Itinerary"]
    return [
        "",
        f"?q={client.name.replace(' ', '+')}",
        f"?q={client.email}",
        f"?client={client.pk}",
        f"?client_id={client.pk}",
        f"?itinerary={itinerary.pk}",
        f"?itinerary_id={itinerary.pk}",
        f"?proposal_id={a.rows['crm.Proposal'].pk}",
        f"?assigned_to={a.member.pk}",
        "?tag=zanzibar-vip",
        f"?reference={a.rows['crm.Booking'].reference}",
    ]


def without_echo(body: str, query: str) -> str:
    """The page minus what B typed (a search box shows its own query back)."""
    for _, value in parse_qsl(query.lstrip("?")):
        for form in (value, html.escape(value), quote_plus(value), quote(value)):
            body = body.replace(form, "")
    return body


def shows_own_records(route: Route) -> bool:
    """Lists and the home page must show B's own records (so an empty page cannot pass)."""
    return route.name == "home" or route.name.endswith(("list", ":list"))


def test_no_list_search_or_page_shows_another_agencys_records(world, capsys):
    table = classify()
    tally = Tally()
    db = Watcher()
    for route in table.plain:
        if route.namespace.split(":")[0] in STAFF_NAMESPACES or "GET" not in route.methods():
            continue
        own_label = route.viewset_model._meta.label if route.viewset_model else None
        queries = list_queries(world.a) if shows_own_records(route) else [""]
        for query in queries:
            url = route.url({}) + query
            got = world.send("GET", url)
            tally.counts["pages"] += 1
            tally.routes.add(route.name)
            body = without_echo(text_of(got), query)
            if got.status_code >= 500:
                tally.fail(f"GET {url} answered {got.status_code}")
            if leaks := leaks_in(body, world.a):
                tally.fail(f"GET {url} shows A's {leaks}")
            is_json = got.get("Content-Type", "").startswith("application/json")
            if is_json and (leaks := json_id_leaks(got.json(), world.a, own_label)):
                tally.fail(f"GET {url} lists A's {leaks}")
            if query == "" and shows_own_records(route) and "Bergamo" not in body:
                tally.fail(f"GET {url} ({route.name}) does not show B's own records")

    if changed := db.changes():  # reading a list or a page writes nothing
        tally.fail(f"reading the lists changed {changed}")

    # B's own record pages (the client page with its History card, the activity feed, the
    # itinerary print-out, the form page with its enquiries) show nothing of A's either.
    b = world.b
    own_pages = [
        f"/clients/{b.rows['crm.Client'].pk}/",
        f"/itineraries/{b.rows['crm.Itinerary'].pk}/print/",
        f"/settings/forms/{b.rows['crm.EnquiryForm'].pk}/",
        f"/api/v1/clients/{b.rows['crm.Client'].pk}/activity?per_page=100",
        f"/api/v1/itineraries/{b.rows['crm.Itinerary'].pk}",
        f"/api/v1/bookings/{b.rows['crm.Booking'].pk}",
    ]
    for url in own_pages:
        got = world.send("GET", url)
        tally.counts["own pages"] += 1
        assert got.status_code == 200, url
        assert "Bergamo" in text_of(got), url
        if leaks := leaks_in(text_of(got), world.a):
            tally.fail(f"GET {url} shows A's {leaks}")

    with capsys.disabled():
        print(
            f"\nisolation lists: {len(tally.routes)} pages and API lists, "
            f"{tally.counts['pages']} reads (lists with {len(list_queries(world.a))} queries "
            "each: a search for A's client, filters by A's ids), "
            f"{tally.counts['own pages']} of B's own record pages, {len(tally.problems)} leaks"
        )
    assert tally.problems == [], "\n".join(tally.problems)


# Ids of another agency inside a request body --------------------------------------------------


# The smallest valid body of each API resource, with B's own records where it needs one.
def api_base_bodies(b: Tenant) -> dict[str, dict[str, Any]]:
    client = b.rows["crm.Client"].pk
    return {
        "client": {"name": "Bergamo walk-in"},
        "itinerary": {"client_id": client, "title": "Bergamo trip"},
        "proposal": {"client_id": client, "title": "Bergamo offer", "total_price": "10.00"},
        "booking": {"client_id": client, "total_price": "10.00", "currency": "EUR"},
    }


# Body field -> the model whose id it carries.
BODY_ID_FIELDS = {
    "client_id": "crm.Client",
    "itinerary_id": "crm.Itinerary",
    "proposal_id": "crm.Proposal",
    "assigned_to_id": "accounts.User",
    "client": "crm.Client",
    "itinerary": "crm.Itinerary",
    "assigned_to": "accounts.User",
    "notify_users": "accounts.User",
}

# Dashboard forms that name other records: (route, B's record it edits, valid fields).
FORM_CASES: list[tuple[str, str | None, dict[str, Any]]] = [
    ("client_create", None, {"name": "Bergamo walk-in", "status": "lead"}),
    ("client_edit", "client_id", {"name": "Bergamo walk-in", "status": "lead"}),
    ("itinerary_create", None, {"title": "Bergamo trip", "status": "draft", "travellers": "2"}),
    (
        "itinerary_edit",
        "itinerary_id",
        {"title": "Bergamo trip", "status": "draft", "travellers": 2},
    ),
    ("proposal_create", None, {"title": "Bergamo offer", "currency": "EUR", "total_price": "10"}),
    (
        "proposal_edit",
        "proposal_id",
        {"title": "Bergamo offer", "currency": "EUR", "total_price": 1},
    ),
    ("booking_create", None, {"status": "pending", "currency": "EUR", "total_price": "10.00"}),
    (
        "booking_edit",
        "booking_id",
        {"reference": "BK-BERGA9", "status": "pending", "currency": "EUR", "total_price": "10"},
    ),
    ("form_settings:create", None, {"name": "Bergamo form", "is_active": "on"}),
    ("form_settings:edit", "form_id", {"name": "Bergamo form", "is_active": "on"}),
]
FORM_RELATIONS = {
    "client_create": ("assigned_to",),
    "client_edit": ("assigned_to",),
    "itinerary_create": ("client",),
    "itinerary_edit": ("client",),
    "proposal_create": ("client", "itinerary"),
    "proposal_edit": ("client", "itinerary"),
    "booking_create": ("client",),
    "booking_edit": ("client",),
    "form_settings:create": ("notify_users",),
    "form_settings:edit": ("notify_users",),
}
# Create pages that prefill from a record named in the query string.
PREFILLS = [
    ("itinerary_create", "client"),
    ("proposal_create", "client"),
    ("proposal_create", "itinerary"),
    ("booking_create", "client"),
]


def _normalised(response: Any, value: int) -> list[str]:
    # A message may name the id it could not find ("No client with id 5."): only that differs.
    text = re.sub(rf"(?<=id ){value}\b|(?<=choice\. ){value}\b", "<id>", stable_text(response))
    return [str(response.status_code), *text.splitlines()]


def differs(got: Any, value: int, missing: Any) -> str:
    """How ``got`` (with A's id ``value``) differs from ``missing`` (with MISSING); "" if not."""
    lines = list(difflib.unified_diff(_normalised(missing, MISSING), _normalised(got, value), n=0))
    return " | ".join(line.strip()[:160] for line in lines[2:8])


def test_another_agencys_ids_in_a_body_are_refused_like_missing_ones(world, capsys):
    a, b = world.a, world.b
    table = classify()
    by_name = {r.name: r for r in table.plain + table.by_id}
    tally = Tally()
    db = Watcher()

    def refused(method: str, url: str, body: dict, missing_body: dict, field: str) -> Any:
        got = world.send(method, url, body)
        missing = world.send(method, url, missing_body)
        where = f"{method} {url} with A's {field}"
        tally.counts["attempts"] += 1
        if changed := db.changes():
            tally.fail(f"{where} changed {changed}")
        if difference := differs(got, body[field], missing):
            tally.fail(f"{where} answered unlike a missing id: {difference}")
        if leaks := leaks_in(text_of(got), a):
            tally.fail(f"{where} shows A's {leaks}")
        return got

    # The API: every <relation>_id its input serializers accept, on create and on update.
    bases = api_base_bodies(b)
    for route in by_name.values():
        view = getattr(route.callback, "cls", None)
        if not route.is_api or "post" not in (getattr(route.callback, "actions", None) or {}):
            continue
        if not route.name.endswith("-list"):  # a detail action (archive): no body with ids
            continue
        fields = [n for n in view.input_serializer().fields if n.endswith("_id")]
        assert view.resource in bases, f"add a valid {view.resource} body to api_base_bodies"
        detail = by_name[route.name.replace("-list", "-detail")]
        own_url = detail.url({"pk": b.rows[view.model._meta.label].pk})
        for name in fields:
            assert name in BODY_ID_FIELDS, (
                f"{view.__name__} accepts {name!r}: add it to BODY_ID_FIELDS"
            )
            label = BODY_ID_FIELDS[name]
            a_id, b_id = a.rows[label].pk, b.rows[label].pk
            for method, url, base in (
                ("POST", route.url({}), bases[view.resource]),
                ("PATCH", own_url, {}),
            ):
                got = refused(method, url, {**base, name: a_id}, {**base, name: MISSING}, name)
                if got.status_code != 422:
                    tally.fail(f"{method} {url} with A's {name} answered {got.status_code}")
                control = world.control(method, url, {**base, name: b_id})
                tally.counts["controls"] += 1
                if control.status_code not in (200, 201):
                    tally.fail(f"control {method} {url} with B's {name}: {control.status_code}")

    # The dashboard: every form that names a record.
    for name, own_param, fields in FORM_CASES:
        route = by_name[name]
        url = route.url({own_param: b.rows[ID_PARAMS[own_param]].pk} if own_param else {})
        relations = FORM_RELATIONS[name]
        own = {f: b.rows[BODY_ID_FIELDS[f]].pk for f in relations}
        for relation in relations:
            a_id = a.rows[BODY_ID_FIELDS[relation]].pk
            got = refused(
                "POST",
                url,
                {**fields, **own, relation: a_id},
                {**fields, **own, relation: MISSING},
                relation,
            )
            if got.status_code != 200:  # the form again, with the field in error
                tally.fail(f"POST {url} with A's {relation} answered {got.status_code}")
        control = world.control("POST", url, {**fields, **own})
        tally.counts["controls"] += 1
        if control.status_code != 302:
            errors = re.findall(r'class="errorlist"([^>]*>.{0,200})', text_of(control))
            tally.fail(f"control POST {url} with B's records: {control.status_code} {errors}")

    for name, param in PREFILLS:
        label = BODY_ID_FIELDS[param]
        base = by_name[name].url({})
        got = world.send("GET", f"{base}?{param}={a.rows[label].pk}")
        missing = world.send("GET", f"{base}?{param}={MISSING}")
        tally.counts["attempts"] += 1
        if got.status_code != 404 or not same_answer(got, missing):
            tally.fail(f"GET {base}?{param}=<A's> answered {got.status_code}")
        control = world.send("GET", f"{base}?{param}={b.rows[label].pk}")
        tally.counts["controls"] += 1
        if control.status_code != 200:
            tally.fail(f"control GET {base}?{param}=<B's> answered {control.status_code}")

    with capsys.disabled():
        print(
            f"\nisolation body references: {tally.counts['attempts']} attempts naming A's "
            f"records in a body or query, {tally.counts['controls']} controls, "
            f"{len(tally.problems)} leaks"
        )
    assert tally.problems == [], "\n".join(tally.problems)


# Public links (by unguessable token) and the staff-only admin ---------------------------------


def near_miss(token: str) -> str:
    """The token with its last character changed: as close as a guess can get."""
    return token[:-1] + ("A" if token[-1] != "A" else "B")


@dataclass
class PublicCase:
    """How to try one public route: dead or guessed values (each must answer exactly like a
    random one: 404 for the tokens, the same "invalid link" page for a password reset) and a
    live value of B's (it works, and shows nothing of A's)."""

    dead: Callable[[World], list[dict[str, str]]]
    live: Callable[[World], dict[str, str]]
    methods: tuple[str, ...]
    body: dict[str, Any] = field(default_factory=dict)
    expect: int = 404
    live_status: tuple[int, ...] = (200,)


def _uid(user_id: int) -> str:
    return urlsafe_base64_encode(force_bytes(user_id))


PUBLIC_CASES: dict[str, PublicCase] = {
    "proposal_public": PublicCase(
        dead=lambda w: [
            {"token": near_miss(w.a.secrets["share_token"])},
            {"token": w.a.secrets["revoked_share_token"]},  # A revoked it
        ],
        live=lambda w: {"token": w.b.secrets["share_token"]},
        methods=("GET", "POST"),
        body={"answer": "accept"},
    ),
    "invitation_accept": PublicCase(
        dead=lambda w: [
            {"token": near_miss(w.a.secrets["invitation_token"])},
            {"token": w.a.secrets["expired_invitation_token"]},
        ],
        live=lambda w: {"token": w.b.secrets["invitation_token"]},
        methods=("GET", "POST"),
        body={"username": "intruder", "password1": "x-Secret-123", "password2": "x-Secret-123"},
    ),
    "public_forms:submit": PublicCase(
        dead=lambda w: [
            {"public_key": near_miss(w.a.secrets["form_key"])},
            {"public_key": w.a.secrets["disabled_form_key"]},  # A switched it off
        ],
        live=lambda w: {"public_key": w.b.secrets["form_key"]},
        methods=("GET", "POST", "OPTIONS"),
        live_status=(201,),
    ),
    "public_forms:thanks": PublicCase(
        dead=lambda w: [
            {"public_key": near_miss(w.a.secrets["form_key"])},
            {"public_key": w.a.secrets["disabled_form_key"]},
        ],
        live=lambda w: {"public_key": w.b.secrets["form_key"]},
        methods=("GET",),
    ),
    "password_reset_confirm": PublicCase(
        dead=lambda w: [
            {"uidb64": _uid(w.a.owner.pk), "token": "cr4ck-" + secrets.token_hex(16)},
            {"uidb64": _uid(w.a.owner.pk), "token": "set-password"},
        ],
        live=lambda w: {
            "uidb64": _uid(w.bob.pk),
            "token": default_token_generator.make_token(w.bob),
        },
        methods=("GET", "POST"),
        body={"new_password1": "x-Secret-123", "new_password2": "x-Secret-123"},
        expect=200,  # Django's "this link is invalid" page
        live_status=(302,),  # to the set-password form, token moved into the session
    ),
}


def test_public_links_answer_404_for_a_guessed_or_dead_token_and_reveal_nothing(
    world, settings, capsys
):
    settings.ENQUIRY_RATE_LIMIT_PER_IP = 10_000
    expired = account_services.invitation_create(
        agency=world.a.agency, email="late@zanzibar.example", invited_by=world.a.owner
    )
    Invitation.objects.filter(pk=expired.pk).update(
        expires_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    )
    world.a.secrets["expired_invitation_token"] = expired.token
    world.a.markers.append(expired.token)
    table = classify()
    assert {r.name for r in table.public} == set(PUBLIC_CASES), "give each public route a case"
    tally = Tally()
    db = Watcher()
    enquiry = {"name": world.a.rows["crm.Client"].name, "email": world.a.rows["crm.Client"].email}

    for route in table.public:
        case = PUBLIC_CASES[route.name]
        body = case.body or enquiry
        random_values = {p: "r" + secrets.token_urlsafe(24) for p in route.params}
        if "uidb64" in random_values:
            random_values["uidb64"] = _uid(MISSING)
        for client in (world.anonymous, world.dashboard):
            for method in case.methods:
                baseline = send_public(client, method, route.url(random_values), body)
                for values in case.dead(world):
                    url = route.url(values)
                    got = send_public(client, method, url, body)
                    where = f"{method} {url} ({route.name})"
                    tally.counts["attempts"] += 1
                    tally.routes.add(route.name)
                    if changed := db.changes():
                        tally.fail(f"{where} changed {changed}")
                    if (baseline.status_code, got.status_code) != (case.expect, case.expect):
                        tally.fail(
                            f"{where}: {got.status_code}, a random one {baseline.status_code}"
                        )
                    if not same_answer(got, baseline):
                        tally.fail(f"{where} answered unlike a random token")
                    if leaks := leaks_in(text_of(got), world.a):
                        tally.fail(f"{where} shows A's {leaks}")
        # B's live link works, and shows B's things only (a form post naming A's client
        # creates a lead in B and tells nothing about A's client of the same email).
        method = "POST" if route.name == "public_forms:submit" else "GET"
        live = route.url(case.live(world))
        before = db.last
        got = send_public(world.anonymous, method, live, body)
        db.changes()  # B's link may write (a lead, "viewed"): only A's rows must not move
        tally.counts["live"] += 1
        if got.status_code not in case.live_status:
            tally.fail(f"live {method} {live} answered {got.status_code}")
        if leaks := leaks_in(text_of(got), world.a):
            tally.fail(f"live {method} {live} shows A's {leaks}")
        if touched := touched_rows_of(world.a, before, db.last):
            tally.fail(f"live {method} {live} changed A's rows: {touched}")

    with capsys.disabled():
        print(
            f"\nisolation public links: {len(tally.routes)} routes, {tally.counts['attempts']} "
            f"guessed or dead tokens, {tally.counts['live']} live links of the other agency, "
            f"{len(tally.problems)} leaks"
        )
    assert tally.problems == [], "\n".join(tally.problems)


def send_public(client: HttpClient, method: str, url: str, body: dict[str, Any]) -> Any:
    if url.startswith("/forms/") and method == "POST":
        return client.post(url, json.dumps(body), content_type="application/json")
    if method == "POST":
        return client.post(url, body)
    return client.generic(method, url)


def touched_rows_of(a: Tenant, before: dict[str, list], after: dict[str, list]) -> list[str]:
    """A's rows that changed, vanished or appeared (a row is A's by its agency_id)."""
    touched = []
    for label, rows in before.items():
        names = snapshot_fields(apps.get_model(label))
        if "agency_id" not in names:
            continue
        at = names.index("agency_id")
        if [r for r in rows if r[at] == a.agency.pk] != [
            r for r in after[label] if r[at] == a.agency.pk
        ]:
            touched.append(label)
    return touched


def test_admin_pages_send_someone_who_is_not_staff_to_sign_in(world, capsys):
    table = classify()
    tally = Tally()
    db = Watcher()
    for route in table.staff:
        values = {p: ADMIN_PARAMS[p](world.a, route.admin_model) for p in route.params}
        url = route.url(values)
        for method in ("GET", "POST"):
            got = world.send(method, url, hijack_form(world.b))
            tally.counts["attempts"] += 1
            tally.routes.add(route.route)
            if got.status_code != 302 or not got["Location"].startswith("/admin/login/"):
                tally.fail(f"{method} {url} answered {got.status_code}, not the admin sign-in")
            if leaks := leaks_in(text_of(got), world.a):
                tally.fail(f"{method} {url} shows A's {leaks}")
        if changed := db.changes():
            tally.fail(f"{route.route} changed {changed}")

    with capsys.disabled():
        print(
            f"\nisolation admin: {len(tally.routes)} staff-only routes, "
            f"{tally.counts['attempts']} attempts by a non-staff user, {len(tally.problems)} leaks"
        )
    assert tally.problems == [], "\n".join(tally.problems)
