"""The bell: each member sees the unread count of their own notifications, a list, and marks
them read; a colleague's or another agency's notification is a 404 and stays unread."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from crm.models import Notification

pytestmark = pytest.mark.django_db


def _tell(user, n=1, **fields):
    made = []
    for i in range(n):
        made.append(
            Notification.objects.create(
                agency_id=user.agency_id,
                recipient=user,
                kind="proposal.accepted",
                occasion=f"test:{user.pk}:{Notification.objects.count()}:{i}",
                text=fields.get("text", f"Ada Lovelace accepted proposal {i}."),
                link=fields.get("link", "/proposals/"),
                object_type="proposal",
                object_id=i,
            )
        )
    return made


def _bell(body: str) -> str:
    match = re.search(r'<a class="nav__link[^"]*" href="/notifications/"[^>]*>.*?</a>', body, re.S)
    assert match, "the bell is in the navigation"
    return match.group(0)


def test_the_bell_shows_the_members_unread_count(as_amir, amir, alice):
    _tell(amir, 3)
    _tell(alice, 5)  # a colleague's are not counted
    read = _tell(amir)[0]
    read.read_at = read.created_at
    read.save()
    bell = _bell(as_amir.get("/").content.decode())
    assert 'aria-label="Notifications, 3 unread"' in bell
    assert ">3</span>" in bell


def test_the_bell_shows_no_count_when_all_is_read(as_amir):
    bell = _bell(as_amir.get("/").content.decode())
    assert 'aria-label="Notifications"' in bell and "badge" not in bell


def test_the_bell_costs_one_query(as_amir, amir):
    _tell(amir, 2)
    with CaptureQueriesContext(connection) as queries:
        as_amir.get("/clients/")
    counts = [q["sql"] for q in queries if "crm_notification" in q["sql"]]
    assert len(counts) == 1 and "COUNT(" in counts[0].upper()


def test_the_list_shows_the_members_notifications_newest_first(as_amir, amir, alice):
    _tell(amir, text="Older news.")
    _tell(amir, text="Newer news.")
    _tell(alice, text="Alice's own news.")
    body = as_amir.get("/notifications/").content.decode()
    assert body.index("Newer news.") < body.index("Older news.")
    assert "Alice's own news." not in body
    assert "2 unread" in body and "Mark all as read" in body


def test_the_list_has_an_empty_state(as_amir):
    body = as_amir.get("/notifications/").content.decode()
    assert "No notifications yet" in body and "Mark all as read" not in body


def test_the_list_is_paginated(as_amir, amir):
    _tell(amir, 30)
    first = as_amir.get("/notifications/").content.decode()
    second = as_amir.get("/notifications/?page=2").content.decode()
    assert first.count('class="list__item') == 25 and second.count('class="list__item') == 5


def test_opening_a_notification_marks_it_read_and_goes_to_its_link(as_amir, amir):
    (n,) = _tell(amir, link="/proposals/12/")
    response = as_amir.get(f"/notifications/{n.pk}/")
    n.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == "/proposals/12/"
    assert n.read_at is not None


def test_a_link_that_is_not_a_dashboard_path_goes_to_the_list(as_amir, amir):
    (n,) = _tell(amir, link="//evil.example/phish")
    response = as_amir.get(f"/notifications/{n.pk}/")
    assert response["Location"] == "/notifications/"


def test_mark_one_as_read(as_amir, amir):
    n, other = _tell(amir, 2)
    assert as_amir.get(f"/notifications/{n.pk}/read/").status_code == 405  # POST only
    response = as_amir.post(f"/notifications/{n.pk}/read/")
    n.refresh_from_db()
    other.refresh_from_db()
    assert response.status_code == 302 and n.read_at is not None and other.read_at is None


def test_mark_all_as_read_marks_only_the_members_own(as_amir, amir, alice):
    mine = _tell(amir, 3)
    (hers,) = _tell(alice)
    as_amir.post("/notifications/read-all/")
    assert all(Notification.objects.get(pk=n.pk).read_at for n in mine)
    hers.refresh_from_db()
    assert hers.read_at is None


@pytest.mark.parametrize("path", ["/notifications/{id}/", "/notifications/{id}/read/"])
def test_a_colleagues_notification_is_a_404_and_stays_unread(as_amir, alice, path):
    (hers,) = _tell(alice, text="Alice's private news.")
    for method in (as_amir.get, as_amir.post):
        response = method(path.format(id=hers.pk))
        assert response.status_code in (404, 405)
        assert "Alice's private news." not in response.content.decode()
    hers.refresh_from_db()
    assert hers.read_at is None


def test_another_agencys_notification_is_a_404_like_a_missing_one(client, bob, amir):
    (his,) = _tell(amir)
    client.force_login(bob)
    theirs = client.get(f"/notifications/{his.pk}/")
    missing = client.get("/notifications/987654321/")
    assert theirs.status_code == missing.status_code == 404
    client.post(f"/notifications/{his.pk}/read/")
    client.post("/notifications/read-all/")
    his.refresh_from_db()
    assert his.read_at is None
