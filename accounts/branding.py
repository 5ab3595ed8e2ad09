"""The agency's branding: its logo, colours and contact details on everything a client sees.

:func:`letterhead` is the ONE accessor other code calls (the client's proposal page, emails,
PDFs, invoices): the agency's name, its logo as a ``data:`` URI (for PDFs: no network at render
time) and as a public URL (for web pages and emails), address, phone, website, colours and
email signature, with defaults when the agency set none.

The logo is stored in the database (``AgencyBranding.logo``), at most :data:`LOGO_MAX_BYTES`,
and only when it really is a PNG, JPEG or WebP image (opened and fully decoded with Pillow, its
size in pixels bounded): SVG is refused, as a script risk. It is served by its own view at a
URL that carries the SHA-256 of its bytes (``/brand/<agency id>/<hash>``), with a year-long
cache: a new logo is a new URL, and an old or guessed one is a 404.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.urls import reverse
from PIL import Image, UnidentifiedImageError

from accounts.events import record_event
from accounts.models import Agency, AgencyBranding, User
from core.pdf import data_uri

LOGO_MAX_BYTES = 512 * 1024
LOGO_MAX_PIXELS = 4000
LOGO_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}
DIGEST_LENGTH = 16  # of the SHA-256's hex in the logo's URL
DEFAULT_PRIMARY = "#0f766e"
DEFAULT_ACCENT = "#134e4a"
MIN_CONTRAST = 4.5  # WCAG AA for body text: white text on the primary colour, accent on white
_HEX = re.compile(r"^#[0-9a-f]{6}$")
TEXT_LIMITS = {"address": 500, "phone": 50, "website": 200, "email_signature": 2_000}


@dataclass(frozen=True)
class Letterhead:
    """What a client-facing page, email or PDF shows of the agency."""

    name: str
    logo_data_uri: str | None
    logo_url: str | None
    address: str
    phone: str
    website: str
    primary_color: str
    accent_color: str
    email_signature: str

    @property
    def address_lines(self) -> list[str]:
        return [line for line in self.address.splitlines() if line.strip()]


def branding_of(agency: Agency | int) -> AgencyBranding | None:
    agency_id = agency if isinstance(agency, int) else agency.pk
    return AgencyBranding.objects.filter(agency_id=agency_id).first()


def logo_path(branding: AgencyBranding) -> str | None:
    if not branding.logo:
        return None
    return reverse("agency_logo", args=[branding.agency_id, branding.logo_sha256[:DIGEST_LENGTH]])


def letterhead(agency: Agency) -> Letterhead:
    """The agency's letterhead (defaults where it set nothing)."""
    branding = branding_of(agency)
    if branding is None:
        return Letterhead(
            name=agency.name,
            logo_data_uri=None,
            logo_url=None,
            address="",
            phone="",
            website="",
            primary_color=DEFAULT_PRIMARY,
            accent_color=DEFAULT_ACCENT,
            email_signature="",
        )
    logo = bytes(branding.logo) if branding.logo else None
    return Letterhead(
        name=agency.name,
        logo_data_uri=data_uri(logo, branding.logo_type) if logo else None,
        logo_url=logo_path(branding),
        address=branding.address,
        phone=branding.phone,
        website=branding.website,
        primary_color=branding.primary_color,
        accent_color=branding.accent_color,
        email_signature=branding.email_signature,
    )


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_with_white(colour: str) -> float:
    return 1.05 / (_luminance(colour) + 0.05)


def _colour(name: str, value: str) -> str:
    value = (value or "").strip().lower()
    if not _HEX.match(value):
        raise ValidationError({name: ["A colour such as #0f766e."]})
    if contrast_with_white(value) < MIN_CONTRAST:
        raise ValidationError(
            {
                name: [
                    f"Too light: white text on it (and it on white) must reach a contrast of "
                    f"{MIN_CONTRAST}:1 to be readable; this one is "
                    f"{contrast_with_white(value):.1f}:1. Choose a darker colour."
                ]
            }
        )
    return value


def validate_logo(content: bytes) -> str:
    """The content type of ``content`` if it is an acceptable logo; a ``logo`` error if not."""
    if not content:
        raise ValidationError({"logo": ["Choose an image file."]})
    if len(content) > LOGO_MAX_BYTES:
        raise ValidationError({"logo": [f"At most {LOGO_MAX_BYTES // 1024} KB."]})
    try:
        with Image.open(io.BytesIO(content)) as image:
            kind = image.format or ""
            if kind not in LOGO_FORMATS:
                raise ValidationError({"logo": ["A PNG, JPEG or WebP image (SVG is not taken)."]})
            width, height = image.size
            if width > LOGO_MAX_PIXELS or height > LOGO_MAX_PIXELS:
                raise ValidationError(
                    {"logo": [f"At most {LOGO_MAX_PIXELS} x {LOGO_MAX_PIXELS} pixels."]}
                )
            image.verify()  # the file's structure and checksums: a truncated PNG fails here
        with Image.open(io.BytesIO(content)) as image:
            image.load()  # and it decodes
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError({"logo": ["This file is not an image we can read."]}) from None
    return LOGO_FORMATS[kind]


def _row(agency: Agency) -> AgencyBranding:
    branding, _ = AgencyBranding.objects.select_for_update().get_or_create(agency=agency)
    return branding


@transaction.atomic
def branding_update(
    *,
    agency: Agency,
    updated_by: User | None,
    primary_color: str = DEFAULT_PRIMARY,
    accent_color: str = DEFAULT_ACCENT,
    address: str = "",
    phone: str = "",
    website: str = "",
    email_signature: str = "",
) -> AgencyBranding:
    """Set the agency's colours and contact details (the logo has its own door)."""
    texts = {
        "address": (address or "").replace("\r\n", "\n").strip(),
        "phone": " ".join((phone or "").split()),
        "website": (website or "").strip(),
        "email_signature": (email_signature or "").replace("\r\n", "\n").strip(),
    }
    errors: dict[str, list[str]] = {}
    for name, value in texts.items():
        if len(value) > TEXT_LIMITS[name]:
            errors[name] = [f"At most {TEXT_LIMITS[name]} characters."]
    if texts["website"] and "website" not in errors:
        try:
            URLValidator(schemes=["http", "https"])(texts["website"])
        except ValidationError:
            errors["website"] = ["A web address such as https://www.example.com."]
    colours = {}
    for name, value in (("primary_color", primary_color), ("accent_color", accent_color)):
        try:
            colours[name] = _colour(name, value)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    branding = _row(agency)
    for name, value in {**texts, **colours}.items():
        setattr(branding, name, value)
    branding.save()
    record_event(
        "branding.updated",
        agency_id=agency.pk,
        object_type="agency",
        object_id=agency.pk,
        object_repr=agency.name,
        data={"changed": sorted({**texts, **colours})},
        actor=updated_by,
    )
    return branding


@transaction.atomic
def branding_logo_set(
    *, agency: Agency, updated_by: User | None, content: bytes | None
) -> AgencyBranding:
    """Replace the agency's logo with ``content`` (validated), or remove it when None."""
    kind = validate_logo(content) if content is not None else ""
    branding = _row(agency)
    branding.logo = content
    branding.logo_type = kind
    branding.logo_sha256 = hashlib.sha256(content).hexdigest() if content is not None else ""
    branding.save()
    record_event(
        "branding.updated",
        agency_id=agency.pk,
        object_type="agency",
        object_id=agency.pk,
        object_repr=agency.name,
        data={"logo": "removed" if content is None else kind, "bytes": len(content or b"")},
        actor=updated_by,
    )
    return branding


def logo_for_url(*, agency_id: int, digest: str) -> AgencyBranding | None:
    """The branding whose logo the public URL names (its hash must match), or None."""
    if len(digest) != DIGEST_LENGTH:
        return None
    branding = branding_of(agency_id)
    if branding is None or not branding.logo or branding.logo_sha256[:DIGEST_LENGTH] != digest:
        return None
    return branding
