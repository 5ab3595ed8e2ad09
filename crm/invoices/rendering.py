"""An issued document as HTML (the dashboard's "view") and as PDF (``core.pdf``, in a job).

Both come from the same template and the frozen ``snapshot`` only, never from the booking as it
is now, with the stylesheet inline (``core.pdf.static_text``), so the PDF needs no request.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from core.pdf import render_pdf, static_text
from crm.invoices.models import Invoice, PdfStatus, Receipt

TEMPLATE = "crm/invoices/document.html"
STYLESHEET = "css/invoice.css"


def document_context(document: Invoice | Receipt, *, back_url: str = "") -> dict[str, Any]:
    is_invoice = isinstance(document, Invoice)
    return {
        "back_url": back_url,
        "document": document,
        "title": "Invoice" if is_invoice else "Receipt",
        "is_invoice": is_invoice,
        "s": document.snapshot,
        "stylesheet": static_text(STYLESHEET),
    }


def document_html(document: Invoice | Receipt, *, back_url: str = "") -> str:
    """The document as a whole HTML page, its CSS inline (``back_url``: the dashboard's view
    adds a link back to the booking above the document; the PDF has none)."""
    return render_to_string(TEMPLATE, document_context(document, back_url=back_url))


def document_pdf(document: Invoice | Receipt) -> bytes:
    return render_pdf(document_html(document))


def document_render(document: Invoice | Receipt) -> bool:
    """Render and keep the PDF of ``document``; False when it was ready already (a second run
    of the job renders nothing)."""
    if document.pdf_ready:
        return False
    document.pdf = document_pdf(document)
    document.pdf_status = PdfStatus.READY
    document.pdf_rendered_at = timezone.now()
    document.save(update_fields=["pdf", "pdf_status", "pdf_rendered_at"])
    return True
