"""The background work of invoices and receipts: rendering their PDF once issued."""

from __future__ import annotations

from core import jobs
from crm.invoices.models import Invoice, Receipt, Series
from crm.invoices.rendering import document_render

MODELS: dict[str, type[Invoice] | type[Receipt]] = {
    Series.INVOICE: Invoice,
    Series.RECEIPT: Receipt,
}


@jobs.job("invoices.render", queue="default", attempts=5)
def render_document(*, agency_id: int, series: str, document_id: int) -> bool:
    """Render the PDF of an issued invoice or receipt and store it on its row (pending →
    ready). Safe to run twice: a ready document is left alone."""
    model = MODELS[series]
    document = model.objects.for_agency(agency_id).filter(pk=document_id).first()
    if document is None:
        return False
    return document_render(document)
