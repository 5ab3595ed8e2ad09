"""Public links by unguessable token: a guessed or dead token answers like a random one, and
a live link of the other agency shows nothing of A's."""

from __future__ import annotations

import datetime as dt
import io
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.test import Client as HttpClient
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from PIL import Image

from accounts import branding
from accounts import services as account_services
from accounts import signup as account_signup
from accounts.models import Invitation
from tests.hardening.isolation.checks import (
    Tally,
    Watcher,
    leaks_in,
    same_answer,
    snapshot_fields,
    text_of,
)
from tests.hardening.isolation.routes import MISSING, classify
from tests.hardening.isolation.world import Tenant, World


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


def _signup(email: str) -> str:
    return account_signup.signup_token(
        email=email, agency_name="Zed Travel", default_currency="EUR", name="Zed"
    )


def _logo_digest(tenant: Tenant) -> str:
    """The hash in the URL of ``tenant``'s logo (given one the first time)."""
    found = branding.branding_of(tenant.agency)
    if found is None or not found.logo:
        buffer = io.BytesIO()
        Image.new("RGB", (8, 8), "#0f766e").save(buffer, format="PNG")
        found = branding.branding_logo_set(
            agency=tenant.agency, updated_by=tenant.owner, content=buffer.getvalue()
        )
    return found.logo_sha256[: branding.DIGEST_LENGTH]


PUBLIC_CASES: dict[str, PublicCase] = {
    "proposal_public": PublicCase(
        # A revoked link is not dead: it shows a "deactivated" page (410) naming the agency
        # to whoever holds it (test_versions covers it); a guessed token is a plain 404.
        dead=lambda w: [{"token": near_miss(w.a.secrets["share_token"])}],
        live=lambda w: {"token": w.b.secrets["share_token"]},
        methods=("GET", "POST"),
        body={"answer": "accept"},
    ),
    "proposal_public_certificate": PublicCase(
        dead=lambda w: [
            {"token": near_miss(w.a.secrets["share_token"])},
            {"token": w.a.secrets["share_token"]},  # A's proposal is not accepted
        ],
        live=lambda w: {"token": w.b.secrets["share_token"]},
        methods=("GET",),
        live_status=(404,),  # B's is not accepted either: nothing to certify
    ),
    "proposal_public_pdf": PublicCase(
        dead=lambda w: [
            {"token": near_miss(w.a.secrets["share_token"]), "document": "proposal"},
            {"token": w.a.secrets["share_token"], "document": "certificate"},  # not signed
            {"token": w.a.secrets["share_token"], "document": "passwd"},
        ],
        live=lambda w: {"token": w.b.secrets["share_token"], "document": "proposal"},
        methods=("GET",),
    ),
    "agency_logo": PublicCase(
        dead=lambda w: [
            {"agency_id": str(w.a.agency.pk), "digest": "0" * 16},  # A has no logo
            {"agency_id": str(w.a.agency.pk), "digest": _logo_digest(w.b)},  # B's hash
        ],
        live=lambda w: {"agency_id": str(w.b.agency.pk), "digest": _logo_digest(w.b)},
        methods=("GET",),
    ),
    "proposal_seen": PublicCase(
        dead=lambda w: [
            {"token": near_miss(w.a.secrets["share_token"])},
            {"token": w.a.secrets["revoked_share_token"]},
        ],
        live=lambda w: {"token": w.b.secrets["share_token"]},
        methods=("POST",),
        live_status=(204,),
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
    "signup_confirm": PublicCase(
        dead=lambda w: [
            {"token": near_miss(_signup("zed@zed.example"))},
            {"token": _signup(w.a.owner.email)},  # used: the address has an account
        ],
        live=lambda w: {"token": _signup("zed@zed.example")},
        methods=("GET", "POST"),
        body={"password1": "x-Secret-123", "password2": "x-Secret-123"},
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
    _logo_digest(world.b)  # B has a logo (A has none), before the watcher starts
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
        method = "POST" if route.name in ("public_forms:submit", "proposal_seen") else "GET"
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
