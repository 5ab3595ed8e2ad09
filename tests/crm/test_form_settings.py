"""Settings → Website forms: members look, owners and admins change, other agencies see 404."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import pytest

from crm.models import EnquiryForm
from tests.factories import EnquiryFactory, EnquiryFormFactory

LIST = "/settings/forms/"
NEW = "/settings/forms/new/"


@pytest.fixture
def web_form(agency, amir):
    form = EnquiryFormFactory(
        agency=agency, name="Contact page", allowed_origins=["https://www.alpha.example"]
    )
    form.notify_users.set([amir])
    return form


@pytest.fixture
def theirs(other_agency):
    return EnquiryFormFactory(agency=other_agency, name="Beta secret form")


def detail(form):
    return f"/settings/forms/{form.pk}/"


def form_data(**overrides):
    data = {
        "name": "Homepage",
        "allowed_origins": "https://www.alpha.example\nhttps://Alpha.example/",
        "redirect_url": "https://www.alpha.example/thanks",
        "is_active": "on",
    }
    data.update(overrides)
    return data


def test_the_pages_need_a_signed_in_member(client, web_form):
    for path in (LIST, NEW, detail(web_form), f"{detail(web_form)}edit/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_the_list_shows_the_agencys_forms_only(client, alice, web_form, theirs):
    EnquiryFactory(form=web_form)
    client.force_login(alice)

    page = client.get(LIST).content.decode()

    assert "Contact page" in page
    assert web_form.public_key in page
    assert "Beta secret form" not in page
    assert theirs.public_key not in page


def test_an_agent_can_look_but_not_change(client, amir, web_form):
    client.force_login(amir)

    assert client.get(LIST).status_code == 200
    page = client.get(detail(web_form))
    assert page.status_code == 200
    assert "Regenerate key" not in page.content.decode()
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, form_data()).status_code == 403
    assert client.post(f"{detail(web_form)}edit/", form_data(name="Hijack")).status_code == 403
    assert client.post(f"{detail(web_form)}regenerate-key/").status_code == 403
    web_form.refresh_from_db()
    assert web_form.name == "Contact page"
    assert EnquiryForm.objects.count() == 1


def test_an_owner_creates_a_form(client, alice, amir):
    client.force_login(alice)

    response = client.post(NEW, form_data(notify_users=[amir.pk]))

    created = EnquiryForm.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail(created)
    assert created.agency == alice.agency
    assert created.name == "Homepage"
    assert created.allowed_origins == ["https://www.alpha.example", "https://alpha.example"]
    assert created.redirect_url == "https://www.alpha.example/thanks"
    assert list(created.notify_users.all()) == [amir]
    assert created.is_active is True


def test_a_bad_origin_is_shown_beside_its_field_and_nothing_is_created(client, alice):
    client.force_login(alice)

    response = client.post(NEW, form_data(allowed_origins="www.alpha.example/contact"))

    assert response.status_code == 200
    assert "allowed_origins" in response.context["form"].errors
    assert EnquiryForm.objects.count() == 0


def test_only_members_of_the_agency_can_be_notified(client, alice, bob):
    client.force_login(alice)

    response = client.post(NEW, form_data(notify_users=[bob.pk]))

    assert response.status_code == 200
    assert "notify_users" in response.context["form"].errors
    assert EnquiryForm.objects.count() == 0
    assert "bob@beta.example" not in client.get(NEW).content.decode()


def test_an_owner_edits_and_switches_a_form_off(client, alice, web_form):
    client.force_login(alice)

    response = client.post(
        f"{detail(web_form)}edit/",
        {"name": "Old contact page", "allowed_origins": "https://www.alpha.example"},
    )

    assert response.status_code == 302
    web_form.refresh_from_db()
    assert web_form.name == "Old contact page"
    assert web_form.is_active is False
    assert list(web_form.notify_users.all()) == []


def test_the_edit_page_shows_the_current_settings(client, alice, web_form, amir):
    client.force_login(alice)

    form = client.get(f"{detail(web_form)}edit/").context["form"]

    assert form["name"].value() == "Contact page"
    assert form["allowed_origins"].value() == "https://www.alpha.example"
    assert [user.pk for user in form.initial["notify_users"]] == [amir.pk]


def test_regenerating_the_key_retires_the_old_address(client, alice, web_form):
    old = web_form.public_key
    client.force_login(alice)

    response = client.post(f"{detail(web_form)}regenerate-key/")

    assert response.status_code == 302
    web_form.refresh_from_db()
    assert web_form.public_key != old
    lead = {"email": "x@example.com"}
    assert client.post(f"/forms/{old}", lead).status_code == 404
    assert client.post(f"/forms/{web_form.public_key}", lead).status_code == 303


def test_regenerating_needs_a_post(client, alice, web_form):
    client.force_login(alice)

    assert client.get(f"{detail(web_form)}regenerate-key/").status_code == 405


def test_another_agencys_form_is_a_404_everywhere(client, alice, theirs):
    client.force_login(alice)

    assert client.get(detail(theirs)).status_code == 404
    assert client.get(f"{detail(theirs)}edit/").status_code == 404
    assert client.post(f"{detail(theirs)}edit/", form_data()).status_code == 404
    assert client.post(f"{detail(theirs)}regenerate-key/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.name == "Beta secret form"
    assert client.get("/settings/forms/999999/").status_code == 404


def test_the_page_shows_both_snippets_with_the_forms_address(client, amir, web_form):
    client.force_login(amir)

    response = client.get(detail(web_form))

    endpoint = f"http://testserver/forms/{web_form.public_key}"
    plain, fetch = response.context["snippet_plain"], response.context["snippet_fetch"]
    assert f'<form action="{endpoint}" method="post">' in plain
    assert 'name="website" tabindex="-1" autocomplete="off"' in plain
    assert "<script" not in plain
    assert "fetch(form.action" in fetch
    assert "Idempotency-Key" in fetch
    assert 'name="website"' in fetch
    page = response.content.decode()
    assert "&lt;form action=" in page  # shown as text to copy, not rendered
    assert web_form.public_key in page


class FieldNames(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self.action = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.action = attrs["action"]
        if tag in ("input", "textarea", "select") and attrs.get("name"):
            self.names.append(attrs["name"])


def test_the_plain_snippet_is_a_working_form(client, amir, web_form):
    """Post what a browser would send from the snippet, JavaScript off: a lead is stored."""
    client.force_login(amir)
    snippet = client.get(detail(web_form)).context["snippet_plain"]
    parser = FieldNames()
    parser.feed(snippet)
    values = {"name": "Snippet Sam", "email": "sam@example.com", "travellers": "2"}
    body = {name: values.get(name, "") for name in parser.names}
    client.logout()

    response = client.post(
        urlsplit(parser.action).path,
        data=urlencode(body),
        content_type="application/x-www-form-urlencoded",
        headers={"Origin": "https://www.alpha.example"},
    )

    assert response.status_code == 303
    assert web_form.enquiries.get().client.name == "Snippet Sam"
    assert set(parser.names) >= {"name", "email", "phone", "message", "start_date", "website"}


def test_the_page_lists_the_forms_recent_enquiries(client, amir, web_form, agency):
    mine = EnquiryFactory(form=web_form, name="Recent Rita", destination="Peru")
    other_form = EnquiryFormFactory(agency=agency)
    EnquiryFactory(form=other_form, name="Other Form Otto")
    client.force_login(amir)

    page = client.get(detail(web_form)).content.decode()

    assert "Recent Rita" in page
    assert "Peru" in page
    assert "Other Form Otto" not in page
    assert mine.email in page


def test_a_form_without_origins_warns_that_browsers_are_refused(client, alice, agency):
    form = EnquiryFormFactory(agency=agency, allowed_origins=[])
    client.force_login(alice)

    assert "No allowed websites yet" in client.get(detail(form)).content.decode()
