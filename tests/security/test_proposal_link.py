"""Issue #12 item 16: a proposal is "viewed" only when a browser renders its page for the
client. Link-preview bots (HEAD, GET without running scripts), prefetch/prerender requests
and the agency's own previews never count; the page's same-origin script posts a beacon to
``/p/<token>/seen``, which marks it viewed through the proposal lifecycle."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client as HttpClient
from django.utils import timezone

from accounts.models import Activity
from crm.proposals.services import proposal_send, proposal_share_revoke
from tests.factories import ClientFactory, ProposalFactory, UserFactory


@pytest.fixture
def sent(agency):
    proposal = ProposalFactory(
        client=ClientFactory(agency=agency, name="Ada"),
        title="Lisbon offer",
        valid_until=timezone.localdate() + dt.timedelta(days=10),
    )
    return proposal_send(proposal=proposal)


def status_of(proposal) -> str:
    proposal.refresh_from_db()
    return proposal.status


def viewed_events(agency) -> int:
    return Activity.objects.filter(agency=agency, event="proposal.viewed").count()


def test_a_head_request_does_not_mark_the_proposal_viewed(sent, agency):
    assert HttpClient().head(f"/p/{sent.share_token}").status_code == 200
    assert status_of(sent) == "sent"
    assert viewed_events(agency) == 0


def test_a_get_alone_does_not_mark_it_viewed(sent, agency):
    page = HttpClient().get(f"/p/{sent.share_token}", HTTP_USER_AGENT="Slackbot-LinkExpanding")
    assert page.status_code == 200
    assert status_of(sent) == "sent"


def test_the_page_a_browser_renders_posts_the_beacon_from_a_same_origin_script(sent):
    body = HttpClient().get(f"/p/{sent.share_token}").content.decode()
    assert f'data-seen-url="/p/{sent.share_token}/seen"' in body
    assert 'src="/static/js/proposal-seen.js"' in body
    assert "<script>" not in body  # no inline script: the CSP allows 'self' only


def test_the_beacon_marks_a_sent_proposal_viewed_once(sent, agency):
    visitor = HttpClient()
    assert visitor.post(f"/p/{sent.share_token}/seen").status_code == 204
    assert status_of(sent) == "viewed"
    sent.refresh_from_db()
    assert sent.viewed_at is not None
    assert visitor.post(f"/p/{sent.share_token}/seen").status_code == 204
    assert viewed_events(agency) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_PURPOSE": "prefetch"},
        {"HTTP_X_PURPOSE": "preview"},
        {"HTTP_X_MOZ": "prefetch"},
    ],
)
def test_a_prefetch_or_prerender_never_counts(sent, headers):
    assert HttpClient().post(f"/p/{sent.share_token}/seen", **headers).status_code == 204
    assert status_of(sent) == "sent"


def test_an_agent_of_the_agency_previewing_never_counts(sent, alice, amir):
    for member in (alice, amir):
        client = HttpClient()
        client.force_login(member)
        page = client.get(f"/p/{sent.share_token}").content.decode()
        assert "data-seen-url" not in page
        assert client.post(f"/p/{sent.share_token}/seen").status_code == 204
    assert status_of(sent) == "sent"


def test_a_signed_in_user_of_another_agency_counts_like_the_client(sent, other_agency):
    outsider = HttpClient()
    outsider.force_login(UserFactory(agency=other_agency))
    outsider.post(f"/p/{sent.share_token}/seen")
    assert status_of(sent) == "viewed"


def test_only_a_post_is_a_beacon(sent):
    visitor = HttpClient()
    assert visitor.get(f"/p/{sent.share_token}/seen").status_code == 405
    assert visitor.head(f"/p/{sent.share_token}/seen").status_code == 405
    assert status_of(sent) == "sent"


@pytest.mark.parametrize("start", ["draft", "accepted", "declined", "expired"])
def test_the_beacon_changes_nothing_but_a_sent_proposal(agency, start):
    proposal = ProposalFactory(
        client=ClientFactory(agency=agency), status=start, share_token="t" * 32
    )
    assert HttpClient().post(f"/p/{proposal.share_token}/seen").status_code == 204
    assert status_of(proposal) == start


def test_a_revoked_or_guessed_link_is_a_404(sent):
    token = sent.share_token
    guessed = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert HttpClient().post(f"/p/{guessed}/seen").status_code == 404
    proposal_share_revoke(proposal=sent)
    assert HttpClient().post(f"/p/{token}/seen").status_code == 404
