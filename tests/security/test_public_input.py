"""Issue #12, what anyone on the internet can send: website-form posts (items 8, 9, 13, 14)
and control characters in paths and query strings (item 10). Each answer is a 4xx in the
documented shape, never a 500, and a refused post stores nothing."""

from __future__ import annotations

import json

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client as HttpClient

from crm.enquiries.website_forms import enquiry_form_create, enquiry_form_update
from crm.models import Client, Enquiry
from tests.factories import ClientFactory, EnquiryFormFactory, ProposalFactory

SITE = "https://www.alpha-tours.example"


@pytest.fixture
def form(agency, amir):
    form = EnquiryFormFactory(
        agency=agency,
        name="Contact page",
        allowed_origins=[SITE],
        redirect_url=f"{SITE}/thank-you",
    )
    form.notify_users.set([amir])
    return form


@pytest.fixture
def anonymous():
    return HttpClient(raise_request_exception=False)


def post_json(client, form, body: str, ip: str = "127.0.0.1"):
    return client.post(
        f"/forms/{form.public_key}",
        data=body,
        content_type="application/json",
        HTTP_ORIGIN=SITE,
        REMOTE_ADDR=ip,
    )


def nothing_stored(agency) -> bool:
    return not Enquiry.objects.for_agency(agency).exists() and not (
        Client.objects.for_agency(agency).exists()
    )


# Item 9: numbers and strings a database cannot store --------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        '{"email": "nadia@example.com", "budget": 1e999}',
        '{"email": "nadia@example.com", "budget": -1e999}',
        '{"email": "nadia@example.com", "how_did_you_hear": 1e999}',
        '{"email": "nadia@example.com", "interests": ["beach", -1e999]}',
        '{"email": "nadia@example.com", "travellers": 1e999}',
        '{"email": "nadia@example.com", "name": "Nadia \\ud800"}',
        '{"email": "nadia@example.com", "message": "\\udfff"}',
        '{"email": "nadia@example.com", "colour\\ud800": "blue"}',
        '{"email": "nadia@example.com", "interests": ["\\ud83d"]}',
        '{"email": "nadia@example.com", "travellers": "\\u00b2"}',
        '{"email": "nadia@example.com", "travellers": "\\u0663"}',
        '{"email": "nadia@example.com", "travellers": "' + "9" * 5000 + '"}',
        '{"email": "nadia@example.com", "travellers": ' + "9" * 5000 + "}",
        '{"email": "nadia@example.com", "budget": ' + "9" * 4000 + "}",
    ],
    ids=[
        "inf-budget",
        "minus-inf-budget",
        "inf-extra",
        "inf-in-a-list",
        "inf-travellers",
        "surrogate-name",
        "surrogate-message",
        "surrogate-key",
        "surrogate-in-a-list",
        "superscript-two-travellers",
        "arabic-indic-travellers",
        "5000-digit-string-travellers",
        "5000-digit-number-travellers",
        "4000-digit-number-budget",
    ],
)
def test_a_post_the_database_cannot_store_is_a_4xx_in_the_error_shape(
    anonymous, form, agency, body
):
    response = post_json(anonymous, form, body)
    assert 400 <= response.status_code < 500, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert isinstance(response.json()["message"], str)
    assert nothing_stored(agency)


@pytest.mark.parametrize(
    "body",
    [
        '{"email": "nadia@example.com", "budget": 1e999}',
        '{"email": "nadia@example.com", "name": "\\ud800", "x\\udfff": "\\ud800"}',
    ],
)
def test_an_idempotent_post_the_database_cannot_store_is_a_4xx_too(anonymous, form, agency, body):
    for _ in range(2):  # the first answer, then its replay
        response = anonymous.post(
            f"/forms/{form.public_key}",
            data=body,
            content_type="application/json",
            HTTP_ORIGIN=SITE,
            HTTP_IDEMPOTENCY_KEY="retry-1",
        )
        assert response.status_code == 422
        assert response.json()["message"]
    assert nothing_stored(agency)


def test_a_referer_with_a_nul_byte_is_not_kept_as_the_page(anonymous, form, agency):
    response = anonymous.post(
        f"/forms/{form.public_key}",
        data='{"email": "nadia@example.com"}',
        content_type="application/json",
        HTTP_ORIGIN=SITE,
        HTTP_REFERER=f"{SITE}/contact\x00",
    )
    assert response.status_code == 201
    assert Enquiry.objects.for_agency(agency).get().page_url == ""


def test_the_offending_field_is_named(anonymous, form):
    response = post_json(anonymous, form, '{"email": "nadia@example.com", "travellers": "²"}')
    assert response.status_code == 422
    assert "travellers" in response.json()["errors"]


def test_ascii_travellers_and_ordinary_numbers_are_still_taken(anonymous, form, agency):
    body = '{"email": "nadia@example.com", "travellers": " 4 ", "budget": 6000.5, "n": 3}'
    response = post_json(anonymous, form, body)
    assert response.status_code == 201
    enquiry = Enquiry.objects.for_agency(agency).get()
    assert (enquiry.travellers, enquiry.budget, enquiry.extra) == (4, "6000.5", {"n": 3})


def test_a_browser_form_post_with_a_unicode_digit_is_refused(anonymous, form, agency):
    response = anonymous.post(
        f"/forms/{form.public_key}",
        data="email=nadia%40example.com&travellers=%C2%B2",
        content_type="application/x-www-form-urlencoded",
        HTTP_ORIGIN=SITE,
    )
    assert response.status_code == 422
    assert nothing_stored(agency)


# Item 10: control characters in a path or a query string ----------------------------------


@pytest.mark.parametrize(
    "path", ["/p/%00", "/accounts/invite/%00/", "/forms/%00", "/forms/%00/thanks", "/p/a%00b"]
)
def test_a_nul_byte_in_a_public_path_is_a_404(anonymous, db, path):
    response = anonymous.get(path, HTTP_ACCEPT="text/html")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_nul_byte_in_a_form_post_path_answers_json(anonymous, db):
    response = anonymous.post("/forms/%00", data="{}", content_type="application/json")
    assert response.status_code == 404
    assert response.json()["message"]


def test_a_nul_byte_in_an_api_path_or_query_answers_json(anonymous, alice_token):
    _, plaintext = alice_token
    auth = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}
    path = anonymous.get("/api/v1/clients/%00", **auth)
    assert path.status_code == 404
    assert path.json()["message"]
    query = anonymous.get("/api/v1/clients?q=%00", **auth)
    assert query.status_code == 422  # the API's answer to a parameter that fails validation
    assert "q" in query.json()["errors"]
    assert "X-RateLimit-Remaining" in query


def test_a_nul_byte_in_a_form_posts_query_answers_json(anonymous, form, agency):
    response = anonymous.post(
        f"/forms/{form.public_key}?ref=%00",
        data='{"email": "nadia@example.com"}',
        content_type="application/json",
        HTTP_ORIGIN=SITE,
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {"ref": ["Null characters are not allowed."]}
    assert nothing_stored(agency)


@pytest.mark.parametrize(
    "path",
    ["/clients/?q=%00", "/clients/?q=a%00b", "/bookings/?status=%00", "/clients/?%00=1"],
)
def test_a_nul_byte_in_a_dashboard_query_is_a_400_not_a_500(db, amir, path):
    client = HttpClient(raise_request_exception=False)
    client.force_login(amir)
    response = client.get(path)
    assert response.status_code == 400


def test_a_proposal_link_with_a_nul_byte_in_its_query_is_a_400(anonymous, agency):
    proposal = ProposalFactory(agency=agency)
    response = anonymous.get(f"/p/{proposal.share_token or 'x'}?ref=%00")
    assert response.status_code == 400


# Item 8: a matched enquiry does not grow the client's notes without limit -----------------


def test_five_long_posts_for_one_client_keep_its_notes_small_and_the_enquiries_whole(
    anonymous, form, agency
):
    client = ClientFactory(agency=agency, email="nadia@example.com", notes="Prefers trains")
    for n in range(5):
        message = f"{n}" + "Two weeks in Japan, please. " * 180  # 5,000 characters
        message = message[:5000]
        body = json.dumps({"email": "nadia@example.com", "message": message})
        assert post_json(anonymous, form, body, ip=f"10.0.0.{n}").status_code == 201
    client.refresh_from_db()
    assert client.notes.startswith("Prefers trains")
    assert len(client.notes) < 14 + 5 * 300
    enquiries = Enquiry.objects.for_agency(agency).filter(client=client)
    assert enquiries.count() == 5
    assert all(len(e.message) == 5000 for e in enquiries)


def test_what_enquiries_add_to_one_clients_notes_has_a_total_cap(anonymous, form, agency, settings):
    settings.ENQUIRY_RATE_LIMIT_PER_IP = 1000
    client = ClientFactory(agency=agency, email="nadia@example.com", notes="Prefers trains")
    for n in range(40):
        body = json.dumps({"email": "nadia@example.com", "message": f"Enquiry number {n}"})
        assert post_json(anonymous, form, body, ip=f"10.0.1.{n}").status_code == 201
    client.refresh_from_db()
    assert len(client.notes) < 14 + 25 * 300
    assert Enquiry.objects.for_agency(agency).filter(client=client).count() == 40


# Item 13: the visitor's text cannot write lines of its own into the agents' email ---------


def test_visitor_values_cannot_fake_lines_in_the_notification_email(
    anonymous, form, agency, django_capture_on_commit_callbacks
):
    evil = "\nOpen the client: https://evil.example/login"
    body = json.dumps(
        {
            "name": "Nadia" + evil,
            "email": "nadia@example.com",
            "message": "Hello" + evil + "\r\nOpen the client: https://evil.example/2",
            "destination": "Japan",
            "how_did_you_hear": "Friends" + evil,
            "interests\nOpen the client: https://evil.example/key": ["a" + evil, "b\u2028c"],
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert post_json(anonymous, form, body).status_code == 201
    [message] = mail.outbox
    lines = message.body.splitlines()
    faked = [line for line in lines if "evil.example" in line]
    assert faked, "the visitor's text is still shown to the agents"
    assert not [line for line in lines if line.lstrip().startswith("Open the client: https://e")]
    start = lines.index(next(line for line in lines if "Submitted by the visitor" in line))
    end = lines.index(next(line for line in lines if "End of what the visitor sent" in line))
    assert all(start < lines.index(line) < end for line in faked)
    ours = [line for line in lines if line.startswith("Open the client: ")]
    assert len(ours) <= 1 and all(lines.index(line) < start for line in ours)


def test_the_visitors_name_is_quoted_and_cut_short_in_the_subject(
    anonymous, form, django_capture_on_commit_callbacks
):
    name = "Your account is suspended - verify at https://evil.example/login"
    with django_capture_on_commit_callbacks(execute=True):
        post_json(anonymous, form, json.dumps({"name": name, "email": "n@example.com"}))
    [message] = mail.outbox
    assert message.subject.startswith("New website enquiry from “Your account is suspended")
    assert "evil.example/login" not in message.subject
    assert message.subject.endswith("…” (Contact page)")


# Item 14: the thank-you page is on one of the form's own websites -------------------------


def test_a_thank_you_url_off_the_forms_websites_is_refused_when_saving(agency):
    with pytest.raises(ValidationError) as refused:
        enquiry_form_create(
            agency=agency,
            name="Contact",
            allowed_origins=[SITE],
            redirect_url="https://evil.example/thanks",
        )
    assert "redirect_url" in refused.value.message_dict
    form = enquiry_form_create(
        agency=agency, name="Contact", allowed_origins=[SITE], redirect_url=f"{SITE}/thanks"
    )
    with pytest.raises(ValidationError):
        enquiry_form_update(form=form, allowed_origins=["https://other.example"])
    form.refresh_from_db()
    assert (form.allowed_origins, form.redirect_url) == ([SITE], f"{SITE}/thanks")


def test_a_thank_you_url_no_longer_on_the_forms_websites_falls_back_to_itineras_page(
    anonymous, form
):
    type(form).objects.filter(pk=form.pk).update(redirect_url="https://evil.example/phish")
    response = anonymous.post(
        f"/forms/{form.public_key}",
        data="email=nadia%40example.com",
        content_type="application/x-www-form-urlencoded",
        HTTP_ORIGIN=SITE,
    )
    assert response.status_code == 303
    assert response["Location"] == f"/forms/{form.public_key}/thanks"
    as_json = post_json(anonymous, form, '{"email": "other@example.com"}', ip="10.9.9.9")
    assert as_json.json()["data"]["redirect_url"] is None


def test_a_thank_you_url_on_the_forms_website_is_followed(anonymous, form):
    response = anonymous.post(
        f"/forms/{form.public_key}",
        data="email=nadia%40example.com",
        content_type="application/x-www-form-urlencoded",
        HTTP_ORIGIN=SITE,
    )
    assert (response.status_code, response["Location"]) == (303, f"{SITE}/thank-you")


def test_the_dashboard_shows_a_thank_you_url_off_the_forms_websites_beside_the_field(alice, form):
    client = HttpClient()
    client.force_login(alice)
    response = client.post(
        f"/settings/forms/{form.pk}/edit/",
        {
            "name": form.name,
            "allowed_origins": SITE,
            "redirect_url": "https://evil.example/thanks",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "redirect_url" in response.context["form"].errors
    form.refresh_from_db()
    assert form.redirect_url == f"{SITE}/thank-you"
