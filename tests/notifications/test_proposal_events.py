"""The proposal's agent is told (in the bell and by email) when the client first opens the link,
accepts or declines; once each, never for a change that rolled back."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction

from accounts.audit import audit_context
from accounts.models import Activity, ActivityChannel
from crm.models import Notification
from crm.notifications.jobs import notify_event
from crm.proposals import services as proposal_services
from crm.proposals.lifecycle import proposal_transition

pytestmark = pytest.mark.django_db


def _notifications(user):
    return list(Notification.objects.filter(recipient=user).order_by("id"))


def test_the_agent_is_told_when_the_client_first_opens_the_link(sent, amir, visitor, run_jobs):
    with run_jobs():
        visitor.post(f"/p/{sent.share_token}/seen")
    (told,) = _notifications(amir)
    assert told.kind == "proposal.viewed"
    assert told.text == "Ada Lovelace opened the proposal “Lisbon in spring”."
    assert told.link == f"/proposals/{sent.pk}/" and told.client_id == sent.client_id
    assert told.read_at is None and told.agency_id == sent.agency_id
    (email,) = mail.outbox
    assert email.to == ["amir@alpha.example"]
    assert email.subject == "Proposal opened: “Lisbon in spring”"


def test_only_the_first_opening_is_told(sent, amir, visitor, run_jobs):
    with run_jobs():
        visitor.post(f"/p/{sent.share_token}/seen")
        visitor.post(f"/p/{sent.share_token}/seen")
    # Taken back to draft, sent again and opened again: still the one "opened".
    with run_jobs():
        proposal_transition(proposal=sent, to="draft")
        proposal_services.proposal_send(proposal=sent)
        visitor.post(f"/p/{sent.share_token}/seen")
    assert [n.kind for n in _notifications(amir)] == ["proposal.viewed"]
    assert len(mail.outbox) == 1


def test_the_agent_is_told_when_the_client_accepts(sent, amir, alice, visitor, run_jobs):
    with run_jobs():
        visitor.post(
            f"/p/{sent.share_token}",
            {"answer": "accept", "full_name": "Ada Lovelace", "confirm": "on"},
        )
    (told,) = _notifications(amir)
    assert told.kind == "proposal.accepted"
    assert told.text == "Ada Lovelace accepted the proposal “Lisbon in spring”."
    assert _notifications(alice) == []  # the owner is not the proposal's agent
    (email,) = mail.outbox
    assert email.to == ["amir@alpha.example"]
    assert email.subject == "Proposal accepted: “Lisbon in spring”"
    assert email.reply_to == ["ada@clients.example"]  # a reply goes to the client
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    link = f"https://crm.alpha.example/proposals/{sent.pk}/"
    for part in (email.body, html):
        assert link in part  # absolute: it works in a mailbox
        assert "Alpha Tours" in part and "Amir Agent" in part
        assert "2450.00 EUR" in part and "30 Apr 2027" in part
        assert "?" not in part.replace(link, "")


def test_the_agent_is_told_when_the_client_declines(sent, amir, visitor, run_jobs):
    with run_jobs():
        visitor.post(f"/p/{sent.share_token}", {"answer": "decline"})
    (told,) = _notifications(amir)
    assert told.kind == "proposal.declined"
    assert told.text == "Ada Lovelace declined the proposal “Lisbon in spring”."
    assert mail.outbox[0].subject == "Proposal declined: “Lisbon in spring”"


def test_empty_fields_are_left_out_of_the_email(agency, amir, ada, visitor, run_jobs):
    ada.email = ""
    ada.save()
    proposal = proposal_services.proposal_create(
        agency=agency, created_by=amir, client=ada.pk, title="Open dates"
    )
    proposal_services.proposal_send(proposal=proposal)
    with run_jobs():
        visitor.post(
            f"/p/{proposal.share_token}",
            {"answer": "accept", "full_name": "Ada Lovelace", "confirm": "on"},
        )
    (email,) = mail.outbox
    assert email.reply_to == []
    assert "Valid until" not in email.body and "Reply to this email" not in email.body
    assert "?" not in email.body and "None" not in email.body


def test_a_colleague_recording_the_answer_tells_the_agent_who_it_was(sent, amir, alice, run_jobs):
    with run_jobs(), audit_context(channel=ActivityChannel.DASHBOARD, actor=alice):
        proposal_transition(proposal=sent, to="accepted")
    (told,) = _notifications(amir)
    assert told.text == (
        "Ada Lovelace accepted the proposal “Lisbon in spring” (recorded by Alice Owner)."
    )


def test_the_agent_recording_the_answer_themselves_is_not_told(sent, amir, run_jobs):
    with run_jobs(), audit_context(channel=ActivityChannel.DASHBOARD, actor=amir):
        proposal_transition(proposal=sent, to="declined")
    assert _notifications(amir) == [] and mail.outbox == []


def test_without_a_creator_the_clients_agent_is_told(sent, amir, visitor, run_jobs):
    type(sent).objects.filter(pk=sent.pk).update(created_by=None)
    with run_jobs():
        visitor.post(
            f"/p/{sent.share_token}",
            {"answer": "accept", "full_name": "Ada Lovelace", "confirm": "on"},
        )
    assert [n.kind for n in _notifications(amir)] == ["proposal.accepted"]


def test_when_the_agent_left_the_owner_is_told(sent, amir, alice, visitor, run_jobs):
    amir.is_active = False
    amir.save()
    with run_jobs():
        visitor.post(
            f"/p/{sent.share_token}",
            {"answer": "accept", "full_name": "Ada Lovelace", "confirm": "on"},
        )
    assert _notifications(amir) == []
    assert [n.kind for n in _notifications(alice)] == ["proposal.accepted"]
    assert mail.outbox[0].to == ["alice@alpha.example"]


def test_a_rolled_back_answer_tells_nobody(sent, run_jobs):
    with run_jobs(), pytest.raises(RuntimeError), transaction.atomic():
        proposal_services.proposal_respond(
            proposal=sent, accept=True, full_name="Ada L", confirmed=True
        )
        raise RuntimeError("the request failed after the answer")
    assert Notification.objects.count() == 0 and mail.outbox == []


def test_the_job_run_twice_tells_once(sent, amir, visitor, run_jobs):
    with run_jobs():
        visitor.post(
            f"/p/{sent.share_token}",
            {"answer": "accept", "full_name": "Ada Lovelace", "confirm": "on"},
        )
    told = Notification.objects.get()
    activity = Activity.objects.get(event="proposal.accepted")
    assert notify_event(agency_id=sent.agency_id, activity_id=activity.pk) == 0
    assert list(Notification.objects.all()) == [told] and len(mail.outbox) == 1


def test_an_event_of_another_agency_is_not_read(sent, other_agency, visitor, run_jobs):
    with run_jobs():
        visitor.post(
            f"/p/{sent.share_token}",
            {"answer": "accept", "full_name": "Ada Lovelace", "confirm": "on"},
        )
    Notification.objects.all().delete()
    activity = Activity.objects.get(event="proposal.accepted")
    assert notify_event(agency_id=other_agency.pk, activity_id=activity.pk) == 0
    assert Notification.objects.count() == 0
