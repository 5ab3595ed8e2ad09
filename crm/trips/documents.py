"""An itinerary's PDF: the day-by-day plan as it stands, branded with the agency's letterhead
(``accounts.branding``), rendered through ``core.pdf`` (no network at render time)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.text import slugify

from accounts.branding import letterhead
from core.pdf import render_pdf, static_text
from crm.trips.models import Itinerary
from crm.trips.selectors import plan_outline

PDF_CSS = "css/pdf.css"


def itinerary_pdf(itinerary: Itinerary) -> bytes:
    """``itinerary`` as read by ``selectors.itinerary_get`` (its days and items prefetched)."""
    return render_pdf(itinerary_html(itinerary))


def itinerary_html(itinerary: Itinerary) -> str:
    """The PDF's HTML (a long plan's is rendered by a job: ``crm.proposals.rendering``)."""
    return render_to_string(
        "pdf/itinerary.html",
        {
            "css": static_text(PDF_CSS),
            "document_title": itinerary.title,
            "letterhead": letterhead(itinerary.agency),
            "itinerary": itinerary,
            "plan": plan_outline(itinerary),
        },
    )


def itinerary_filename(itinerary: Itinerary) -> str:
    return f"{slugify(itinerary.title)[:60] or 'itinerary'}.pdf"
