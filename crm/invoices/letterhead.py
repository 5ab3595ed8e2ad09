"""The agency's details printed on its documents, frozen in each document's snapshot.

They come from the agency's branding (``accounts.branding.letterhead``, the one accessor pages,
emails and PDFs read); this module only names the keys an invoice or receipt keeps, so a later
change of branding never changes a document already issued.
"""

from __future__ import annotations

from typing import TypedDict

from accounts.branding import letterhead
from accounts.models import Agency


class Letterhead(TypedDict):
    name: str
    logo: str  # a data: URI (core.pdf.data_uri), or ""
    address: str
    phone: str
    website: str
    colour: str


def agency_letterhead(agency: Agency) -> Letterhead:
    """What a document shows of ``agency`` at its head (and freezes in its snapshot)."""
    brand = letterhead(agency)
    return Letterhead(
        name=brand.name,
        logo=brand.logo_data_uri or "",
        address=brand.address,
        phone=brand.phone,
        website=brand.website,
        colour=brand.primary_color,
    )
