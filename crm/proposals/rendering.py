"""PDFs now or in a job: a small document (most itineraries, every certificate) is rendered
while the user waits; a large one (a long plan: WeasyPrint takes seconds and tens of MB) is
rendered by the ``proposals.render_pdf`` job and kept (:class:`RenderedPdf`), keyed by the
SHA-256 of its HTML: asking again while it is being prepared queues nothing more, and once it
is ready the same document is served from the row until its content changes.

On the SQLite development default and in tests, jobs run in-process after commit, so a large
PDF is ready by the time the request answers; on PostgreSQL a worker renders it and the page
says it is being prepared.
"""

from __future__ import annotations

import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone

from core import jobs
from core.pdf import render_pdf
from crm.proposals.models import RenderedPdf, RenderedPdfStatus

# HTML larger than this (about 60 days of a plan) is rendered by a job.
INLINE_MAX_HTML = 120_000


def pdf_now_or_later(*, agency_id: int, html: str, filename: str) -> bytes | RenderedPdf:
    """The PDF of ``html``: its bytes when small or already rendered, else the pending row
    (its job queued)."""
    if len(html) <= INLINE_MAX_HTML:
        return render_pdf(html)
    digest = hashlib.sha256(html.encode()).hexdigest()
    rows = RenderedPdf.objects.for_agency(agency_id)
    found = rows.filter(html_sha256=digest).first()
    if found is None:
        try:
            with transaction.atomic():
                found = RenderedPdf.objects.create(
                    agency_id=agency_id, html_sha256=digest, html=html, filename=filename
                )
                jobs.enqueue(render_pdf_job, agency_id=agency_id, document_id=found.pk)
        except IntegrityError:  # another request queued the same document meanwhile
            found = rows.get(html_sha256=digest)
        found.refresh_from_db()  # inline jobs have run by now
    if found.status == RenderedPdfStatus.READY and found.content is not None:
        return bytes(found.content)
    return found


@jobs.job("proposals.render_pdf", attempts=3)
def render_pdf_job(*, agency_id: int, document_id: int, **_: object) -> None:
    """Render one queued PDF (safe to run twice: a ready row is left alone)."""
    document = RenderedPdf.objects.for_agency(agency_id).filter(pk=document_id).first()
    if document is None or document.status == RenderedPdfStatus.READY:
        return
    try:
        content = render_pdf(document.html)
    except Exception:
        RenderedPdf.objects.filter(pk=document.pk).update(status=RenderedPdfStatus.FAILED)
        raise
    RenderedPdf.objects.filter(pk=document.pk).update(
        content=content, status=RenderedPdfStatus.READY, rendered_at=timezone.now()
    )
