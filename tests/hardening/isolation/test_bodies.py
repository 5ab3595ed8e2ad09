"""Ids of another agency inside a request body (API and dashboard forms) or a prefill query:
refused like missing ones."""

from __future__ import annotations

import difflib
import re
from typing import Any

from tests.hardening.isolation.checks import (
    Tally,
    Watcher,
    leaks_in,
    same_answer,
    stable_text,
    text_of,
)
from tests.hardening.isolation.routes import ID_PARAMS, MISSING, Route, classify
from tests.hardening.isolation.world import Tenant


# The smallest valid body of each API resource, with B's own records where it needs one.
def api_base_bodies(b: Tenant) -> dict[str, dict[str, Any]]:
    client = b.rows["crm.Client"].pk
    return {
        "client": {"name": "Bergamo walk-in"},
        "itinerary": {"client_id": client, "title": "Bergamo trip"},
        "template": {"itinerary_id": b.rows["crm.Itinerary"].pk, "name": "Bergamo template"},
        "proposal": {"client_id": client, "title": "Bergamo offer", "total_price": "10.00"},
        "booking": {"client_id": client, "total_price": "10.00", "currency": "EUR"},
        "webhook": {"url": "https://93.184.215.14/hooks/bergamo"},  # no id field to try
        "payment": {"amount": "1.00"},
        "traveller": {"first_name": "Bergamo", "last_name": "Walker"},  # no id field to try
        "supplier": {"name": "Bergamo Lodge"},
        "library_item": {"title": "Bergamo Lodge, one night"},
        "task": {"client_id": client, "title": "Bergamo call", "due_date": "2027-03-02"},
        "invoice": {},  # issued from the booking as it stands: no body
        "receipt": {"payment_id": b.rows["crm.Payment"].pk},
        "commission_receipt": {"amount": "1.00"},
        "client_import": {},  # a multipart upload, no id field to try
    }


# Body field -> the model whose id it carries.
BODY_ID_FIELDS = {
    "client_id": "crm.Client",
    "itinerary_id": "crm.Itinerary",
    "proposal_id": "crm.Proposal",
    "assigned_to_id": "accounts.User",
    "supplier_id": "crm.Supplier",
    "client": "crm.Client",
    "itinerary": "crm.Itinerary",
    "assigned_to": "accounts.User",
    "notify_users": "accounts.User",
    "booking_id": "crm.Booking",
    "assignee_id": "accounts.User",
    "booking": "crm.Booking",
    "payment_id": "crm.Payment",
    "proposal": "crm.Proposal",
    "assignee": "accounts.User",
    "service_id": "crm.BookingService",
    "library_item_id": "crm.LibraryItem",
}

# Actions whose body names a record, API and dashboard: (route name, B's valid body without
# the id field, the field, the model its id is of, what A's id answers, what B's own answers).
# The builder's "Insert from the library" shows the builder again with the error (200).
ACTION_BODIES: list[tuple[str, dict[str, Any], str, str, int, int]] = [
    (
        "api:itinerary-item-from-library",
        {"day_number": 1},
        "library_item_id",
        "crm.LibraryItem",
        422,
        201,
    ),
    ("library_insert", {}, "library_item", "crm.LibraryItem", 200, 302),
]

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
        {"title": "Bergamo offer", "currency": "EUR", "total_price": "1"},
    ),
    ("booking_create", None, {"status": "pending", "currency": "EUR", "total_price": "10.00"}),
    (
        "booking_edit",
        "booking_id",
        {"reference": "BK-BERGA9", "status": "pending", "currency": "EUR", "total_price": "10"},
    ),
    (
        "task_create",
        None,
        {"title": "Bergamo call", "due_date": "2027-03-02", "priority": "normal"},
    ),
    (
        "task_edit",
        "task_id",
        {"title": "Bergamo call", "due_date": "2027-03-02", "priority": "normal"},
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
    "task_create": ("client", "assignee", "itinerary", "proposal", "booking"),
    "task_edit": ("client", "assignee", "itinerary", "proposal", "booking"),
    "form_settings:create": ("notify_users",),
    "form_settings:edit": ("notify_users",),
}
# Create pages that prefill from a record named in the query string.
PREFILLS = [
    ("itinerary_create", "client"),
    ("proposal_create", "client"),
    ("proposal_create", "itinerary"),
    ("booking_create", "client"),
    ("task_create", "client"),
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
    patch_only: list[Route] = []
    for route in by_name.values():
        view = getattr(route.callback, "cls", None)
        if not route.is_api or "post" not in (getattr(route.callback, "actions", None) or {}):
            continue
        if not route.name.endswith("-list"):  # a detail action (archive): no body with ids
            continue
        if "post" not in view.http_method_names:  # made elsewhere (enquiries): PATCH below
            patch_only.append(route)
            continue
        fields = [n for n in view.input_serializer().fields if n.endswith("_id")]
        assert view.resource in bases, f"add a valid {view.resource} body to api_base_bodies"
        # A list-and-issue route (a booking's invoices) has no detail route to PATCH.
        detail = by_name.get(route.name.replace("-list", "-detail"))
        own_url = (
            detail.url(b.values(detail)) if detail else None
        )  # a nested route names B's parent
        for name in fields:
            assert name in BODY_ID_FIELDS, (
                f"{view.__name__} accepts {name!r}: add it to BODY_ID_FIELDS"
            )
            label = BODY_ID_FIELDS[name]
            a_id, b_id = a.rows[label].pk, b.rows[label].pk
            writes = [("POST", route.url(b.values(route)), bases[view.resource])]
            if own_url is not None and "patch" in view.http_method_names:
                writes.append(("PATCH", own_url, {}))  # not for a create-only resource
            for method, url, base in writes:
                got = refused(method, url, {**base, name: a_id}, {**base, name: MISSING}, name)
                if got.status_code != 422:
                    tally.fail(f"{method} {url} with A's {name} answered {got.status_code}")
                control = world.control(method, url, {**base, name: b_id})
                tally.counts["controls"] += 1
                if control.status_code not in (200, 201):
                    tally.fail(f"control {method} {url} with B's {name}: {control.status_code}")

    for name, base, field, label, refused_status, ok in ACTION_BODIES:
        route = by_name[name]
        url = route.url(b.values(route))
        a_id, b_id = a.rows[label].pk, b.rows[label].pk
        got = refused("POST", url, {**base, field: a_id}, {**base, field: MISSING}, field)
        if got.status_code != refused_status:
            tally.fail(f"POST {url} with A's {field} answered {got.status_code}")
        control = world.control("POST", url, {**base, field: b_id})
        tally.counts["controls"] += 1
        if control.status_code != ok:
            tally.fail(f"control POST {url} with B's {field}: {control.status_code}")

    # Resources with no create (enquiries): their PATCH, with each id field.
    for route in patch_only:
        view = route.callback.cls
        detail = by_name[route.name.replace("-list", "-detail")]
        own_url = detail.url(b.values(detail))
        for name in [n for n in view.input_serializer().fields if n.endswith("_id")]:
            label = BODY_ID_FIELDS[name]
            got = refused("PATCH", own_url, {name: a.rows[label].pk}, {name: MISSING}, name)
            if got.status_code != 422:
                tally.fail(f"PATCH {own_url} with A's {name} answered {got.status_code}")
            control = world.control("PATCH", own_url, {name: b.rows[label].pk})
            tally.counts["controls"] += 1
            if control.status_code != 200:
                tally.fail(f"control PATCH {own_url} with B's {name}: {control.status_code}")

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
