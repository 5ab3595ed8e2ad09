"""The agency's details printed on its documents, from ONE function.

Branding (logo, address, phone, website, colours) is being added to the agency elsewhere
(``accounts.branding``); when it lands, :func:`agency_letterhead` is the one place to read it.
Until then the agency's name is all Itinera knows, and the other keys are empty, so templates
already handle both.
"""

from __future__ import annotations

from typing import TypedDict

from accounts.models import Agency

DEFAULT_COLOUR = "#1f4b99"


class Letterhead(TypedDict):
    name: str
    logo: str  # a data: URI (core.pdf.data_uri), or ""
    address: str
    phone: str
    email: str
    website: str
    colour: str


def agency_letterhead(agency: Agency) -> Letterhead:
    """What a document shows of ``agency`` at its head (and freezes in its snapshot)."""
    return Letterhead(
        name=agency.name,
        logo="",
        address="",
        phone="",
        email="",
        website="",
        colour=DEFAULT_COLOUR,
    )
