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


def document_context(document: Invoice | Receipt) -> dict[str, Any]:
    is_invoice = isinstance(document, Invoice)
    return {
        "document": document,
        "title": "Invoice" if is_invoice else "Receipt",
        "is_invoice": is_invoice,
        "s": document.snapshot,
        "stylesheet": static_text(STYLESHEET),
    }


def document_html(document: Invoice | Receipt) -> str:
    """The document as a whole HTML page, its CSS inline."""
    return render_to_string(TEMPLATE, document_context(document))


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
