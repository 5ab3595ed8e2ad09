"""#12 item 5: only the owner grants, revokes or deactivates admins; invitations die with their
inviter's right to send them; changes of role and access and invitations are in the history."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client as HttpClient

from accounts.models import Activity, Invitation, Role, User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def adele(agency):
    return UserFactory(
        username="adele", email="adele@alpha.example", agency=agency, role=Role.ADMIN, name="Adele"
    )


@pytest.fixture
def adam(agency):
    return UserFactory(
        username="adam", email="adam@alpha.example", agency=agency, role=Role.ADMIN, name="Adam"
    )


def signed_in(user: User) -> HttpClient:
    browser = HttpClient()
    browser.force_login(user)
    return browser


def accept(invitation: Invitation, username: str = "nina"):
    return HttpClient().post(
        f"/accounts/invite/{invitation.token}/",
        {"name": "Nina", "username": username, "password1": PASSWORD, "password2": PASSWORD},
    )


def test_an_admin_cannot_invite_an_admin(adele):
    response = signed_in(adele).post(
        "/settings/team/invite/", {"email": "new@example.com", "role": "admin"}
    )
    assert response.status_code == 200
    assert "role" in response.context["invite_form"].errors
    assert not Invitation.objects.exists() and mail.outbox == []


def test_an_admin_is_not_offered_the_admin_role_but_the_owner_is(adele, alice):
    assert 'value="admin"' not in _invite_form(signed_in(adele))
    assert 'value="admin"' in _invite_form(signed_in(alice))


def _invite_form(browser: HttpClient) -> str:
    page = browser.get("/settings/team/").content.decode()
    return page[page.index('id="invite"') :]


def test_the_owner_invites_an_admin(alice):
    response = signed_in(alice).post(
        "/settings/team/invite/", {"email": "new@example.com", "role": "admin"}
    )
    assert response.status_code == 302
    assert Invitation.objects.get().role == Role.ADMIN


def test_an_admin_cannot_deactivate_or_demote_another_admin(adele, adam):
    browser = signed_in(adele)
    browser.post(f"/settings/team/members/{adam.pk}/", {"is_active": "0"})
    browser.post(f"/settings/team/members/{adam.pk}/", {"role": "agent"})
    adam.refresh_from_db()
    assert adam.is_active is True and adam.role == Role.ADMIN
    assert not Activity.objects.filter(event__startswith="member.").exists()


def test_an_admin_manages_agents_only(adele, amir):
    browser = signed_in(adele)
    browser.post(f"/settings/team/members/{amir.pk}/", {"is_active": "0"})
    amir.refresh_from_db()
    assert amir.is_active is False
    browser.post(f"/settings/team/members/{amir.pk}/", {"role": "admin"})
    amir.refresh_from_db()
    assert amir.role == Role.AGENT


def test_the_owner_deactivates_an_admin(alice, adam):
    signed_in(alice).post(f"/settings/team/members/{adam.pk}/", {"is_active": "0"})
    adam.refresh_from_db()
    assert adam.is_active is False


def test_an_invitation_stops_working_when_its_inviter_is_deactivated(alice, adele):
    signed_in(adele).post("/settings/team/invite/", {"email": "nina@example.com"})
    invitation = Invitation.objects.get()
    signed_in(alice).post(f"/settings/team/members/{adele.pk}/", {"is_active": "0"})
    assert HttpClient().get(f"/accounts/invite/{invitation.token}/").status_code == 404
    assert accept(invitation).status_code == 404
    assert not User.objects.filter(email="nina@example.com").exists()


def test_an_invitation_stops_working_when_its_inviter_can_no_longer_invite(alice, adele):
    signed_in(adele).post("/settings/team/invite/", {"email": "nina@example.com"})
    invitation = Invitation.objects.get()
    signed_in(alice).post(f"/settings/team/members/{adele.pk}/", {"role": "agent"})
    assert accept(invitation).status_code == 404
    assert not User.objects.filter(email="nina@example.com").exists()


def test_an_invitation_of_a_live_inviter_still_works(adele):
    signed_in(adele).post("/settings/team/invite/", {"email": "nina@example.com"})
    assert accept(Invitation.objects.get()).status_code == 302
    assert User.objects.get(email="nina@example.com").role == Role.AGENT


# The history ---------------------------------------------------------------------------------


def _events(prefix: str):
    return list(
        Activity.objects.filter(event__startswith=prefix)
        .order_by("id")
        .values_list("event", "actor_name", "object_id", "data")
    )


def test_role_changes_and_access_changes_are_recorded_with_their_actor(alice, amir, agency):
    browser = signed_in(alice)
    browser.post(f"/settings/team/members/{amir.pk}/", {"role": "admin"})
    browser.post(f"/settings/team/members/{amir.pk}/", {"is_active": "0"})
    browser.post(f"/settings/team/members/{amir.pk}/", {"is_active": "1"})
    assert _events("member.") == [
        ("member.role_changed", "Alice Owner", amir.pk, {"from": "agent", "to": "admin"}),
        ("member.deactivated", "Alice Owner", amir.pk, {}),
        ("member.reactivated", "Alice Owner", amir.pk, {}),
    ]
    assert set(
        Activity.objects.filter(event__startswith="member.").values_list("agency_id", flat=True)
    ) == {agency.pk}


def test_invitations_created_revoked_and_accepted_are_recorded(alice):
    browser = signed_in(alice)
    browser.post("/settings/team/invite/", {"email": "gone@example.com"})
    gone = Invitation.objects.get()
    browser.post(f"/settings/team/invitations/{gone.pk}/revoke/")
    browser.post("/settings/team/invite/", {"email": "nina@example.com", "role": "admin"})
    accept(Invitation.objects.get())
    nina = User.objects.get(email="nina@example.com")
    events = _events("invitation.")
    assert [(e[0], e[1]) for e in events] == [
        ("invitation.created", "Alice Owner"),
        ("invitation.revoked", "Alice Owner"),
        ("invitation.created", "Alice Owner"),
        ("invitation.accepted", "Nina"),
    ]
    assert events[0][3] == {"email": "gone@example.com", "role": "agent"}
    assert events[3][3] == {"email": "nina@example.com", "role": "admin", "user_id": nina.pk}
    for row in Activity.objects.filter(event__startswith="invitation."):
        assert gone.token not in str(row.data) and gone.token not in row.object_repr


def test_the_team_page_shows_the_team_history_to_those_who_manage_it(alice, amir):
    browser = signed_in(alice)
    browser.post(f"/settings/team/members/{amir.pk}/", {"role": "admin"})
    browser.post("/settings/team/invite/", {"email": "nina@example.com"})
    page = browser.get("/settings/team/").content.decode()
    assert "Alice Owner changed the role of Amir Agent from agent to admin" in page
    assert "Alice Owner invited nina@example.com as agent" in page
    amir.refresh_from_db()
    assert "Team history" in signed_in(amir).get("/settings/team/").content.decode()
    User.objects.filter(pk=amir.pk).update(role=Role.AGENT)
    assert "Team history" not in signed_in(amir).get("/settings/team/").content.decode()
