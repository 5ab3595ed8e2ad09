"""Settings → Branding: a validated logo stored in the database and served at a public,
hashed, long-cached URL; readable colours; the letterhead the client's page shows."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as HttpClient
from PIL import Image

from accounts import branding
from accounts.models import Activity, AgencyBranding

pytestmark = pytest.mark.django_db


def image(kind: str = "PNG", size: tuple[int, int] = (60, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#123456").save(buffer, format=kind)
    return buffer.getvalue()


def test_the_letterhead_of_an_agency_without_branding_has_defaults(agency):
    head = branding.letterhead(agency)

    assert head.name == "Alpha Tours"
    assert head.logo_url is None and head.logo_data_uri is None
    assert head.primary_color == branding.DEFAULT_PRIMARY


@pytest.mark.parametrize("kind", ["PNG", "JPEG", "WEBP"])
def test_a_raster_logo_is_stored_and_given_as_a_data_uri_and_a_hashed_url(agency, alice, kind):
    content = image(kind)

    branding.branding_logo_set(agency=agency, updated_by=alice, content=content)

    head = branding.letterhead(agency)
    assert head.logo_data_uri.startswith(f"data:image/{kind.lower()};base64,")
    assert head.logo_url.startswith(f"/brand/{agency.pk}/")
    assert Activity.objects.filter(event="branding.updated").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "read"),
        (image("GIF"), "PNG, JPEG or WebP"),
        (image()[:60], "read"),  # truncated
        (b"x" * (branding.LOGO_MAX_BYTES + 1), "512 KB"),
        (image(size=(4001, 10)), "4000"),
    ],
    ids=["svg", "gif", "truncated", "too-large", "too-many-pixels"],
)
def test_a_logo_that_is_not_an_acceptable_image_is_refused(agency, alice, content, message):
    with pytest.raises(ValidationError) as error:
        branding.branding_logo_set(agency=agency, updated_by=alice, content=content)

    assert message in error.value.message_dict["logo"][0]
    assert not AgencyBranding.objects.filter(agency=agency).exclude(logo=None).exists()


def test_the_logo_url_serves_the_image_with_a_long_cache_to_anyone(agency, alice):
    branding.branding_logo_set(agency=agency, updated_by=alice, content=image())
    url = branding.letterhead(agency).logo_url

    response = HttpClient().get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content == image()
    assert (
        "immutable" in response["Cache-Control"] and "max-age=31536000" in response["Cache-Control"]
    )
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_old_or_guessed_logo_url_is_a_404(agency, other_agency, alice):
    branding.branding_logo_set(agency=agency, updated_by=alice, content=image())
    old = branding.letterhead(agency).logo_url
    branding.branding_logo_set(agency=agency, updated_by=alice, content=image("JPEG"))
    digest = old.rsplit("/", 1)[1]
    visitor = HttpClient()

    assert visitor.get(old).status_code == 404
    assert visitor.get(f"/brand/{other_agency.pk}/{digest}").status_code == 404
    assert visitor.get(f"/brand/{agency.pk}/{'0' * 16}").status_code == 404


def test_a_colour_too_light_for_white_text_is_refused(agency, alice):
    with pytest.raises(ValidationError) as error:
        branding.branding_update(agency=agency, updated_by=alice, primary_color="#99f6e4")

    assert "contrast" in error.value.message_dict["primary_color"][0]
    with pytest.raises(ValidationError) as error:
        branding.branding_update(agency=agency, updated_by=alice, accent_color="teal")
    assert "accent_color" in error.value.message_dict


def test_the_settings_page_saves_details_and_uploads_a_logo(as_alice, agency):
    assert as_alice.get("/settings/branding/").status_code == 200
    response = as_alice.post(
        "/settings/branding/",
        {
            "action": "details",
            "primary_color": "#1E3A8A",
            "accent_color": "#7c2d12",
            "address": "1 Harbour Street",
            "phone": "+39 089",
            "website": "https://alpha.example",
            "email_signature": "The Alpha team",
        },
    )
    assert response.status_code == 302
    upload = SimpleUploadedFile("logo.png", image(), content_type="image/png")
    assert (
        as_alice.post("/settings/branding/", {"action": "logo", "logo": upload}).status_code == 302
    )

    head = branding.letterhead(agency)
    assert (head.primary_color, head.phone, head.email_signature) == (
        "#1e3a8a",
        "+39 089",
        "The Alpha team",
    )
    assert head.logo_url is not None


def test_the_settings_page_shows_a_refused_logo_beside_the_field(as_alice, agency):
    upload = SimpleUploadedFile("logo.svg", b"<svg/>", content_type="image/svg+xml")

    response = as_alice.post("/settings/branding/", {"action": "logo", "logo": upload})

    assert response.status_code == 422
    assert "not an image we can read" in response.content.decode()


def test_agents_cannot_change_the_branding(as_amir):
    assert as_amir.get("/settings/branding/").status_code == 403


def test_the_clients_page_shows_the_logo_and_the_colour(agency, alice):
    from crm.proposals.services import proposal_send
    from tests.factories import ClientFactory, ProposalFactory

    branding.branding_update(agency=agency, updated_by=alice, primary_color="#1e3a8a")
    branding.branding_logo_set(agency=agency, updated_by=alice, content=image())
    proposal = proposal_send(proposal=ProposalFactory(client=ClientFactory(agency=agency)))

    page = HttpClient().get(f"/p/{proposal.share_token}").content.decode()

    assert branding.letterhead(agency).logo_url in page
    assert "background:#1e3a8a" in page


def test_the_proposal_email_carries_the_logo_and_the_signature(agency, alice):
    from crm.proposals.emails import proposal_email_render
    from tests.factories import ClientFactory, ProposalFactory

    branding.branding_update(
        agency=agency, updated_by=alice, email_signature="Warm regards,\nThe Alpha team"
    )
    branding.branding_logo_set(agency=agency, updated_by=alice, content=image())
    proposal = ProposalFactory(client=ClientFactory(agency=agency, email="c@example.com"))

    email = proposal_email_render(proposal=proposal, subject="Hi", message="Hello", agent=alice)

    assert branding.letterhead(agency).logo_url in email.html
    assert "The Alpha team" in email.html and "The Alpha team" in email.text
