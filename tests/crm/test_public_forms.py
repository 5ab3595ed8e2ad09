"""POST /forms/<key>: the public endpoint a website's enquiry form posts to."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.test import Client as HttpClient
from django.utils import timezone

from core.models import IdempotencyRecord
from crm.enquiries.website_forms import enquiry_form_regenerate_key
from crm.models import Client, Enquiry
from tests.factories import ClientFactory, EnquiryFormFactory

SITE = "https://www.alpha-tours.example"
FOREIGN = "https://spam.example"
LEAD = {
    "name": "Nadia Rahman",
    "email": "nadia@example.com",
    "phone": "+44 7700 900123",
    "message": "Two weeks in Japan in April, please.",
    "destination": "Japan",
    "start_date": "2027-04-02",
    "end_date": "2027-04-16",
    "travellers": "2",
    "budget": "6000 GBP",
    "page_url": "https://www.alpha-tours.example/contact",
}


@pytest.fixture
def form(agency, amir):
    form = EnquiryFormFactory(
        agency=agency,
        name="Contact page",
        allowed_origins=[SITE],
        redirect_url="https://www.alpha-tours.example/thank-you",
    )
    form.notify_users.set([amir])
    return form


@pytest.fixture
def url(form):
    return f"/forms/{form.public_key}"


def post_form(client, url, data, ip="127.0.0.1", **headers):
    return client.post(
        url,
        data=urlencode(data, doseq=True),
        content_type="application/x-www-form-urlencoded",
        headers=headers,
        REMOTE_ADDR=ip,
    )


def post_json(client, url, data, ip="127.0.0.1", **headers):
    return client.post(
        url, data=json.dumps(data), content_type="application/json", headers=headers, REMOTE_ADDR=ip
    )


# Accepted submissions ----------------------------------------------------------------------


def test_a_form_post_creates_a_lead_and_redirects_to_the_thank_you_url(client, form, url):
    response = post_form(client, url, LEAD, Origin=SITE)

    assert response.status_code == 303
    assert response["Location"] == "https://www.alpha-tours.example/thank-you"
    enquiry = Enquiry.objects.get()
    assert enquiry.form == form
    assert enquiry.agency == form.agency
    assert enquiry.destination == "Japan"
    assert enquiry.travel_start == dt.date(2027, 4, 2)
    assert enquiry.travel_end == dt.date(2027, 4, 16)
    assert enquiry.travellers == 2
    lead = enquiry.client
    assert (lead.name, lead.email, lead.phone) == ("Nadia Rahman", LEAD["email"], LEAD["phone"])
    assert (lead.status, lead.source) == ("lead", "web_form")
    assert lead.agency == form.agency


def test_a_form_post_without_a_thank_you_url_lands_on_a_thank_you_page(client, form, url):
    form.redirect_url = ""
    form.save()

    response = post_form(client, url, LEAD, Origin=SITE)

    assert response.status_code == 303
    assert response["Location"] == f"/forms/{form.public_key}/thanks"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert b"Thank you" in page.content
    assert b"Alpha Tours" in page.content


def test_a_json_post_answers_201_with_the_enquiry_id(client, form, url):
    response = post_json(client, url, {**LEAD, "travellers": 2}, Origin=SITE)

    assert response.status_code == 201
    data = response.json()["data"]
    enquiry = Enquiry.objects.get()
    assert data["id"] == enquiry.pk
    assert data["status"] == "received"
    assert data["redirect_url"] == form.redirect_url
    assert data["created_at"].endswith("+00:00")
    assert enquiry.client.source == "web_form"


def test_the_answer_reveals_nothing_about_existing_clients(client, form, url, agency):
    ClientFactory(agency=agency, email=LEAD["email"], name="Known Client")

    body = post_json(client, url, LEAD).json()

    assert set(body["data"]) == {"id", "status", "created_at", "redirect_url"}
    assert "Known Client" not in json.dumps(body)


def test_extra_fields_are_kept_as_given(client, form, url):
    post_form(
        client,
        url,
        {**LEAD, "heard_from": "Instagram", "interests": ["food", "temples"]},
        Origin=SITE,
    )
    post_json(client, url, {"email": "json@example.com", "rooms": 2, "flexible": True}, Origin=SITE)

    form_enquiry, json_enquiry = Enquiry.objects.order_by("id")
    assert form_enquiry.extra == {"heard_from": "Instagram", "interests": ["food", "temples"]}
    assert json_enquiry.extra == {"rooms": 2, "flexible": True}


def test_the_client_and_enquiry_keep_the_raw_submission_page_url_and_time(client, form, url):
    before = timezone.now()
    post_form(client, url, {**LEAD, "heard_from": "Google"}, Origin=SITE)

    enquiry = Enquiry.objects.get()
    assert enquiry.raw == {**LEAD, "heard_from": "Google"}
    assert enquiry.page_url == LEAD["page_url"]
    assert enquiry.created_at >= before
    details = enquiry.client.source_details
    assert details["raw"] == {**LEAD, "heard_from": "Google"}
    assert details["page_url"] == LEAD["page_url"]
    assert details["form_id"] == form.pk
    assert dt.datetime.fromisoformat(details["submitted_at"]) >= before


def test_the_referer_is_the_page_url_when_the_form_posts_none(client, form, url):
    data = {k: v for k, v in LEAD.items() if k != "page_url"}

    post_form(client, url, data, Origin=SITE, Referer="https://www.alpha-tours.example/japan")

    assert Enquiry.objects.get().page_url == "https://www.alpha-tours.example/japan"


def test_a_post_without_an_origin_header_is_accepted(client, form, url):
    """Server-to-server posts (curl, a site's backend) send no Origin; CORS is for browsers."""
    response = post_json(client, url, LEAD)

    assert response.status_code == 201
    assert "Access-Control-Allow-Origin" not in response


def test_an_enquiry_matching_a_client_by_email_in_any_case_attaches_to_it(
    client, form, url, agency
):
    known = ClientFactory(agency=agency, email="Nadia@Example.COM", phone="", notes="VIP")

    post_json(client, url, LEAD, Origin=SITE)

    enquiry = Enquiry.objects.get()
    assert enquiry.client == known
    assert enquiry.matched_existing is True
    assert Client.objects.count() == 1
    known.refresh_from_db()
    assert known.notes.startswith("VIP\n\n")
    assert "Website enquiry via “Contact page”" in known.notes
    assert "Two weeks in Japan" in known.notes


def test_an_enquiry_matching_a_client_by_phone_attaches_to_it(client, form, url, agency):
    # A national number is read in the agency's country (its timezone's: crm.clients.phones).
    agency.timezone = "Europe/London"
    agency.save()
    known = ClientFactory(agency=agency, email="someone-else@example.com", phone="07700-900-123")

    post_json(client, url, {"name": "Nadia", "phone": "+44 (0) 7700 900123"}, Origin=SITE)

    assert Enquiry.objects.get().client == known
    assert Client.objects.count() == 1


def test_another_agencys_client_is_never_matched(client, form, url, other_agency):
    theirs = ClientFactory(agency=other_agency, email=LEAD["email"], phone=LEAD["phone"])

    post_json(client, url, LEAD, Origin=SITE)

    enquiry = Enquiry.objects.get()
    assert enquiry.client != theirs
    assert enquiry.client.agency == form.agency
    theirs.refresh_from_db()
    assert Enquiry.objects.filter(client=theirs).count() == 0
    assert "Website enquiry" not in theirs.notes


def test_the_chosen_agents_are_emailed(
    client, form, url, alice, amir, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_json(client, url, LEAD, Origin=SITE)

    assert [message.to for message in mail.outbox] == [["amir@alpha.example"]]
    message = mail.outbox[0]
    assert "Nadia Rahman" in message.subject
    assert message.reply_to == ["nadia@example.com"]
    assert "Two weeks in Japan" in message.body
    assert f"/clients/{Enquiry.objects.get().client_id}/" in message.body


def test_the_endpoint_needs_no_csrf_token(form, url):
    strict = HttpClient(enforce_csrf_checks=True)

    response = post_form(strict, url, LEAD, Origin=SITE)

    assert response.status_code == 303
    assert Enquiry.objects.count() == 1


def test_the_endpoint_sets_no_cookies(client, form, url):
    response = post_form(client, url, LEAD, Origin=SITE)

    assert not response.cookies


def test_the_endpoint_cannot_touch_a_signed_in_users_data(client, form, url, bob, other_agency):
    """Even with a dashboard session in the browser, a post only adds to the form's agency."""
    client.force_login(bob)

    post_json(client, url, LEAD, Origin=SITE)

    assert Client.objects.filter(agency=other_agency).count() == 0
    assert Enquiry.objects.get().agency == form.agency


# The honeypot ------------------------------------------------------------------------------


def test_the_honeypot_drops_a_bot_form_post_with_a_normal_answer(client, form, url):
    response = post_form(client, url, {**LEAD, "website": "http://cheap-pills.example"})

    assert response.status_code == 303
    assert response["Location"] == form.redirect_url
    assert Enquiry.objects.count() == 0
    assert Client.objects.count() == 0


def test_the_honeypot_drops_a_bot_json_post_with_a_normal_answer(
    client, form, url, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_json(client, url, {**LEAD, "website": "spam"}, Origin=SITE)

    assert response.status_code == 201
    assert isinstance(response.json()["data"]["id"], int)
    assert Enquiry.objects.count() == 0
    assert mail.outbox == []


def test_an_empty_honeypot_lets_a_human_through(client, form, url):
    response = post_form(client, url, {**LEAD, "website": ""}, Origin=SITE)

    assert response.status_code == 303
    assert Enquiry.objects.get().extra == {}


# CORS --------------------------------------------------------------------------------------


def test_a_preflight_from_an_allowed_origin_is_answered(client, form, url):
    response = client.options(
        url,
        headers={
            "Origin": SITE,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type,idempotency-key",
        },
    )

    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == SITE
    assert "POST" in response["Access-Control-Allow-Methods"]
    allowed_headers = response["Access-Control-Allow-Headers"].lower()
    assert "content-type" in allowed_headers
    assert "idempotency-key" in allowed_headers
    assert "Access-Control-Allow-Credentials" not in response
    assert "Origin" in response["Vary"]
    assert Enquiry.objects.count() == 0


def test_a_preflight_from_a_foreign_origin_gets_no_cors_headers(client, form, url):
    response = client.options(
        url, headers={"Origin": FOREIGN, "Access-Control-Request-Method": "POST"}
    )

    assert response.status_code == 403
    assert "Access-Control-Allow-Origin" not in response
    assert "Origin" in response["Vary"]


def test_a_post_from_an_allowed_origin_is_readable_by_that_origin_only(client, form, url):
    response = post_json(client, url, LEAD, Origin=SITE)

    assert response.status_code == 201
    assert response["Access-Control-Allow-Origin"] == SITE
    assert "Access-Control-Allow-Credentials" not in response
    assert "Origin" in response["Vary"]


def test_a_post_from_a_foreign_origin_is_refused_and_stores_nothing(client, form, url):
    for response in (
        post_json(client, url, LEAD, Origin=FOREIGN),
        post_form(client, url, LEAD, Origin=FOREIGN),
        post_json(client, url, LEAD, Origin="null"),
    ):
        assert response.status_code == 403
        assert "Access-Control-Allow-Origin" not in response
    assert Enquiry.objects.count() == 0


def test_origins_match_exactly_not_by_suffix_or_scheme(client, form, url):
    for origin in (
        "http://www.alpha-tours.example",
        "https://evil-www.alpha-tours.example",
        "https://www.alpha-tours.example.evil.example",
        "https://www.alpha-tours.example:8443",
    ):
        assert post_json(client, url, LEAD, Origin=origin).status_code == 403
    assert Enquiry.objects.count() == 0


def test_an_error_for_an_allowed_origin_is_readable_by_it(client, form, url):
    response = post_json(client, url, {"name": "No contact"}, Origin=SITE)

    assert response.status_code == 422
    assert response["Access-Control-Allow-Origin"] == SITE


# Rate limits -------------------------------------------------------------------------------


def test_the_per_ip_rate_limit_answers_429_with_retry_after(client, form, url, settings):
    settings.ENQUIRY_RATE_LIMIT_PER_IP = 2

    answers = [
        post_json(client, url, {**LEAD, "message": f"Try {n}"}, Origin=SITE) for n in range(3)
    ]

    assert [a.status_code for a in answers] == [201, 201, 429]
    refused = answers[-1]
    assert 1 <= int(refused["Retry-After"]) <= settings.ENQUIRY_RATE_LIMIT_WINDOW
    assert "Too many" in refused.json()["message"]
    assert refused["Access-Control-Allow-Origin"] == SITE
    assert Enquiry.objects.count() == 2


def test_the_per_ip_rate_limit_leaves_other_addresses_alone(client, form, url, settings):
    settings.ENQUIRY_RATE_LIMIT_PER_IP = 1

    first = post_json(client, url, LEAD, ip="203.0.113.1")
    second = post_json(client, url, LEAD, ip="203.0.113.2")
    again = post_json(client, url, {**LEAD, "message": "Again"}, ip="203.0.113.1")

    assert (first.status_code, second.status_code, again.status_code) == (201, 201, 429)


def test_the_per_form_rate_limit_counts_every_address(client, form, url, settings):
    settings.ENQUIRY_RATE_LIMIT_PER_FORM = 3

    answers = [
        post_json(client, url, {**LEAD, "message": f"Try {n}"}, ip=f"198.51.100.{n}")
        for n in range(4)
    ]

    assert [a.status_code for a in answers] == [201, 201, 201, 429]
    assert "Retry-After" in answers[-1]


def test_a_form_post_over_the_limit_gets_a_page_for_a_browser(client, form, url, settings):
    settings.ENQUIRY_RATE_LIMIT_PER_IP = 0

    response = post_form(client, url, LEAD, Accept="text/html,application/xhtml+xml,*/*;q=0.8")

    assert response.status_code == 429
    assert response["Content-Type"].startswith("text/html")
    assert b"Too many submissions" in response.content
    assert "Retry-After" in response


# Unknown and disabled forms ----------------------------------------------------------------


def test_a_disabled_form_answers_404(client, form, url):
    form.is_active = False
    form.save()

    response = post_json(client, url, LEAD, Origin=SITE)

    assert response.status_code == 404
    assert Enquiry.objects.count() == 0


def test_an_unknown_key_answers_404_exactly_like_a_disabled_form(client, form, url):
    unknown = post_json(client, "/forms/frm_doesnotexist", LEAD, Origin=SITE)
    form.is_active = False
    form.save()
    disabled = post_json(client, url, LEAD, Origin=SITE)

    assert unknown.status_code == disabled.status_code == 404
    assert unknown.json() == disabled.json()
    assert Enquiry.objects.count() == 0


def test_an_old_key_answers_404_after_it_is_regenerated(client, form, url):
    enquiry_form_regenerate_key(form=form)

    assert post_json(client, url, LEAD, Origin=SITE).status_code == 404
    assert post_json(client, f"/forms/{form.public_key}", LEAD, Origin=SITE).status_code == 201


def test_a_get_is_not_allowed(client, form, url):
    response = client.get(url)

    assert response.status_code == 405
    assert "POST" in response["Allow"]


# Bad input ---------------------------------------------------------------------------------


def assert_refused(response, *fields, status=422):
    assert response.status_code == status, response.content
    body = response.json()
    assert body["message"]
    for field in fields:
        assert body["errors"][field], body
    assert Enquiry.objects.count() == 0
    assert Client.objects.count() == 0


def test_a_submission_without_email_or_phone_is_refused(client, form, url):
    response = post_json(client, url, {"name": "Anonymous", "message": "Call me"}, Origin=SITE)

    assert_refused(response, "email", "phone")
    assert "email address or a phone number" in response.json()["errors"]["email"][0]


def test_a_phone_without_digits_does_not_count_as_a_phone(client, form, url):
    assert_refused(post_json(client, url, {"name": "A", "phone": "n/a"}), "phone")


def test_over_long_fields_are_refused_not_cut(client, form, url, settings):
    settings.ENQUIRY_MAX_MESSAGE_LENGTH = 100
    response = post_json(
        client,
        url,
        {**LEAD, "name": "N" * 201, "message": "m" * 101, "heard_from": "x" * 1001},
        Origin=SITE,
    )

    assert_refused(response, "name", "message", "heard_from")
    assert "at most 200 characters" in response.json()["errors"]["name"][0]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", {"first": "Nadia"}),
        ("email", ["a@example.com", "b@example.com"]),
        ("message", 42),
        ("travellers", "many"),
        ("travellers", True),
        ("travellers", 2.5),
        ("travellers", 0),
        ("start_date", 20270402),
        ("start_date", "02/04/2027"),
        ("end_date", "2027-02-30"),
        ("budget", ["6000"]),
        ("heard_from", {"nested": "object"}),
    ],
)
def test_wrong_types_are_refused_with_a_message_for_the_field(client, form, url, field, value):
    assert_refused(post_json(client, url, {**LEAD, field: value}, Origin=SITE), field)


def test_an_invalid_email_is_refused(client, form, url):
    assert_refused(post_json(client, url, {**LEAD, "email": "nadia-at-example"}), "email")


def test_an_end_date_before_the_start_date_is_refused(client, form, url):
    data = {**LEAD, "start_date": "2027-04-10", "end_date": "2027-04-01"}

    assert_refused(post_json(client, url, data), "end_date")


def test_too_many_extra_fields_are_refused(client, form, url, settings):
    settings.ENQUIRY_MAX_EXTRA_FIELDS = 3
    data = {**LEAD, **{f"extra_{n}": "x" for n in range(4)}}

    assert_refused(post_json(client, url, data), "non_field_errors")


def test_a_bad_form_post_gets_a_simple_page_for_a_browser(client, form, url):
    response = post_form(
        client,
        url,
        {"name": "Nobody"},
        Origin=SITE,
        Accept="text/html,application/xhtml+xml,*/*;q=0.8",
        Referer="https://www.alpha-tours.example/contact",
    )

    assert response.status_code == 422
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "email address or a phone number" in page
    assert 'href="https://www.alpha-tours.example/contact"' in page
    assert Enquiry.objects.count() == 0


def test_a_bad_form_post_gets_json_when_it_asks_for_json(client, form, url):
    response = post_form(client, url, {"name": "Nobody"}, Accept="application/json")

    assert_refused(response, "email")


def test_a_body_over_the_size_limit_is_refused_with_413(client, form, url, settings):
    settings.ENQUIRY_MAX_BODY_BYTES = 1000

    response = post_json(client, url, {**LEAD, "message": "m" * 2000}, Origin=SITE)

    assert response.status_code == 413
    assert Enquiry.objects.count() == 0


def test_a_body_that_is_not_json_is_refused_with_400(client, form, url):
    response = client.post(url, data="{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["message"] == "The body is not valid JSON."


@pytest.mark.parametrize(
    "body",
    ['{"email": "a@example.com", "rooms": NaN}', '{"x": Infinity}', "[" * 5000 + "]" * 5000],
)
def test_json_that_is_not_strict_json_is_refused_with_400(client, form, url, body):
    response = client.post(url, data=body, content_type="application/json")

    assert response.status_code == 400
    assert Enquiry.objects.count() == 0


def test_null_characters_are_refused_not_a_server_error(client, form, url):
    as_json = post_json(client, url, {**LEAD, "name": "Nul\x00l"})
    as_form = post_form(client, url, {**LEAD, "heard\x00from": "x"}, Accept="application/json")

    assert_refused(as_json, "name")
    assert_refused(as_form, "heardfrom")


def test_a_json_body_that_is_not_an_object_is_refused(client, form, url):
    response = client.post(url, data="[1, 2]", content_type="application/json")

    assert response.status_code == 400
    assert Enquiry.objects.count() == 0


def test_an_unsupported_content_type_is_refused_with_415(client, form, url):
    response = client.post(url, data="name=x", content_type="text/plain")

    assert response.status_code == 415


def test_a_multipart_post_is_taken_like_a_form_post(client, form, url):
    response = client.post(url, data=LEAD, headers={"Origin": SITE})  # multipart by default

    assert response.status_code == 303
    assert Enquiry.objects.get().email == LEAD["email"]


# Duplicates and Idempotency-Key ------------------------------------------------------------


def test_a_double_click_without_a_key_creates_one_enquiry(client, form, url):
    first = post_json(client, url, LEAD, Origin=SITE)
    second = post_json(client, url, LEAD, Origin=SITE)

    assert first.status_code == second.status_code == 201
    assert second.json()["data"]["id"] == first.json()["data"]["id"]
    assert Enquiry.objects.count() == 1
    assert Client.objects.count() == 1


def test_a_double_click_of_a_plain_form_creates_one_enquiry_and_one_email(
    client, form, url, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = post_form(client, url, LEAD, Origin=SITE)
        second = post_form(client, url, LEAD, Origin=SITE)

    assert first.status_code == second.status_code == 303
    assert Enquiry.objects.count() == 1
    assert len(mail.outbox) == 1


def test_the_same_content_after_the_window_is_a_new_enquiry(client, form, url, settings):
    post_json(client, url, LEAD, Origin=SITE)
    earlier = timezone.now() - dt.timedelta(seconds=settings.ENQUIRY_DUPLICATE_WINDOW + 1)
    Enquiry.objects.update(created_at=earlier)

    post_json(client, url, LEAD, Origin=SITE)

    assert Enquiry.objects.count() == 2
    assert Client.objects.count() == 1  # the second one matched the lead the first created


def test_the_same_content_from_another_visitor_is_a_new_enquiry(client, form, url):
    post_json(client, url, LEAD, ip="203.0.113.5")
    post_json(client, url, LEAD, ip="203.0.113.6")

    assert Enquiry.objects.count() == 2


def test_a_changed_message_from_the_same_visitor_is_a_new_enquiry(client, form, url):
    post_json(client, url, LEAD, Origin=SITE)
    post_json(client, url, {**LEAD, "message": "Actually, make it three weeks."}, Origin=SITE)

    assert Enquiry.objects.count() == 2


def test_a_repeated_idempotency_key_replays_the_first_answer(client, form, url):
    first = post_json(client, url, LEAD, Origin=SITE, **{"Idempotency-Key": "k-1"})
    # Another visitor (so the duplicate window would not catch it): only the key does.
    again = post_json(
        client, url, LEAD, ip="203.0.113.9", Origin=SITE, **{"Idempotency-Key": "k-1"}
    )

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert again["Access-Control-Allow-Origin"] == SITE
    assert Enquiry.objects.count() == 1
    assert IdempotencyRecord.objects.get().scope == f"form:{form.pk}"


def test_a_repeated_idempotency_key_replays_a_form_posts_redirect(client, form, url):
    first = post_form(client, url, LEAD, Origin=SITE, **{"Idempotency-Key": "k-2"})
    again = post_form(client, url, LEAD, Origin=SITE, **{"Idempotency-Key": "k-2"})

    assert first.status_code == again.status_code == 303
    assert again["Location"] == first["Location"]
    assert Enquiry.objects.count() == 1


def test_an_idempotency_key_reused_with_another_body_is_409(client, form, url):
    post_json(client, url, LEAD, Origin=SITE, **{"Idempotency-Key": "k-3"})

    response = post_json(
        client, url, {**LEAD, "message": "Different"}, Origin=SITE, **{"Idempotency-Key": "k-3"}
    )

    assert response.status_code == 409
    assert "different request body" in response.json()["message"]
    assert Enquiry.objects.count() == 1


def test_a_refused_submission_does_not_use_up_its_idempotency_key(client, form, url):
    bad = post_json(client, url, {"name": "x"}, Origin=SITE, **{"Idempotency-Key": "k-4"})
    fixed = post_json(client, url, LEAD, Origin=SITE, **{"Idempotency-Key": "k-4"})

    assert (bad.status_code, fixed.status_code) == (422, 201)
    assert Enquiry.objects.count() == 1


def test_an_invalid_idempotency_key_is_refused_with_400(client, form, url):
    response = post_json(client, url, LEAD, Origin=SITE, **{"Idempotency-Key": "x" * 256})

    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()["message"]
    assert Enquiry.objects.count() == 0


def test_the_email_links_to_the_configured_dashboard(
    client, form, url, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://crm.alpha.example"

    with django_capture_on_commit_callbacks(execute=True):
        post_json(client, url, LEAD, Origin=SITE)

    client_id = Enquiry.objects.get().client_id
    assert f"https://crm.alpha.example/clients/{client_id}/" in mail.outbox[0].body


def test_a_forged_host_never_reaches_the_email_when_any_host_is_allowed(
    client, form, url, settings, django_capture_on_commit_callbacks
):
    settings.ALLOWED_HOSTS = ["*"]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            data=json.dumps(LEAD),
            content_type="application/json",
            HTTP_HOST="phishing.example",
        )

    body = mail.outbox[0].body
    assert "phishing.example" not in body
    client_id = Enquiry.objects.get().client_id
    assert f"Open the client: https://crm.itinera.test/clients/{client_id}/" in body  # SITE_URL
