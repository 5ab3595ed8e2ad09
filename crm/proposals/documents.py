"""A proposal's PDFs, branded with the agency's letterhead (``accounts.branding``): a version
as the client was sent it (options and prices, the day-by-day plan, the terms) and the
acceptance certificate. Both are rendered from frozen rows only (the version's content, the
acceptance), so the PDF of version 2 never changes, whatever is edited later. A long one is
rendered by a job (``rendering.pdf_now_or_later``).

Rendering goes through ``core.pdf`` (no network: the logo is a data: URI, the CSS inline). A
version or certificate is a few pages (about 0.1-0.3 s to render), rendered when asked; the
caller decides (a view serves it, a job could attach it).
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.text import slugify

from accounts.branding import letterhead
from core.pdf import render_pdf, static_text
from crm.proposals import versions
from crm.proposals.models import Acceptance, ProposalVersion, RenderedPdf
from crm.proposals.rendering import pdf_now_or_later

PDF_CSS = "css/pdf.css"


def _html(template: str, context: dict[str, object]) -> str:
    return render_to_string(template, {"css": static_text(PDF_CSS), **context})


def version_pdf(version: ProposalVersion) -> bytes:
    """Version ``version`` as the client was sent it."""
    return render_pdf(version_html(version))


def version_document(version: ProposalVersion) -> bytes | RenderedPdf:
    """The version's PDF now, or (a long plan) the row its job is rendering."""
    return pdf_now_or_later(
        agency_id=version.agency_id, html=version_html(version), filename=version_filename(version)
    )


def version_html(version: ProposalVersion) -> str:
    content = version.content
    start_date, end_date = versions.snapshot_dates(content)
    return _html(
        "pdf/proposal.html",
        {
            "document_title": content["title"],
            "letterhead": letterhead(version.agency),
            "version": version,
            "shown": content,
            "plan": versions.snapshot_plan(content),
            "start_date": start_date,
            "end_date": end_date,
            "valid_until": versions.parse_date(content.get("valid_until")),
        },
    )


def certificate_pdf(acceptance: Acceptance) -> bytes:
    """The acceptance certificate: every field the e-signature recorded (one page: always
    rendered now)."""
    return render_pdf(certificate_html(acceptance))


def certificate_html(acceptance: Acceptance) -> str:
    return _html(
        "pdf/certificate.html",
        {
            "document_title": "Acceptance certificate",
            "letterhead": letterhead(acceptance.agency),
            "acceptance": acceptance,
            "shown": acceptance.version.content,
        },
    )


def version_filename(version: ProposalVersion) -> str:
    title = slugify(version.content.get("title", ""))[:60] or "proposal"
    return f"{title}-v{version.number}.pdf"


def certificate_filename(acceptance: Acceptance) -> str:
    title = slugify(acceptance.version.content.get("title", ""))[:60] or "proposal"
    return f"{title}-acceptance-certificate.pdf"
