"""Versions frozen at sending, the client's link showing the latest one, and the e-signature
recorded on it: whatever the agent edits afterwards, through any route, what the client was
sent (and what they accepted) does not move."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal

import pytest
from django.core import mail as django_mail
from django.test import Client as HttpClient
from django.utils import timezone

from accounts.models import Activity
from crm.models import Acceptance, Proposal, ProposalVersion
from crm.proposals import emails, services, versions
from crm.proposals.models import FrozenRowError
from crm.proposals.terms import terms_publish
from crm.trips import plan
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db

SIGN = {"answer": "accept", "full_name": "Eleanor  Rigby", "terms": "on", "confirm": "on"}


@pytest.fixture
def trip(agency):
    client = ClientFactory(agency=agency, name="Eleanor", email="eleanor@example.com")
    itinerary = ItineraryFactory(
        client=client, title="Amalfi", start_date=dt.date(2027, 5, 1), end_date=dt.date(2027, 5, 8)
    )
    day = ItineraryDayFactory(itinerary=itinerary, day_number=1, title="Arrival")
    ItineraryItemFactory(day=day, title="Hotel Santa Caterina", kind="accommodation", position=0)
    return itinerary


@pytest.fixture
def terms(agency, alice):
    return terms_publish(agency=agency, created_by=alice, text="Deposit 20%, non-refundable.")


@pytest.fixture
def sent(trip, alice, terms):
    proposal = ProposalFactory(
        client=trip.client,
        itinerary=trip,
        title="Amalfi coast",
        total_price=Decimal("8950.00"),
        currency="GBP",
        valid_until=timezone.localdate() + dt.timedelta(days=10),
    )
    return emails.proposal_email_send(
        proposal=proposal, subject="Your trip", message="Hello Eleanor", sent_by=alice
    )


def link(proposal: Proposal) -> str:
    return f"/p/{proposal.share_token}"


def frozen(proposal: Proposal) -> list[tuple[int, dict, str]]:
    return list(
        ProposalVersion.objects.filter(proposal=proposal)
        .order_by("number")
        .values_list("number", "content", "content_sha256")
    )


def test_sending_freezes_version_1_with_the_sha256_of_its_canonical_json(sent, alice, terms):
    version = ProposalVersion.objects.get(proposal=sent)
    canonical = json.dumps(
        version.content, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode()
    assert version.number == 1 and version.sent_by == alice
    assert version.content_sha256 == hashlib.sha256(canonical).hexdigest()
    assert version.content["total_price"] == "8950.00" and version.content["currency"] == "GBP"
    assert version.content["terms"] == {"version": 1, "text": "Deposit 20%, non-refundable."}
    assert version.terms == terms
    day = version.content["itinerary"]["days"][0]
    assert day["title"] == "Arrival" and day["items"][0]["title"] == "Hotel Santa Caterina"
    assert Activity.objects.filter(event="proposal.version_frozen", object_id=sent.pk).exists()


def test_editing_after_sending_never_changes_what_the_link_shows(sent, trip, alice, as_alice):
    before = frozen(sent)
    services.proposal_update(proposal=sent, total_price=Decimal("9500.00"), title="Amalfi v2")
    item = trip.days.get().items.get()
    plan.itinerary_item_update(item=item, title="Le Sirenuse")
    plan.itinerary_day_add(itinerary=trip, title="Capri")

    page = HttpClient().get(link(sent)).content.decode()
    assert frozen(sent) == before
    assert "8,950.00" in page and "Hotel Santa Caterina" in page and "Amalfi coast" in page
    assert "9,500" not in page and "Le Sirenuse" not in page and "Capri" not in page
    detail = as_alice.get(f"/proposals/{sent.pk}/")
    assert detail.context["unsent_changes"] is True
    assert b"Draft of version 2" in detail.content


def test_sending_again_freezes_the_next_version_and_tells_the_client(
    sent, trip, alice, django_capture_on_commit_callbacks
):
    services.proposal_update(proposal=sent, total_price=Decimal("9500.00"))
    django_mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        emails.proposal_email_send(proposal=sent, subject="Updated", message="New", sent_by=alice)

    assert [number for number, _, _ in frozen(sent)] == [1, 2]
    page = HttpClient().get(link(sent)).content.decode()
    assert "9,500.00" in page and 'data-version="2"' in page
    (message,) = django_mail.outbox
    assert "An updated proposal is waiting for you (version 2)" in message.body
    assert emails.proposal_email_defaults(proposal=sent)[0].startswith("Your updated")


def test_sending_again_without_a_change_freezes_nothing(sent, alice):
    emails.proposal_email_send(proposal=sent, subject="Again", message="Again", sent_by=alice)
    assert len(frozen(sent)) == 1


def test_the_acceptance_records_every_field_and_its_hash_matches_the_frozen_content(sent):
    visitor = HttpClient(HTTP_USER_AGENT="Mozilla/5.0 (iPhone)", REMOTE_ADDR="203.0.113.9")
    response = visitor.post(link(sent), {**SIGN, "version": "1"})
    assert response.status_code == 302
    acceptance = Acceptance.objects.get(proposal=sent)
    version = ProposalVersion.objects.get(proposal=sent)
    assert acceptance.full_name == "Eleanor Rigby"  # spaces tidied
    assert acceptance.ip_address == "203.0.113.9"
    assert acceptance.user_agent == "Mozilla/5.0 (iPhone)"
    assert acceptance.version == version and acceptance.version_number == 1
    assert acceptance.terms_version == 1 and acceptance.terms == version.terms
    assert acceptance.accepted_at is not None
    assert acceptance.content_sha256 == versions.content_sha256(version.content)
    assert acceptance.content_sha256 == version.content_sha256
    sent.refresh_from_db()
    assert sent.status == "accepted"
    event = Activity.objects.get(event="proposal.accepted", object_id=sent.pk)
    assert event.data["version"] == 1 and event.data["terms_version"] == 1
    assert event.data["sha256"] == version.content_sha256


@pytest.mark.parametrize(
    ("missing", "field"),
    [("full_name", "full_name"), ("terms", "terms"), ("confirm", "confirm")],
)
def test_accepting_requires_the_name_the_terms_and_the_confirmation(sent, missing, field):
    body = {**SIGN, missing: ""}
    response = HttpClient().post(link(sent), body)
    assert response.status_code == 422
    assert field in response.context["errors"]
    sent.refresh_from_db()
    assert sent.status == "sent" and not Acceptance.objects.exists()


def test_a_version_without_terms_needs_no_terms_tick(trip, agency):
    proposal = ProposalFactory(client=trip.client, itinerary=trip)
    services.proposal_send(proposal=proposal)
    assert b'name="terms"' not in HttpClient().get(link(proposal)).content
    HttpClient().post(link(proposal), {"answer": "accept", "full_name": "Ele", "confirm": "on"})
    assert Acceptance.objects.get(proposal=proposal).terms_version is None


def test_answering_an_older_version_than_the_link_shows_is_refused(sent, alice):
    services.proposal_update(proposal=sent, total_price=Decimal("9500.00"))
    services.proposal_send(proposal=sent)
    HttpClient().post(link(sent), {**SIGN, "version": "1"})
    sent.refresh_from_db()
    assert sent.status == "sent" and not Acceptance.objects.exists()


def test_new_terms_reach_only_versions_sent_afterwards(sent, agency, alice):
    terms_publish(agency=agency, created_by=alice, text="Deposit 30%.")
    assert ProposalVersion.objects.get(proposal=sent).content["terms"]["version"] == 1
    services.proposal_send(proposal=sent)  # the live draft now carries terms v2
    latest = versions.latest_version(sent)
    assert latest is not None and latest.number == 2
    assert latest.content["terms"] == {"version": 2, "text": "Deposit 30%."}


def test_declining_takes_an_optional_reason_kept_in_the_event(sent):
    HttpClient().post(link(sent), {"answer": "decline", "reason": "Too expensive"})
    sent.refresh_from_db()
    assert sent.status == "declined"
    event = Activity.objects.get(event="proposal.declined", object_id=sent.pk)
    assert event.data["reason"] == "Too expensive" and event.data["version"] == 1


# An accepted version cannot be changed by any route -------------------------------------------


@pytest.fixture
def accepted(sent):
    HttpClient().post(link(sent), SIGN)
    sent.refresh_from_db()
    assert sent.status == "accepted"
    return sent


def test_an_accepted_version_is_immutable_in_the_model(accepted):
    version = ProposalVersion.objects.get(proposal=accepted)
    version.content = {**version.content, "total_price": "1.00"}
    with pytest.raises(FrozenRowError):
        version.save()
    acceptance = Acceptance.objects.get(proposal=accepted)
    acceptance.full_name = "Someone else"
    with pytest.raises(FrozenRowError):
        acceptance.save()


def test_no_route_changes_an_accepted_version(
    accepted, trip, as_alice, alice_token, alice, tenant_tripwire
):
    from tests.api.conftest import Api

    before = frozen(accepted)
    hash_before = Acceptance.objects.get(proposal=accepted).content_sha256
    api = Api(alice_token[1])
    # API: the proposal's terms are refused; its itinerary may change, the snapshot does not.
    assert api.patch(f"/proposals/{accepted.pk}", {"total_price": "1.00"}).status_code == 409
    put = {"client_id": trip.client_id, "title": "Amalfi", "total_price": "1.00"}
    assert api.put(f"/proposals/{accepted.pk}", put).status_code == 409
    assert api.post(f"/proposals/{accepted.pk}/send", {}).status_code == 409
    days = [{"title": "Rewritten", "items": [{"title": "Other hotel"}]}]
    patched = api.patch(f"/itineraries/{trip.pk}", {"days": days})
    assert patched.status_code == 200, patched.content
    assert api.put(
        f"/itineraries/{trip.pk}", {"client_id": trip.client_id, "title": "X", "days": days}
    ).status_code in (200, 422)
    # The builder and the dashboard.
    day = trip.days.get()
    as_alice.post(
        f"/itineraries/{trip.pk}/days/{day.pk}/items/",
        {"title": "Builder item", "kind": "activity"},
    )
    as_alice.post(
        f"/proposals/{accepted.pk}/edit/",
        {"client": trip.client_id, "title": "X", "currency": "GBP", "total_price": "1.00"},
    )
    as_alice.post(
        f"/proposals/{accepted.pk}/send/", {"action": "send", "subject": "a", "message": "b"}
    )
    # The admin.
    alice.is_staff = alice.is_superuser = True
    alice.save()
    staff = HttpClient()
    staff.force_login(alice)
    staff.post(
        f"/admin/crm/proposal/{accepted.pk}/change/",
        {
            "agency": accepted.agency_id,
            "client": trip.client_id,
            "title": "Admin",
            "currency": "GBP",
            "total_price": "1.00",
            "message": "",
        },
    )
    tenant_tripwire.violations.clear()  # the admin is the staff's, across agencies by design
    accepted.refresh_from_db()
    assert accepted.title == "Admin"  # the admin did save: only the frozen terms held
    assert trip.days.filter(items__title="Builder item").exists()  # the builder did edit
    assert accepted.total_price == Decimal("8950.00") and accepted.status == "accepted"
    assert frozen(accepted) == before
    assert Acceptance.objects.get(proposal=accepted).content_sha256 == hash_before
    page = HttpClient().get(link(accepted)).content.decode()
    assert "Hotel Santa Caterina" in page and "8,950.00" in page and "Other hotel" not in page
    assert "You accepted version 1" in page and "Accept and sign" not in page


# Every state of the link ---------------------------------------------------------------------


def test_a_draft_is_never_shown(trip):
    proposal = ProposalFactory(client=trip.client, itinerary=trip, title="Secret draft")
    assert proposal.share_token is None
    assert HttpClient().get("/p/").status_code == 404


def test_a_proposal_taken_back_to_draft_shows_the_last_version_and_refuses_answers(sent):
    services.proposal_update(proposal=sent, title="Work in progress")
    services.proposal_update(proposal=sent, status="draft")
    page = HttpClient().get(link(sent)).content.decode()
    assert "Amalfi coast" in page and "Work in progress" not in page
    assert "is revising this proposal" in page and "Accept and sign" not in page
    HttpClient().post(link(sent), SIGN)
    sent.refresh_from_db()
    assert sent.status == "draft"


def test_a_viewed_proposal_can_still_be_accepted(sent):
    visitor = HttpClient()
    visitor.post(f"{link(sent)}/seen")
    sent.refresh_from_db()
    assert sent.status == "viewed"
    assert b"Accept and sign" in visitor.get(link(sent)).content
    visitor.post(link(sent), SIGN)
    sent.refresh_from_db()
    assert sent.status == "accepted"


def test_an_accepted_link_shows_the_acceptance_and_its_certificate(accepted):
    page = HttpClient().get(link(accepted)).content.decode()
    assert "Eleanor Rigby" in page and "acceptance certificate" in page
    certificate = HttpClient().get(f"{link(accepted)}/certificate")
    body = certificate.content.decode()
    acceptance = Acceptance.objects.get(proposal=accepted)
    assert certificate.status_code == 200
    for shown in ("Eleanor Rigby", acceptance.content_sha256, "Version 1", "127.0.0.1"):
        assert shown in body


def test_the_certificate_is_a_404_before_acceptance(sent, as_alice):
    assert HttpClient().get(f"{link(sent)}/certificate").status_code == 404
    assert (
        b"no e-signature to certify" in as_alice.get(f"/proposals/{sent.pk}/certificate/").content
    )


def test_a_declined_link_is_read_only(sent):
    HttpClient().post(link(sent), {"answer": "decline"})
    page = HttpClient().get(link(sent)).content.decode()
    assert "You declined this proposal" in page and "Accept and sign" not in page
    HttpClient().post(link(sent), SIGN)
    assert not Acceptance.objects.exists()


def test_an_expired_link_shows_a_clear_page_and_refuses_acceptance(sent):
    Proposal.objects.filter(pk=sent.pk).update(valid_until=dt.date(2020, 1, 1))
    page = HttpClient().get(link(sent)).content.decode()
    assert "has expired" in page and "Accept and sign" not in page
    response = HttpClient().post(link(sent), SIGN, follow=True)
    assert b"This proposal has expired." in response.content
    sent.refresh_from_db()
    assert sent.status == "sent" and not Acceptance.objects.exists()


def test_an_expired_status_refuses_acceptance_too(sent):
    services.proposal_expire(proposal=sent)
    HttpClient().post(link(sent), SIGN)
    sent.refresh_from_db()
    assert sent.status == "expired" and not Acceptance.objects.exists()


def test_a_revoked_link_refuses_everything_and_a_reactivated_one_works_again(sent, as_alice):
    as_alice.post(f"/proposals/{sent.pk}/revoke-link/")
    assert HttpClient().get(link(sent)).status_code == 410
    assert HttpClient().post(link(sent), SIGN).status_code == 410
    assert HttpClient().post(f"{link(sent)}/seen").status_code == 404
    assert not Acceptance.objects.exists()
    assert b"Re-activate link" in as_alice.get(f"/proposals/{sent.pk}/").content

    as_alice.post(f"/proposals/{sent.pk}/reactivate-link/")
    sent.refresh_from_db()
    assert sent.link_revoked_at is None
    assert Activity.objects.filter(event="proposal.link_reactivated").count() == 1
    assert HttpClient().get(link(sent)).status_code == 200
    HttpClient().post(link(sent), SIGN)
    assert Acceptance.objects.filter(proposal=sent).exists()


def test_sending_again_reactivates_a_revoked_link(sent, alice):
    services.proposal_share_revoke(proposal=sent)
    emails.proposal_email_send(proposal=sent, subject="Again", message="Here", sent_by=alice)
    sent.refresh_from_db()
    assert sent.link_revoked_at is None
    assert HttpClient().get(link(sent)).status_code == 200


def test_views_are_counted_and_agent_previews_are_not(sent, as_alice):
    visitor = HttpClient()
    visitor.post(f"{link(sent)}/seen")
    visitor.post(f"{link(sent)}/seen")
    as_alice.post(f"{link(sent)}/seen")
    visitor.post(f"{link(sent)}/seen", HTTP_SEC_PURPOSE="prefetch")
    assert ProposalVersion.objects.get(proposal=sent).view_count == 2
    assert as_alice.get(link(sent)).context["count_view"] is False


# The dashboard -------------------------------------------------------------------------------


def test_the_versions_card_lists_each_version_and_the_diff_says_what_changed(sent, trip, as_alice):
    services.proposal_update(proposal=sent, total_price=Decimal("9500.00"))
    item = trip.days.get().items.get()
    plan.itinerary_item_update(item=item, title="Le Sirenuse")
    plan.itinerary_day_add(itinerary=trip, title="Capri")
    draft = as_alice.get(f"/proposals/{sent.pk}/versions/diff/", {"a": 1, "b": "draft"})
    assert "Price changed from 8950.00 GBP to 9500.00 GBP." in draft.context["changes"]
    services.proposal_send(proposal=sent)

    page = as_alice.get(f"/proposals/{sent.pk}/")
    assert [v.number for v in page.context["versions"]] == [1, 2]
    assert b"Version 2" in page.content and b"(on the link)" in page.content
    diff = as_alice.get(f"/proposals/{sent.pk}/versions/diff/", {"a": 1, "b": 2})
    changes = diff.context["changes"]
    assert "Price changed from 8950.00 GBP to 9500.00 GBP." in changes
    assert "Day 1 (Arrival): hotel Santa Caterina" not in changes
    assert any("title changed from Hotel Santa Caterina to Le Sirenuse" in c for c in changes)
    assert "Day 2 (Capri) added." in changes
    one = as_alice.get(f"/proposals/{sent.pk}/versions/1/")
    assert b"Hotel Santa Caterina" in one.content and b"8,950.00" in one.content
    assert as_alice.get(f"/proposals/{sent.pk}/versions/3/").status_code == 404


def test_the_proposal_page_shows_the_acceptance_and_the_certificate(accepted, as_alice):
    page = as_alice.get(f"/proposals/{accepted.pk}/")
    assert b"Accepted and signed" in page.content and b"Eleanor Rigby" in page.content
    certificate = as_alice.get(f"/proposals/{accepted.pk}/certificate/")
    assert certificate.status_code == 200
    assert Acceptance.objects.get().content_sha256.encode() in certificate.content


def test_another_agencys_versions_are_a_404(sent, client, bob):
    client.force_login(bob)
    for url in (
        f"/proposals/{sent.pk}/versions/1/",
        f"/proposals/{sent.pk}/versions/diff/?a=1&b=draft",
        f"/proposals/{sent.pk}/certificate/",
    ):
        assert client.get(url).status_code == 404
    assert client.post(f"/proposals/{sent.pk}/reactivate-link/").status_code == 404


# Terms and conditions ------------------------------------------------------------------------


def test_owners_publish_terms_versions_and_agents_cannot(as_alice, agency, amir):
    response = as_alice.post("/settings/terms/", {"text": "Version one"})
    assert response.status_code == 302
    as_alice.post("/settings/terms/", {"text": "Version two"})
    again = as_alice.post("/settings/terms/", {"text": "Version two"})
    assert "already version 2" in str(again.context["form"].errors)
    assert list(agency_terms(agency)) == [(2, "Version two"), (1, "Version one")]
    assert Activity.objects.filter(event="terms.published").count() == 2
    agent = HttpClient()
    agent.force_login(amir)
    assert agent.get("/settings/terms/").status_code == 403
    assert agent.post("/settings/terms/", {"text": "Agent's"}).status_code == 403


def agency_terms(agency):
    from crm.models import TermsVersion

    return TermsVersion.objects.for_agency(agency).values_list("number", "text")
